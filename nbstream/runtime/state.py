"""Session State: the values that live across reruns of one session.

Three layers, read newest first:

* ``_writes``  -- what user code assigned since the current run began (including
  callbacks and values a test set before the run);
* ``_widget``  -- widget values for the current run (from the browser, or defaults);
* ``_old``     -- everything committed by earlier runs, by user key or widget ID.

At the start of each run the newer layers are folded into ``_old`` ("compaction").
A keyed widget's value is stored under its widget ID; ``_key_to_id`` maps the key.
The widget life-cycle rules of the spec ("Widget behavior") live in
``register_widget`` and ``end_run``.
"""

from __future__ import annotations

import copy
import logging
import pickle
from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

from nbstream import config
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.widgets import InvalidWireValue, WidgetMeta, values_differ

_LOG = logging.getLogger("nbstream")

NO_WIRE = object()  # wire_of: this value object was not shown by the widget


class SessionState(MutableMapping[str, Any]):
    def __init__(self) -> None:
        self._old: dict[str, Any] = {}
        self._writes: dict[str, Any] = {}
        self._widget: dict[str, Any] = {}
        self._meta: dict[str, WidgetMeta] = {}
        self._key_to_id: dict[str, str] = {}
        self._shown: dict[str, Any] = {}  # the value each widget showed in its last run
        # The wire form of a widget's value object, as the browser sent or was sent it: a value
        # kept from an earlier run (an option object of that run's list) may not serialize against
        # this run's options when its class compares by identity, yet the browser still shows it.
        # (value, a snapshot of it if it is a container, wire), so an in-place change is noticed.
        self._wires: dict[str, tuple[Any, Any, Any]] = {}
        self._rendered: dict[str, None] = {}  # widget IDs registered in the current run, in order
        self._order: list[str] = []  # widget IDs of the last finished run, in order
        # Widgets triggered in the current run, with their value: True for a click, the
        # submitted text for a chat_input (a trigger that carries a value).
        self._triggered: dict[str, Any] = {}
        self._warned_default: set[str] = set()
        # Keys whose widget was forgotten but whose value persist_state keeps: key -> (scope, page).
        self._persisted: dict[str, tuple[str, str]] = {}
        self.running = False
        self.enforce_serializable = False

    # ---- the user's dict and attribute API -------------------------------------------

    def __getitem__(self, key: str) -> Any:
        key = str(key)  # keys are stored as str, as __setitem__ and widget keys make them
        if key in self._writes:
            return self._writes[key]
        wid = self._key_to_id.get(key)
        if wid is not None:
            if wid in self._widget:
                return self._widget[wid]
            if wid in self._old:
                return self._old[wid]
        if key in self._old:
            return self._old[key]
        raise KeyError(_missing_key_message(key))

    def __setitem__(self, key: str, value: Any) -> None:
        key = str(key)
        wid = self._key_to_id.get(key)
        if self.running and wid is not None and wid in self._rendered:
            raise StreamlitAPIException(
                f"`st.session_state.{key}` cannot be modified after the widget with key `{key}` is "
                f"instantiated. Set `st.session_state.{key}` before the widget is drawn, or change it in an "
                "`on_change` or `on_click` callback, which runs before the script reruns."
            )
        if self.enforce_serializable or config.get_option("runner.enforceSerializableSessionState"):
            _check_picklable(key, value)
        self._writes[key] = value

    def __delitem__(self, key: str) -> None:
        key = str(key)
        found = False
        for layer in (self._writes, self._old):
            if key in layer:
                del layer[key]
                found = True
        wid = self._key_to_id.get(key)
        if wid is not None:
            for layer in (self._widget, self._old):
                if wid in layer:
                    del layer[wid]
                    found = True
        if not found:
            raise KeyError(_missing_key_message(key))

    def __contains__(self, key: object) -> bool:
        try:
            self[key]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(self._user_keys())

    def __len__(self) -> int:
        return len(self._user_keys())

    def _user_keys(self) -> list[str]:
        keys = dict.fromkeys(k for k in self._old if k not in self._meta)
        keys.update(dict.fromkeys(self._writes))
        keys.update(
            dict.fromkeys(k for k, wid in self._key_to_id.items() if wid in self._widget or wid in self._old)
        )
        return [k for k in keys if k in self]

    def to_dict(self) -> dict[str, Any]:
        return {k: self[k] for k in self}

    def __repr__(self) -> str:
        return repr(self.to_dict())

    # ---- the run life cycle ----------------------------------------------------------

    def begin_run(self, changes: dict[str, Any], triggers: list[str]) -> list[WidgetMeta]:
        """Start a run: commit earlier values, apply the browser's changes.

        ``changes`` maps widget IDs to wire values; each is validated by the widget's
        serde against the widget as it was last drawn (so a selectbox returns the option
        object of the previous run, as the spec's "pathological example" shows).  Returns
        the widgets whose callbacks must run, in page order.
        """
        self._compact()
        self.running = True
        changed: list[str] = []
        for wid, wire in changes.items():
            meta = self._meta.get(wid)
            if meta is None or (meta.trigger and not carries_value(meta)):
                _LOG.debug("dropped a value for unknown widget %r", wid)
                continue
            try:
                value = meta.serde.deserialize(wire)
            except (InvalidWireValue, TypeError, ValueError, OverflowError) as exc:
                _LOG.warning("dropped an invalid value for widget %r: %s", wid, exc)
                continue
            if meta.trigger:  # a submission: the widget holds it for this run only
                self._triggered[wid] = self._widget[wid] = value
                changed.append(wid)
                continue
            if values_differ(value, self._current(wid)):
                changed.append(wid)
            self._widget[wid] = value
            self.remember_wire(wid, value, wire)
        for wid in triggers:
            meta = self._meta.get(wid)
            if meta is None or not meta.trigger:
                _LOG.debug("dropped a click on unknown widget %r", wid)
                continue
            if carries_value(meta):  # its value came with the changes (or it was invalid)
                continue
            self._triggered[wid] = self._widget[wid] = True
            changed.append(wid)
        rank = {wid: i for i, wid in enumerate(self._order)}
        changed.sort(key=lambda wid: rank.get(wid, len(rank)))
        return [self._meta[wid] for wid in changed if self._meta[wid].on_change is not None]

    def register_widget(
        self, meta: WidgetMeta, *, has_default: bool, coerce: Callable[[Any], Any] | None = None
    ) -> Any:
        """Connect a widget call of this run to its state and return its value.

        ``coerce`` adapts a value from an earlier run to this run (Enum coercion).
        """
        wid, key = meta.id, meta.key
        existed = wid in self._meta
        self._meta[wid] = meta
        self._rendered[wid] = None
        if meta.trigger:
            value: Any = self._triggered.get(wid, fresh(meta.default))
            if key is not None:
                self._key_to_id[key] = wid
            self._widget[wid] = value
            self._shown[wid] = value
            return value
        if key is not None and key in self._writes:
            # Set through Session State in this run (or a callback): the widget adopts it.
            value = self._writes[key]
            if (
                has_default
                and not existed
                and wid not in self._warned_default
                and not config.get_option("global.disableWidgetStateDuplicationWarning")
            ):
                self._warned_default.add(wid)
                _LOG.warning(
                    'The widget with key "%s" was created with a default value but also had its value '
                    "set via the Session State API.",
                    key,
                )
        elif wid in self._widget:
            value = self._widget[wid]
        elif wid in self._old:
            value = self._old[wid]
        elif existed and wid in self._shown:
            # Its key was deleted: the widget keeps what the user sees.
            value = self._shown[wid]
        elif key is not None and key in self._old and self._key_to_id.get(key) in (None, wid):
            value = self._old[key]
        else:
            value = fresh(meta.default)
        if key is not None:
            previous = self._key_to_id.get(key)
            if previous is not None and previous != wid:
                self._old.pop(previous, None)
            self._key_to_id[key] = wid
            self._old.pop(key, None)
        if coerce is not None:
            value = coerce(value)
            if key is not None and key in self._writes:
                self._writes[key] = value
        self._widget[wid] = value
        self._shown[wid] = value
        return value

    def end_run(
        self,
        *,
        completed: bool,
        clean_up: bool = True,
        fragments: set[str] | None = None,
        page: str | None = None,
    ) -> None:
        """Finish a run; a completed one deletes the widgets it did not draw, with their keys,
        unless ``clean_up`` is False (the script did not reach its end: st.stop, st.rerun, an error).

        A fragment run (``fragments``: the fragment and those nested in it) only
        answers for the widgets of those fragments.
        """
        self.running = False
        self._triggered.clear()
        for wid, meta in self._meta.items():
            if meta.trigger:
                self._widget[wid] = fresh(meta.default)
        if completed and clean_up:
            in_scope = (lambda m: True) if fragments is None else (lambda m: m.fragment_id in fragments)
            for wid in [w for w, m in self._meta.items() if w not in self._rendered and in_scope(m)]:
                self._forget_widget(wid)
            if page is not None and fragments is None:
                self._drop_other_pages(page)
            if fragments is None:
                self._order = list(self._rendered)
        self._rendered = {}

    def reset_to_defaults(self, form_ids: set[str]) -> dict[str, Any]:
        """Put the widgets of these forms back to their defaults (``clear_on_submit``).

        Returns the new value of each widget reset, by widget ID.
        """
        reset = {}
        for wid, meta in self._meta.items():
            if meta.form_id in form_ids and not meta.trigger:
                value = fresh(meta.default)
                self._widget[wid] = self._shown[wid] = reset[wid] = value
                if meta.key is not None:
                    self._writes.pop(meta.key, None)
        return reset

    def _forget_widget(self, wid: str) -> None:
        meta = self._meta.pop(wid)
        if meta.persist is not None and meta.key is not None and self._key_to_id.get(meta.key) == wid:
            held, value = self.peek_widget(wid, meta.key)
            if held:  # kept as a plain key; the widget drawn again with this key adopts it
                self._old[meta.key] = value
                self._persisted[meta.key] = (meta.persist, meta.route)
        self._widget.pop(wid, None)
        self._old.pop(wid, None)
        self._shown.pop(wid, None)
        self._wires.pop(wid, None)
        if meta.key is not None and self._key_to_id.get(meta.key) == wid:
            del self._key_to_id[meta.key]

    def _drop_other_pages(self, page: str) -> None:
        """persist_state="page": a page switch discards the values kept for the page left."""
        for key, (scope, kept_on) in list(self._persisted.items()):
            if key in self._key_to_id:  # drawn again: its widget holds it now
                del self._persisted[key]
            elif scope == "page" and kept_on != page:
                del self._persisted[key]
                self._old.pop(key, None)

    def seed_widget(self, wid: str, value: Any) -> None:
        """Give a widget a value as if the browser had sent it (a bound query parameter)."""
        self._widget[wid] = value
        self._wires.pop(wid, None)

    def _compact(self) -> None:
        for wid, value in self._widget.items():
            self._old[wid] = value
        for key, value in self._writes.items():
            wid = self._key_to_id.get(key)
            if wid is not None and wid in self._meta:
                self._old[wid] = value
                self._old.pop(key, None)
            else:
                self._old[key] = value
        self._widget = {}
        self._writes = {}

    def _current(self, wid: str) -> Any:
        if wid in self._widget:
            return self._widget[wid]
        return self._old.get(wid, self._shown.get(wid))

    # ---- questions the element layer asks --------------------------------------------

    def is_new_write(self, key: str | None) -> bool:
        """Did user code set ``key`` in this run (or a callback, or a test before it)?"""
        return key is not None and key in self._writes

    def is_rendered(self, wid: str) -> bool:
        return wid in self._rendered

    def key_owner(self, key: str) -> str | None:
        return self._key_to_id.get(key)

    def widget_meta(self, wid: str) -> WidgetMeta | None:
        return self._meta.get(wid)

    def peek_widget(self, wid: str, key: str | None) -> tuple[bool, Any]:
        """The value widget ``wid`` would have if drawn now, without registering it.

        ``(False, None)`` when it has none yet (it would start from its default).  A cached
        function with widgets (``experimental_allow_widgets``) finds its entry with this
        before it runs.
        """
        meta = self._meta.get(wid)
        if meta is not None and meta.trigger:
            return True, self._triggered.get(wid, meta.default)
        if key is not None and key in self._writes:
            return True, self._writes[key]
        for layer in (self._widget, self._old):
            if wid in layer:
                return True, layer[wid]
        return False, None

    def remember_wire(self, wid: str, value: Any, wire: Any) -> None:
        """Record the wire form the widget shows for this value object."""
        self._wires[wid] = (value, fresh(value), wire)

    def wire_of(self, wid: str, value: Any) -> Any:
        """The wire form last shown for exactly this value object (unchanged since), or NO_WIRE."""
        held = self._wires.get(wid)
        if held is None or held[0] is not value or (held[1] is not value and values_differ(held[1], value)):
            return NO_WIRE
        return held[2]

    def clear(self) -> None:
        """Forget every value, as a fresh session would (widgets come back with defaults)."""
        self._old.clear()
        self._writes.clear()
        self._widget.clear()
        self._shown.clear()
        self._wires.clear()
        self._key_to_id = {k: w for k, w in self._key_to_id.items() if w in self._rendered}


def carries_value(meta: WidgetMeta) -> bool:
    """A trigger whose event brings a value (chat_input's text), not just a click."""
    return bool(getattr(meta.serde, "carries_value", False))


def fresh(default: Any) -> Any:
    """A widget's default for a new run: containers are copied (the script may mutate what it got),
    other values are kept as they are (an option object must stay the very option of the list)."""
    return copy.copy(default) if isinstance(default, (list, dict, set)) else default


def _missing_key_message(key: str) -> str:
    return (
        f'st.session_state has no key "{key}". Did you forget to initialize it? '
        "More info: https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization"
    )


def _check_picklable(key: str, value: Any) -> None:
    try:
        pickle.dumps(value)
    except Exception as exc:
        raise StreamlitAPIException(
            f"Cannot serialize the value (of type `{type(value)}`) of '{key}' in st.session_state. "
            "nbstream has been configured to use pickle to serialize session_state values "
            "(runner.enforceSerializableSessionState). Please convert the value to a "
            "pickle-serializable type."
        ) from exc
