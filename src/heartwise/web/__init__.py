"""The web face: server-rendered pages and the JSON API, built by ``create_app``."""
