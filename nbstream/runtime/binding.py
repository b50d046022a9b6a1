"""Widgets bound to the page URL (``bind="query-params"``) and kept while hidden (``persist_state``).

A bound widget's key is a query parameter's name.  Its value goes into the session's query
parameters as text whenever it differs from the widget's default (and leaves them when it
equals it); the front end mirrors the session's query parameters into the page URL.  A
parameter the binding did not write itself (the page was loaded with it, Back/Forward
changed the URL, a test set ``at.query_params``) is read into the widget: a value the
widget can hold becomes its value, anything else is dropped.

The text form, as Streamlit writes it: ``true``/``false``, numbers as Python prints them,
ISO dates, ``HH:MM`` times, ``YYYY-MM-DDTHH:MM`` datetimes, an option as ``str(option)``,
and a list or range as the parameter repeated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from nbstream.runtime.errors import StreamlitMissingRequiredParameterError, StreamlitValueError
from nbstream.runtime.state import SessionState, fresh
from nbstream.runtime.widgets import InvalidWireValue, WidgetMeta, values_differ

QUERY_PARAMS = "query-params"
PERSIST_SCOPES = ("page", "session")

_MISSING = object()


def check_bind(bind: Any, key: Any) -> None:
    """Streamlit's errors for a ``bind`` it does not support, or one without a key."""
    if bind is None:
        return
    if bind != QUERY_PARAMS:
        raise StreamlitValueError("bind", ["'query-params'", "None"])
    if key is None:
        raise StreamlitMissingRequiredParameterError(
            "The `key` parameter is required. When using bind='query-params', the widget must have "
            "a unique 'key' parameter specified. This 'key' will be used as the name of the query "
            "parameter."
        )


def check_persist(persist_state: Any, key: Any) -> None:
    """Streamlit's errors for a ``persist_state`` scope it does not know, or one without a key."""
    if persist_state is None:
        return
    if persist_state not in PERSIST_SCOPES:
        raise StreamlitValueError("persist_state", ["'page'", "'session'", "None"])
    if key is None:
        raise StreamlitMissingRequiredParameterError(
            "The `key` parameter is required. When using persist_state, the widget must have a "
            "unique 'key' parameter specified so its value can be preserved across reruns and "
            "page switches."
        )


# ---- the text form of values ---------------------------------------------------------------


def to_url(value: Any) -> list[str]:
    """A widget value as query-parameter values (a list or range repeats the parameter)."""
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in to_url(item)]
    if value is None:
        return []
    return [_one_to_url(value)]


def _one_to_url(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M" + (":%S" if value.second or value.microsecond else ""))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M" + (":%S" if value.second or value.microsecond else ""))
    return str(value)


def _parse_bool(text: str) -> bool:
    lowered = text.lower()
    if lowered not in ("true", "false"):
        raise ValueError(text)
    return lowered == "true"


def _parse_int(text: str) -> int:
    if not text.strip().lstrip("+-").isdigit():
        raise ValueError(text)
    return int(text)


def _parse_date(text: str) -> dt.date:
    if len(text) != 10:
        raise ValueError(text)
    return dt.date.fromisoformat(text)


# Readings of one text, tried in order; the widget's serde decides which one it can hold.
_READINGS: tuple[Callable[[str], Any], ...] = (
    _parse_bool,
    _parse_int,
    float,
    _parse_date,
    dt.datetime.fromisoformat,
    dt.time.fromisoformat,
    str,
)


def _readings(text: str, options: list[Any] | None) -> Iterator[Any]:
    if options is not None:
        yield from (option for option in options if str(option) == text)
        return
    for read in _READINGS:
        try:
            yield read(text)
        except (ValueError, TypeError, OverflowError):
            continue


