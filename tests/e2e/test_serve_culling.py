"""`nbstream serve --server.kernelIdleSeconds`: a real server culls a kernel without
sessions (one stays warm), starts a fresh one when the kernel left is busy, and culls it
again once its sessions are gone.  Websocket clients stand in for tabs (no page needed:
the pool only counts sessions)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from e2e_helpers import Server
from test_serve import start_serve
from tornado.websocket import websocket_connect

IDLE = 2
GRACE = 1


@pytest.fixture(scope="module")
def served(workdir: Path) -> Iterator[Server]:
    project = workdir / "culled"
    project.mkdir()
    (project / "app.py").write_text("import nbstream as st\nst.text('hello')\n")
    server = start_serve(project, workdir, "--server.kernels", "2", "--server.kernelIdleSeconds", str(IDLE),
                         "--server.disconnectedSessionTTL", str(GRACE))  # fmt: skip
    yield server
    server.stop()


def eventually(predicate, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def log_count(served: Server, text: str) -> int:
    return served.log.read_text(errors="replace").count(text)


def test_idle_kernels_are_culled_one_stays_warm_and_busy_ones_get_a_fresh_one(served):
    # Both kernels start; with no tab, one is culled and the other stays warm.
    assert eventually(lambda: log_count(served, "culled (no session") == 1)
    assert eventually(lambda: len(served.kernels()) == 1)
    time.sleep(IDLE + 1)
    assert len(served.kernels()) == 1  # the last kernel is never culled

    async def tabs() -> None:
        url = served.url.replace("http://", "ws://") + "_nbstream/ws?search="
        first = await websocket_connect(url)
        assert '"t":"session"' in await first.read_message()
        # The only kernel is busy now: the next tab is served by it while a fresh one starts.
        second = await websocket_connect(url)
        assert '"t":"session"' in await second.read_message()
        assert await asyncio.to_thread(eventually, lambda: len(served.kernels()) == 2)
        # And one more tab once the fresh kernel is ready: the pool serves it too.
        await asyncio.to_thread(eventually, lambda: log_count(served, "ready (2 in the pool)") >= 2)
        third = await websocket_connect(url)
        assert '"t":"session"' in await third.read_message()
        await asyncio.sleep(1)
        for tab in (first, second, third):
            tab.close()

    # In a thread of its own: Playwright's sync API may hold this thread's event loop.
    with ThreadPoolExecutor(1) as runner:
        runner.submit(asyncio.run, tabs()).result()
    # The tabs' sessions end after the grace period; then a kernel is idle and culled again.
    assert eventually(lambda: log_count(served, "culled (no session") == 2)
    assert eventually(lambda: len(served.kernels()) == 1)
