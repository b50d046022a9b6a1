"""Custom components in Voila, in Chromium: components.html / iframe, st.html, a declared
component (path=) speaking Streamlit's protocol by hand, a component built the way
Vite builds them (module scripts with ``crossorigin``, a preloaded and a lazy chunk, CSS)
loading in its origin-less sandboxed frame, a hostile component, an
ES-module component (``st.components.anywidget``, no iframe), and three
published components from PyPI (streamlit-option-menu, streamlit-echarts 0.4 and
streamlit-aggrid), each drawn and returning a value to the script.

The PyPI components are installed beside nbstream with ``pip install --no-deps
streamlit-option-menu "streamlit-echarts==0.4.0" pyecharts simplejson streamlit-aggrid
python-decouple`` (tests that need a package not installed are skipped); their
``import streamlit.components.v1`` gives ``nbstream.components.v1`` through the
``import streamlit`` alias of apps, as for any package an app imports.
"""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, app_text, close_page, open_voila_app, start_voila, wait_text, write_app

HERE = Path(__file__).parent / "components"


STATIC = """
import nbstream.components.v1 as components
components.html(
    "<p id='p'>frame</p><script>document.getElementById('p').textContent = 'script ran, parent '"
    " + (function () { try { return String(parent.document.title); } catch (e) { return 'blocked'; } })()"
    "</script>",
    height=80,
)
components.iframe("about:blank", height=40, tab_index=-1)
st.html(
    "<style>.nbs-mark { color: rgb(255, 0, 0); }</style>"
    "<p class='nbs-mark' onclick='window.pwned = 1'>styled</p>"
    "<script>window.pwned = 2</script><img src='x' onerror='window.pwned = 3'>"
)
"""

ECHO = """
import pandas as pd
import nbstream.components.v1 as components
echo = components.declare_component("echo", path={path!r})
st.session_state.setdefault("n", 0)
value = echo(
    name="Blackbeard",
    ship="Queen Anne's Revenge",
    numbers=[1, 2.5, None, True],
    raw=b"\\x01\\x02",
    frame=pd.DataFrame({{"a": [1, 2]}}),
    count=st.session_state.n,
    default="nothing yet",
    key="echo",
)
st.text(f"Value = {{value!r}}")
"""

HOSTILE = """
import nbstream.components.v1 as components
victim = st.slider("Victim", 0, 10, 3, key="victim")
hostile = components.declare_component("hostile", path={path!r})
got = hostile(key="hostile", default="none")
st.text(f"Victim = {{victim}}; hostile sent {{got!r}}")
"""

ESM = """
counter = st.components.anywidget(
    '''
export default {
  render({ model, el }) {
    const b = document.createElement("button");
    const show = () => { b.textContent = model.get("label") + " " + (model.get("value") ?? 0); };
    b.onclick = () => { model.set("value", (model.get("value") ?? 0) + 1); model.save_changes(); };
    model.on("change:value", show);
    show();
    el.append(b);
  },
};
''',
    css=".nbs-anywidget button { color: rgb(0, 128, 0); }",
)
clicks = counter(label="Count", key="clicks", default=0)
st.text(f"clicks={clicks}")
"""

VITE = """
import nbstream.components.v1 as components
picker = components.declare_component("vite_picker", path={path!r})
picked = picker(name="Anne", default=0, key="picker")
st.text(f"Picked {{picked}} times")
"""

OPTION_MENU = """
from streamlit_option_menu import option_menu
selected = option_menu("Main Menu", ["Home", "Upload", "Tasks"], default_index=0, key="menu")
st.text(f"Selected: {selected}")
"""

ECHARTS = """
from streamlit_echarts import st_echarts
options = {
    "animation": False,
    "xAxis": {"type": "category", "data": ["Mon"]},
    "yAxis": {"type": "value", "max": 100},
    "series": [{"data": [100], "type": "bar", "barWidth": "95%"}],
    "grid": {"left": 0, "right": 0, "top": 0, "bottom": 0},
}
clicked = st_echarts(options=options, events={"click": "function(params) { return params.name; }"},
                     height="300px", key="chart")
st.text(f"Clicked: {clicked}")
"""

AGGRID = """
import pandas as pd
from st_aggrid import AgGrid, GridOptionsBuilder
df = pd.DataFrame({"fruit": ["apple", "banana", "cherry"], "n": [1, 2, 3]})
gb = GridOptionsBuilder.from_dataframe(df)
gb.configure_selection("single")
grid = AgGrid(df, gridOptions=gb.build(), height=220, key="grid")
rows = grid.selected_rows
st.text(f"Selected rows: {[] if rows is None else list(rows['fruit'])}")
"""


