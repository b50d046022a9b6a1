"""The two helpers every ``st.*`` element calls, and the rules that cut across elements.

``add_element`` places a display element; ``add_widget`` registers a widget with the
session and places it.  The policies (label visibility, keys, the button/session-state
rule, duplicate IDs) live here once instead of in each element.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from nbstream.elements.delta_generator import DeltaGenerator, current
from nbstream.runtime import context
from nbstream.runtime.binding import check_bind, check_persist
from nbstream.runtime.errors import (
    DuplicateWidgetID,
    StreamlitAPIException,
    StreamlitValueAssignmentNotAllowedError,
    StreamlitValueError,
)
from nbstream.runtime.state import NO_WIRE, fresh
from nbstream.runtime.tree import Node
from nbstream.runtime.widgets import InvalidWireValue, Serde, WidgetMeta, compute_widget_id, values_differ

_LOG = logging.getLogger("nbstream")

LABEL_VISIBILITIES = ("visible", "hidden", "collapsed")

# Answers to an element's requests from the browser (rows of a large table on scroll,
# a sorted window, ...), by kind: (node, payload) -> (JSON-able answer, binary buffers).
# The render bridge validates the envelope and calls these; a handler must validate the
# payload itself (it is untrusted) and raise ValueError for a bad one.
REQUEST_HANDLERS: dict[str, Callable[[Node, dict[str, Any]], tuple[Any, list[bytes]]]] = {}


def answers(kind: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register the function that answers browser requests for elements of ``kind``."""

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        REQUEST_HANDLERS[kind] = fn
        return fn

    return register


def place(node: Node) -> DeltaGenerator:
    """Place a node where the script is writing now; return the DeltaGenerator of its place."""
    ctx = context.require()
    ctx.check_interrupt()
    return current(ctx)._place(ctx, node)


def add_element(kind: str, props: dict[str, Any], value: Any = None) -> DeltaGenerator:
    """Place a display element where the script is writing; return its slot."""
    return place(Node(kind, props, value=value))


def add_block(kind: str, props: dict[str, Any] | None = None) -> DeltaGenerator:
    """Place an empty container block; return the DeltaGenerator that writes into it."""
    return place(Node(kind, props or {}, children=[]))


def add_widget(
    kind: str,
    props: dict[str, Any],
    *,
    serde: Serde,
    default: Any,
    identity: dict[str, Any],
    key: str | int | None,
    on_change: Callable[..., Any] | str | None = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    has_default: bool = False,
    trigger: bool = False,
    coerce: Callable[[Any], Any] | None = None,
    submits_form: bool = False,
    block: bool = False,
    served: Any = None,
    unplaced: bool = False,
    bind: str | None = None,
    persist_state: str | None = None,
) -> Any:
    """Register a widget for this run, place it, and return its value.

    ``identity`` holds the arguments that make the widget what it is (label, options,
    bounds, default, ...): changing one makes a new widget with a fresh value.
    ``serde`` converts its value to and from the wire and validates browser input.
    ``coerce`` adapts a value carried over from an earlier run (Enum coercion).
    ``submits_form`` marks a form's submit button, the one widget in a form that may
    have a callback.  ``block`` makes a container that has a value (tabs that track the
    open tab, an expander that tracks being open): it returns ``(DeltaGenerator, value)``.
    ``served`` is data kept on the node for the browser to request (never sent with
    the tree).  ``unplaced`` registers a widget that another element draws (a button
    column's clicks): nothing is placed, and it returns ``(widget ID, value)``.
    ``bind`` and ``persist_state`` are Streamlit's (runtime/binding.py).
    """
    check_bind(bind, key)
    check_persist(persist_state, key)
    ctx = context.require()
    ctx.check_interrupt()
    if ctx.cache_recorder is not None:
        # This call's arguments, for the cached function that replays it on a hit.
        call = dict(locals())
        del call["ctx"]
        ctx.cache_recorder.widget(call)
    user_key = normalize_key(key)
    ignore = isinstance(on_change, str) and on_change == "ignore"
    on_change = widget_callback(on_change)
    where = current(ctx)
    form_id = where.form_id or ""
    if ignore and not form_id:  # in a form every change waits for the submit anyway
        props = {**props, "on_change": "ignore"}
    if form_id and on_change is not None and not submits_form:
        raise StreamlitAPIException(
            "With forms, callbacks can only be defined on the `st.form_submit_button`. "
            "Defining callbacks on other widgets inside a form is not allowed."
        )
    if ctx.fragment_id is not None and where.fragment_id != ctx.fragment_id:
        raise StreamlitAPIException(
            "Fragments cannot write widgets to outside containers. "
            "Widgets can only go in the main body of a fragment."
        )
    if ctx.session.is_bare:
        if unplaced:
            return "", fresh(default)
        return _place_widget(ctx, kind, props, "", user_key, serde, default, block=block, served=served)

    state = ctx.session.state
    wid = compute_widget_id(kind, user_key, identity, form_id=form_id, page=ctx.page or ctx.session.page)
    if user_key is not None and user_key in ctx.keys:
        raise DuplicateWidgetID(
            f"There are multiple elements with the same `key='{user_key}'`. "
            "To fix this, please make sure that the `key` argument is unique for each element you create."
        )
    if wid in ctx.widget_ids:
        raise DuplicateWidgetID(
            f"There are multiple identical `st.{kind}` widgets with the same generated key.\n\n"
            "When a widget is created, it's assigned an internal key based on its structure. "
            "Multiple widgets with an identical structure will result in the same internal key, "
            "which causes this error.\n\n"
            f"To fix this error, please pass a unique `key` argument to `st.{kind}`."
        )
    if trigger and state.is_new_write(user_key):
        raise StreamlitValueAssignmentNotAllowedError(user_key or "", kind)
    ctx.widget_ids.add(wid)
    if user_key is not None:
        ctx.keys[user_key] = wid
    meta = WidgetMeta(
        id=wid,
        kind=kind,
        key=user_key,
        serde=serde,
        default=default,
        on_change=on_change,
        args=tuple(args or ()),
        kwargs=dict(kwargs or {}),
        trigger=trigger,
        fragment_id=where.fragment_id,
        form_id=form_id,
        persist=persist_state,
        route=ctx.session.route.current,
    )
    bindings = ctx.session.bindings if bind is not None else None
    if bindings is not None:
        bindings.read_url(state, ctx.session.query_params, meta)
    set_by_script = state.is_new_write(user_key)
    value = state.register_widget(meta, has_default=has_default, coerce=coerce)
    if bindings is not None:
        bindings.write_url(ctx.session.query_params, meta, value)
    if unplaced:
        return wid, fresh(value)
    return _place_widget(
        ctx, kind, props, wid, user_key, serde, value, check=set_by_script, block=block, served=served
    )


