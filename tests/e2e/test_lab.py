"""%%stapp cells in JupyterLab: clicks update the app, typing keeps focus while other
elements update, and the app's keys never reach the notebook."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import (
    SHOWN,
    Server,
    app_text,
    current,
    open_lab,
    run_notebook,
    start_lab,
    wait_text,
    write_app,
)

COUNTER = """
if "count" not in st.session_state:
    st.session_state.count = 0
if st.button("Add one"):
    st.session_state.count += 1
st.write(f"Count: {st.session_state.count}")
"""

TICKING = """
@st.fragment(run_every=0.3)
def clock():
    st.session_state.ticks = st.session_state.get("ticks", 0) + 1
    st.write(f"tick {st.session_state.ticks}")

clock()
name = st.text_input("Your name")
st.write(f"Hello {name}")
"""

KEYS = """
st.session_state.runs = st.session_state.get("runs", 0) + 1
st.title("Keys")
st.write(f"runs: {st.session_state.runs}")
print("printed by the app")
"""

PLAIN_CELL = (
    "st.header('From a plain cell')\nvalue = st.slider('Plain', 0, 10, 4)\nst.write(f'value {value}')"
)

PAGES = """
def home():
    st.write("Home page")
    st.page_link(report_page, label="Open the report")

def report():
    st.write(f"Report page for {st.session_state.team}")
    if st.button("Back home"):
        st.switch_page(home_page)

home_page = st.Page(home, title="Home", icon="🏠")
report_page = st.Page(report, title="Report")
pg = st.navigation([home_page, report_page])
st.sidebar.selectbox("Team", ["Core", "Data"], key="team")
pg.run()
"""


SAVED = """
st.title("Saved report")
st.metric("Visitors", 1234, 56)
choice = st.selectbox("Region", ["North", "South"], index=1)
st.write(f"Showing {choice}")
"""


def saved_notebook(root: Path, data_dir: Path) -> None:
    """A notebook executed with its widget state stored (as nbconvert --execute does) and
    trusted (as one saved in JupyterLab is)."""
    import nbformat
    from nbclient import NotebookClient
    from nbformat.sign import NotebookNotary

    path = write_app(root, "saved", SAVED)
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", store_widget_state=True).execute()
    data_dir.mkdir(parents=True, exist_ok=True)
    NotebookNotary(data_dir=str(data_dir)).sign(nb)
    nbformat.write(nb, path)


@pytest.fixture(scope="module")
def lab(workdir: Path) -> Iterator[Server]:
    root = workdir / "notebooks"
    root.mkdir()
    write_app(root, "counter", COUNTER)
    write_app(root, "ticking", TICKING)
    write_app(root, "keys", KEYS, cells=[PLAIN_CELL])
    write_app(root, "pages", PAGES)
    saved_notebook(root, workdir / "data")
    server = start_lab(root, workdir)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def page(chromium, lab: Server):
    page = open_lab(chromium, lab)
    yield page
    page.context.close()


def test_clicking_a_button_in_a_stapp_cell_updates_the_counter(page):
    run_notebook(page, "counter")
    button = current(page, ".nbs-app").get_by_role("button", name="Add one")
    button.click()
    wait_text(page, "Count: 1", scope=SHOWN)
    for _ in range(4):
        button.click()
    wait_text(page, "Count: 5", scope=SHOWN)


def test_typing_keeps_focus_and_text_while_another_element_updates(page):
    run_notebook(page, "ticking")
    box = current(page, ".nbs-app").get_by_role("textbox", name="Your name")
    box.click()
    first_tick = app_text(page, SHOWN)
    box.press_sequentially("Ada Lovelace", delay=80)  # about a second: several ticks arrive
    assert app_text(page, SHOWN) != first_tick, "the fragment did not update while typing"
    assert (
        page.evaluate("() => document.activeElement.getAttribute('aria-label') || document.activeElement.id")
        is not None
    )
    assert box.evaluate("el => el === document.activeElement")
    assert box.input_value() == "Ada Lovelace"
    assert box.evaluate("el => el.selectionStart") == len("Ada Lovelace")
    box.press("Enter")
    wait_text(page, "Hello Ada Lovelace", scope=SHOWN)


def test_r_and_c_in_the_app_rerun_it_and_never_reach_the_notebook(page):
    run_notebook(page, "keys")
    app = current(page, ".nbs-app").first
    wait_text(page, "runs: 1", scope=SHOWN)
    page.evaluate(
        """() => {
            window.__commands = [];
            window.jupyterapp.commands.commandExecuted.connect((_, args) => window.__commands.push(args.id));
        }"""
    )
    types_before = page.evaluate(
        "() => window.jupyterapp.shell.currentWidget.content.widgets.map(c => c.model.type)"
    )
    app.locator("[data-kind=title]").click()
    page.keyboard.press("r")
    wait_text(page, "runs: 2", scope=SHOWN)
    page.keyboard.press("c")
    page.keyboard.press("r")
    wait_text(page, "runs: 3", scope=SHOWN)
    assert page.evaluate("() => window.__commands") == []
    types_after = page.evaluate(
        "() => window.jupyterapp.shell.currentWidget.content.widgets.map(c => c.model.type)"
    )
    assert types_after == types_before == ["code", "code", "code"]


def test_prints_and_plain_cells_show_in_their_own_outputs(page):
    # (the "keys" notebook is open from the previous test)
    assert "printed by the app" in current(page, ".nbs-app .nbs-output").first.inner_text()
    apps = current(page, ".nbs-app")
    assert apps.count() == 2
    plain = apps.nth(1)
    assert "From a plain cell" in plain.inner_text()
    assert "value 4" in plain.inner_text()


def test_a_reopened_notebook_shows_its_app_as_last_drawn(page):
    # The new kernel has never run the app: what shows is the notebook's saved state.
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:open', {path: 'saved.ipynb'})")
    app = current(page, ".nbs-app")
    app.first.wait_for(state="attached", timeout=60_000)
    wait_text(page, "Showing South", scope=SHOWN)
    text = app_text(page, SHOWN)
    assert "Saved report" in text
    assert "1234" in text.replace(",", "")
    cells = page.evaluate(
        "() => window.jupyterapp.shell.currentWidget.content.widgets.map(c => c.model.sharedModel.execution_count)"
    )
    assert cells == [1, 2], "the cells keep their saved execution counts: nothing ran again"


def test_a_stapp_multipage_app_keeps_its_page_itself(page):
    run_notebook(page, "pages")
    url = page.url
    app = current(page, ".nbs-app")
    wait_text(page, "Home page", scope=SHOWN)
    menu = app.locator(".nbs-sidebar nav[aria-label=Pages]")
    menu.get_by_role("link", name="Report").click()
    wait_text(page, "Report page for Core", scope=SHOWN)
    assert "Home page" not in app_text(page, SHOWN)
    assert menu.locator("[aria-current=page]").inner_text().strip() == "Report"
    app.get_by_role("button", name="Back home").click()
    wait_text(page, "Home page", scope=SHOWN)
    app.get_by_role("link", name="Open the report").click()
    wait_text(page, "Report page for Core", scope=SHOWN)
    assert page.url == url, "the notebook's URL does not change with the app's page"
