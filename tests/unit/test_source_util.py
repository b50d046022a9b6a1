"""``streamlit.source_util``'s helpers, with the answers Streamlit 1.67 gives for the same names."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from nbstream import source_util
from nbstream.testing import AppTest


@pytest.mark.parametrize(
    ("name", "icon_and_name", "sort_key"),
    [
        ("01_🎈_Page_name.py", ("🎈", "Page_name"), (1.0, "🎈_page_name")),
        ("pages/10_Plot.py", ("", "Plot"), (10.0, "plot")),
        ("streamlit_app.py", ("", "streamlit_app"), (math.inf, "streamlit_app")),
        ("2_📈_Plotting_Demo.py", ("📈", "Plotting_Demo"), (2.0, "📈_plotting_demo")),
        ("Hello world.py", ("", "Hello_world"), (math.inf, "hello world")),
        ("0_x.py", ("", "x"), (0.0, "x")),
        ("📈.py", ("📈", ""), (math.inf, "📈")),
        ("__init__.py", ("", "init_"), (math.inf, "init__")),
        ("a-b_c.py", ("", "a-b_c"), (math.inf, "a-b_c")),
        ("03-My-page.py", ("", "My-page"), (3.0, "my-page")),
    ],
)
def test_page_names_icons_and_order(name, icon_and_name, sort_key):
    assert source_util.page_icon_and_name(Path(name)) == icon_and_name
    assert source_util.page_sort_key(Path(name)) == sort_key


def test_pages_sort_like_streamlits_navigation():
    names = ["b.py", "10_ten.py", "2_two.py", "A.py", "1_one.py"]
    ordered = sorted((Path(n) for n in names), key=source_util.page_sort_key)
    assert [p.name for p in ordered] == ["1_one.py", "2_two.py", "10_ten.py", "A.py", "b.py"]


@pytest.mark.parametrize(
    ("text", "split"),
    [("🎈 hi", ("🎈", "hi")), ("hi", ("", "hi")), ("👍🏽_ok", ("👍🏽", "ok")), ("🇫🇷-Paris", ("🇫🇷", "Paris"))],
)
def test_extract_leading_emoji(text, split):
    assert source_util.extract_leading_emoji(text) == split


def test_open_python_file_respects_the_pep263_header(tmp_path):
    path = tmp_path / "latin.py"
    path.write_bytes("# -*- coding: latin-1 -*-\ns = 'café'\n".encode("latin-1"))
    with source_util.open_python_file(str(path)) as f:
        assert "café" in f.read()


def test_apps_reach_it_as_streamlit_source_util():
    at = AppTest.from_string(
        "import streamlit as st\nfrom streamlit.source_util import page_icon_and_name\n"
        "from pathlib import Path\nst.write(' '.join(page_icon_and_name(Path('3_🎉_Party.py'))))\n"
    ).run()
    assert at.markdown[0].value == "🎉 Party"
