"""The inputs group's st.* functions take Streamlit 1.67's parameters: same names, order,
kinds (positional or keyword-only) and defaults, so an app written for Streamlit runs
unchanged.  The expected values were read off Streamlit 1.67 (``inspect.signature``);
``bind`` and ``persist_state`` are another group's and left out here."""

from __future__ import annotations

import datetime as dt
import inspect

import pytest

import nbstream as st

REQUIRED = inspect.Parameter.empty
SKIPPED = {"bind", "persist_state"}

EXPECTED: dict[str, list[tuple[str, str, object]]] = {
    "text_input": [
        ("label", "P", REQUIRED),
        ("value", "P", ""),
        ("max_chars", "P", None),
        ("key", "P", None),
        ("type", "P", "default"),
        ("help", "P", None),
        ("autocomplete", "P", None),
        ("on_change", "P", "rerun"),
        ("args", "P", None),
        ("kwargs", "P", None),
        ("placeholder", "K", None),
        ("disabled", "K", False),
        ("required", "K", False),
        ("label_visibility", "K", "visible"),
        ("icon", "K", None),
        ("validate", "K", None),
        ("live", "K", False),
        ("width", "K", "stretch"),
    ],
    "text_area": [
        ("label", "P", REQUIRED),
        ("value", "P", ""),
        ("height", "P", None),
        ("max_chars", "P", None),
        ("key", "P", None),
        ("help", "P", None),
        ("on_change", "P", "rerun"),
        ("args", "P", None),
        ("kwargs", "P", None),
        ("placeholder", "K", None),
        ("disabled", "K", False),
        ("required", "K", False),
        ("label_visibility", "K", "visible"),
        ("width", "K", "stretch"),
    ],
    "color_picker": [
        ("label", "P", REQUIRED),
        ("value", "P", None),
        ("key", "P", None),
        ("help", "P", None),
        ("on_change", "P", "rerun"),
        ("args", "P", None),
        ("kwargs", "P", None),
        ("disabled", "K", False),
        ("label_visibility", "K", "visible"),
        ("width", "K", "content"),
    ],
    "number_input": [
        ("label", "P", REQUIRED),
        ("min_value", "P", None),
        ("max_value", "P", None),
        ("value", "P", "min"),
        ("step", "P", None),
        ("format", "P", None),
        ("key", "P", None),
        ("help", "P", None),
        ("on_change", "P", "rerun"),
        ("args", "P", None),
        ("kwargs", "P", None),
        ("placeholder", "K", None),
        ("disabled", "K", False),
        ("required", "K", False),
        ("label_visibility", "K", "visible"),
        ("icon", "K", None),
        ("width", "K", "stretch"),
    ],
    "date_input": [
        ("label", "P", REQUIRED),
        ("value", "P", "today"),
        ("min_value", "P", None),
        ("max_value", "P", None),
        ("key", "P", None),
        ("help", "P", None),
        ("on_change", "P", "rerun"),
        ("args", "P", None),
        ("kwargs", "P", None),
        ("format", "K", "YYYY/MM/DD"),
        ("disabled", "K", False),
        ("required", "K", False),
        ("label_visibility", "K", "visible"),
        ("width", "K", "stretch"),
    ],
    "time_input": [
        ("label", "P", REQUIRED),
        ("value", "P", "now"),
        ("key", "P", None),
        ("help", "P", None),
        ("on_change", "P", "rerun"),
        ("args", "P", None),
        ("kwargs", "P", None),
        ("disabled", "K", False),
        ("required", "K", False),
        ("label_visibility", "K", "visible"),
        ("step", "K", dt.timedelta(minutes=15)),
        ("format", "K", "24h"),
        ("width", "K", "stretch"),
    ],
    "camera_input": [
        ("label", "P", REQUIRED),
        ("key", "P", None),
        ("help", "P", None),
        ("on_change", "P", "rerun"),
        ("args", "P", None),
        ("kwargs", "P", None),
        ("disabled", "K", False),
        ("label_visibility", "K", "visible"),
        ("resolution", "K", None),
        ("width", "K", "stretch"),
    ],
}


def _actual(name: str) -> list[tuple[str, str, object]]:
    fn = getattr(st, name)
    fn = getattr(fn, "__wrapped__", fn)
    out = []
    for p in inspect.signature(fn).parameters.values():
        if p.name in SKIPPED:
            continue
        kind = "K" if p.kind is p.KEYWORD_ONLY else "P"
        out.append((p.name, kind, p.default))
    return out


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_parameters_match_streamlit_1_67(name: str) -> None:
    assert _actual(name) == EXPECTED[name]