def _holds(meta: WidgetMeta, candidate: Any) -> tuple[bool, Any]:
    """Whether the widget can hold ``candidate``: it comes back from its serde unchanged, item
    for item and of the same types (so "1" is no checkbox's True, "2" no float slider's 2)."""
    try:
        back = meta.serde.deserialize(meta.serde.serialize(candidate))
    except (InvalidWireValue, ValueError, TypeError, KeyError, OverflowError, AttributeError):
        return False, None
    many = isinstance(candidate, (list, tuple))
    if isinstance(back, (list, tuple)) != many:
        return False, None
    if many and len(back) != len(candidate):
        return False, None
    pairs = list(zip(back, candidate, strict=True)) if many else [(back, candidate)]
    if any(type(b) is not type(c) or values_differ(b, c) for b, c in pairs):
        return False, None
    return True, back


def from_url(texts: list[str], meta: WidgetMeta, shape: Any) -> tuple[bool, Any]:
    """The value ``texts`` give the widget (``shape``: a value it holds, to tell lists apart)."""
    options = getattr(meta.serde, "options", None)
    options = list(options) if options is not None else None
    if isinstance(shape, (list, tuple)):
        if options is not None:  # a multiselect drops the items that are not options
            items = [next(_readings(t, options), _MISSING) for t in texts]
            candidate: Any = [i for i in items if i is not _MISSING]
            candidates = [candidate, tuple(candidate)]
        else:
            per_item = [list(_readings(t, None)) for t in texts]
            candidates = []
            for pick in range(len(_READINGS)):  # the same reading for every item
                chosen = [r[pick] if pick < len(r) else _MISSING for r in per_item]
                if _MISSING not in chosen:
                    candidates += [tuple(chosen), list(chosen)]
        for candidate in candidates:
            ok, value = _holds(meta, candidate)
            if ok:
                return True, value
        return False, None
    if not texts:
        return False, None
    for candidate in _readings(texts[-1], options):
        ok, value = _holds(meta, candidate)
        if ok:
            return True, value
    return False, None


# ---- the session's bindings ----------------------------------------------------------------


class Bindings:
    """Which query parameters a session's widgets are bound to, and what each last wrote."""

    def __init__(self) -> None:
        self._widgets: dict[str, str] = {}  # query parameter (the key) -> widget ID
        self._written: dict[str, list[str] | None] = {}  # None: the binding removed it

    def bound_keys(self, state: SessionState) -> list[str]:
        """The parameters bound to a widget that still exists."""
        return [key for key, wid in self._widgets.items() if state.widget_meta(wid) is not None]

    def read_url(self, state: SessionState, query: dict[str, list[str]], meta: WidgetMeta) -> None:
        """Before a bound widget registers: a URL value it did not write becomes its value."""
        key = meta.key
        assert key is not None
        texts = query.get(key)
        written = self._written.get(key, _MISSING)
        self._widgets[key] = meta.id
        if state.is_new_write(key) or texts == written or (texts is None and written is _MISSING):
            return  # the script's own value wins; the URL says what the binding wrote
        has_value, current = state.peek_widget(meta.id, key)
        if texts is None:
            if state.widget_meta(meta.id) is not None or not isinstance(written, list):
                # Drawn in the last run and its parameter left the URL (Back): the default.
                state.seed_widget(meta.id, fresh(meta.default))
                return
            # Drawn again after another page (or a hidden spell), which had other parameters:
            # the value the binding kept comes back, as a URL parameter survives page switches.
            texts = written
        shape = current if has_value and current is not None else meta.default
        ok, value = from_url(texts, meta, shape)
        if ok:
            state.seed_widget(meta.id, value)

    def write_url(self, query: dict[str, list[str]], meta: WidgetMeta, value: Any) -> None:
        """After it registers: its value in the URL, or no parameter when it is the default."""
        key = meta.key
        assert key is not None
        texts = to_url(value)
        if not values_differ(value, meta.default) or not texts:
            query.pop(key, None)
            self._written[key] = None
        else:
            query[key] = texts
            self._written[key] = texts

    def refresh(self, state: SessionState, query: dict[str, list[str]]) -> None:
        """Bring the parameters up to date with the bound widgets' values (a change the browser
        made since they were written), so the script reads them before drawing the widgets."""
        for key, wid in list(self._widgets.items()):
            meta = state.widget_meta(wid)
            if meta is None or query.get(key) != self._written.get(key):
                continue
            has_value, value = state.peek_widget(wid, key)
            if has_value:
                self.write_url(query, meta, value)
