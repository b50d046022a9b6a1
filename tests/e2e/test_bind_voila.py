"""bind="query-params" in a served page (Voila): changing a bound widget changes the page
URL, a URL with the parameters opens the app with those values, a value back at its
default leaves the URL, and st.query_params written by the script reach the URL too.

``nbstream serve`` runs the same front-end code (js/src/voila.js syncQuery on a page whose
host is "voila"), so one Voila server covers the URL sync."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, close_page, open_voila_app, start_voila, wait_text, write_app

BOUND = """
remember = st.checkbox("Remember me", key="cb", bind="query-params")
fruit = st.radio("Fruit", ["apple", "kiwi", "plum"], key="fruit", bind="query-params")
level = st.slider("Level", 0, 10, 3, key="level", bind="query-params")
tabs = st.tabs(["Data", "Chart"], key="view", bind="query-params")
st.write(f"values: {remember} {fruit} {level} {[t.open for t in tabs]}")
if st.button("Tag it"):
    st.query_params["tag"] = "blue"
"""


@pytest.fixture(scope="module")
def voila(workdir: Path) -> Iterator[Server]:
    apps = workdir / "apps"
    apps.mkdir()
    write_app(apps, "bound", BOUND)
    server = start_voila(apps, workdir)
    yield server
    server.stop()


def url_query(page) -> dict:
    return page.evaluate(
        "() => { const q = {}; for (const [k, v] of new URL(location.href).searchParams) (q[k] ||= []).push(v); return q; }"
    )


def wait_query(page, expected: dict) -> None:
    page.wait_for_function(
        "(want) => { const q = {}; for (const [k, v] of new URL(location.href).searchParams) (q[k] ||= []).push(v);"
        " return JSON.stringify(q) === JSON.stringify(want); }",
        arg=expected,
        timeout=15_000,
    )


def test_changing_bound_widgets_changes_the_url(chromium, voila):
    page = open_voila_app(chromium, voila.url, "bound")
    try:
        wait_text(page, "values: False apple 3 [True, False]")
        assert url_query(page) == {}
        page.get_by_label("Remember me").check()
        wait_text(page, "values: True apple 3")
        wait_query(page, {"cb": ["true"]})
        page.get_by_label("plum").check()
        wait_text(page, "values: True plum 3")
        wait_query(page, {"cb": ["true"], "fruit": ["plum"]})
        page.get_by_role("tab", name="Chart").click()
        wait_text(page, "values: True plum 3 [False, True]")
        wait_query(page, {"cb": ["true"], "fruit": ["plum"], "view": ["Chart"]})
        # Back at its default, a value leaves the URL.
        page.get_by_label("Remember me").uncheck()
        wait_text(page, "values: False plum 3")
        wait_query(page, {"fruit": ["plum"], "view": ["Chart"]})
        # The script's own st.query_params reach the URL as well.
        page.get_by_role("button", name="Tag it").click()
        wait_query(page, {"fruit": ["plum"], "view": ["Chart"], "tag": ["blue"]})
    finally:
        close_page(page)


def test_a_url_with_the_parameters_opens_the_app_with_those_values(chromium, voila):
    page = open_voila_app(chromium, voila.url, "bound", query="?cb=true&fruit=kiwi&level=8&view=Chart")
    try:
        wait_text(page, "values: True kiwi 8 [False, True]")
        assert page.get_by_label("Remember me").is_checked()
        assert page.get_by_label("kiwi").is_checked()
        assert page.get_by_role("tab", name="Chart").get_attribute("aria-selected") == "true"
        assert url_query(page) == {"cb": ["true"], "fruit": ["kiwi"], "level": ["8"], "view": ["Chart"]}
    finally:
        close_page(page)


def test_a_value_the_widget_cannot_hold_is_dropped_from_the_url(chromium, voila):
    page = open_voila_app(chromium, voila.url, "bound", query="?fruit=mango&level=99&cb=true")
    try:
        wait_text(page, "values: True apple 3")
        wait_query(page, {"cb": ["true"]})
    finally:
        close_page(page)
