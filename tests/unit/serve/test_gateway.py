"""A gateway's kernels: the websocket wire, the shipped app, media inline, and the link's
view of a kernel the gateway deletes or restarts (over a stand-in gateway in-process)."""

from __future__ import annotations

import json
import os
import struct
import time
import types
from pathlib import Path
from typing import Any

import pytest
import tornado.web
import tornado.websocket
from jupyter_server.gateway.gateway_client import GatewayClient

from nbstream import media_files
from nbstream.serve import kernel
from nbstream.serve.gateway import GatewayKernelLink, decode, encode, remote_spec
from nbstream.serve.pool import KernelPool, PoolKernel
from tests.unit.loop_helpers import run_coroutine


def message(msg_type: str, content: dict[str, Any], buffers: list[bytes] | None = None) -> dict[str, Any]:
    header = {"msg_id": "m1", "msg_type": msg_type, "session": "s", "username": "u", "version": "5.3"}
    return {
        "header": header,
        "parent_header": {},
        "metadata": {},
        "content": content,
        "buffers": buffers or [],
    }


def jupyter_server_frame(msg: dict[str, Any]) -> bytes:
    """A binary frame as a Jupyter Server 1.x gateway writes one (its documented layout)."""
    body = {k: v for k, v in msg.items() if k != "buffers"}
    parts = [json.dumps(body).encode(), *msg["buffers"]]
    offsets, at = [], 4 * (len(parts) + 1)
    for part in parts:
        offsets.append(at)
        at += len(part)
    return struct.pack("!I", len(parts)) + struct.pack(f"!{len(parts)}I", *offsets) + b"".join(parts)


def test_messages_cross_the_kernel_websocket_as_text_or_binary_frames() -> None:
    plain = encode(message("comm_msg", {"data": {"t": "click"}}), "shell")
    assert isinstance(plain, str) and json.loads(plain)["channel"] == "shell"
    blob = bytes(range(256)) * 10
    framed = encode(message("comm_msg", {"data": {}}, [blob, b"x"]), "shell")
    assert isinstance(framed, bytes)
    back = decode(framed)
    assert back["buffers"] == [blob, b"x"] and back["channel"] == "shell"
    incoming = message("comm_msg", {"comm_id": "c"}, [b"\x00\x01" * 3_000_000])
    incoming["channel"] = "iopub"
    got = decode(jupyter_server_frame(incoming))
    assert got["buffers"] == incoming["buffers"] and got["content"] == {"comm_id": "c"}
    assert decode(json.dumps({**message("status", {}), "channel": "iopub"}))["buffers"] == []


@pytest.mark.parametrize(
    "frame",
    [
        b"\x00\x00",
        struct.pack("!I", 0) + b"{}",
        struct.pack("!I", 9_999) + b"{}" * 10,
        struct.pack("!2I", 1, 2) + b'{"header": {}}',  # offset inside the header
        struct.pack("!3I", 2, 12, 10) + b'{"header": {}}',  # offsets going backwards
        jupyter_server_frame(message("x", {}))[:-5] + b"!!!!!",  # not JSON
        "[1, 2]",
        '{"no": "header"}',
    ],
)
def test_a_malformed_frame_is_refused(frame: str | bytes) -> None:
    with pytest.raises(ValueError):
        decode(frame)


