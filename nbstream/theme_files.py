"""``theme.base`` naming a theme file: a local TOML file (relative to the working folder)
or the URL of one, whose ``[theme]`` table the app's own ``[theme]`` options go over.

As Streamlit 1.67 has it: ``base = "themes/custom.toml"`` or
``base = "https://example.com/theme.toml"``; the file's own ``base`` ("light" or
"dark") becomes the app's.  A file that cannot be read is reported in the log and left
out (the app keeps its other options).
"""

from __future__ import annotations

import logging
import tomllib
import urllib.request
from pathlib import Path
from typing import Any

_LOG = logging.getLogger("nbstream")
TIMEOUT = 10

_cache: dict[str, tuple[Any, dict[str, Any] | None]] = {}


def names_a_file(base: Any) -> bool:
    return isinstance(base, str) and base not in ("light", "dark") and base.endswith(".toml")


def _read(base: str) -> dict[str, Any] | None:
    if base.startswith(("http://", "https://")):
        if base in _cache:  # fetched once per process: a restart fetches again
            return _cache[base][1]
        with urllib.request.urlopen(base, timeout=TIMEOUT) as answer:
            data = tomllib.loads(answer.read().decode("utf-8"))
        stamp: Any = None
    else:
        path = Path(base).expanduser()
        stamp = path.stat().st_mtime
        if base in _cache and _cache[base][0] == stamp:
            return _cache[base][1]
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    table = data.get("theme")
    theme = dict(table) if isinstance(table, dict) else None
    if theme is None:
        _LOG.warning("nbstream: the theme file %s has no [theme] table", base)
    _cache[base] = (stamp, theme)
    return theme


def with_base_file(theme: dict[str, Any]) -> dict[str, Any]:
    """``theme`` (the app's options) over the ``[theme]`` table of the file its ``base``
    names; unchanged when ``base`` is "light", "dark" or unset."""
    base = theme.get("base")
    if not names_a_file(base):
        return theme
    try:
        loaded = _read(base)
    except (OSError, ValueError, tomllib.TOMLDecodeError) as error:
        _LOG.warning("nbstream: could not read the theme file %s: %s", base, error)
        loaded = None
    merged = dict(loaded or {})
    for key, value in theme.items():
        if key == "base":
            continue
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    if merged.get("base") not in ("light", "dark"):
        merged.pop("base", None)
    return merged
