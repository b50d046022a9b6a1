"""Inside a served kernel: load the app once, then one comm per tab session.

The server runs ``start(spec)`` with a fixed, server-authored ``execute_request`` when
the kernel starts (the only code a served kernel is ever asked to execute).  ``start``
runs a notebook's cells other than its ``%%stapp`` cell once (their globals are the app's
shared module globals), or readies a ``.py`` script, and registers the ``nbstream.serve``
comm target.  The server then opens one comm per tab session; the comm's messages go to
that session's bridge (which validates them as for a displayed app), its session's
patches come back over it.  Closing the comm ends the session.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from typing import Any

from nbstream import config, media_files
from nbstream.render.app import watching_files
from nbstream.runtime.request import parse as parse_request
from nbstream.runtime.script import Script
from nbstream.runtime.watcher import FileWatcher
from nbstream.serve.host import SessionHost
from nbstream.serve.protocol import TARGET

_LOG = logging.getLogger("nbstream")

_STAPP = re.compile(r"^\s*%%stapp\b[^\n]*\n?")

host: SessionHost | None = None
watcher: FileWatcher | None = None


def notebook_parts(notebook: dict[str, Any]) -> tuple[list[str], str]:
    """A notebook's code cells other than the app, and the body of its first ``%%stapp`` cell."""
    setup: list[str] = []
    app: str | None = None
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        if _STAPP.match(source):
            if app is None:
                app = _STAPP.sub("", source, count=1)
        else:
            setup.append(source)
    if app is None:
        raise ValueError("the notebook has no %%stapp cell to serve")
    return setup, app


def load_script(path: str, argv: list[str] | None = None, source: str | None = None) -> Script:
    """The app at ``path``: a script, or a notebook whose other cells run here first.
    ``source``: the file's text, shipped by a server on another machine (a gateway's
    kernel), where ``path`` need not exist; the app then runs from its folder if this
    machine has it, else from the kernel's working directory."""
    full = os.path.abspath(path)
    folder = os.path.dirname(full)
    if source is None or os.path.isdir(folder):
        os.chdir(folder)
    if source is None:
        with open(full, encoding="utf-8") as f:
            source = f.read()
    if full.endswith(".ipynb"):
        setup, body = notebook_parts(json.loads(source))
        shell = _shell()
        for cell in setup:
            result = shell.run_cell(cell, store_history=False, silent=True)
            if not result.success:
                raise RuntimeError(f"a setup cell of {path} failed: {result.error_in_exec!r}")
        return Script(body, seed=shell.user_ns, folder=folder)
    sys.argv = [full, *(argv or [])]
    return Script(source, path=full)


def saved_script(path: str, source: str, old: Script) -> Script:
    """The app after its file at ``path`` was saved with ``source``: a script's new text, or
    a notebook's new ``%%stapp`` cell over the globals its setup cells made when the kernel
    loaded it (those cells are not run again)."""
    if path.endswith(".ipynb"):
        _, body = notebook_parts(json.loads(source))
        return Script(body, seed=old.seed, folder=old.folder)
    return Script(source, path=os.path.abspath(path))


def watch(path: str, target: SessionHost) -> FileWatcher | None:
    """With ``server.runOnSave`` (and file watching on: ``server.fileWatcherType``), rerun
    every session of ``target`` with the new app each time its file is saved."""
    if not (config.get_option("server.runOnSave") and watching_files()):
        return None
    full = os.path.abspath(path)
    return FileWatcher(full, lambda source: target.reload(saved_script(full, source, target.script)))


def start(spec: dict[str, Any]) -> None:
    """Load the app of ``spec`` (``path``, ``argv``; from a server on another machine also
    ``source`` and ``inline_media``) and take tab sessions over comms."""
    global host, watcher
    path = str(spec["path"])
    if spec.get("inline_media"):
        # The server cannot read this machine's files: no medium goes by URL (a media
        # directory named in this kernel's environment is not the server's).
        os.environ.pop(media_files.ENV, None)
    source = spec.get("source")
    script = load_script(path, list(spec.get("argv") or []), source if isinstance(source, str) else None)
    name = os.path.splitext(os.path.basename(path))[0]
    host = SessionHost(script, name=name, app_id=os.path.abspath(path))
    # A shipped app is the server's file: saving it there reruns nothing here.
    watcher = watch(path, host) if source is None else None
    _comm_manager().register_target(TARGET, _open)


def _open(comm: Any, msg: dict[str, Any]) -> None:
    assert host is not None
    data = msg.get("content", {}).get("data") or {}
    session_id = data.get("session")
    if not isinstance(session_id, str) or not session_id:
        comm.close()
        return
    query = data.get("query") if isinstance(data.get("query"), dict) else None
    page = data.get("page") if isinstance(data.get("page"), str) else None
    try:
        request = parse_request(data["request"]) if data.get("request") else None
    except ValueError as exc:
        _LOG.warning("nbstream serve: a session's request details were dropped: %s", exc)
        request = None

    def send(content: dict[str, Any], buffers: list[bytes]) -> None:
        comm.send(content, buffers=buffers or None)

    def on_msg(message: dict[str, Any]) -> None:
        host.handle(session_id, message.get("content", {}).get("data"), message.get("buffers"))

    def on_close(_message: dict[str, Any]) -> None:
        host.close(session_id)

    comm.on_msg(on_msg)
    comm.on_close(on_close)
    host.open(session_id, send, query=_query(query), page=page, request=request)


def _query(raw: dict[str, Any] | None) -> dict[str, list[str]] | None:
    if raw is None:
        return None
    return {str(k): [str(v) for v in vs] for k, vs in raw.items() if isinstance(vs, list)}


def _shell() -> Any:
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None:
        raise RuntimeError("nbstream serve's kernel side runs in an IPython kernel")
    return shell


def _comm_manager() -> Any:
    kernel = getattr(_shell(), "kernel", None)
    manager = getattr(kernel, "comm_manager", None)
    if manager is None:
        from comm import get_comm_manager

        manager = get_comm_manager()
    return manager
