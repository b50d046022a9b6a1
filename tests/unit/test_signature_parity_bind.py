"""Streamlit 1.67's ``bind`` and ``persist_state`` on every command that has them.

The values are written down from Streamlit 1.67's signatures (never imported here): both
keyword-only, default None, the last parameters, ``persist_state`` right after ``bind``.
"""

from __future__ import annotations

import inspect

import pytest

import nbstream as st

BIND_AND_PERSIST = [
    "checkbox",
    "color_picker",
    "date_input",
    "datetime_input",
    "feedback",
    "multiselect",
    "number_input",
    "pagination",
    "pills",
    "radio",
    "segmented_control",
    "select_slider",
    "selectbox",
    "slider",
    "text_area",
    "text_input",
    "time_input",
    "toggle",
]
BIND_ONLY = ["expander", "tabs"]


def _params(name: str) -> list[inspect.Parameter]:
    return list(inspect.signature(getattr(st, name)).parameters.values())


@pytest.mark.parametrize("name", BIND_AND_PERSIST)
def test_widgets_end_with_bind_then_persist_state(name):
    *_, bind, persist = _params(name)
    assert (bind.name, persist.name) == ("bind", "persist_state")
    for param in (bind, persist):
        assert param.kind is inspect.Parameter.KEYWORD_ONLY
        assert param.default is None


@pytest.mark.parametrize("name", BIND_ONLY)
def test_expander_and_tabs_end_with_bind(name):
    params = _params(name)
    assert params[-1].name == "bind"
    assert params[-1].kind is inspect.Parameter.KEYWORD_ONLY
    assert params[-1].default is None
    assert "persist_state" not in [p.name for p in params]


@pytest.mark.parametrize("name", BIND_AND_PERSIST + BIND_ONLY)
def test_the_docstring_documents_bind(name):
    doc = getattr(st, name).__doc__
    if name == "toggle":
        assert "Same parameters and return value as ``st.checkbox``" in doc
    else:
        assert "bind" in doc and ("query-params" in doc or "As for ``st.checkbox``" in doc)


@pytest.mark.parametrize("name", ["button", "download_button", "file_uploader", "chat_input", "popover"])
def test_commands_without_them_in_1_67_do_not_take_them(name):
    names = [p.name for p in _params(name)]
    assert "bind" not in names and "persist_state" not in names
