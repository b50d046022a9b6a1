"""The reference app looks like Streamlit's in JupyterLab too: its figures (element
spacing, font, slider value font and min/max, dataframe width, column stretch and index
style, chart legend and x labels) against those recorded from Streamlit 1.67
(fixtures/streamlit_figures.json), light and dark.  The notebook places the app, so
where its column starts is not compared.  Screenshots go to tests/e2e/output/."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import SHOWN, Server, current, open_lab, run_notebook, start_lab, wait_text, write_app
from look_figures import compare, measure

HERE = Path(__file__).resolve().parent
APPS = HERE.parent / "apps"
FIXTURES = HERE / "fixtures"
OUTPUT = HERE / "output"
RECORD = json.loads((FIXTURES / "streamlit_figures.json").read_text(encoding="utf-8"))
SCOPE = ".jp-NotebookPanel:not(.lm-mod-hidden) "


@pytest.fixture(scope="module")
def lab(workdir: Path) -> Iterator[Server]:
    root = workdir / "notebooks"
    for theme in ("light", "dark"):
        folder = root / theme
        folder.mkdir(parents=True)
        write_app(folder, "reference", (APPS / "look_reference.py").read_text(encoding="utf-8"))
        (folder / ".streamlit").mkdir()
        (folder / ".streamlit" / "config.toml").write_text(f'[theme]\nbase = "{theme}"\n', encoding="utf-8")
    server = start_lab(root, workdir)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def page(chromium, lab: Server):
    page = open_lab(chromium, lab)
    yield page
    page.context.close()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_reference_app_matches_streamlit_in_lab(page, theme):
    run_notebook(page, f"{theme}/reference")
    wait_text(page, "The end", timeout=60_000, scope=SHOWN)
    app = current(page, ".nbs-app").first
    app.scroll_into_view_if_needed()
    figures = measure(page, SCOPE)
    OUTPUT.mkdir(exist_ok=True)
    app.screenshot(path=str(OUTPUT / f"lab-{theme}-desktop-nbstream.png"))
    shutil.copy(FIXTURES / f"streamlit-{theme}-desktop.png", OUTPUT / f"lab-{theme}-desktop-streamlit.png")
    # In JupyterLab an app is as tall as its content: no viewport-high empty space under it.
    main = current(page, ".nbs-app .nbs-main").first.bounding_box()
    assert app.bounding_box()["height"] == pytest.approx(main["height"], abs=2)
    problems = compare(RECORD["variants"][f"{theme}-desktop"], figures)
    assert problems == [], "\n".join(problems)
