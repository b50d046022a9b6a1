"""bind="query-params" under `nbstream serve`: the tab's URL carries the bound widgets'
values (the page's search reaches the session through the websocket), and a change the
user makes is written back to the URL, and a reload shows the values the URL holds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, wait_text
from test_bind_voila import url_query, wait_query
from test_serve import start_serve

SCRIPT = """
import nbstream as st
size = st.selectbox("Size", ["S", "M", "L"], key="size", bind="query-params")
extra = st.toggle("Extra", key="extra", bind="query-params")
st.text(f"order: {size} {extra}")
"""


@pytest.fixture(scope="module")
def served(workdir: Path) -> Iterator[Server]:
    project = workdir / "bind_project"
    project.mkdir()
    (project / "app.py").write_text(SCRIPT)
    server = start_serve(project, workdir)
    yield server
    server.stop()


def test_serve_reads_and_writes_bound_parameters(chromium, served):
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(f"{served.url}?size=L")
        wait_text(page, "order: L False", timeout=60_000)
        page.get_by_label("Extra").check()
        wait_text(page, "order: L True")
        wait_query(page, {"size": ["L"], "extra": ["true"]})
        page.reload()
        wait_text(page, "order: L True", timeout=60_000)
        assert url_query(page) == {"size": ["L"], "extra": ["true"]}
    finally:
        context.close()
