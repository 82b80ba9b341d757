"""Dataclasses and rules of heartwise. No I/O and no framework imports here."""
