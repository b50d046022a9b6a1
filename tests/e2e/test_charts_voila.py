"""Charts in a real browser: an app served by Voila, in Debian's Chromium.

One Voila server for the module.  The app draws a line chart from a slider's value, a
button streams rows into it with ``.add_rows()`` (the spec's example), and a map.  The
tests check that the chart is drawn, that a rerun and ``.add_rows()`` update the drawn
view in place (the same SVG element, never emptied), and that no request leaves the
machine (``--host-resolver-rules`` makes any outside host fail, and a request listener
records every attempt).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import close_page, open_page, start_voila, write_app

APP = """\
import numpy as np
import pandas as pd

points = st.slider("Points", 5, 50, 10)
rng = np.random.default_rng(points)
df = pd.DataFrame(rng.standard_normal((points, 3)), columns=["A", "B", "C"])
chart = st.line_chart(df)
if st.button("Stream"):
    for tick in range(5):
        chart.add_rows(pd.DataFrame(rng.standard_normal((1, 3)), columns=["A", "B", "C"]))
st.map(pd.DataFrame({"lat": [52.5, 48.85, 40.4], "lon": [13.4, 2.35, -3.7]}))
import plotly.graph_objects as go
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[3, 1, 2])))
"""

# Voila's own page template links a web font on a CDN: not ours, and blocked anyway.
VOILA_OWN = (
    "fonts.googleapis.com",
    "fonts.gstatic.com",
    "cdn.jsdelivr.net",
    "unpkg.com",
    "cdnjs.cloudflare.com",
)


@pytest.fixture(scope="module")
def page(chromium, workdir: Path) -> Iterator[object]:
    server = start_voila(write_app(workdir, "charts", APP), workdir)
    page = open_page(chromium, server.url, "[data-kind=line_chart] svg.marks .mark-line path")
    yield page
    close_page(page)
    server.stop()


def _rows(page) -> int:
    return int(page.get_attribute("[data-kind=line_chart]", "data-rows") or 0)


def _watch_chart(page) -> None:
    """Remember the drawn SVG and record any removal of it (a redraw or a flicker)."""
    page.evaluate(
        """() => {
        const chart = document.querySelector('[data-kind=line_chart]');
        window.__svg = chart.querySelector('svg.marks');
        window.__removed = 0;
        window.__observer?.disconnect();
        window.__observer = new MutationObserver((records) => {
            for (const r of records) for (const n of r.removedNodes) if (n.contains?.(window.__svg)) window.__removed += 1;
        });
        window.__observer.observe(chart, {childList: true, subtree: true});
    }"""
    )


def _same_svg(page) -> bool:
    return page.evaluate(
        "() => document.querySelector('[data-kind=line_chart] svg.marks') === window.__svg && window.__removed === 0"
    )


def test_the_chart_is_drawn_with_its_rows(page):
    assert _rows(page) == 30  # 10 points x 3 series
    assert page.locator("[data-kind=line_chart] .mark-line path").count() == 3


def test_a_rerun_updates_the_drawn_chart_in_place(page):
    _watch_chart(page)
    slider = page.get_by_role("slider", name="Points")
    slider.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => document.querySelector('[data-kind=line_chart]').dataset.rows === '45'", timeout=20_000
    )
    assert _same_svg(page)


def test_add_rows_appends_points_in_place(page):
    before = _rows(page)
    _watch_chart(page)
    page.get_by_role("button", name="Stream").click()
    page.wait_for_function(
        f"() => document.querySelector('[data-kind=line_chart]').dataset.rows === '{before + 15}'",
        timeout=20_000,
    )
    assert _same_svg(page)


def test_the_map_draws_offline_with_axes(page):
    map_el = page.locator("[data-kind=map]")
    assert map_el.locator("circle").count() == 3
    labels = map_el.locator("text").all_text_contents()
    assert any(t.endswith("N") for t in labels) and any(t.endswith(("E", "W")) for t in labels)
    assert map_el.locator("img").count() == 0


def test_plotly_js_comes_from_the_kernel(page):
    pytest.importorskip("plotly")
    page.wait_for_selector("[data-kind=plotly_chart][data-drawn] .main-svg", timeout=60_000)
    assert page.locator("[data-kind=plotly_chart] .bars path").count() == 3


def test_no_request_leaves_the_machine(page):
    outside = page.outside  # type: ignore[attr-defined]
    print("outside requests (all blocked):", outside)
    assert [u for u in outside if not any(host in u for host in VOILA_OWN)] == []
