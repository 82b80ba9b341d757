"""Load a multi-user heartwise server on PostgreSQL with wrk, against a minimal FastAPI app.

What it does, in one run:

1. Creates a fresh PostgreSQL database (``heartwise_load``, dropped first if it exists) and
   starts ``heartwise serve --multi-user --workers 4`` on it, on a free loopback port.
2. Signs up 1,000 accounts through the API with a small thread pool, then signs each of them
   in and times it. Both cost Argon2id on purpose, so they are reported apart from the load.
3. Writes 20 entries per account through the API, so timelines and searches read real pages.
4. Runs wrk (fixed threads, connections and duration) three times: reads only (timeline and
   search, 3:1), writes only, and the mix of the issue (20% writes, 60% timeline reads, 20%
   searches). Requests go round-robin over the accounts' tokens; entry texts are generated
   journal-like sentences, and search words come from the same vocabulary.
5. Serves heartwise's core with no web layer (``core_only_app.py``: the same service calls
   behind a bare ASGI function) on the same database and loads it with the mix: how far
   heartwise's own work leaves it from the ceiling, whatever the web face does.
6. Serves a minimal FastAPI app (one GET returning a small JSON) with uvicorn and 4 workers the
   same way (through ``heartwise.web.server.serve_workers``, which ``heartwise serve --workers``
   uses) and loads it with the same wrk settings: the ceiling heartwise is compared with.

It prints a Markdown report: sign-up and sign-in rates and latency, a table of the wrk runs
(requests/s, p50/p99/max latency, non-2xx answers, socket errors, ratio to the minimal app)
and one verdict per target: no errors; read p99 at most 100 ms; throughput of the mix at least
half the minimal app's. wrk and the servers share this machine's cores, as they would on a
small self-hosted box; latencies are wrk's (closed loop: each connection waits for its answer).

Targets are reported, not asserted: the exit status is 0 after a measurement, 1 when something
could not be run (wrk missing, PostgreSQL unreachable, a server that does not start).
Processes and the database are removed at the end, on Ctrl-C too. Access logs stay off.

Run from the repository root after ``make run`` or ``make test`` (needs wrk: ``apt-get install
wrk``)::

    .venv/bin/python benchmarks/server_load.py            # about 15 minutes, most of it Argon2
    .venv/bin/python benchmarks/server_load.py --quick    # 10 s per wrk run instead of 30 s
    .venv/bin/python benchmarks/server_load.py --users 100 --entries-per-user 5

Progress goes to stderr; the report goes to stdout. Linux only.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from contextlib import AbstractContextManager, ExitStack, contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path
from types import FrameType
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/test"
LOAD_DATABASE = "heartwise_load"
SEED = 20261204

SERVER_WORKERS = 4
ACCOUNT_THREADS = 4  # Argon2id: each call holds a core for ~0.3 s and 64 MiB
SEED_THREADS = 8
WRK_THREADS = 2
WRK_CONNECTIONS = 32
WRK_TIMEOUT_S = 5
FULL_SECONDS = 30
QUICK_SECONDS = 10
WARMUP_SECONDS = 3
START_TIMEOUT_S = 60.0

READ_P99_LIMIT_MS = 100.0
BUSY_WARNING = 0.25  # others' CPU share before a run above which its figures suffer
THROUGHPUT_SHARE = 0.5

# A plain `def`, like heartwise's routes: FastAPI runs both in its thread pool.
MINIMAL_APP = '''"""The ceiling: the least a FastAPI app served by uvicorn can do per request."""

from fastapi import FastAPI

app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)


@app.get("/ping")
def ping() -> dict[str, str]:
    return {"status": "ok"}
'''


HEARTWISE = "heartwise"
CORE = "heartwise's core, no web layer"
MINIMAL = "minimal FastAPI app"


class BenchmarkError(Exception):
    """Something could not be run; the message says what and what to do."""


class Stopped(BaseException):
    """SIGTERM: unwind like Ctrl-C so that the clean-up runs."""


_started = time.perf_counter()


def progress(message: str) -> None:
    print(f"[{time.perf_counter() - _started:7.1f}s] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Generated journal text (nothing a person wrote)

SUBJECTS = ("I", "We", "My partner", "Sam", "Alex", "My sister", "A colleague", "Noor")
VERBS = (
    "talked about",
    "cooked",
    "planned",
    "forgot",
    "noticed",
    "waited for",
    "laughed about",
    "cleaned",
    "worried about",
    "remembered",
    "postponed",
    "finished",
)
NOUNS = (
    "dinner",
    "message",
    "weekend",
    "garden",
    "promise",
    "walk",
    "holiday",
    "kitchen",
    "birthday",
    "concert",
    "bicycle",
    "letter",
    "meeting",
    "breakfast",
    "playlist",
    "umbrella",
    "museum",
    "recipe",
    "lantern",
    "harbour",
)
FEELINGS = ("calm", "anxious", "hopeful", "tired", "grateful", "uneasy", "relieved", "jealous")
CLOSERS = (
    "Later I felt {f} and wrote it down.",
    "The story in my head was louder than what happened.",
    "I noticed the urge to ask again, and I waited.",
    "By the evening I felt {f}.",
    "Next time I want to say how I feel before it builds up.",
    "It was a small thing, and I still felt {f}.",
)


def journal_text(rng: random.Random) -> str:
    """A few sentences of ordinary journal writing, 30-90 words."""
    sentences = []
    for _ in range(rng.randint(3, 8)):
        noun, feeling = rng.choice(NOUNS), rng.choice(FEELINGS)
        sentences.append(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} the {noun}.")
        if rng.random() < 0.5:
            sentences.append(rng.choice(CLOSERS).format(f=feeling))
    return " ".join(sentences)


def entry_bodies(count: int, seed: int) -> list[str]:
    """JSON bodies for POST /api/v1/entries."""
    rng = random.Random(seed)
    return [json.dumps({"text": journal_text(rng)}) for _ in range(count)]


# ---------------------------------------------------------------------------
# Processes and the database


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def database_url(admin_url: str, name: str) -> str:
    parts = urllib.parse.urlsplit(admin_url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


@contextmanager
def fresh_database(admin_url: str, name: str) -> Iterator[str]:
    """Create `name` from scratch (dropping an old one) and drop it again afterwards."""
    import psycopg
    from psycopg import sql

    statement_drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    statement_create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    try:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(statement_drop)
            admin.execute(statement_create)
    except psycopg.Error as exc:
        raise BenchmarkError(
            f"could not create the database {name} through {admin_url} ({exc}). "
            "Is PostgreSQL running, and may this role create databases? (--admin-url)"
        ) from None
    try:
        yield database_url(admin_url, name)
    finally:
        try:
            with psycopg.connect(admin_url, autocommit=True) as admin:
                admin.execute(statement_drop)
            progress(f"dropped the database {name}")
        except psycopg.Error as exc:
            progress(f"could not drop the database {name} ({exc}); please drop it by hand")


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    port: int
    log_path: Path

    def log_tail(self, lines: int = 30) -> str:
        text = self.log_path.read_text("utf-8", "replace").strip()
        return "\n".join(text.splitlines()[-lines:]) or "(nothing)"


def answers(port: int, path: str) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("GET", path)
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


def stop(server: Server) -> None:
    """SIGTERM to the server's own process group (its workers too), then SIGKILL to whatever
    of that group is left after 20 s (or at once, if the supervisor died without them)."""
    with suppress(ProcessLookupError):
        os.killpg(server.process.pid, signal.SIGTERM)
    with suppress(subprocess.TimeoutExpired):
        server.process.wait(timeout=20)
    with suppress(ProcessLookupError):
        os.killpg(server.process.pid, signal.SIGKILL)
    server.process.wait()
    progress(f"stopped {server.name}")


@contextmanager
def running(
    name: str, argv: Sequence[str], env: dict[str, str], log_path: Path, port: int, probe: str
) -> Iterator[Server]:
    """Start a server in a session of its own and wait until `probe` answers 200."""
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            list(argv),
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches this script only; we stop the server
        )
    server = Server(name, process, port, log_path)
    try:
        wait_until_ready(server, probe)
        yield server
    finally:
        stop(server)


def wait_until_ready(server: Server, probe: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise BenchmarkError(
                f"{server.name} exited with status {server.process.returncode} before it "
                f"answered.\n--- its output ---\n{server.log_tail()}\n------------------"
            )
        if answers(server.port, probe):
            progress(f"{server.name} answers on port {server.port}")
            return
        time.sleep(0.25)
    raise BenchmarkError(
        f"{server.name} did not answer within {START_TIMEOUT_S:.0f} s.\n"
        f"--- its output ---\n{server.log_tail()}\n------------------"
    )


def heartwise_server(
    executable: Path, url: str, work: Path, workers: int
) -> AbstractContextManager[Server]:
    port = free_port()
    data_dir = work / "data"
    data_dir.mkdir(mode=0o700)
    env = {
        **os.environ,
        "HEARTWISE_DATABASE_URL": url,
        "HEARTWISE_DATA_DIR": str(data_dir),
        "HEARTWISE_HOST": "127.0.0.1",
        "HEARTWISE_PORT": str(port),
        "HEARTWISE_MULTI_USER": "1",
    }
    argv = [
        str(executable),
        "serve",
        "--multi-user",
        "--workers",
        str(workers),
        "--port",
        str(port),
    ]
    return running(HEARTWISE, argv, env, work / "heartwise.log", port, "/api/v1/openapi.json")


def core_server(python: Path, url: str, work: Path, workers: int) -> AbstractContextManager[Server]:
    """heartwise's services behind a bare ASGI app (``core_only_app.py``), on the same
    database, served the same way: what heartwise's own work costs with no web layer."""
    port = free_port()
    data_dir = work / "core-data"
    data_dir.mkdir(mode=0o700)
    code = (
        "from heartwise.web.server import serve_workers; "
        f"serve_workers('core_only_app:make', '127.0.0.1', {port}, {workers}, factory=True)"
    )
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(__file__).resolve().parent),
        "HEARTWISE_DATABASE_URL": url,
        "HEARTWISE_DATA_DIR": str(data_dir),
        "HEARTWISE_MULTI_USER": "1",
    }
    argv = [str(python), "-c", code]
    return running(CORE, argv, env, work / "core.log", port, "/ready")


