"""``AttributeDict``: the dict of a data element's event state (a selection, a button
column's click) whose keys read as attributes too."""

from __future__ import annotations

from typing import Any


class AttributeDict(dict):
    """A dict whose keys read as attributes too (``event.selection.rows``)."""

    def __getattr__(self, name: str) -> Any:
        try:
            value = self[name]
        except KeyError:
            raise AttributeError(name) from None
        return (
            AttributeDict(value)
            if isinstance(value, dict) and not isinstance(value, AttributeDict)
            else value
        )
