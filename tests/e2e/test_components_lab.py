"""A declared component (path=), a Vite-built one (module scripts) and
streamlit-option-menu from PyPI in a %%stapp cell in JupyterLab: the server extension
serves their build folders under Lab's base URL, and a click returns the value to the
script.  An ipywidgets slider embedded with st.widget is drawn by Lab's widget manager
inside the app, and moving it reruns the app."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import SHOWN, Server, open_lab, run_notebook, start_lab, wait_text, write_app
from test_components_voila import ECHO, HERE, OPTION_MENU, VITE
from test_jupyter_widgets_voila import SLIDER


@pytest.fixture(scope="module")
def lab(workdir: Path) -> Iterator[Server]:
    root = workdir / "notebooks"
    root.mkdir()
    build = workdir / "echo_build"
    build.mkdir()
    shutil.copy(HERE / "echo_component.html", build / "index.html")
    write_app(root, "echo", ECHO.format(path=str(build)))
    write_app(root, "option_menu", OPTION_MENU)
    write_app(root, "vite", VITE.format(path=str(HERE / "vite_build")))
    write_app(root, "slider", SLIDER)
    server = start_lab(root, workdir)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def page(chromium, lab: Server):
    page = open_lab(chromium, lab)
    yield page
    page.context.close()


def frame(page):
    return page.frame_locator(".jp-NotebookPanel:not(.lm-mod-hidden) .nbs-component-frame")


def test_a_declared_component_round_trip_in_jupyterlab(page):
    run_notebook(page, "echo")
    wait_text(page, "Value = 'nothing yet'", scope=SHOWN, timeout=30_000)
    frame(page).locator("#out").filter(has_text="name=Blackbeard").wait_for(timeout=30_000)
    assert "parent=blocked" in frame(page).locator("#out").inner_text()
    frame(page).get_by_role("button", name="Send").click()
    wait_text(page, "Value = {'clicked': 1, 'pi': 3.14}", scope=SHOWN)


@pytest.mark.skipif(
    importlib.util.find_spec("streamlit_option_menu") is None,
    reason="pip install --no-deps streamlit-option-menu",
)
def test_streamlit_option_menu_in_jupyterlab(page):
    run_notebook(page, "option_menu")
    wait_text(page, "Selected: Home", scope=SHOWN, timeout=30_000)
    frame(page).get_by_text("Upload").click(timeout=30_000)
    wait_text(page, "Selected: Upload", scope=SHOWN)


def test_a_vite_built_component_in_jupyterlab(page):
    run_notebook(page, "vite")
    wait_text(page, "Picked 0 times", scope=SHOWN, timeout=30_000)
    frame(page).locator("#label").filter(has_text="Hello, Anne from a module script").wait_for(timeout=30_000)
    frame(page).get_by_role("button", name="Pick").click()
    wait_text(page, "Picked 1 times", scope=SHOWN)


def test_an_embedded_ipywidgets_slider_in_jupyterlab(page):
    run_notebook(page, "slider")
    wait_text(page, "level=3 squared=9 changes=0", scope=SHOWN, timeout=30_000)
    widget = page.locator(f"{SHOWN} .nbs-jupyter-widget")
    handle = widget.get_by_role("slider")
    handle.wait_for(timeout=30_000)
    assert widget.locator("iframe").count() == 0
    handle.focus()
    page.keyboard.press("ArrowRight")
    wait_text(page, "level=4 squared=16 changes=1", scope=SHOWN)
    wait_text(page, "same instance: True", scope=SHOWN)
