"""The terminal face: Typer commands that parse, call one service, and render with Rich."""
