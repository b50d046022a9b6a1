"""Helpers for the browser tests: notebooks, servers, pages (see conftest.py for the fixtures)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
BIN = Path(sys.executable).parent


def write_app(folder: Path, name: str, script: str, *, cells: list[str] | None = None) -> Path:
    """A notebook whose second cell is ``%%stapp`` with ``script``."""
    sources = ["import nbstream as st", f"%%stapp {name}\n{script.strip()}", *(cells or [])]
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "id": f"{name}-{i}",
                "metadata": {},
                "execution_count": None,
                "outputs": [],
                "source": src,
            }
            for i, src in enumerate(sources)
        ],
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = folder / f"{name}.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A Jupyter server process in its own process group."""

    def __init__(
        self, argv: list[str], home: Path, ready_path: str, port: int, extra_env: dict[str, str] | None = None
    ) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}/"
        env = dict(os.environ)
        env.update(
            JUPYTER_CONFIG_DIR=str(home / "config"),
            JUPYTER_DATA_DIR=str(home / "data"),
            JUPYTER_RUNTIME_DIR=str(home / "runtime"),
            JUPYTER_PLATFORM_DIRS="1",
            PYTHONUNBUFFERED="1",
        )
        env.update(extra_env or {})
        self.log = home / "server.log"
        self._log_file = self.log.open("wb")
        self.proc = subprocess.Popen(
            argv, env=env, stdout=self._log_file, stderr=subprocess.STDOUT, start_new_session=True
        )
        self._wait(ready_path)

    def _wait(self, path: str, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited:\n{self.log.read_text(errors='replace')[-3000:]}")
            try:
                urllib.request.urlopen(self.url + path, timeout=2)
                return
            except urllib.error.HTTPError:
                return  # any answer means it is up
            except OSError:
                time.sleep(0.25)
        raise RuntimeError(f"server not ready:\n{self.log.read_text(errors='replace')[-3000:]}")

    def kernels(self) -> list[int]:
        """The PIDs of the kernels this server runs."""
        import psutil

        try:
            children = psutil.Process(self.proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []
        found = []
        for child in children:
            try:
                if "ipykernel" in " ".join(child.cmdline()):
                    found.append(child.pid)
            except psutil.NoSuchProcess:
                continue
        return found

    def stop(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
        self._log_file.close()


def start_voila(target: Path, home: Path, extra: list[str] | None = None) -> Server:
    """Voila serving a folder of notebooks (or one notebook), with ``extra`` options."""
    port = free_port()
    argv = [
        str(BIN / "voila"),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        *(extra or []),
        str(target),
    ]
    return Server(argv, home, "voila/static/voila.js", port)


def start_lab(folder: Path, home: Path) -> Server:
    port = free_port()
    settings = home / "settings"
    (settings / "@jupyterlab" / "apputils-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False})
    )
    argv = [
        str(BIN / "jupyter"), "lab", "--no-browser", "--allow-root", "--ServerApp.token=", "--ServerApp.password=",
        f"--port={port}", "--ip=127.0.0.1", f"--ServerApp.root_dir={folder}", f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={home / 'workspaces'}", "--LabApp.news_url=None", "--LabApp.expose_app_in_browser=True",
    ]  # fmt: skip
    return Server(argv, home, "api/status", port)


LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")


def open_page(chromium: object, url: str, ready: str, *, width: int = 1000, height: int = 900) -> object:
    """A page in a new browser context at ``url``, once ``ready`` matches an element.

    ``page.outside`` lists every request to a host other than this machine's.
    """
    page = chromium.new_context(viewport={"width": width, "height": height}).new_page()  # type: ignore[attr-defined]
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(LOCAL) else outside.append(r.url))
    page.outside = outside
    page.goto(url)
    page.wait_for_selector(ready, timeout=90_000)
    return page


APP_READY = ".nbs-app .nbs-main > [data-kind]"


def open_voila_app(
    chromium: object, base_url: str, name: str, *, query: str = "", **context_options: object
) -> object:
    """A page in a new browser context (``context_options``: viewport, locale...) on Voila's
    render of notebook ``name`` (``.ipynb`` added when missing), once the app shows an element."""
    notebook = name if name.endswith(".ipynb") else f"{name}.ipynb"
    page = chromium.new_context(**context_options).new_page()  # type: ignore[attr-defined]
    page.goto(f"{base_url}voila/render/{notebook}{query}")
    page.wait_for_selector(APP_READY, state="attached", timeout=60_000)
    return page


def close_page(page: object) -> None:
    """Leave the page so its unload handlers (Voila's kernel shutdown) run, then close it."""
    page.goto("about:blank")  # type: ignore[attr-defined]
    time.sleep(1)
    page.context.close()  # type: ignore[attr-defined]


def app_text(page: object, scope: str = ".nbs-main") -> str:
    """The text of the app(s) matched by ``scope``."""
    return page.evaluate(  # type: ignore[attr-defined]
        "s => [...document.querySelectorAll(s)].map(e => e.innerText).join('\\n')", scope
    )


def wait_text(page: object, text: str, timeout: float = 15_000, scope: str = ".nbs-main") -> None:
    page.wait_for_function(  # type: ignore[attr-defined]
        "([t, s]) => [...document.querySelectorAll(s)].some(e => e.innerText.includes(t))",
        arg=[text, scope],
        timeout=timeout,
    )


def copy_tree(src: Path, dst: Path) -> None:
    shutil.copytree(src, dst, dirs_exist_ok=True)


class CuttableProxy:
    """A loopback TCP proxy to ``target_port`` whose connections can be cut for a while."""

    def __init__(self, target_port: int) -> None:
        self.target = ("127.0.0.1", target_port)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self._down_until = 0.0
        self._lock = threading.Lock()
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._server = socket.create_server(("127.0.0.1", self.port))
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def cut(self, seconds: float) -> None:
        """Drop every connection, and refuse new ones, for ``seconds``."""
        with self._lock:
            self._down_until = time.monotonic() + seconds
            pairs, self._pairs = self._pairs, []
        for pair in pairs:
            for sock in pair:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()

    def close(self) -> None:
        self._closed = True
        self._server.close()
        self.cut(0)

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            if time.monotonic() < self._down_until:
                client.close()  # the network is down: nothing gets through
                continue
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            for sock in (client, upstream):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._pairs.append((client, upstream))
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (src, dst):
                with contextlib.suppress(OSError):
                    sock.close()


# ---- JupyterLab ---------------------------------------------------------------------------

# The app area of the notebook on show (other notebooks' panels stay in the DOM, hidden).
SHOWN = ".jp-NotebookPanel:not(.lm-mod-hidden) .nbs-main"


def current(page: object, selector: str) -> object:
    """``selector`` within the notebook on show."""
    return page.locator(f".jp-NotebookPanel:not(.lm-mod-hidden) {selector}")  # type: ignore[attr-defined]


def open_lab(chromium: object, lab: Server, **context_options: object) -> object:
    """A page on JupyterLab, once its shell is restored (``context_options`` go to the context)."""
    options = {"viewport": {"width": 1300, "height": 1000}, **context_options}
    page = chromium.new_context(**options).new_page()  # type: ignore[attr-defined]
    page.goto(f"{lab.url}lab?reset")
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell", timeout=90_000)
    page.evaluate("() => window.jupyterapp.restored")
    return page


def run_notebook(page: object, name: str) -> None:
    """Open a notebook in the running JupyterLab, wait for its kernel, run all cells, and
    wait for its first app to draw."""
    path = f"{name}.ipynb"
    page.evaluate("p => window.jupyterapp.commands.execute('docmanager:open', {path: p})", path)  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        """p => {
            const w = window.jupyterapp.shell.currentWidget;
            const kernel = w && w.context && w.context.path === p && w.sessionContext.session?.kernel;
            return kernel && kernel.status === 'idle';
        }""",
        arg=path,
        timeout=90_000,
    )
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")  # type: ignore[attr-defined]
    current(page, ".nbs-app .nbs-main > [data-kind]").first.wait_for(state="attached", timeout=60_000)  # type: ignore[attr-defined]
