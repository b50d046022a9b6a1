"""A real Redis server for the cache store's tests: Debian's ``redis-server``.

``.ci/run`` installs the ``redis-server`` package when missing.  The server runs on
127.0.0.1 on a free port, keeps nothing on disk (``--save "" --appendonly no``), and is
stopped afterwards.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tests.databases import _free_port


def redis_binary() -> str | None:
    found = Path("/usr/bin/redis-server")
    return str(found) if found.exists() else shutil.which("redis-server")


class RedisServer:
    """One ``redis-server`` process; ``stop`` and ``start`` again on the same port."""

    def __init__(self, binary: str) -> None:
        self.binary = binary
        self.port = _free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="nbstream-redis-"))
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        args = [
            self.binary,
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ]
        args += ["--dir", str(self.folder), "--protected-mode", "yes"]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self.process.returncode}")
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s,
            ):
                s.sendall(b"PING\r\n")
                if s.recv(16).startswith(b"+PONG"):
                    return
            time.sleep(0.02)
        raise RuntimeError("redis-server did not answer within 10 seconds")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        self.process = None


@contextlib.contextmanager
def redis_server() -> Iterator[RedisServer | None]:
    """A running Redis server on 127.0.0.1; None when ``redis-server`` is not installed."""
    binary = redis_binary()
    if binary is None:
        yield None
        return
    server = RedisServer(binary)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.folder, ignore_errors=True)
