"""What opening a database costs a fresh process: sqlite3 against SQLAlchemy.

Each variant runs in a new interpreter (import, connect, one query), nine times; the
script prints the medians. SQLAlchemy is not a heartwise dependency: run this with a
Python that has it, e.g. a scratch venv with `pip install sqlalchemy==2.1.9`:

    /tmp/scratch/bin/python benchmarks/storage_import_cost.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

RUNS = 9

VARIANTS = {
    "sqlite3": "import sqlite3; c = sqlite3.connect(DB); c.execute('select 1').fetchall()",
    "SQLAlchemy Core": (
        "import sqlalchemy as sa; e = sa.create_engine('sqlite:///' + DB); "
        "e.connect().execute(sa.text('select 1')).fetchall()"
    ),
    "SQLAlchemy ORM": (
        "import sqlalchemy as sa, sqlalchemy.orm as orm; e = sa.create_engine('sqlite:///' + DB); "
        "orm.Session(e).execute(sa.text('select 1')).fetchall()"
    ),
}


def time_variant(body: str, db: Path) -> float:
    code = (
        f"import time; DB = {str(db)!r}; t = time.perf_counter(); {body}; "
        "print(time.perf_counter() - t)"
    )
    runs = []
    for _ in range(RUNS):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"could not run: {done.stderr.strip().splitlines()[-1]}")
        runs.append(float(done.stdout))
    return statistics.median(runs) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "probe.db"
        baseline = time_variant(VARIANTS["sqlite3"], db)
        print("| variant | median ms | × sqlite3 |\n|---|---:|---:|")
        print(f"| sqlite3 | {baseline:.1f} | 1.0 |")
        for name in ("SQLAlchemy Core", "SQLAlchemy ORM"):
            ms = time_variant(VARIANTS[name], db)
            print(f"| {name} | {ms:.1f} | {ms / baseline:.1f} |")


if __name__ == "__main__":
    main()
