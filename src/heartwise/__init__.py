"""heartwise: a private companion for people who feel insecure in their relationship."""

__version__ = "0.1.0"
