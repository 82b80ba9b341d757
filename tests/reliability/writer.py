"""Write journal entries until killed, reporting each one only after its commit returned.

Run by test_kill9.py with HEARTWISE_DATA_DIR set. Prints ``ready`` once the journal is
open, then ``<id>\\t<text>`` per entry; a line on stdout is a promise that the entry is
stored for good.
"""

from __future__ import annotations

import os
import secrets
import sys

from heartwise.config import load_settings
from heartwise.domain.entries import make_draft
from heartwise.domain.time import system_clock
from heartwise.services.journal import Journal
from heartwise.services.workspace import open_local_workspace


def main() -> None:
    out = sys.stdout
    with open_local_workspace(load_settings()) as ws:
        journal = Journal(ws)
        out.write("ready\n")
        out.flush()
        number = 0
        while True:
            word = f"kw{os.getpid()}n{number}r{secrets.token_hex(4)}"
            text = f"Entry {number} of writer {os.getpid()}: {word}, written before the crash."
            entry = journal.add(make_draft(text, system_clock()))
            out.write(f"{entry.id}\t{text}\n")
            out.flush()
            number += 1


if __name__ == "__main__":
    main()
