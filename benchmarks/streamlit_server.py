"""Running real Streamlit beside nbstream in a benchmark: which interpreter has it, and
a `streamlit run` server of a script for the length of a `with` block.

Streamlit is run from the `STREAMLIT_PYTHON` interpreter, else /tmp/st-venv, else this
one if it can import streamlit.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path


def streamlit_python() -> str | None:
    """An interpreter that can run Streamlit, or None."""
    for candidate in (os.environ.get("STREAMLIT_PYTHON"), "/tmp/st-venv/bin/python"):
        if candidate and Path(candidate).exists():
            return candidate
    return sys.executable if importlib.util.find_spec("streamlit") else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def streamlit_server(
    folder: Path,
    python: str,
    script: str,
    *,
    name: str = "streamlit_app.py",
    prefix: str = "import streamlit as st\n",
    extra: Sequence[str] = (),
) -> Iterator[str]:
    """Serve ``prefix + script`` (written to ``folder/name``) with ``streamlit run`` on a
    free port of 127.0.0.1; yields its URL once it answers, and stops it afterwards."""
    path = folder / name
    path.write_text(prefix + script)
    port = _free_port()
    argv = [
        python, "-m", "streamlit", "run", str(path), "--server.headless=true", f"--server.port={port}",
        "--server.address=127.0.0.1", "--browser.gatherUsageStats=false", "--server.fileWatcherType=none",
        *extra,
    ]  # fmt: skip
    proc = subprocess.Popen(
        argv, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        for _ in range(240):
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit run exited with {proc.returncode}")
            try:
                urllib.request.urlopen(url + "_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.25)
        yield url
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, 15)
        proc.wait(15)
