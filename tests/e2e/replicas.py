"""Replicas of one app behind HAProxy, for the browser tests and the benchmark.

The proxy's configuration is the README's ("Several replicas behind a proxy"): read from
its ``haproxy`` block, with this run's ports in place of the documented ones, so the
documented configuration is the tested one.  Every process runs on 127.0.0.1 in its own
process group and is stopped by its owner.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from e2e_helpers import Server, free_port

README = Path(__file__).resolve().parents[2] / "README.md"
# The addresses the README's configuration names: the proxy, then replicas a and b.
DOCUMENTED = {"proxy": "127.0.0.1:8501", "a": "127.0.0.1:8511", "b": "127.0.0.1:8512"}
COOKIE = "NBSTREAM_REPLICA"


def haproxy_binary() -> str | None:
    found = Path("/usr/sbin/haproxy")
    return str(found) if found.exists() else shutil.which("haproxy")


def documented_config() -> str:
    """The README's HAProxy configuration (its one ``haproxy`` fenced block)."""
    blocks = re.findall(r"```haproxy\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    if len(blocks) != 1:
        raise AssertionError(f"README.md has {len(blocks)} haproxy blocks, expected one")
    return blocks[0]


def proxy_config(ports: dict[str, int]) -> str:
    """The documented configuration with ``ports`` (keys of DOCUMENTED) in place."""
    text = documented_config()
    for name, address in DOCUMENTED.items():
        if address not in text:
            raise AssertionError(f"README's haproxy block no longer names {address}")
        text = text.replace(address, f"127.0.0.1:{ports[name]}")
    return text


class HAProxy:
    """One HAProxy process in the foreground (``-db``), with the README's configuration."""

    def __init__(self, binary: str, folder: Path, ports: dict[str, int]) -> None:
        self.port = ports["proxy"]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.config = folder / "haproxy.cfg"
        self.config.write_text(proxy_config(ports))
        check = subprocess.run([binary, "-c", "-f", str(self.config)], capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"haproxy refused the README's configuration:\n{check.stdout}{check.stderr}")
        self.log = folder / "haproxy.log"
        self._log_file = self.log.open("wb")
        self.proc = subprocess.Popen(
            [binary, "-db", "-f", str(self.config)],
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_up(self, servers: int, timeout: float = 30) -> None:
        """Until the proxy answers and ``servers`` replicas pass its health check: the
        cookies of fresh requests name that many distinct replicas."""
        deadline = time.monotonic() + timeout
        seen: set[str] = set()
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"haproxy exited:\n{self.log.read_text(errors='replace')}")
            replica = self.replica_for_fresh_visitor()
            if replica:
                seen.add(replica)
            if len(seen) >= servers:
                return
            time.sleep(0.2)
        raise RuntimeError(f"haproxy sent fresh visitors to {sorted(seen)} only")

    def replica_for_fresh_visitor(self) -> str | None:
        """The replica HAProxy's cookie names for a request without cookies."""
        try:
            with urllib.request.urlopen(self.url + "nbstream/static/manifest.json", timeout=2) as response:
                cookie = "; ".join(response.headers.get_all("Set-Cookie") or [])
        except (OSError, urllib.error.HTTPError):
            return None
        found = re.search(rf"{COOKIE}=(\w+)", cookie)
        return found.group(1) if found else None

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)
        self._log_file.close()


def start_replica(project: Path, home: Path, name: str, port: int, options: list[str]) -> Server:
    """``nbstream serve`` of ``project/app.py`` on ``port``; its kernels see ``REPLICA=name``."""
    home.mkdir(parents=True, exist_ok=True)
    argv = [sys.executable, "-m", "nbstream.cli", "serve", str(project / "app.py"),
            "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
            *options]  # fmt: skip
    before = os.environ.get("REPLICA")
    os.environ["REPLICA"] = name
    try:
        return Server(argv, home, "nbstream/static/manifest.json", port)
    finally:
        if before is None:
            os.environ.pop("REPLICA", None)
        else:
            os.environ["REPLICA"] = before


def ports() -> dict[str, int]:
    return {name: free_port() for name in DOCUMENTED}
