"""``streamlit.source_util``: the small helpers community apps call about page scripts.

How a page file's name becomes its icon, label and place in the navigation
(``pages/01_🎈_Page_name.py`` -> icon ``🎈``, label ``Page_name``, first), and opening
a Python file in the encoding its PEP 263 header names.  Pure functions: they read names
(and, for ``open_python_file``, the file), nothing of a running app.
"""

from __future__ import annotations

import math
import re
import tokenize
import unicodedata
from pathlib import Path
from typing import TextIO

# A page file name: an optional number, separators, the rest.
PAGE_FILENAME_REGEX = re.compile(r"([0-9]*)[_ -]*(.*)\.py")

_SEPARATORS = "_ -"
# What may follow an emoji's first code point inside the same emoji: variation selectors,
# skin tones, keycaps, tags, and a zero-width joiner with the next code point.
_ZWJ = "\u200d"


def _continues_emoji(ch: str) -> bool:
    code = ord(ch)
    return (
        0xFE00 <= code <= 0xFE0F
        or 0x1F3FB <= code <= 0x1F3FF
        or code == 0x20E3
        or 0xE0020 <= code <= 0xE007F
        or 0x1F1E6 <= code <= 0x1F1FF  # the second letter of a flag
    )


def extract_leading_emoji(text: str) -> tuple[str, str]:
    """Split ``text`` into its leading emoji ("" if none) and the rest, without the
    separators (``_``, space, ``-``) between them: ``"🎈 Hello"`` -> ``("🎈", "Hello")``."""
    if not text or unicodedata.category(text[0]) != "So":
        return "", text
    end = 1
    while end < len(text):
        ch = text[end]
        if _continues_emoji(ch):
            end += 1
        elif ch == _ZWJ and end + 1 < len(text):
            end += 2
        else:
            break
    return text[:end], text[end:].lstrip(_SEPARATORS)


def _parts(script_path: Path) -> tuple[str, str]:
    match = PAGE_FILENAME_REGEX.fullmatch(Path(script_path).name)
    if match is None:  # not a .py file: the whole name is the label
        return "", Path(script_path).stem
    return match.group(1), match.group(2)


def page_icon_and_name(script_path: Path) -> tuple[str, str]:
    """A page file's icon and label: ``10_📈_Plotting_Demo.py`` -> ``("📈", "Plotting_Demo")``.

    The leading number and separators are dropped; runs of spaces and underscores in
    the label become one underscore.
    """
    _, rest = _parts(script_path)
    icon, name = extract_leading_emoji(rest)
    return icon, re.sub(r"[_ ]+", "_", name)


def page_sort_key(script_path: Path) -> tuple[float, str]:
    """The order of page files: by leading number (files without one last), then by name
    (case-insensitive)."""
    number, rest = _parts(script_path)
    return (float(number) if number else math.inf, rest.lower())


def open_python_file(filename: str) -> TextIO:
    """Open a Python source file for reading, in the encoding its PEP 263 header names
    (UTF-8 without one)."""
    return tokenize.open(filename)


__all__ = [
    "PAGE_FILENAME_REGEX",
    "extract_leading_emoji",
    "open_python_file",
    "page_icon_and_name",
    "page_sort_key",
]
