"""Numbered schema migrations, one SQL file per dialect: ``NNNN_name.<dialect>.sql``."""