def minimal_server(python: Path, work: Path, workers: int) -> AbstractContextManager[Server]:
    """The minimal app, served by the same function as `heartwise serve --workers N`."""
    port = free_port()
    app_dir = work / "minimal"
    app_dir.mkdir()
    (app_dir / "minimal_app.py").write_text(MINIMAL_APP, encoding="utf-8")
    code = (
        "from heartwise.web.server import serve_workers; "
        f"serve_workers('minimal_app:app', '127.0.0.1', {port}, {workers})"
    )
    env = {**os.environ, "PYTHONPATH": str(app_dir)}
    argv = [str(python), "-c", code]
    return running(MINIMAL, argv, env, work / "minimal.log", port, "/ping")


# ---------------------------------------------------------------------------
# API calls from a thread pool


class Client:
    """One keep-alive HTTP connection per thread."""

    def __init__(self, port: int) -> None:
        self.port = port
        self._local = threading.local()

    def _connection(self) -> http.client.HTTPConnection:
        connection: http.client.HTTPConnection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            self._local.connection = connection
        return connection

    def post(self, path: str, body: str, token: str | None = None) -> tuple[int, bytes]:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        connection = self._connection()
        try:
            connection.request("POST", path, body=body.encode(), headers=headers)
            response = connection.getresponse()
            return response.status, response.read()
        except (OSError, http.client.HTTPException):
            connection.close()
            self._local.connection = None
            raise


