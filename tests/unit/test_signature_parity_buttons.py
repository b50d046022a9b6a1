"""The buttons group's st.* functions take Streamlit 1.67's parameters: names, order, which
are keyword-only, and defaults (read off Streamlit 1.67 and written down here)."""

from __future__ import annotations

import inspect

import pytest

import nbstream as st

REQUIRED = "REQUIRED"

# (name, "pos" or "kw", default) for each parameter, as inspect.signature shows them in 1.67.
STREAMLIT_1_67 = {
    "button": [
        ("label", "pos", "REQUIRED"),
        ("key", "pos", None),
        ("help", "pos", None),
        ("on_click", "pos", None),
        ("args", "pos", None),
        ("kwargs", "pos", None),
        ("type", "kw", "secondary"),
        ("icon", "kw", None),
        ("icon_position", "kw", "left"),
        ("disabled", "kw", False),
        ("use_container_width", "kw", None),
        ("width", "kw", "content"),
        ("shortcut", "kw", None),
        ("wrap", "kw", None),
    ],
    "download_button": [
        ("label", "pos", "REQUIRED"),
        ("data", "pos", "REQUIRED"),
        ("file_name", "pos", None),
        ("mime", "pos", None),
        ("key", "pos", None),
        ("help", "pos", None),
        ("on_click", "pos", "rerun"),
        ("args", "pos", None),
        ("kwargs", "pos", None),
        ("type", "kw", "secondary"),
        ("icon", "kw", None),
        ("icon_position", "kw", "left"),
        ("disabled", "kw", False),
        ("use_container_width", "kw", None),
        ("width", "kw", "content"),
        ("shortcut", "kw", None),
        ("wrap", "kw", None),
    ],
    "form_submit_button": [
        ("label", "pos", "Submit"),
        ("help", "pos", None),
        ("on_click", "pos", None),
        ("args", "pos", None),
        ("kwargs", "pos", None),
        ("key", "kw", None),
        ("type", "kw", "secondary"),
        ("icon", "kw", None),
        ("icon_position", "kw", "left"),
        ("disabled", "kw", False),
        ("use_container_width", "kw", None),
        ("width", "kw", "content"),
        ("shortcut", "kw", None),
        ("wrap", "kw", None),
    ],
    "form": [
        ("key", "pos", "REQUIRED"),
        ("clear_on_submit", "pos", False),
        ("enter_to_submit", "kw", True),
        ("border", "kw", True),
        ("width", "kw", "stretch"),
        ("height", "kw", "content"),
    ],
    "link_button": [
        ("label", "pos", "REQUIRED"),
        ("url", "pos", "REQUIRED"),
        ("key", "kw", None),
        ("on_click", "kw", "ignore"),
        ("args", "kw", None),
        ("kwargs", "kw", None),
        ("help", "kw", None),
        ("type", "kw", "secondary"),
        ("icon", "kw", None),
        ("icon_position", "kw", "left"),
        ("disabled", "kw", False),
        ("use_container_width", "kw", None),
        ("width", "kw", "content"),
        ("shortcut", "kw", None),
        ("wrap", "kw", None),
    ],
    "pdf": [("data", "pos", "REQUIRED"), ("height", "kw", 500), ("key", "kw", None), ("alt", "kw", None)],
    "page_link": [
        ("page", "pos", "REQUIRED"),
        ("label", "kw", None),
        ("icon", "kw", None),
        ("icon_position", "kw", "left"),
        ("help", "kw", None),
        ("disabled", "kw", False),
        ("use_container_width", "kw", None),
        ("width", "kw", "content"),
        ("query_params", "kw", None),
    ],
    "dialog": [
        ("title", "pos", "REQUIRED"),
        ("width", "kw", "small"),
        ("position", "kw", "center"),
        ("dismissible", "kw", True),
        ("icon", "kw", None),
        ("on_dismiss", "kw", "ignore"),
    ],
}


def parameters(function: object) -> list[tuple[str, str, object]]:
    return [
        (
            p.name,
            "kw" if p.kind is p.KEYWORD_ONLY else "pos",
            REQUIRED if p.default is inspect.Parameter.empty else p.default,
        )
        for p in inspect.signature(function).parameters.values()  # type: ignore[arg-type]
    ]


@pytest.mark.parametrize("name", sorted(STREAMLIT_1_67))
def test_signature_matches_streamlit_1_67(name: str) -> None:
    assert parameters(getattr(st, name)) == STREAMLIT_1_67[name]
