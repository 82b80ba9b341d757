"""Keys and sealing: everything a user writes is encrypted before it reaches storage."""
