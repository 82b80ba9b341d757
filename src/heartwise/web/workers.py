"""Several worker processes on one port, each with a listening socket of its own.

uvicorn's own ``--workers`` shares one listening socket between the processes. Under a
burst of new connections, whichever process wakes first accepts most of them, and they
stay with it for their whole keep-alive life: measured here, 32 connections landed 16, 11,
4 and 1 on four workers, so requests queued behind one busy process while another idled.
With ``SO_REUSEPORT`` every worker listens on a socket of its own and the kernel spreads
new connections over them evenly (by a hash of the addresses).

A worker that dies is started again; one that cannot start at all (a broken app, say)
stops the server, with the worker's own message in the log, instead of restarting forever.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import signal
import socket
import sys
import threading
from collections.abc import Callable
from multiprocessing.process import BaseProcess
from types import FrameType

import uvicorn
from uvicorn.config import STARTUP_FAILURE

from heartwise.errors import ServerNotStarted

logger = logging.getLogger("heartwise.server")

_spawn = multiprocessing.get_context("spawn")
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
GRACE_SECONDS = 20.0


def supported() -> bool:
    """The kernel spreads connections over SO_REUSEPORT sockets on Linux; elsewhere the
    option exists with other meanings, so heartwise falls back to one shared socket."""
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def listening_socket(host: str, port: int, backlog: int, *, reuse_port: bool) -> socket.socket:
    """A TCP listening socket. Made with IPPROTO_TCP spelled out: asyncio sets
    TCP_NODELAY only on sockets that say so (see ``heartwise.web.server``)."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind(address)
        sock.listen(backlog)
    except BaseException:
        sock.close()
        raise
    return sock


def refuse_taken_port(host: str, port: int) -> None:
    """Bind once without SO_REUSEPORT: that fails if anyone listens there already, so two
    servers never end up sharing the port by accident."""
    try:
        listening_socket(host, port, 1, reuse_port=False).close()
    except OSError as exc:
        raise ServerNotStarted(
            f"heartwise cannot listen on {host}:{port} ({exc.strerror}). Is another server "
            "running there? Choose another port with --port."
        ) from None


def _worker(config: uvicorn.Config) -> None:  # pragma: no cover - runs in the child
    config.configure_logging()
    try:
        sock = listening_socket(config.host, config.port, config.backlog, reuse_port=True)
    except OSError as exc:
        logger.error("A worker could not listen on %s:%s (%s).", config.host, config.port, exc)
        sys.exit(STARTUP_FAILURE)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C reaches every worker too
        uvicorn.Server(config).run(sockets=[sock])


class Workers:
    """Start ``count`` workers, keep them running, stop them all on SIGINT or SIGTERM."""

    def __init__(
        self,
        config: uvicorn.Config,
        count: int,
        start: Callable[[uvicorn.Config], BaseProcess] | None = None,
    ) -> None:
        self.config = config
        self.count = count
        self._start = start or _start_worker
        self._stop = threading.Event()
        self.failed = False

    def run(self) -> None:
        previous = {sig: signal.signal(sig, self._on_signal) for sig in STOP_SIGNALS}
        processes = [self._start(self.config) for _ in range(self.count)]
        try:
            while not self._stop.wait(0.5):
                processes = [self._replaced(process) for process in processes]
        finally:
            _stop_all(processes)
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _replaced(self, process: BaseProcess) -> BaseProcess:
        if process.is_alive() or self._stop.is_set():
            return process
        if process.exitcode == STARTUP_FAILURE:
            # It would fail the same way every time: stop rather than spin.
            logger.error("A worker could not start; stopping the server.")
            self.failed = True
            self._stop.set()
            return process
        logger.warning("A worker stopped (exit code %s); starting a new one.", process.exitcode)
        return self._start(self.config)

    def _on_signal(self, _signum: int, _frame: FrameType | None) -> None:
        self._stop.set()


def _start_worker(config: uvicorn.Config) -> BaseProcess:
    process = _spawn.Process(target=_worker, args=(config,), daemon=False)
    process.start()
    return process


def _stop_all(processes: list[BaseProcess]) -> None:
    """SIGTERM (uvicorn finishes the requests in flight), then SIGKILL after a grace time."""
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(GRACE_SECONDS)
        if process.is_alive():
            process.kill()
            process.join()
