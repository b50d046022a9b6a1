"""The text group's st.* functions take Streamlit 1.67's parameters: same names, order,
kinds (positional or keyword-only) and defaults, so an app written for Streamlit runs
unchanged.  The expected values were read off Streamlit 1.67 (``inspect.signature``);
``bind`` and ``persist_state`` are another group's and left out here, as is
spinner's private ``_cache``."""

from __future__ import annotations

import inspect

import pytest

import nbstream as st

REQUIRED = inspect.Parameter.empty
# st.help's default object is the streamlit module itself: nbstream's stand-in is None.
MODULE = object()
# spinner's `_cache` is private to Streamlit (its cached functions' spinner).
SKIPPED = {"bind", "persist_state", "_cache"}

EXPECTED: dict[str, list[tuple[str, str, object]]] = {
    "caption": [
        ("body", "P", REQUIRED),
        ("unsafe_allow_html", "P", False),
        ("help", "K", None),
        ("width", "K", "stretch"),
        ("text_alignment", "K", "left"),
        ("wrap", "K", True),
    ],
    "code": [
        ("body", "P", REQUIRED),
        ("language", "P", "python"),
        ("line_numbers", "K", False),
        ("wrap_lines", "K", False),
        ("height", "K", "content"),
        ("width", "K", "stretch"),
    ],
    "divider": [
        ("width", "K", "stretch"),
    ],
    "header": [
        ("body", "P", REQUIRED),
        ("anchor", "P", None),
        ("help", "K", None),
        ("icon", "K", None),
        ("divider", "K", False),
        ("width", "K", "stretch"),
        ("text_alignment", "K", "left"),
        ("wrap", "K", True),
    ],
    "latex": [
        ("body", "P", REQUIRED),
        ("help", "K", None),
        ("width", "K", "stretch"),
    ],
    "markdown": [
        ("body", "P", REQUIRED),
        ("unsafe_allow_html", "P", False),
        ("help", "K", None),
        ("width", "K", "auto"),
        ("text_alignment", "K", "left"),
        ("anchors", "K", True),
        ("wrap", "K", True),
    ],
    "subheader": [
        ("body", "P", REQUIRED),
        ("anchor", "P", None),
        ("help", "K", None),
        ("icon", "K", None),
        ("divider", "K", False),
        ("width", "K", "stretch"),
        ("text_alignment", "K", "left"),
        ("wrap", "K", True),
    ],
    "text": [
        ("body", "P", REQUIRED),
        ("help", "K", None),
        ("width", "K", "content"),
        ("text_alignment", "K", "left"),
        ("wrap", "K", True),
    ],
    "title": [
        ("body", "P", REQUIRED),
        ("anchor", "P", None),
        ("help", "K", None),
        ("icon", "K", None),
        ("width", "K", "stretch"),
        ("text_alignment", "K", "left"),
        ("wrap", "K", True),
    ],
    "help": [
        ("obj", "P", MODULE),
        ("width", "K", "stretch"),
    ],
    "error": [
        ("body", "P", REQUIRED),
        ("icon", "K", None),
        ("width", "K", "stretch"),
        ("title", "K", None),
    ],
    "info": [
        ("body", "P", REQUIRED),
        ("icon", "K", None),
        ("width", "K", "stretch"),
        ("title", "K", None),
    ],
    "success": [
        ("body", "P", REQUIRED),
        ("icon", "K", None),
        ("width", "K", "stretch"),
        ("title", "K", None),
    ],
    "warning": [
        ("body", "P", REQUIRED),
        ("icon", "K", None),
        ("width", "K", "stretch"),
        ("title", "K", None),
    ],
    "exception": [
        ("exception", "P", REQUIRED),
        ("width", "P", "stretch"),
    ],
    "progress": [
        ("value", "P", REQUIRED),
        ("text", "P", None),
        ("width", "P", "stretch"),
    ],
    "spinner": [
        ("text", "P", "In progress..."),
        ("show_time", "K", False),
        ("width", "K", "content"),
    ],
    "status": [
        ("label", "P", REQUIRED),
        ("expanded", "K", False),
        ("state", "K", "running"),
        ("type", "K", "default"),
        ("width", "K", "stretch"),
    ],
    "toast": [
        ("body", "P", REQUIRED),
        ("icon", "K", None),
        ("duration", "K", "short"),
    ],
    "json": [
        ("body", "P", REQUIRED),
        ("expanded", "K", True),
        ("width", "K", "stretch"),
    ],
    "expander": [
        ("label", "P", REQUIRED),
        ("expanded", "P", False),
        ("key", "K", None),
        ("icon", "K", None),
        ("type", "K", "default"),
        ("width", "K", "stretch"),
        ("on_change", "K", "ignore"),
        ("args", "K", None),
        ("kwargs", "K", None),
    ],
    "popover": [
        ("label", "P", REQUIRED),
        ("type", "K", "secondary"),
        ("help", "K", None),
        ("icon", "K", None),
        ("disabled", "K", False),
        ("use_container_width", "K", None),
        ("width", "K", "content"),
        ("wrap", "K", None),
        ("key", "K", None),
        ("on_change", "K", "ignore"),
        ("args", "K", None),
        ("kwargs", "K", None),
    ],
    "write_stream": [
        ("stream", "P", REQUIRED),
        ("cursor", "K", None),
    ],
    "html": [
        ("body", "P", REQUIRED),
        ("width", "K", "stretch"),
        ("unsafe_allow_javascript", "K", False),
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
    expected = [(n, k, None if d is MODULE else d) for n, k, d in EXPECTED[name]]
    assert _actual(name) == expected