def test_the_remote_spec_ships_the_app_and_asks_for_inline_media(tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text("import nbstream as st\nst.text('hi')\n")
    spec = remote_spec(str(app), ["--flag"])
    assert spec == {
        "path": str(app),
        "argv": ["--flag"],
        "source": "import nbstream as st\nst.text('hi')\n",
        "inline_media": True,
    }


class Comms:
    def __init__(self) -> None:
        self.targets: dict[str, Any] = {}

    def register_target(self, name: str, opened: Any) -> None:
        self.targets[name] = opened


class Tab:
    def __init__(self) -> None:
        self.got: list[tuple[dict[str, Any], list[bytes]]] = []

    def __call__(self, content: dict[str, Any], buffers: list[bytes]) -> None:
        self.got.append((content, buffers))


AUDIO = bytes(range(256)) * 12_288  # 3 MiB: above the served-by-URL threshold


def test_a_gateway_kernel_runs_the_shipped_app_and_sends_large_media_inline(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    media = tmp_path / "media"
    media.mkdir()
    monkeypatch.setenv(media_files.ENV, str(media))  # as if this machine had a media directory
    monkeypatch.setattr(kernel, "_comm_manager", Comms)
    monkeypatch.chdir(tmp_path)
    source = "import nbstream as st\nst.text('shipped')\nst.audio(bytes(range(256)) * 12_288, format='audio/wav')\n"
    # The server's path does not exist on this machine: the app runs from the shipped source.
    kernel.start({"path": "/nowhere/on/this/host/app.py", "argv": [], "source": source, "inline_media": True})
    try:
        assert media_files.ENV not in os.environ
        assert os.getcwd() == str(tmp_path) and kernel.watcher is None
        tab = Tab()
        assert kernel.host is not None
        hosted = kernel.host.open("s1", tab)
        assert hosted.session.wait(10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not any(AUDIO in buffers for _, buffers in tab.got):
            time.sleep(0.05)
        assert any(AUDIO in buffers for _, buffers in tab.got)
        assert "$media" not in json.dumps([content for content, _ in tab.got])
        assert list(media.iterdir()) == []
        assert [n.props.get("body") for n in hosted.session.tree.walk() if n.kind == "text"] == ["shipped"]
    finally:
        kernel.host.close_all()  # type: ignore[union-attr]
        kernel.host = None


def test_a_local_kernel_still_reads_its_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text("import nbstream as st\nst.text('from the file')\n")
    monkeypatch.chdir("/")
    script = kernel.load_script(str(app))
    assert "from the file" in script.source and os.getcwd() == str(tmp_path)
    with pytest.raises(FileNotFoundError):
        kernel.load_script(str(tmp_path / "missing" / "app.py"))


# ---- the link, over a stand-in gateway ------------------------------------------------------


class Channels(tornado.websocket.WebSocketHandler):
    """Answers kernel_info, plays an iopub message with a buffer, then a restart."""

    def on_message(self, raw: str | bytes) -> None:
        msg = decode(raw)
        self.application.settings["state"]["received"].append(msg)
        if msg["header"]["msg_type"] == "kernel_info_request":
            reply = message("kernel_info_reply", {"status": "ok"})
            reply["parent_header"] = msg["header"]
            self.write_message(encode(reply, "shell"))
        elif msg["header"]["msg_type"] == "comm_msg":
            self.write_message(
                encode(message("comm_msg", {"comm_id": "c"}, [b"payload"]), "iopub"), binary=True
            )
            self.write_message(encode(message("status", {"execution_state": "restarting"}), "iopub"))


class Kernel(tornado.web.RequestHandler):
    def get(self) -> None:
        if self.application.settings["state"]["deleted"]:
            raise tornado.web.HTTPError(404)
        self.write({"id": "k1"})


def test_the_link_speaks_to_the_gateway_and_sees_the_kernel_go(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("nbstream.serve.gateway.CHECK_SECONDS", 0.0)

    async def go() -> None:
        settings: dict[str, Any] = {"received": [], "deleted": False}
        app = tornado.web.Application(
            [(r"/api/kernels/k1/channels", Channels), (r"/api/kernels/k1", Kernel)], state=settings
        )
        server = app.listen(0, "127.0.0.1")
        port = next(iter(server._sockets.values())).getsockname()[1]
        GatewayClient.clear_instance()
        client = GatewayClient.instance()
        client.url, client.ws_url = f"http://127.0.0.1:{port}", f"ws://127.0.0.1:{port}"
        client.auth_token = "sekrit"
        try:
            link = GatewayKernelLink("k1")
            await link.open()
            await link.wait_for_ready(timeout=10)
            assert await link.alive()
            link.shell_channel.send({**link.session.msg("comm_msg", {"comm_id": "c"}), "buffers": [b"up"]})
            got = await link.get_iopub_msg(timeout=10)
            assert got["buffers"] == [b"payload"]
            with pytest.raises(ConnectionError):  # the restart status: the kernel is gone
                await link.get_iopub_msg(timeout=10)
            assert link.lost == "the gateway reports the kernel restarting"
            assert not await link.alive()
            assert settings["received"][-1]["buffers"] == [b"up"]
            link.stop_channels()
            # A kernel the gateway no longer has (deleted there, its websocket still open).
            other = GatewayKernelLink("k1")
            await other.open()
            settings["deleted"] = True
            assert not await other.alive()
            assert other.lost == "the gateway no longer has the kernel"
            with pytest.raises(ConnectionError):
                await other.get_iopub_msg(timeout=1)
            other.stop_channels()
        finally:
            server.stop()
            GatewayClient.clear_instance()

    run_coroutine(go())


def test_the_pool_asks_a_remote_link_whether_its_kernel_lives() -> None:
    class Link:
        def __init__(self, alive: bool) -> None:
            self.answer = alive

        async def alive(self) -> bool:
            return self.answer

    class Manager:
        def get_kernel(self, kernel_id: str) -> Any:
            raise AssertionError("a remote kernel is not asked through the kernel manager")

    async def go() -> None:
        pool = KernelPool(Manager(), {"path": "app.py"})
        assert await pool._alive(PoolKernel("a", Link(True)))
        assert not await pool._alive(PoolKernel("b", Link(False)))

    run_coroutine(go())


def test_a_shipped_notebook_runs_its_setup_cells_here(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    class Shell:
        """The kernel's shell, as far as load_script uses it: cells run in its namespace."""

        def __init__(self) -> None:
            self.user_ns: dict[str, Any] = {}

        def run_cell(self, source: str, store_history: bool, silent: bool) -> Any:
            exec(source, self.user_ns)
            return types.SimpleNamespace(success=True, error_in_exec=None)

    monkeypatch.setattr(kernel, "_shell", Shell)
    monkeypatch.chdir(tmp_path)
    notebook = {
        "cells": [
            {"cell_type": "code", "source": "GREETING = 'from a setup cell'"},
            {"cell_type": "code", "source": "%%stapp\nimport nbstream as st\nst.text(GREETING)\n"},
        ]
    }
    script = kernel.load_script("/nowhere/on/this/host/app.ipynb", source=json.dumps(notebook))
    assert script.seed["GREETING"] == "from a setup cell"
    assert "st.text(GREETING)" in script.source and os.getcwd() == str(tmp_path)
