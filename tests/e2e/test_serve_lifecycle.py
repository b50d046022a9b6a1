"""`nbstream serve`'s session life cycle: a tab that comes back within the grace period
gets its session back, one that comes back later a fresh one; a killed kernel takes its
sessions with it and the tabs reconnect to a working app on its replacement."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, wait_text
from test_serve import SCRIPT, click_add, start_serve

GRACE = 3


@pytest.fixture(scope="module")
def served(workdir: Path) -> Iterator[Server]:
    project = workdir / "project"
    project.mkdir()
    (project / "app.py").write_text(SCRIPT)
    server = start_serve(project, workdir, "--server.disconnectedSessionTTL", str(GRACE))
    yield server
    server.stop()


def session_id(page: object) -> str:
    return page.evaluate("Object.values(sessionStorage)[0]")  # type: ignore[attr-defined]


def test_a_tab_back_within_the_grace_period_gets_its_session(chromium, served):
    page = chromium.new_context().new_page()
    try:
        page.goto(f"{served.url}?tab=a")
        wait_text(page, "count=0 tab=a", timeout=60_000)
        click_add(page, "count=1 tab=a")
        click_add(page, "count=2 tab=a")
        first = session_id(page)
        page.reload()
        wait_text(page, "count=2 tab=a", timeout=30_000)
        page.goto("about:blank")
        time.sleep(1)
        page.goto(f"{served.url}?tab=a")
        wait_text(page, "count=2 tab=a", timeout=30_000)
        assert session_id(page) == first
        click_add(page, "count=3 tab=a")
    finally:
        page.context.close()


def test_a_tab_back_after_the_grace_period_gets_a_fresh_session(chromium, served):
    page = chromium.new_context().new_page()
    try:
        page.goto(f"{served.url}?tab=b")
        wait_text(page, "count=0 tab=b", timeout=60_000)
        click_add(page, "count=1 tab=b")
        first = session_id(page)
        page.goto("about:blank")
        time.sleep(GRACE + 2)
        assert f"session {first[:6]} ended" in served.log.read_text(errors="replace")
        page.goto(f"{served.url}?tab=b")
        wait_text(page, "count=0 tab=b", timeout=30_000)
        assert session_id(page) != first
        click_add(page, "count=1 tab=b")
    finally:
        page.context.close()


def test_a_killed_kernel_takes_its_sessions_and_the_tabs_reconnect(chromium, served):
    context = chromium.new_context()
    try:
        pages = [context.new_page() for _ in range(3)]
        for i, page in enumerate(pages):
            page.goto(f"{served.url}?tab=k{i}")
            wait_text(page, f"count=0 tab=k{i}", timeout=60_000)
            click_add(page, f"count=1 tab=k{i}")
        (kernel,) = served.kernels()
        os.kill(kernel, signal.SIGKILL)
        # Each tab starts a fresh session on the replacement kernel and works.
        for i, page in enumerate(pages):
            wait_text(page, f"count=0 tab=k{i}", timeout=60_000)
            click_add(page, f"count=1 tab=k{i}")
        assert served.kernels() and served.kernels() != [kernel]
        assert "died with 3 sessions" in served.log.read_text(errors="replace")
    finally:
        context.close()