def _have(*modules: str) -> bool:
    return all(importlib.util.find_spec(m) is not None for m in modules)


@pytest.fixture(scope="module")
def voila(workdir: Path) -> Iterator[Server]:
    apps = workdir / "apps"
    apps.mkdir()
    for name in ("echo", "hostile"):
        folder = workdir / f"{name}_build"
        folder.mkdir()
        shutil.copy(HERE / f"{name}_component.html", folder / "index.html")
        (workdir / "secret.txt").write_text("not for components")
        script = (ECHO if name == "echo" else HOSTILE).format(path=str(folder))
        write_app(apps, name, script)
    write_app(apps, "vite", VITE.format(path=str(HERE / "vite_build")))
    write_app(apps, "static", STATIC)
    write_app(apps, "esm", ESM)
    write_app(apps, "option_menu", OPTION_MENU)
    write_app(apps, "echarts", ECHARTS)
    write_app(apps, "aggrid", AGGRID)
    server = start_voila(apps, workdir)
    yield server
    server.stop()


def open_app(chromium, voila: Server, name: str):
    return open_voila_app(chromium, voila.url, name, viewport={"width": 1000, "height": 900})


def test_html_runs_its_script_in_the_frame_and_st_html_is_sanitized(chromium, voila):
    page = open_app(chromium, voila, "static")
    try:
        frame = page.frame_locator(".nbs-iframe").first
        frame.get_by_text("script ran, parent blocked").wait_for(timeout=15_000)
        first = page.locator(".nbs-iframe").first
        assert "allow-same-origin" not in first.get_attribute("sandbox")
        assert "allow-scripts" in first.get_attribute("sandbox")
        assert first.evaluate("e => e.style.height") == "80px"
        assert page.locator(".nbs-iframe").nth(1).get_attribute("tabindex") == "-1"
        styled = page.locator(".nbs-html p", has_text="styled")
        assert styled.evaluate("e => getComputedStyle(e).color") == "rgb(255, 0, 0)"
        assert styled.get_attribute("onclick") is None
        styled.click()
        assert page.locator(".nbs-html script").count() == 0
        assert page.evaluate("window.pwned") is None
    finally:
        close_page(page)


def test_a_declared_component_gets_its_args_and_returns_values(chromium, voila):
    page = open_app(chromium, voila, "echo")
    try:
        wait_text(page, "Value = 'nothing yet'")
        frame = page.frame_locator(".nbs-component-frame")
        out = frame.locator("#out")
        out.filter(has_text="name=Blackbeard").wait_for(timeout=20_000)
        text = out.inner_text()
        assert "ship=Queen Anne's Revenge" in text
        assert "n=[1,2.5,null,true]" in text
        assert "raw=1-2" in text
        assert "dfs=frame:true" in text
        assert "disabled=false" in text and "base=light" in text and "primary=set" in text
        assert "parent=blocked" in text
        height = page.locator(".nbs-component-frame").evaluate("e => e.style.height")
        assert height == "120px"
        frame.get_by_role("button", name="Send").click()
        wait_text(page, "Value = {'clicked': 1, 'pi': 3.14}")
        frame.get_by_role("button", name="Bytes").click()
        wait_text(page, "Value = b'\\x01\\x02\\xfa'")
    finally:
        close_page(page)


def test_component_files_are_served_with_types_and_never_outside_the_folder(chromium, voila):
    page = open_app(chromium, voila, "echo")
    try:
        src = page.locator(".nbs-component-frame").get_attribute("src")
        base = voila.url + src.split("index.html")[0].lstrip("/")
        ok = page.request.get(base + "index.html")
        assert ok.status == 200 and ok.headers["content-type"].startswith("text/html")
        for escape in (
            "../secret.txt",
            "..%2Fsecret.txt",
            "%2E%2E/secret.txt",
            "/etc/passwd",
            "..%2F..%2Fetc%2Fpasswd",
        ):
            resp = page.request.get(base + escape)
            assert resp.status == 404, escape
            assert "not for components" not in resp.text()
        assert page.request.get(f"{voila.url}nbstream/components/0123456789abcdef/index.html").status == 404
    finally:
        close_page(page)


