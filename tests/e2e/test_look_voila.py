"""The reference app looks like Streamlit's, in Voila: its figures (element spacing, font,
slider value font, dataframe width, column stretch and index style, chart legend and x
labels) against those recorded from Streamlit 1.67 (fixtures/streamlit_figures.json,
written by fixtures/record_streamlit_figures.py), in the light and dark theme at
1280x800 and at a phone's width; and the data editors show or hide their RangeIndex as
Streamlit's.  Each comparison saves nbstream's screenshot beside Streamlit's in
tests/e2e/output/ (git-ignored)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, close_page, start_voila, wait_text, write_app
from look_figures import compare, editor_columns, measure

HERE = Path(__file__).resolve().parent
APPS = HERE.parent / "apps"
FIXTURES = HERE / "fixtures"
OUTPUT = HERE / "output"
RECORD = json.loads((FIXTURES / "streamlit_figures.json").read_text(encoding="utf-8"))
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def voila(workdir: Path) -> Iterator[Server]:
    root = workdir / "apps"
    for theme in ("light", "dark"):
        folder = root / theme
        folder.mkdir(parents=True)
        write_app(folder, "reference", (APPS / "look_reference.py").read_text(encoding="utf-8"))
        (folder / ".streamlit").mkdir()
        (folder / ".streamlit" / "config.toml").write_text(f'[theme]\nbase = "{theme}"\n', encoding="utf-8")
    write_app(root / "light", "editors", (APPS / "editor_index.py").read_text(encoding="utf-8"))
    server = start_voila(root, workdir)
    yield server
    server.stop()


def save_pair(page, name: str) -> None:
    """nbstream's screenshot beside the recorded Streamlit one."""
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"{name}-nbstream.png"))
    variant = name.split("-", 1)[1]
    shutil.copy(FIXTURES / f"streamlit-{variant}.png", OUTPUT / f"{name}-streamlit.png")


@pytest.mark.parametrize("variant", sorted(RECORD["variants"]))
def test_reference_app_matches_streamlit(chromium, voila, variant):
    theme, viewport = variant.split("-")
    page = chromium.new_context(viewport=VIEWPORTS[viewport]).new_page()
    try:
        page.goto(f"{voila.url}voila/render/{theme}/reference.ipynb")
        wait_text(page, "The end", timeout=90_000)
        # a passing notice ("Connecting…" while the kernel's websocket opens) and Voila's own
        # progress above the app (until the notebook's cells have run) are not the look
        page.wait_for_function("() => [...document.querySelectorAll('.nbs-connection')].every(e => e.hidden)")
        page.wait_for_function(
            "() => document.querySelector('.nbs-app').getBoundingClientRect().top + scrollY === 0"
        )
        figures = measure(page)
        save_pair(page, f"voila-{variant}")
        problems = compare(RECORD["variants"][variant], figures, page=True)
        assert problems == [], "\n".join(problems)
    finally:
        close_page(page)


def test_data_editor_shows_its_range_index_as_streamlit(chromium, voila):
    page = chromium.new_context(viewport=VIEWPORTS["desktop"]).new_page()
    try:
        page.goto(f"{voila.url}voila/render/light/editors.ipynb")
        wait_text(page, "The end", timeout=90_000)
        page.wait_for_timeout(500)  # the grids stretch once laid out
        assert editor_columns(page) == RECORD["editor_columns"]
    finally:
        close_page(page)
