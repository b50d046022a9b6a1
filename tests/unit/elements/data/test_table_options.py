"""st.table's 1.67 arguments: border, width, height, hide_index, hide_header, alt."""

from __future__ import annotations

import logging

import pytest

from nbstream.testing import AppTest


def run(body: str) -> AppTest:
    return AppTest.from_string("import nbstream as st, pandas as pd, numpy as np\n" + body).run()


def props(body: str) -> dict:
    at = run(body)
    assert not at.exception, at.exception
    return at.table[0].proto


def shown(body: str) -> list[str]:
    return [c["name"] for c in props(body)["columns"] if c["index"]]


def test_defaults():
    p = props("st.table(pd.DataFrame({'a': [1, 2]}))")
    assert (p["border"], p["width"], p["height"], p["hide_header"], p["alt"]) == (
        "all",
        "stretch",
        "content",
        False,
        None,
    )


@pytest.mark.parametrize(
    ("border", "mode"), [("True", "all"), ("False", "none"), ("'horizontal'", "horizontal")]
)
def test_border(border, mode):
    assert props(f"st.table([1], border={border})")["border"] == mode


@pytest.mark.parametrize("border", ["'x'", "0", "None"])
def test_a_bad_border_raises(border):
    at = run(f"st.table([1], border={border})")
    assert at.exception[0].proto.type == "StreamlitValueError"
    assert at.exception[0].message == "Invalid `border` value. Supported values: True, False, 'horizontal'."


def test_width_and_height():
    p = props("st.table([1], width=300, height=200)")
    assert (p["width"], p["height"]) == (300, 200)
    assert run("st.table([1], height='auto')").exception[0].message == (
        "Invalid height value: 'auto'. Height must be either a positive integer (pixels), 'stretch', or 'content'."
    )
    assert run("st.table([1], width='x')").exception[0].proto.type == "StreamlitInvalidWidthError"


def test_hide_index_none_hides_a_range_index_only():
    assert shown("st.table(pd.DataFrame({'a': [1]}))") == []
    assert shown("st.table(pd.DataFrame({'a': [1]}, index=['r']))") == [""]
    assert shown("st.table(pd.DataFrame({'a': [1]}), hide_index=False)") == [""]
    assert shown("st.table(pd.DataFrame({'a': [1]}, index=['r']), hide_index=True)") == []


@pytest.mark.parametrize(
    ("data", "hidden"),
    [
        ("[1, 2]", True),
        ("(1, 2)", True),
        ("[[1, 2], [3, 4]]", True),
        ("np.array([[1, 2]])", True),
        ("{'a': 1, 'b': 2}", True),
        ("[{'a': 1}]", False),
        ("{'a': [1, 2]}", False),
        ("pd.DataFrame([[1, 2]])", False),
        ("pd.Series([1, 2])", False),
    ],
)
def test_hide_header_none_hides_it_for_data_without_column_names(data, hidden):
    assert props(f"st.table({data})")["hide_header"] is hidden
    assert props(f"st.table({data}, hide_header=False)")["hide_header"] is False
    assert props(f"st.table({data}, hide_header=True)")["hide_header"] is True


def test_alt_names_the_table_and_blank_alt_is_none_and_logged(caplog):
    assert props("st.table([1], alt='Monthly sales')")["alt"] == "Monthly sales"
    with caplog.at_level(logging.WARNING, logger="nbstream"):
        assert props("st.table([1], alt='  ')")["alt"] is None
    assert "`alt` was empty or whitespace-only" in caplog.text


def test_the_script_still_reads_the_whole_table():
    at = run("st.table(pd.DataFrame({'a': [1, 2]}), hide_index=True, hide_header=True)")
    assert at.table[0].value["a"].tolist() == [1, 2]