def test_a_hostile_component_cannot_crash_the_kernel_change_a_widget_or_leave_its_frame(chromium, voila):
    page = open_app(chromium, voila, "hostile")
    try:
        wait_text(page, "Victim = 3; hostile sent 'none'")
        frame = page.frame_locator(".nbs-component-frame")
        frame.get_by_role("button", name="Attack").click()
        frame.locator("#out").filter(has_text="dom:blocked").wait_for(timeout=10_000)
        assert "top:blocked" in frame.locator("#out").inner_text()
        wait_text(page, "Victim = 3; hostile sent 'still-alive'", timeout=30_000)
        height = page.locator(".nbs-component-frame").evaluate("e => parseInt(e.style.height || '0')")
        assert height <= 100_000
        # The kernel still answers an ordinary interaction.
        page.get_by_role("slider", name="Victim").focus()
        page.keyboard.press("ArrowRight")
        wait_text(page, "Victim = 4; hostile sent 'still-alive'")
        assert "pwned" not in app_text(page)
    finally:
        close_page(page)


def test_an_es_module_component_draws_in_the_page_and_returns_values(chromium, voila):
    page = open_app(chromium, voila, "esm")
    try:
        wait_text(page, "clicks=0")
        button = page.locator(".nbs-anywidget").get_by_role("button", name="Count 0")
        assert button.evaluate("e => getComputedStyle(e).color") == "rgb(0, 128, 0)"
        assert page.locator(".nbs-anywidget iframe").count() == 0
        button.click()
        wait_text(page, "clicks=1")
        page.locator(".nbs-anywidget").get_by_role("button", name="Count 1").click()
        wait_text(page, "clicks=2")
    finally:
        close_page(page)


def test_a_vite_built_component_loads_its_module_scripts_in_the_sandboxed_frame(chromium, voila):
    page = open_app(chromium, voila, "vite")
    try:
        wait_text(page, "Picked 0 times", timeout=30_000)
        frame_el = page.locator(".nbs-component-frame")
        assert "allow-same-origin" not in frame_el.get_attribute("sandbox")
        frame = page.frame_locator(".nbs-component-frame")
        label = frame.locator("#label")
        label.filter(has_text="Hello, Anne from a module script").wait_for(timeout=20_000)
        assert label.evaluate("e => getComputedStyle(e).color") == "rgb(0, 0, 255)"
        frame.get_by_role("button", name="Pick").click()
        wait_text(page, "Picked 1 times")
        frame.get_by_role("button", name="Pick").click()
        wait_text(page, "Picked 2 times")
    finally:
        close_page(page)


@pytest.mark.skipif(not _have("streamlit_option_menu"), reason="pip install --no-deps streamlit-option-menu")
def test_streamlit_option_menu_from_pypi(chromium, voila):
    page = open_app(chromium, voila, "option_menu")
    try:
        wait_text(page, "Selected: Home", timeout=30_000)
        frame = page.frame_locator(".nbs-component-frame")
        frame.get_by_text("Tasks").click(timeout=30_000)
        wait_text(page, "Selected: Tasks")
    finally:
        close_page(page)


@pytest.mark.skipif(
    not _have("streamlit_echarts", "pyecharts"), reason='pip install --no-deps "streamlit-echarts==0.4.0"'
)
def test_streamlit_echarts_from_pypi(chromium, voila):
    page = open_app(chromium, voila, "echarts")
    try:
        wait_text(page, "Clicked: None", timeout=30_000)
        frame = page.frame_locator(".nbs-component-frame")
        frame.locator("canvas").first.wait_for(timeout=30_000)
        box = page.locator(".nbs-component-frame").bounding_box()
        assert box["height"] > 200
        # The chart binds its click handler after its first draw: click until it answers.
        for _attempt in range(10):
            page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.6)
            try:
                wait_text(page, "Clicked: Mon", timeout=3_000)
                break
            except Exception:
                continue
        wait_text(page, "Clicked: Mon")
    finally:
        close_page(page)


@pytest.mark.skipif(
    not _have("st_aggrid", "decouple"), reason="pip install --no-deps streamlit-aggrid python-decouple"
)
def test_streamlit_aggrid_from_pypi(chromium, voila):
    page = open_app(chromium, voila, "aggrid")
    try:
        wait_text(page, "Selected rows: []", timeout=30_000)
        frame = page.frame_locator(".nbs-component-frame")
        frame.get_by_text("banana").click(timeout=30_000)
        wait_text(page, "Selected rows: ['banana']")
    finally:
        close_page(page)
