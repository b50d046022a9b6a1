"""The choice widgets' parameters (names, order, kind and defaults) equal Streamlit 1.67's.

The expected signatures were read off Streamlit 1.67 with ``inspect.signature``; the test
does not import streamlit.  ``bind`` and ``persist_state`` are built by another change:
until nbstream has them they are left out of the comparison, once it has them their
place and defaults are checked too.
"""

from __future__ import annotations

import inspect

import pytest

import nbstream as st

REQUIRED = inspect.Parameter.empty
P, K = "positional", "keyword"
_HEAD = [
    ("key", None, P),
    ("help", None, P),
    ("on_change", "rerun", P),
    ("args", None, P),
    ("kwargs", None, P),
]
_STATE = [("bind", None, K), ("persist_state", None, K)]
_OPTIONS = [("label", REQUIRED, P), ("options", REQUIRED, P)]

STREAMLIT_1_67 = {
    "checkbox": [
        ("label", REQUIRED, P), ("value", False, P), *_HEAD,
        ("disabled", False, K), ("label_visibility", "visible", K), ("width", "content", K),
        ("wrap", None, K), *_STATE,
    ],
    "toggle": [
        ("label", REQUIRED, P), ("value", False, P), *_HEAD,
        ("disabled", False, K), ("label_visibility", "visible", K), ("width", "content", K),
        ("wrap", None, K), *_STATE,
    ],
    "radio": [
        *_OPTIONS, ("index", 0, P), ("format_func", str, P), *_HEAD,
        ("disabled", False, K), ("horizontal", False, K), ("captions", None, K),
        ("label_visibility", "visible", K), ("width", "content", K), *_STATE,
    ],
    "selectbox": [
        *_OPTIONS, ("index", 0, P), ("format_func", str, P), *_HEAD,
        ("placeholder", None, K), ("disabled", False, K), ("required", False, K),
        ("label_visibility", "visible", K), ("icon", None, K), ("accept_new_options", False, K),
        ("filter_mode", "fuzzy", K), ("width", "stretch", K), *_STATE,
    ],
    "multiselect": [
        *_OPTIONS, ("default", None, P), ("format_func", str, P), *_HEAD,
        ("max_selections", None, K), ("placeholder", None, K), ("disabled", False, K),
        ("label_visibility", "visible", K), ("accept_new_options", False, K),
        ("filter_mode", "fuzzy", K), ("select_all", 1000, K), ("width", "stretch", K),
        ("wrap", None, K), *_STATE,
    ],
    "slider": [
        ("label", REQUIRED, P), ("min_value", None, P), ("max_value", None, P), ("value", None, P),
        ("step", None, P), ("format", None, P), *_HEAD,
        ("disabled", False, K), ("label_visibility", "visible", K), ("width", "stretch", K), *_STATE,
    ],
    "select_slider": [
        ("label", REQUIRED, P), ("options", (), P), ("value", None, P), ("format_func", str, P), *_HEAD,
        ("disabled", False, K), ("label_visibility", "visible", K), ("width", "stretch", K), *_STATE,
    ],
}  # fmt: skip

_KINDS = {inspect.Parameter.POSITIONAL_OR_KEYWORD: P, inspect.Parameter.KEYWORD_ONLY: K}


@pytest.mark.parametrize("name", sorted(STREAMLIT_1_67))
def test_parameters_match_streamlit_1_67(name: str) -> None:
    params = inspect.signature(getattr(st, name)).parameters
    ours = [(p.name, p.default, _KINDS.get(p.kind, p.kind.name)) for p in params.values()]
    expected = [e for e in STREAMLIT_1_67[name] if e[0] not in ("bind", "persist_state") or e[0] in params]
    assert ours == expected