@dataclass(frozen=True)
class Timed:
    """What a batch of API calls took."""

    seconds: float
    latencies_s: tuple[float, ...]

    @property
    def rate(self) -> float:
        return len(self.latencies_s) / self.seconds

    def percentile_ms(self, p: float) -> float:
        ordered = sorted(self.latencies_s)
        return 1000 * ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def run_batch(
    what: str, calls: Sequence[Callable[[], str]], threads: int
) -> tuple[Timed, list[str]]:
    """Run the calls on a pool, with progress; each returns a value, raises on failure."""
    latencies: list[float] = []
    results: list[str] = [""] * len(calls)

    def timed(index: int) -> None:
        start = time.perf_counter()
        results[index] = calls[index]()
        latencies.append(time.perf_counter() - start)

    step = max(1, len(calls) // 10)
    pool = ThreadPoolExecutor(max_workers=threads)
    start = time.perf_counter()
    try:
        futures: list[Future[None]] = [pool.submit(timed, i) for i in range(len(calls))]
        for done, future in enumerate(as_completed(futures), 1):
            future.result()
            if done % step == 0 or done == len(calls):
                rate = done / (time.perf_counter() - start)
                progress(f"{what}: {done:,}/{len(calls):,} ({rate:,.1f}/s)")
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return Timed(time.perf_counter() - start, tuple(latencies)), results


def expect(status: int, body: bytes, wanted: int, what: str) -> bytes:
    if status != wanted:
        raise BenchmarkError(f"{what} answered {status}, not {wanted}: {body[:300]!r}")
    return body


def email_of(index: int) -> str:
    return f"load-{index:05d}@example.org"


def password_of(index: int) -> str:
    return f"quiet lantern harbour {index:05d}"


def sign_up_all(client: Client, users: int) -> Timed:
    def sign_up(i: int) -> str:
        body = json.dumps({"email": email_of(i), "password": password_of(i)})
        expect(*client.post("/api/v1/auth/signup", body), 201, "sign-up")
        return ""

    calls = [lambda i=i: sign_up(i) for i in range(users)]
    return run_batch("signed up", calls, ACCOUNT_THREADS)[0]


def sign_in_all(client: Client, users: int) -> tuple[Timed, list[str]]:
    def sign_in(i: int) -> str:
        body = json.dumps({"email": email_of(i), "password": password_of(i)})
        answer = expect(*client.post("/api/v1/auth/login", body), 200, "sign-in")
        return str(json.loads(answer)["token"])

    calls = [lambda i=i: sign_in(i) for i in range(users)]
    return run_batch("signed in", calls, ACCOUNT_THREADS)


def seed_entries(client: Client, tokens: Sequence[str], per_user: int, bodies: list[str]) -> Timed:
    def write(n: int) -> str:
        token, body = tokens[n % len(tokens)], bodies[n % len(bodies)]
        expect(*client.post("/api/v1/entries", body, token), 201, "writing an entry")
        return ""

    calls = [lambda n=n: write(n) for n in range(per_user * len(tokens))]
    return run_batch("entries written", calls, SEED_THREADS)[0]


# ---------------------------------------------------------------------------
# wrk

# Each wrk thread has its own Lua state: it reads the data files in init(), walks the tokens
# from its own offset with a stride of the thread count, and counts answers by status.
LUA_SCRIPT = string.Template(r"""-- Written by benchmarks/server_load.py, in a temporary folder.
local data_dir = "$data_dir"
local pattern = { $pattern }
local thread_count = $threads
local marker = "$marker"

local function read_lines(name)
  local found = {}
  for line in io.lines(data_dir .. "/" .. name) do found[#found + 1] = line end
  return found
end

local threads = {}
function setup(thread)
  thread:set("offset", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  tokens = read_lines("tokens.txt")
  bodies = read_lines("bodies.jsonl")
  words = read_lines("words.txt")
  step, user, body_at, word_at = 0, offset, offset, offset
  ok, not_ok, codes = 0, 0, {}
end

local function next_token()
  user = (user + thread_count) % #tokens
  return tokens[user + 1]
end

function request()
  step = step + 1
  local kind = pattern[(step - 1) % #pattern + 1]
  local headers = { ["Authorization"] = "Bearer " .. next_token() }
  if kind == "write" then
    body_at = (body_at + 1) % #bodies
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", "/api/v1/entries", headers, bodies[body_at + 1])
  elseif kind == "search" then
    word_at = (word_at + 1) % #words
    return wrk.format("GET", "/api/v1/search?q=" .. words[word_at + 1], headers)
  elseif kind == "timeline" then
    return wrk.format("GET", "/api/v1/entries?limit=20", headers)
  end
  return wrk.format("GET", "/ping", headers)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    not_ok = not_ok + 1
    codes[tostring(status)] = (codes[tostring(status)] or 0) + 1
  end
end

function done(summary, latency, requests)
  local ok_total, not_ok_total, code_text = 0, 0, {}
  for _, thread in ipairs(threads) do
    ok_total = ok_total + thread:get("ok")
    not_ok_total = not_ok_total + thread:get("not_ok")
    for code, count in pairs(thread:get("codes")) do
      code_text[#code_text + 1] = string.format('["%s", %d]', code, count)
    end
  end
  local e = summary.errors
  io.write(string.format(
    '%s {"requests": %d, "duration_us": %d, "ok": %d, "not_ok": %d, "codes": [%s], ' ..
    '"connect": %d, "read": %d, "write": %d, "timeout": %d, ' ..
    '"p50_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f}\n',
    marker, summary.requests, summary.duration, ok_total, not_ok_total,
    table.concat(code_text, ", "),
    e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max, latency.mean))
end
""")

RESULT_MARKER = "HEARTWISE_LOAD_RESULT"
W, T, S = "write", "timeline", "search"  # the kinds of request the Lua script knows
MIXES = {
    "reads": (T, T, T, S),
    "writes": (W,),
    "mixed": (W, T, T, S, T, W, T, S, T, T),
    "minimal": ("ping",),
}
MIX_NOTES = {
    "reads": "75% timeline, 25% search",
    "writes": "100% POST entries",
    "mixed": "20% writes, 60% timeline, 20% search",
    "minimal": "GET /ping (small JSON)",
}


@dataclass(frozen=True)
class WrkResult:
    run: str
    server: str
    requests: int
    seconds: float
    ok: int
    not_ok: int
    codes: tuple[tuple[str, int], ...]
    socket_errors: int
    timeouts: int
    p50_ms: float
    p99_ms: float
    max_ms: float
    busy_before: float  # share of the CPUs busy with other work just before
    server_cpu: float = 0.0  # the server's share of the CPU time used during the run

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    @property
    def errors(self) -> int:
        return self.not_ok + self.socket_errors + self.timeouts


def write_lua(work: Path, mix: str) -> Path:
    pattern = ", ".join(f'"{kind}"' for kind in MIXES[mix])
    script = LUA_SCRIPT.substitute(
        data_dir=str(work / "wrk-data"), pattern=pattern, threads=WRK_THREADS, marker=RESULT_MARKER
    )
    path = work / f"{mix}.lua"
    path.write_text(script, encoding="utf-8")
    return path


def write_wrk_data(work: Path, tokens: Sequence[str], bodies: Sequence[str]) -> None:
    folder = work / "wrk-data"
    folder.mkdir(exist_ok=True, mode=0o700)
    (folder / "tokens.txt").write_text("\n".join(tokens) + "\n", encoding="utf-8")
    (folder / "bodies.jsonl").write_text("\n".join(bodies) + "\n", encoding="utf-8")
    words = [*NOUNS, *FEELINGS]
    random.Random(SEED).shuffle(words)
    (folder / "words.txt").write_text("\n".join(words) + "\n", encoding="utf-8")


def group_cpu_ticks(pgid: int) -> int:
    """CPU time (clock ticks) used so far by the live processes of process group `pgid`."""
    ticks = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as stat:
                raw = stat.read()
        except OSError:
            continue  # it has just exited
        fields = raw[raw.rindex(")") + 2 :].split()  # the name in parentheses may hold spaces
        if int(fields[2]) == pgid:
            ticks += int(fields[11]) + int(fields[12])  # utime + stime
    return ticks


def cpu_sample(server: Server) -> tuple[int, int, int]:
    """Clock ticks so far: all CPUs busy, all CPUs in total, the server's processes."""
    with open("/proc/stat", encoding="ascii") as stat:
        values = [int(v) for v in stat.readline().split()[1:9]]
    idle = values[3] + values[4]  # idle and iowait
    return sum(values) - idle, sum(values), group_cpu_ticks(server.process.pid)


def others_cpu(server: Server, seconds: float = 1.0) -> float:
    """The share of all CPUs busy over `seconds` with work other than the server's own
    processes (PostgreSQL counts as other work: it may be serving someone else)."""
    busy_a, total_a, ours_a = cpu_sample(server)
    time.sleep(seconds)
    busy_b, total_b, ours_b = cpu_sample(server)
    return max(0.0, (busy_b - busy_a) - (ours_b - ours_a)) / max(1, total_b - total_a)


def server_share(before: tuple[int, int, int], after: tuple[int, int, int]) -> float:
    """The server's processes' share of the CPU time used during a run (the rest went to
    PostgreSQL, wrk and anything else)."""
    busy = after[0] - before[0]
    return (after[2] - before[2]) / busy if busy > 0 else 0.0


def run_wrk(work: Path, server: Server, mix: str, seconds: int) -> WrkResult:
    argv = [
        "wrk",
        f"-t{WRK_THREADS}",
        f"-c{WRK_CONNECTIONS}",
        f"-d{seconds}s",
        f"--timeout={WRK_TIMEOUT_S}s",
        "-s",
        str(write_lua(work, mix)),
        f"http://127.0.0.1:{server.port}",
    ]
    busy = others_cpu(server)
    progress(f"wrk on {server.name}: {mix} ({MIX_NOTES[mix]}) for {seconds} s")
    before = cpu_sample(server)
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    share = server_share(before, cpu_sample(server))
    line = next((x for x in done.stdout.splitlines() if x.startswith(RESULT_MARKER)), None)
    if done.returncode != 0 or line is None:
        raise BenchmarkError(f"wrk failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    if server.process.poll() is not None:
        raise BenchmarkError(f"{server.name} stopped during the run:\n{server.log_tail()}")
    raw = json.loads(line.removeprefix(RESULT_MARKER))
    return replace(parse_wrk(mix, server.name, raw, busy), server_cpu=share)


def parse_wrk(mix: str, server: str, raw: dict[str, Any], busy: float) -> WrkResult:
    return WrkResult(
        run=mix,
        server=server,
        requests=int(raw["requests"]),
        seconds=raw["duration_us"] / 1e6,
        ok=int(raw["ok"]),
        not_ok=int(raw["not_ok"]),
        codes=tuple(sorted((str(code), int(n)) for code, n in raw["codes"])),
        socket_errors=int(raw["connect"]) + int(raw["read"]) + int(raw["write"]),
        timeouts=int(raw["timeout"]),
        p50_ms=raw["p50_us"] / 1000,
        p99_ms=raw["p99_us"] / 1000,
        max_ms=raw["max_us"] / 1000,
        busy_before=busy,
    )


def load(work: Path, server: Server, mixes: Sequence[str], seconds: int) -> list[WrkResult]:
    """A short unreported warm-up with the first mix, then one measured run per mix."""
    progress(f"warming up {server.name} for {WARMUP_SECONDS} s")
    run_wrk(work, server, mixes[0], WARMUP_SECONDS)
    return [run_wrk(work, server, mix, seconds) for mix in mixes]


# ---------------------------------------------------------------------------
# Report


@dataclass(frozen=True)
class Measurements:
    users: int
    entries_per_user: int
    seconds: int
    sign_up: Timed
    sign_in: Timed
    seeding: Timed
    runs: tuple[WrkResult, ...]
    server_log: str

    def run(self, name: str, server: str = HEARTWISE) -> WrkResult:
        return next(r for r in self.runs if r.run == name and r.server == server)


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    align = ["---", *["---:"] * (len(header) - 1)]
    return "\n".join("| " + " | ".join(line) + " |" for line in [header, align, *rows])


def accounts_table(m: Measurements) -> str:
    rows = []
    for what, timed in (("sign-up", m.sign_up), ("sign-in", m.sign_in)):
        rows.append(
            [
                what,
                f"{len(timed.latencies_s):,}",
                f"{timed.seconds:,.1f}",
                f"{timed.rate:,.2f}",
                f"{timed.percentile_ms(50):,.0f}",
                f"{timed.percentile_ms(99):,.0f}",
            ]
        )
    header = ["call", "accounts", "wall s", "per second", "p50 ms", "p99 ms"]
    return markdown_table(header, rows)


def codes_text(result: WrkResult) -> str:
    if not result.not_ok:
        return "0"
    return f"{result.not_ok:,} (" + ", ".join(f"{c}: {n:,}" for c, n in result.codes) + ")"


def load_table(m: Measurements) -> str:
    ceiling = m.run("minimal", MINIMAL).rate
    rows = [
        [
            f"{r.server}: {r.run}",
            MIX_NOTES[r.run],
            f"{r.requests:,}",
            f"{r.rate:,.1f}",
            f"{r.p50_ms:,.1f}",
            f"{r.p99_ms:,.1f}",
            f"{r.max_ms:,.1f}",
            codes_text(r),
            f"{r.socket_errors:,} / {r.timeouts:,}",
            f"{r.rate / ceiling:.2f}x",
            f"{r.server_cpu:.0%}",
            f"{r.busy_before:.0%}",
        ]
        for r in m.runs
    ]
    header = ["run", "mix", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "non-2xx"]
    extra = ["socket errors / timeouts", "vs minimal", "server's CPU share", "other CPU before"]
    return markdown_table([*header, *extra], rows)


def verdicts(m: Measurements) -> list[str]:
    heartwise = [r for r in m.runs if r.server == HEARTWISE]
    errors = sum(r.errors for r in heartwise)
    detail = ", ".join(f"{r.run} {r.errors:,}" for r in heartwise)
    reads, mixed, ceiling = m.run("reads"), m.run("mixed"), m.run("minimal", MINIMAL)
    share = mixed.rate / ceiling.rate
    lines = [
        (errors == 0, f"no errors under load: {errors:,} in {len(heartwise)} runs ({detail})"),
        (
            reads.p99_ms <= READ_P99_LIMIT_MS,
            f"read p99 at most {READ_P99_LIMIT_MS:.0f} ms: {reads.p99_ms:,.1f} ms at "
            f"{reads.rate:,.1f} req/s over {WRK_CONNECTIONS} connections",
        ),
        (
            share >= THROUGHPUT_SHARE,
            f"mixed throughput at least {THROUGHPUT_SHARE:.0%} of the minimal app's: "
            f"{mixed.rate:,.1f} / {ceiling.rate:,.1f} req/s = {share:.1%}",
        ),
    ]
    return [f"- **{'met' if met else 'missed'}**: {text}" for met, text in lines] + [core_line(m)]


def core_line(m: Measurements) -> str:
    """Not a target: how far the core alone gets, and what the web face costs on top."""
    mixed, core, ceiling = m.run("mixed"), m.run("mixed", CORE), m.run("minimal", MINIMAL)
    return (
        f"- **for scale**: heartwise's core with no web layer (`benchmarks/core_only_app.py`) "
        f"served the mix at {core.rate:,.1f} req/s, {core.rate / ceiling.rate:.1%} of the "
        f"minimal app's; heartwise, web face and all, served {mixed.rate / core.rate:.0%} "
        "of the core's rate."
    )


def notes(m: Measurements) -> list[str]:
    mixed = m.run("mixed")
    lines = [
        f"- wrk 4.1: {WRK_THREADS} threads, {WRK_CONNECTIONS} connections, {m.seconds} s per "
        f"run, {WRK_TIMEOUT_S} s timeout, after a {WARMUP_SECONDS} s warm-up per server; wrk, "
        f"the three servers ({SERVER_WORKERS} uvicorn workers each) and PostgreSQL share this "
        "machine.",
        f"- closed loop: with {WRK_CONNECTIONS} connections always busy, mean latency is about "
        f"connections / throughput (mixed: {WRK_CONNECTIONS} / {mixed.rate:,.0f} = "
        f"{1000 * WRK_CONNECTIONS / mixed.rate:,.0f} ms).",
        f"- {m.users:,} accounts, round-robin per wrk thread; before the runs each account had "
        f"{m.entries_per_user} entries, written through the API at {m.seeding.rate:,.1f}/s "
        f"({SEED_THREADS} client threads).",
        "- all three servers run through `heartwise.web.server.serve_workers`: on Linux each "
        "worker listens on its own SO_REUSEPORT socket, so the kernel spreads connections "
        "over the workers (one shared socket let a few workers take most of them), and "
        "TCP_NODELAY stays on (plain `uvicorn --workers N` loses it, uvicorn issue #3149, "
        "and each keep-alive answer then waits ~40 ms for a delayed ACK).",
        "- heartwise's workers run blocking work on 2 threads each (HEARTWISE_THREADS) and "
        "keep start-up objects out of full garbage collections (gc.freeze); the minimal "
        "app keeps uvicorn's and Python's defaults.",
        f"- {CORE}: the same service calls as heartwise's three routes (open the "
        "session's workspace, a page of entries or a search of entries and records, what "
        "is shared, writing an entry, JSON), behind a bare ASGI function with no FastAPI, "
        "middleware or validation, on the same database, threads and pool; loaded with the "
        "mix only.",
        "- sign-up and sign-in pay Argon2id (64 MiB, t=3) by design; "
        f"{ACCOUNT_THREADS} client threads.",
        "- server's CPU share: of the CPU time used on the machine during the run, the part "
        "the server's own processes used (the rest: PostgreSQL, wrk, anything else).",
        "- other CPU before: the share of all CPUs busy in the second before each run with "
        "work other than the server's processes (PostgreSQL included); other work makes that "
        "run read low.",
    ]
    busy = [r for r in m.runs if r.busy_before > BUSY_WARNING]
    if busy:
        names = ", ".join(f"{r.server}: {r.run} ({r.busy_before:.0%})" for r in busy)
        lines.append(
            f"- **other work kept the CPUs busy before** {names}: run again on a "
            "quiet machine before trusting these figures."
        )
    if m.server_log:
        lines.append("- heartwise logged this (warnings and above; no access log):")
        lines.append("\n```\n" + m.server_log + "\n```")
    return lines


def render(m: Measurements) -> str:
    load_avg = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    machine = (
        f"Python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs, "
        f"load average {load_avg} at the end"
    )
    return "\n\n".join(
        [
            f"# heartwise server under load (PostgreSQL, {SERVER_WORKERS} workers)\n\n{machine}.",
            "## Accounts (Argon2id, not part of the load)\n\n" + accounts_table(m),
            "## wrk runs\n\n" + load_table(m),
            "## Targets\n\n" + "\n".join(verdicts(m)),
            "## Notes\n\n" + "\n".join(notes(m)),
        ]
    )


# ---------------------------------------------------------------------------
# The run


@dataclass(frozen=True)
class Options:
    users: int
    entries_per_user: int
    seconds: int
    admin_url: str
    heartwise: Path


def measure_heartwise(options: Options, work: Path, url: str) -> Measurements:
    bodies = entry_bodies(500, SEED)
    with heartwise_server(options.heartwise, url, work, SERVER_WORKERS) as server:
        client = Client(server.port)
        sign_up = sign_up_all(client, options.users)
        sign_in, tokens = sign_in_all(client, options.users)
        seeding = seed_entries(client, tokens, options.entries_per_user, bodies)
        write_wrk_data(work, tokens, bodies)
        runs = load(work, server, ("reads", "writes", "mixed"), options.seconds)
        server_log = server.log_tail(40) if server.log_path.stat().st_size else ""
    lines = server_log.splitlines()
    server_log = "\n".join(line for line in lines if "is serving" not in line)
    return Measurements(
        options.users,
        options.entries_per_user,
        options.seconds,
        sign_up,
        sign_in,
        seeding,
        tuple(runs),
        server_log,
    )


def measure(options: Options) -> Measurements:
    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="heartwise-load-")))
        url = stack.enter_context(fresh_database(options.admin_url, LOAD_DATABASE))
        progress(f"created the database {LOAD_DATABASE}")
        measured = measure_heartwise(options, work, url)
        python = options.heartwise.parent / "python"
        with core_server(python, url, work, SERVER_WORKERS) as server:
            core = load(work, server, ("mixed",), options.seconds)
        with minimal_server(python, work, SERVER_WORKERS) as server:
            ceiling = load(work, server, ("minimal",), options.seconds)
    return replace(measured, runs=(*measured.runs, *core, *ceiling))


