"""Use cases. Services receive a database, a sealer, settings and a clock; they never print."""
