"""Every element draws, in Voila: st.download_button saves the script's exact bytes (text,
bytes, 20 MB) with its name and MIME type and reruns per ``on_click``; the every-element
app shows no fallback box, no component error and no page error; and the side-by-side
differences with Streamlit (sidebar start state, multiselect placeholder, thinned bar
chart labels, legend below) stay fixed."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, app_text, close_page, start_voila, wait_text, write_app

from nbstream.runtime.tree import AREAS
from nbstream.testing import AppTest

APPS = Path(__file__).resolve().parents[1] / "apps"
EVERY_ELEMENT = APPS / "every_element.py"
STREAMLIT_CSS = APPS / "streamlit_css.py"
BIG = 20 * 1024 * 1024

DOWNLOADS = f"""
import io
st.session_state.runs = st.session_state.get("runs", 0) + 1
st.write(f"Runs: {{st.session_state.runs}}")

def saved():
    st.session_state.saved = st.session_state.get("saved", 0) + 1

text = st.download_button("Text", "héllo, wörld\\n", file_name="hello.txt")
st.download_button("Bytes", bytes(range(256)) * 4, file_name="table.bin", mime="application/x-demo",
                   on_click="ignore")
st.download_button("Big", bytes(range(256)) * ({BIG} // 256), file_name="big.dat", on_click=saved)
st.download_button("Later", lambda: "made on click", file_name="later.csv", mime="text/csv")
st.download_button("Off", "x", file_name="off.txt", disabled=True)
st.write(f"text clicked: {{text}}; saved: {{st.session_state.get('saved', 0)}}")
"""

SIDEBAR_COLLAPSED = """
st.set_page_config(initial_sidebar_state="collapsed")
st.sidebar.write("Side text")
st.write("Main text")
"""

SIDEBAR_EXPANDED = """
st.set_page_config(initial_sidebar_state="expanded")
st.sidebar.write("Side text")
st.write("Main text")
"""

CHARTS = """
import pandas as pd
st.multiselect("Pick", ["a", "b"])
many = pd.DataFrame({"category": [f"category {i:03d}" for i in range(100)], "value": range(100)})
st.bar_chart(many, x="category", y="value", width=600)
long = pd.DataFrame({"x": [1, 2, 1, 2], "y": [1, 2, 2, 1], "group": ["a", "a", "b", "b"]})
st.line_chart(long, x="x", y="y", color="group")
"""

GRID = """
import pandas as pd
people = pd.DataFrame({
    "name": ["Ada Lovelace", "Alan Turing", None],
    "city": ["London", "Wilmslow", "Paris"],
    "age": [36, 41, None],
    "score": [9.5, float("nan"), 7.25],
    "joined": pd.to_datetime(["2024-01-02", "2023-05-06", "2022-07-08"]),
    "active": [True, False, True],
})
st.dataframe(people, key="people")
pictures = pd.DataFrame({
    "picture": ["https://example.invalid/" + "a" * 120 + ".png"] * 2,
    "note": ["short", "a rather long note " * 12],
    "n": [1, 2],
})
st.dataframe(pictures, column_config={"picture": st.column_config.ImageColumn()}, key="pictures")
st.data_editor(pd.DataFrame({"x": [1, 2], "y": ["a", "b"]}), disabled=["y"], key="editor")
"""

# Records which MIME type each saved Blob had (Playwright's download event has no type).
RECORD_BLOBS = """
window.__nbsSaved = [];
const types = new Map();
const make = URL.createObjectURL.bind(URL);
URL.createObjectURL = (obj) => { const url = make(obj); types.set(url, obj && obj.type); return url; };
const click = HTMLAnchorElement.prototype.click;
HTMLAnchorElement.prototype.click = function () {
  if (this.hasAttribute("download")) window.__nbsSaved.push([this.download, types.get(this.href)]);
  return click.call(this);
};
"""


@pytest.fixture(scope="module")
def voila(workdir: Path) -> Iterator[Server]:
    apps = workdir / "apps"
    apps.mkdir()
    write_app(apps, "downloads", DOWNLOADS)
    write_app(apps, "every", EVERY_ELEMENT.read_text(encoding="utf-8"))
    write_app(apps, "collapsed", SIDEBAR_COLLAPSED)
    write_app(apps, "expanded", SIDEBAR_EXPANDED)
    write_app(apps, "charts", CHARTS)
    write_app(apps, "grid", GRID)
    write_app(apps, "styled", STREAMLIT_CSS.read_text(encoding="utf-8"))
    server = start_voila(apps, workdir)
    yield server
    server.stop()


def open_app(chromium, voila: Server, name: str, *, frames: list[int] | None = None):
    context = chromium.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_BLOBS)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    if frames is not None:
        page.on("websocket", lambda ws: ws.on("framereceived", lambda f: frames.append(len(f))))
    page.goto(f"{voila.url}voila/render/{name}.ipynb")
    page.wait_for_selector(".nbs-app .nbs-main > [data-kind]", state="attached", timeout=60_000)
    return page


def download(page, label: str):
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=label).click()
    saved = info.value
    return saved.suggested_filename, Path(saved.path()).read_bytes()


def test_downloads_save_the_scripts_bytes_and_rerun_per_on_click(chromium, voila):
    frames: list[int] = []
    page = open_app(chromium, voila, "downloads", frames=frames)
    try:
        wait_text(page, "Runs: 1")
        wait_text(page, "text clicked: False; saved: 0")
        # 20 MB is offered, but the page has received far less (its code included)
        # before anyone asks for the file.
        assert sum(frames) < BIG // 2, f"{sum(frames)} bytes reached the page before the click"

        assert download(page, "Text") == ("hello.txt", "héllo, wörld\n".encode())
        wait_text(page, "text clicked: True; saved: 0")
        assert "Runs: 2" in app_text(page)

        assert download(page, "Bytes") == ("table.bin", bytes(range(256)) * 4)
        page.wait_for_timeout(1500)
        assert "Runs: 2" in app_text(page), 'on_click="ignore" reran the app'

        name, content = download(page, "Big")
        assert name == "big.dat" and len(content) == BIG
        assert hashlib.sha256(content).digest() == hashlib.sha256(bytes(range(256)) * (BIG // 256)).digest()
        wait_text(page, "text clicked: False; saved: 1")  # the callback ran, then the rerun
        assert "Runs: 3" in app_text(page)

        assert download(page, "Later") == ("later.csv", b"made on click")
        assert page.evaluate("window.__nbsSaved") == [
            ["hello.txt", "text/plain"],
            ["table.bin", "application/x-demo"],
            ["big.dat", "application/octet-stream"],
            ["later.csv", "text/csv"],
        ]
        assert page.get_by_role("button", name="Off").is_disabled()
        assert page.errors == []
    finally:
        close_page(page)


def test_every_element_draws_without_fallback_or_error(chromium, voila):
    at = AppTest.from_file(EVERY_ELEMENT, default_timeout=60).run()
    kinds = {n.kind for n in at._session.tree.walk()} - {"root", *AREAS}
    floating = {n.kind for n in next(c for c in at._session.tree.children if c.kind == "event").walk()}
    page = open_app(chromium, voila, "every")
    try:
        wait_text(page, "The end", timeout=60_000)
        page.wait_for_selector(".nbs-app [data-kind=plotly_chart] .main-svg", timeout=60_000)
        page.wait_for_selector(".nbs-app [data-kind=bar_chart] svg, .nbs-app [data-kind=bar_chart] canvas")
        page.wait_for_selector(".nbs-app .nbs-graphviz[data-drawn=true]", timeout=60_000)
        drawn = set(
            page.evaluate("[...document.querySelectorAll('.nbs-app [data-kind]')].map(e => e.dataset.kind)")
        )
        missing = sorted(kinds - floating - drawn)  # toasts and balloons float away
        assert not missing, f"not drawn: {missing}"
        unknown = page.evaluate(
            "[...document.querySelectorAll('.nbs-app .nbs-unknown')].map(e => e.textContent)"
        )
        assert unknown == [], f"fallback or error boxes: {unknown}"
        assert page.errors == []
    finally:
        close_page(page)


def sidebar_state(page) -> str | None:
    page.wait_for_selector(".nbs-sidebar .nbs-sidebar-toggle")
    return page.get_attribute(".nbs-sidebar .nbs-sidebar-toggle", "aria-expanded")


def test_initial_sidebar_state_is_followed(chromium, voila):
    page = open_app(chromium, voila, "collapsed")
    try:
        wait_text(page, "Main text")
        assert sidebar_state(page) == "false"
        page.click(".nbs-sidebar .nbs-sidebar-toggle")
        assert sidebar_state(page) == "true"
    finally:
        close_page(page)
    page = open_app(chromium, voila, "expanded")
    try:
        wait_text(page, "Main text")
        assert sidebar_state(page) == "true"
    finally:
        close_page(page)


def test_multiselect_placeholder_label_thinning_and_legend_below(chromium, voila):
    page = open_app(chromium, voila, "charts")
    try:
        page.wait_for_selector(".nbs-app [data-kind=line_chart] svg .role-legend", timeout=60_000)
        assert page.get_by_role("combobox", name="Pick").get_attribute("placeholder") == "Choose options"
        labels = page.evaluate(
            """() => [...document.querySelectorAll('[data-kind=bar_chart] .role-axis-label text')]
                 .filter(t => t.textContent.startsWith('category') && getComputedStyle(t).opacity !== '0'
                              && t.getAttribute('opacity') !== '0')
                 .map(t => t.getBoundingClientRect())
                 .map(r => [r.left, r.right])"""
        )
        # 100 labels in 600 px: 6 px apart, half the labels' 12 px font.  Vega-Lite thins
        # them (every other one until they fit); without that they print over each other.
        assert 0 < len(labels) <= 50, f"{len(labels)} of 100 labels shown"
        centers = sorted((a + b) / 2 for a, b in labels)
        assert min(b - a for a, b in itertools.pairwise(centers)) >= 11, "labels overlap"
        plot = page.locator("[data-kind=line_chart] svg .role-mark").first.bounding_box()
        legend = page.locator("[data-kind=line_chart] svg .role-legend").first.bounding_box()
        assert legend["y"] > plot["y"] + plot["height"] - 1, "the legend is not below the chart"
        assert page.errors == []
    finally:
        close_page(page)


STYLES = """() => {
    const css = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
    return {
        main: css(".nbs-app div.block-container", "paddingTop"),
        sidebar: css(".nbs-app [data-testid=stSidebar]", "backgroundColor"),
        button: css(".nbs-app .stButton > button", "color"),
        text: css(".nbs-app [data-testid=stMarkdown] p", "letterSpacing"),
    };
}"""


def test_css_written_for_streamlit_restyles_the_same_elements(chromium, voila):
    page = open_app(chromium, voila, "styled")
    try:
        wait_text(page, "Spaced text")
        assert page.evaluate(STYLES) == {
            "main": "7px",
            "sidebar": "rgb(10, 20, 30)",
            "button": "rgb(255, 0, 0)",
            "text": "3px",
        }
        # The app's CSS stays inside the app: the page around it keeps its look.
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(4, 5, 6)"
    finally:
        close_page(page)


def test_data_grids_size_columns_show_none_full_text_and_pencils(chromium, voila):
    page = open_app(chromium, voila, "grid")
    try:
        page.wait_for_selector(".nbs-app [data-kind=data_editor] .nbs-df-body .nbs-df-cell", timeout=60_000)
        grids = page.locator(".nbs-app [data-kind=dataframe]")
        people, pictures = grids.nth(0), grids.nth(1)
        people.locator(".nbs-df-body .nbs-df-cell").first.wait_for()
        # Missing values read None, as in Streamlit (text, integer and float columns).
        last_row = people.locator(".nbs-df-body .nbs-df-row").nth(2).locator(".nbs-df-cell").all_inner_texts()
        assert last_row[1] == "None" and last_row[3] == "None"
        assert (
            people.locator(".nbs-df-body .nbs-df-row").nth(1).locator(".nbs-df-cell").nth(4).inner_text()
            == "None"
        )
        # Six short columns fit the page's width: no horizontal scroll.
        scroller = people.locator(".nbs-df-scroller")
        assert scroller.evaluate("s => s.scrollWidth <= s.clientWidth"), "the six-column table needs a scroll"
        # An image column is sized for its images, not for its URLs (the columns then
        # stretch over the grid's width by equal shares, as Streamlit's).
        widths = pictures.locator(".nbs-df-hcell").evaluate_all(
            "hs => hs.map(h => h.getBoundingClientRect().width)"
        )
        assert widths[1] < widths[2] and widths[1] <= 0.2 * sum(widths), (
            f"the image column is {widths[1]} px wide"
        )
        # A cut cell shows all its text on hover.
        note = pictures.locator(".nbs-df-body .nbs-df-row").nth(1).locator(".nbs-df-cell").nth(2)
        note.hover()
        assert note.get_attribute("title") == "a rather long note " * 12
        # The editor marks its editable column with a pencil; the disabled one has none.
        headers = page.locator(".nbs-app [data-kind=data_editor] .nbs-df-hcell")
        pencils = headers.evaluate_all(
            "hs => hs.map(h => h.textContent.trim() + ':' + !!h.querySelector('.nbs-df-editable'))"
        )
        assert pencils[-2:] == ["x:true", "y:false"], pencils
        assert page.errors == []
    finally:
        close_page(page)