def _place_widget(
    ctx: Any,
    kind: str,
    props: dict[str, Any],
    wid: str,
    key: str | None,
    serde: Serde,
    value: Any,
    check: bool = False,
    block: bool = False,
    served: Any = None,
) -> Any:
    """Place the widget showing ``value``; ``check`` a value the script set through Session State."""
    state = None if ctx.session.is_bare else ctx.session.state
    # The value the widget already shows keeps its wire form: the browser's own choice among
    # equal options, or an option object of an earlier run's list (spec: custom classes).
    wire = NO_WIRE if state is None else state.wire_of(wid, value)
    if wire is NO_WIRE:
        wire = _serialize(serde, value, kind, key)
        if check:
            _check_session_value(kind, key, serde, value, wire)
    if state is not None:
        state.remember_wire(wid, value, wire)
    props["value"] = wire
    props["id"] = wid
    node = Node(kind, props, id=wid, key=key, value=value, children=[] if block else None, served=served)
    placed = current(ctx)._place(ctx, node)
    if block:
        return placed, fresh(value)
    return fresh(value)  # the script's own copy: mutating it must not change the widget's state


def _serialize(serde: Serde, value: Any, kind: str, key: str | None) -> Any:
    try:
        return serde.serialize(value)
    except (ValueError, TypeError, KeyError) as exc:
        label = f' with key "{key}"' if key is not None else ""
        raise StreamlitAPIException(
            f"The value {value!r} of the {kind} widget{label} is not valid for it: {exc}"
        ) from exc


def _check_session_value(kind: str, key: str | None, serde: Serde, value: Any, wire: Any) -> None:
    """A value set through Session State must be one the widget could hold: it must come back
    from the browser's side of the serde unchanged (right type, in range, one of the options)."""
    try:
        back = serde.deserialize(wire)
    except (InvalidWireValue, TypeError, ValueError, OverflowError) as exc:
        problem = str(exc)
    else:
        if not values_differ(_as_list(back), _as_list(value)):
            return
        problem = f"it holds {type(back).__name__} values"
    raise StreamlitAPIException(
        f"`st.session_state.{key}` is set to {value!r}, which the {kind} widget with that key "
        f"cannot hold: {problem}."
    )


def _as_list(value: Any) -> Any:
    """Lists and tuples compare as lists (a range may be set as either)."""
    return list(value) if isinstance(value, (list, tuple)) else value


def normalize_key(key: str | int | None) -> str | None:
    if key is None:
        return None
    if isinstance(key, bool) or not isinstance(key, (str, int, float)):
        raise StreamlitAPIException(f"A widget key must be a string or an int, not {type(key).__name__}.")
    return str(key)


def widget_callback(on_change: Any, parameter: str = "on_change") -> Callable[..., Any] | None:
    """The callback of a widget's ``on_change``: a function, or None for ``"rerun"``,
    ``"ignore"`` (a change waits in the browser for the next rerun) and None."""
    if on_change is None or (isinstance(on_change, str) and on_change in ("rerun", "ignore")):
        return None
    if callable(on_change):
        return on_change  # type: ignore[no-any-return]
    raise StreamlitValueError(parameter, ["'rerun'", "'ignore'", "a callback function"])


def check_label_visibility(label_visibility: str) -> None:
    if label_visibility not in LABEL_VISIBILITIES:
        raise StreamlitAPIException(
            f"Unsupported label_visibility option '{label_visibility}'. "
            "Valid values are 'visible', 'hidden' or 'collapsed'."
        )


def widget_props(
    label: Any, help: str | None, disabled: bool, label_visibility: str, **extra: Any
) -> dict[str, Any]:
    """The props every labelled widget has, checked once."""
    check_label_visibility(label_visibility)
    text = "" if label is None else str(label)
    if not text and label_visibility == "visible":
        _LOG.warning(
            "`label` got an empty value. This is discouraged for accessibility reasons and may be "
            "disallowed in the future. Please provide a non-empty label and hide it with "
            "label_visibility if needed."
        )
    return {
        "label": text,
        "help": None if help is None else str(help),
        "disabled": bool(disabled),
        "label_visibility": label_visibility,
        **extra,
    }