def check_tools(heartwise: Path) -> None:
    if shutil.which("wrk") is None:
        raise BenchmarkError(
            "wrk is not installed. On Debian or Ubuntu: sudo apt-get install wrk "
            "(https://github.com/wg/wrk elsewhere), then run this again."
        )
    if not (heartwise.is_file() and os.access(heartwise, os.X_OK)):
        raise BenchmarkError(
            f"heartwise is not installed at {heartwise}: run `make run` or `make test` first."
        )


def positive(raw: str) -> int:
    value = int(raw)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def parse_args(argv: Sequence[str] | None) -> Options:
    parser = argparse.ArgumentParser(
        description="Load a multi-user heartwise server with wrk, against a minimal FastAPI app."
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"{QUICK_SECONDS} s per wrk run (default {FULL_SECONDS})",
    )
    parser.add_argument("--users", type=positive, default=1_000, help="accounts (default 1000)")
    parser.add_argument(
        "--entries-per-user", type=int, default=20, help="entries written before the runs (20)"
    )
    parser.add_argument(
        "--admin-url",
        default=DEFAULT_ADMIN_URL,
        help=f"a PostgreSQL URL whose role may create databases (default {DEFAULT_ADMIN_URL})",
    )
    parser.add_argument(
        "--heartwise",
        type=Path,
        default=REPO_ROOT / ".venv" / "bin" / "heartwise",
        help="the heartwise executable (default .venv/bin/heartwise)",
    )
    args = parser.parse_args(argv)
    return Options(
        users=args.users,
        entries_per_user=max(0, args.entries_per_user),
        seconds=QUICK_SECONDS if args.quick else FULL_SECONDS,
        admin_url=args.admin_url,
        heartwise=args.heartwise.absolute(),
    )


def on_sigterm(_signum: int, _frame: FrameType | None) -> None:
    raise Stopped


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    if not sys.platform.startswith("linux"):
        print("error: this benchmark runs on Linux only", file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, on_sigterm)
    # Even when started from a shell that ignores SIGINT (a background job), Ctrl-C or
    # kill -INT must unwind through the clean-up.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        check_tools(options.heartwise)
        measured = measure(options)
    except BenchmarkError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (KeyboardInterrupt, Stopped):
        print("interrupted; the servers and the database are gone", file=sys.stderr)
        return 130
    print(render(measured))
    progress("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
