"""Quick capture stays quick: the hot commands never import the web stack or analysis."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = (
    "fastapi",
    "starlette",
    "pydantic",
    "uvicorn",
    "jinja2",
    "psycopg",
    "heartwise.web",
    "heartwise.analysis",
)
HOT_COMMANDS = [["list", "-n", "1"], ["log", "A quick note on the bus."], ["search", "note"]]

# -X importtime does not see modules loaded through importlib.import_module (the CLI loads
# its command modules that way), so the same run is also checked against sys.modules.
_RUN_AND_LIST_MODULES = """
import atexit, runpy, sys
out = sys.argv.pop(1)
atexit.register(lambda: open(out, "w").write("\\n".join(sorted(sys.modules))))
sys.argv[0] = "heartwise"
runpy.run_module("heartwise", run_name="__main__", alter_sys=True)
"""


def _env(data_dir: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "HEARTWISE_DATA_DIR": str(data_dir),
        "HEARTWISE_CONFIG": str(data_dir / "no-config.toml"),
    }
    env.pop("HEARTWISE_DATABASE_URL", None)
    return env


def _run(command: list[str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    completed = subprocess.run(
        command, env=_env(data_dir), capture_output=True, text=True, timeout=60, check=False
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    return completed


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


@pytest.mark.parametrize("args", HOT_COMMANDS, ids=[args[0] for args in HOT_COMMANDS])
def test_importtime_shows_nothing_heavy_for_a_hot_command(tmp_path: Path, args: list[str]) -> None:
    completed = _run([sys.executable, "-X", "importtime", "-m", "heartwise", *args], tmp_path)

    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in completed.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert {"heartwise.cli.main", "heartwise.services.journal"} <= modules  # parsing works
    assert _heavy(modules) == []


@pytest.mark.parametrize("args", HOT_COMMANDS, ids=[args[0] for args in HOT_COMMANDS])
def test_no_heavy_module_is_loaded_by_a_hot_command(tmp_path: Path, args: list[str]) -> None:
    listing = tmp_path / "modules.txt"
    _run([sys.executable, "-c", _RUN_AND_LIST_MODULES, str(listing), *args], tmp_path / "data")

    modules = set(listing.read_text().split())
    assert {"heartwise.cli.read_commands", "heartwise.cli.write_commands"} & modules
    assert _heavy(modules) == []
    assert "heartwise.cli.data_commands" not in modules
    assert "heartwise.cli.server_commands" not in modules
