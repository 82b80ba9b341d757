"""`heartwise serve --multi-user --workers N`: real processes on a real port.

Each worker listens on a socket of its own (SO_REUSEPORT), so these tests start the real
command and talk to it over loopback: it answers from several processes, a port already
taken is refused with a clear message, and SIGTERM leaves no worker behind.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from heartwise.config import load_settings
from heartwise.errors import ConfigError
from heartwise.web import workers

pytestmark = pytest.mark.skipif(not workers.supported(), reason="SO_REUSEPORT spreading is Linux's")

START_TIMEOUT_S = 60.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _serve(tmp_path: Path, port: int, workers_count: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "HEARTWISE_DATA_DIR": str(tmp_path / "data"),
        "HEARTWISE_MULTI_USER": "1",
    }
    env.pop("HEARTWISE_DATABASE_URL", None)  # SQLite: nothing to set up
    argv = [sys.executable, "-m", "heartwise", "serve", "--multi-user"]
    argv += ["--workers", str(workers_count), "--port", str(port)]
    return subprocess.Popen(
        argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )


def _status(port: int, path: str) -> int | None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path)
        return connection.getresponse().status
    except OSError:
        return None
    finally:
        connection.close()


def _wait_until_answering(server: subprocess.Popen[bytes], port: int) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        assert server.poll() is None, server.communicate()[1].decode()
        if _status(port, "/api/v1/openapi.json") == 200:
            return
        time.sleep(0.2)
    pytest.fail("the server did not answer in time")


def _group_pids(leader: int) -> set[int]:
    found = set()
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            raw = Path(f"/proc/{entry.name}/stat").read_text()
        except OSError:
            continue
        fields = raw[raw.rindex(")") + 2 :].split()
        if int(fields[2]) == leader:
            found.add(int(entry.name))
    return found


def _listeners(port: int, pids: set[int]) -> dict[int, int]:
    """How many listening sockets on `port` each process holds (from /proc)."""
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        parts = line.split()
        local_port = int(parts[1].split(":")[1], 16)
        if local_port == port and parts[3] == "0A":  # 0A: LISTEN
            inodes.add(parts[9])
    held: dict[int, int] = {}
    for pid in pids:
        try:
            links = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")]
        except OSError:
            continue
        count = sum(link.startswith("socket:[") and link[8:-1] in inodes for link in links)
        if count:
            held[pid] = count
    return held


@pytest.fixture
def two_workers(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    port = _free_port()
    server = _serve(tmp_path, port, 2)
    try:
        _wait_until_answering(server, port)
        yield server, port
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
        server.communicate()


def test_each_worker_listens_on_a_socket_of_its_own(
    two_workers: tuple[subprocess.Popen[bytes], int],
) -> None:
    server, port = two_workers
    held = _listeners(port, _group_pids(server.pid))
    assert sorted(held.values()) == [1, 1], held
    assert server.pid not in held  # the supervisor accepts nothing itself


def test_sigterm_stops_every_worker(two_workers: tuple[subprocess.Popen[bytes], int]) -> None:
    server, port = two_workers
    assert _status(port, "/api/v1/openapi.json") == 200
    server.send_signal(signal.SIGTERM)
    assert server.wait(timeout=30) == 0
    deadline = time.monotonic() + 10
    while _group_pids(server.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _group_pids(server.pid) == set()
    assert _status(port, "/api/v1/openapi.json") is None


def test_a_killed_worker_is_replaced(two_workers: tuple[subprocess.Popen[bytes], int]) -> None:
    server, port = two_workers
    before = _listeners(port, _group_pids(server.pid))
    os.kill(min(before), signal.SIGKILL)
    deadline = time.monotonic() + START_TIMEOUT_S
    after = before
    while time.monotonic() < deadline:
        after = _listeners(port, _group_pids(server.pid))
        if len(after) == 2 and set(after) != set(before):
            break
        time.sleep(0.2)
    assert len(after) == 2, (before, after)
    assert min(before) not in after
    assert _status(port, "/api/v1/openapi.json") == 200


def test_a_taken_port_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen(1)
        port = int(holder.getsockname()[1])
        server = _serve(tmp_path, port, 2)
        _, err = server.communicate(timeout=60)
    assert server.returncode not in (0, None)
    message = err.decode()
    assert f"cannot listen on 127.0.0.1:{port}" in message
    assert "Traceback" not in message


def test_threads_setting_is_checked() -> None:
    assert load_settings({"HEARTWISE_THREADS": "3"}).threads == 3
    with pytest.raises(ConfigError, match="HEARTWISE_THREADS"):
        load_settings({"HEARTWISE_THREADS": "many"})
