"""Server-rendered pages that work without JavaScript."""
