"""Explicit SQL over sqlite3 and psycopg 3, behind repository functions."""
