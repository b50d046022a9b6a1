"""Every element draws in JupyterLab too: st.download_button saves the script's bytes
(text and 20 MB) and reruns or runs its callback; the every-element app shows no fallback
box, component error or page error; and CSS written for Streamlit restyles the app's own
elements while JupyterLab's UI keeps its look."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import SHOWN, Server, current, open_lab, run_notebook, start_lab, wait_text, write_app

APPS = Path(__file__).resolve().parents[1] / "apps"
BIG = 20 * 1024 * 1024

DOWNLOADS = f"""
def saved():
    st.session_state.saved = st.session_state.get("saved", 0) + 1

text = st.download_button("Text", "héllo\\n", file_name="hello.txt")
st.download_button("Big", bytes(range(256)) * ({BIG} // 256), file_name="big.dat", on_click=saved)
st.write(f"text clicked: {{text}}; saved: {{st.session_state.get('saved', 0)}}")
"""


@pytest.fixture(scope="module")
def lab(workdir: Path) -> Iterator[Server]:
    root = workdir / "notebooks"
    root.mkdir()
    write_app(root, "downloads", DOWNLOADS)
    write_app(root, "every", (APPS / "every_element.py").read_text(encoding="utf-8"))
    write_app(root, "styled", (APPS / "streamlit_css.py").read_text(encoding="utf-8"))
    server = start_lab(root, workdir)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def page(chromium, lab: Server):
    page = open_lab(chromium, lab, accept_downloads=True)
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    page.context.close()


def download(page, label: str) -> tuple[str, bytes]:
    with page.expect_download(timeout=60_000) as info:
        current(page, ".nbs-app").get_by_role("button", name=label).click()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def test_every_element_draws_in_lab(page):
    run_notebook(page, "every")
    wait_text(page, "The end", timeout=60_000, scope=SHOWN)
    current(page, "[data-kind=bar_chart] svg.marks, [data-kind=bar_chart] canvas").first.wait_for(
        state="attached", timeout=60_000
    )
    # plotly.js comes from the kernel when the chart first draws, often while the app's
    # first run is still going on (the bridge finds the chart in the running tree).
    current(page, ".nbs-app [data-kind=plotly_chart] .main-svg").first.wait_for(
        state="attached", timeout=60_000
    )
    unknown = current(page, ".nbs-app .nbs-unknown").all_inner_texts()
    assert unknown == [], f"fallback or error boxes: {unknown}"
    drawn = set(current(page, ".nbs-app [data-kind]").evaluate_all("els => els.map(e => e.dataset.kind)"))
    assert {
        "download_button",
        "fragment",
        "dataframe",
        "data_editor",
        "map",
        "pyplot",
        "tab",
        "plotly_chart",
    } <= drawn
    shown_errors = current(page, ".nbs-app .nbs-chart-error:not([hidden])").evaluate_all(
        "els => els.map(e => [e.closest('[data-kind]')?.dataset.kind, e.textContent])"
    )
    assert shown_errors == []
    assert page.errors == []


def test_streamlit_css_restyles_the_app_and_leaves_lab_alone(page):
    run_notebook(page, "styled")
    wait_text(page, "Spaced text", scope=SHOWN)
    app = current(page, ".nbs-app").first
    assert app.locator(".stButton > button").evaluate("b => getComputedStyle(b).color") == "rgb(255, 0, 0)"
    assert app.locator("div.block-container").evaluate("m => getComputedStyle(m).paddingTop") == "7px"
    assert app.locator("[data-testid=stSidebar]").evaluate("s => getComputedStyle(s).backgroundColor") == (
        "rgb(10, 20, 30)"
    )
    lab_ui = page.evaluate(
        """() => ({
            body: getComputedStyle(document.body).backgroundColor,
            toolbar: getComputedStyle(document.querySelector('.jp-Toolbar')).backgroundColor,
            outlines: [...document.querySelectorAll('button')].filter(b => !b.closest('.nbs-app'))
                .map(b => getComputedStyle(b).outlineColor).filter(c => c === 'rgb(1, 2, 3)').length,
        })"""
    )
    assert lab_ui["body"] != "rgb(4, 5, 6)" and lab_ui["toolbar"] != "rgb(4, 5, 6)"
    assert lab_ui["outlines"] == 0, "the app's CSS reached JupyterLab's buttons"


def test_downloads_in_lab(page):
    run_notebook(page, "downloads")
    wait_text(page, "text clicked: False; saved: 0", scope=SHOWN)
    assert download(page, "Text") == ("hello.txt", "héllo\n".encode())
    wait_text(page, "text clicked: True; saved: 0", scope=SHOWN)
    name, content = download(page, "Big")
    assert name == "big.dat"
    assert hashlib.sha256(content).digest() == hashlib.sha256(bytes(range(256)) * (BIG // 256)).digest()
    wait_text(page, "text clicked: False; saved: 1", scope=SHOWN)
    assert page.errors == []
