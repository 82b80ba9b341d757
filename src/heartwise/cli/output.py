"""Where the CLI writes: Rich on a terminal, plain text when piped.

Rich is imported only when the output is a terminal, so scripts that pipe
`heartwise list` or `--json` never pay for it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console

Segment = str | tuple[str, str]  # plain text, or (text, Rich style)


class Output:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._console: Console | None = None

    @property
    def styled(self) -> bool:
        isatty = getattr(self.stream, "isatty", None)
        return bool(isatty and isatty()) and "NO_COLOR" not in os.environ

    @property
    def console(self) -> Console:
        """A Rich console on this stream (for progress bars and rules)."""
        if self._console is None:
            from rich.console import Console

            self._console = Console(file=self.stream, highlight=False, soft_wrap=True)
        return self._console

    def line(self, *segments: Segment) -> None:
        """One line made of plain and styled pieces."""
        if not self.styled:
            self.stream.write("".join(s if isinstance(s, str) else s[0] for s in segments) + "\n")
            return
        from rich.text import Text

        text = Text()
        for segment in segments:
            if isinstance(segment, str):
                text.append(segment)
            else:
                text.append(segment[0], style=segment[1])
        self.console.print(text)

    def print(self, *objects: Any) -> None:
        """Rich renderables on a terminal; their plain text otherwise."""
        if self.styled:
            self.console.print(*objects)
            return
        self.stream.write(" ".join(str(getattr(o, "plain", o)) for o in objects) + "\n")

    def rule(self, title: str = "") -> None:
        if self.styled:
            self.console.rule(title, style="yellow")
        else:
            self.stream.write(f"--- {title} ---\n" if title else "---\n")
