"""The `heartwise` console script: a short-lived process tuned to start and end quickly.

Two start-up costs are skipped, both safe for a process that lives well under a second:
- the cyclic garbage collector runs many times while modules import; it is off until a
  long-running command (serve, import) turns it back on;
- the interpreter's module teardown at exit: every file and database connection is
  closed by its own context manager before ``main`` returns, so after a success and
  flushing the output streams the process ends at once.
"""

from __future__ import annotations

import gc
import os
import sys


def run() -> None:
    gc.disable()
    from heartwise.cli.main import main

    code = main()
    if code != 0:
        # After an error, leave through the normal path: whatever was interrupted (worker
        # processes, their semaphores) is cleaned up by the interpreter's finalisers.
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    os._exit(code)
