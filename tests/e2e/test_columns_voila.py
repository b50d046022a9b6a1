"""Streamlit 1.67's newer column types in a real grid, served by Voila: audio and video
players, Markdown shown rendered on a click, colored multiselect chips edited in
st.data_editor, and a button column whose click runs Python."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, close_page, open_voila_app, start_voila, wait_text, write_app

COLUMNS = """
import pandas as pd

WAV = "data:audio/wav;base64,UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQAAAAA="
df = pd.DataFrame({
    "name": ["Alice", "Bob"],
    "notes": ["**bold** note", "plain"],
    "tags": [["llm"], ["exploration", "visualization"]],
    "clip": [WAV, None],
    "view": ["View", "Open"],
})

def show():
    click = st.session_state.clicked
    st.session_state.shown = f"{df.iloc[click.row]['name']} via {click.label}"

config = {
    "notes": st.column_config.MarkdownColumn("Notes"),
    "tags": st.column_config.MultiselectColumn(
        "Tags", options=["exploration", "visualization", "llm"], color="auto"
    ),
    "clip": st.column_config.AudioColumn("Clip"),
    "view": st.column_config.ButtonColumn("", on_click=show, key="clicked"),
}
edited = st.data_editor(df, column_config=config, key="ed", disabled=["name", "notes"])
st.text(f"tags={edited['tags'].tolist()}")
st.text(f"shown={st.session_state.get('shown')}")
"""


@pytest.fixture(scope="module")
def voila(workdir: Path) -> Iterator[Server]:
    apps = workdir / "apps"
    apps.mkdir()
    write_app(apps, "columns", COLUMNS)
    server = start_voila(apps, workdir)
    yield server
    server.stop()


def cell(page, row: int, col: int):
    return page.locator(".nbs-df-body .nbs-df-row").nth(row).locator(".nbs-df-cell").nth(col)


def test_the_new_column_types_show_and_react(chromium, voila):
    page = open_voila_app(chromium, voila.url, "columns", viewport={"width": 1200, "height": 800})
    try:
        wait_text(page, "shown=None")
        # Columns: index, name, notes, tags, clip, view.
        assert cell(page, 0, 4).locator("audio[controls]").count() == 1
        chips = cell(page, 1, 3).locator(".nbs-df-chip")
        assert chips.all_inner_texts() == ["exploration", "visualization"]
        assert chips.first.evaluate("c => getComputedStyle(c).backgroundColor") != "rgba(0, 0, 0, 0)"

        cell(page, 0, 2).click()
        overlay = page.locator(".nbs-df-overlay")
        overlay.wait_for(timeout=5_000)
        assert overlay.locator("strong").inner_text() == "bold"
        page.keyboard.press("Escape")
        overlay.wait_for(state="detached", timeout=5_000)

        cell(page, 1, 5).get_by_role("button", name="Open").click()
        wait_text(page, "shown=Bob via Open")

        cell(page, 0, 3).click()
        page.keyboard.press("Enter")
        editor = page.locator("select.nbs-df-editor")
        editor.select_option(["exploration", "llm"])
        editor.press("Enter")
        wait_text(page, "tags=[['exploration', 'llm'], ['exploration', 'visualization']]")
    finally:
        close_page(page)
