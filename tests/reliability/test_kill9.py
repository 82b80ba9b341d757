"""Killing heartwise at any moment loses nothing it said was saved, and breaks nothing.

A writer process adds entries and acknowledges each only after its commit returned. It
is killed with SIGKILL again and again, sometimes while it is still starting up, and the
journal must then hold every acknowledged entry exactly, pass SQLite's integrity checks,
and still find those entries by search.
"""

from __future__ import annotations

import os
import random
import select
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from heartwise.config import Settings
from heartwise.domain.search import index_terms
from heartwise.services.journal import Journal, Query
from heartwise.services.workspace import open_local_workspace

WRITER = Path(__file__).with_name("writer.py")
IN_CI = os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}
KILLS = int(os.environ.get("HEARTWISE_KILL_LOOPS") or (200 if IN_CI else 30))
STARTUP_LIMIT = 30.0  # seconds; only a broken writer takes this long to open the journal


@dataclass
class Run:
    """One writer process and what it has printed so far."""

    process: subprocess.Popen[bytes]
    output: bytearray = field(default_factory=bytearray)

    def read_until(self, deadline: float, *, marker: bytes | None = None) -> None:
        """Collect output until ``deadline``, end of output, or ``marker`` has appeared."""
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        while (remaining := deadline - time.monotonic()) > 0:
            if marker is not None and marker in self.output:
                return
            ready, _, _ = select.select([fd], [], [], remaining)
            if ready:
                chunk = os.read(fd, 65536)
                if not chunk:
                    return
                self.output += chunk

    def kill(self) -> None:
        """SIGKILL, then read what the writer had already printed before it died."""
        self.process.kill()
        self.process.wait()
        self.read_until(time.monotonic() + 5)
        assert self.process.stdout is not None
        self.process.stdout.close()

    def acknowledged(self) -> list[tuple[int, str]]:
        """Complete ``id<TAB>text`` lines; a line cut off by the kill promised nothing."""
        lines = bytes(self.output).split(b"\n")[:-1]
        pairs = []
        for line in lines:
            if line == b"ready":
                continue
            entry_id, text = line.decode().split("\t", 1)
            pairs.append((int(entry_id), text))
        return pairs


def start_writer(data_dir: Path, log: Path) -> Run:
    env = {**os.environ, "HEARTWISE_DATA_DIR": str(data_dir)}
    env.pop("HEARTWISE_DATABASE_URL", None)
    with log.open("ab") as errors:
        process = subprocess.Popen(
            [sys.executable, str(WRITER)], env=env, stdout=subprocess.PIPE, stderr=errors
        )
    return Run(process)


def unique_word(text: str) -> str:
    return next(term for term in index_terms(text) if term.startswith("kw"))


@pytest.mark.slow
def test_sigkill_at_any_moment_keeps_every_acknowledged_entry(tmp_path: Path) -> None:
    data_dir, log = tmp_path / "data", tmp_path / "writer-errors.log"
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    context = f"(seed {seed}, writer errors in {log})"
    acknowledged: dict[int, str] = {}
    last_of_each_run: list[int] = []

    for kill in range(KILLS):
        run = start_writer(data_dir, log)
        if kill % 10 == 0:
            # Every tenth run dies while still opening the journal (the first one while
            # creating it), where the schema and the keys are written.
            run.read_until(time.monotonic() + rng.uniform(0.0, 0.3))
        else:
            run.read_until(time.monotonic() + STARTUP_LIMIT, marker=b"ready\n")
            assert b"ready\n" in run.output, f"the writer did not start {context}"
            run.read_until(time.monotonic() + rng.uniform(0.05, 0.4))
        assert run.process.poll() is None, f"the writer stopped by itself {context}"
        run.kill()

        pairs = run.acknowledged()
        for entry_id, text in pairs:
            assert entry_id not in acknowledged, f"id {entry_id} was handed out twice {context}"
            acknowledged[entry_id] = text
        if pairs:
            last_of_each_run.append(pairs[-1][0])

    assert len(last_of_each_run) > KILLS // 2, f"too few runs got to write {context}"
    check_database_files(data_dir)
    check_entries(Settings(data_dir=data_dir), acknowledged, last_of_each_run, rng, context)


def check_database_files(data_dir: Path) -> None:
    connection = sqlite3.connect(data_dir / "heartwise.db")
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        # Raises sqlite3.DatabaseError if the index and the entries disagree.
        connection.execute("INSERT INTO entry_fts (entry_fts) VALUES ('integrity-check')")
    finally:
        connection.close()


def check_entries(
    settings: Settings,
    acknowledged: dict[int, str],
    last_of_each_run: list[int],
    rng: random.Random,
    context: str,
) -> None:
    sample = set(rng.sample(sorted(acknowledged), min(300, len(acknowledged))))
    with open_local_workspace(settings) as ws:
        journal = Journal(ws)
        stored = {entry.id: entry.text for entry in journal.iter_all(include_trash=True)}
        missing = {i: t for i, t in acknowledged.items() if stored.get(i) != t}
        assert missing == {}, f"{len(missing)} acknowledged entries are lost or changed {context}"
        for entry_id in sample | set(last_of_each_run):
            word = unique_word(acknowledged[entry_id])
            hits = journal.search(word, Query())
            assert [hit.entry.id for hit in hits] == [entry_id], f"search for #{entry_id} {context}"
