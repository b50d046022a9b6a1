"""Closing a Voila tab frees its kernel, with XSRF protection left on.

Plain Voila 0.5.13 leaks one kernel per closed tab: its page's shutdown beacon carries
the `_xsrf` cookie, which the page never sets, so the server refuses it
(voila-dashboards/voila#1458).  nbstream's page code sets the cookie, so the beacon
passes the unchanged XSRF check.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, close_page, start_voila, write_app

TABS = 10
BATCH = 5


@pytest.fixture(scope="module")
def voila(workdir: Path) -> Iterator[Server]:
    apps = workdir / "apps"
    apps.mkdir()
    write_app(apps, "hello", 'st.title("Hello")\nst.button("Click")')
    server = start_voila(apps, workdir)
    yield server
    server.stop()


def test_xsrf_protection_is_on(voila):
    request = urllib.request.Request(
        f"{voila.url}voila/api/shutdown/00000000-0000-0000-0000-000000000000", method="POST", data=b""
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403


def test_ten_opened_and_closed_tabs_leave_no_kernels(chromium, voila):
    assert voila.kernels() == []
    for start in range(0, TABS, BATCH):
        pages = [chromium.new_context().new_page() for _ in range(start, min(start + BATCH, TABS))]
        for page in pages:
            page.goto(f"{voila.url}voila/render/hello.ipynb", wait_until="commit")
        for page in pages:
            page.wait_for_selector(".nbs-app [data-kind=title]", timeout=90_000)
        assert len(voila.kernels()) >= len(pages)
        for page in pages:
            close_page(page)
    deadline = time.monotonic() + 30
    while voila.kernels() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert voila.kernels() == []
