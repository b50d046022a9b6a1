"""Elements drawn inside a cached function: recorded on a miss, replayed on a hit.

While a cached function runs in an app, a ``Recorder`` sits on the run context
(``RunContext.cache_recorder``); ``DeltaGenerator._place`` tells it of every element
placed and ``add_widget`` of every widget call.  Each placement is recorded with *where*
it went, relative to the function call:

* ``cursor`` -- where the script was writing when the function was called (so a replay
  lands wherever the function is called next time, in a column, a tab, ...);
* ``area`` -- the sidebar (or another page area) by name;
* ``made`` -- into a container, or an element's slot, that the function itself made
  earlier (``st.columns``, ``st.container``, ``st.empty``), by its record's index;
* ``outside`` -- into a container made outside the function: that cannot be replayed,
  and a hit raises ``CacheReplayClosureError`` (as Streamlit does).

Elements are snapshot when the function returns (so in-place updates such as
``add_rows`` or ``st.status`` finishing are part of what is replayed).  Widgets are
replayed by calling ``add_widget`` again with the recorded arguments, so they register
with the session and keep their values.  Without ``experimental_allow_widgets=True`` a
widget in a cached function also shows a ``CachedWidgetWarning``; with it, the widgets'
values become part of the cache key (see ``api``).

Cached functions nest: an inner call's elements are recorded by every enclosing
recorder, and an inner hit's replay is recorded by the outer one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from nbstream.elements.delta_generator import DeltaGenerator, current
from nbstream.runtime.context import RunContext
from nbstream.runtime.errors import CachedWidgetWarning, CacheReplayClosureError
from nbstream.runtime.exceptions import exception_node
from nbstream.runtime.tree import Node

Target = tuple[str, Any]


@dataclass(slots=True)
class Record:
    target: Target
    node: Node
    widget: dict[str, Any] | None = None  # add_widget's arguments, for a widget


@dataclass
class Recording:
    """What a cached function drew, ready to replay."""

    records: list[Record] = field(default_factory=list)
    closure: bool = False  # it wrote into a container made outside the function

    @property
    def widgets(self) -> list[tuple[str, str | None, Any]]:
        """(widget ID, key, value it had) of each widget the function drew."""
        return [(r.node.id, r.node.key, r.node.value) for r in self.records if r.widget is not None]

    def __bool__(self) -> bool:
        return bool(self.records) or self.closure


class Recorder:
    """Listens to the placements of one cached call (see the module docstring)."""

    def __init__(self, ctx: RunContext, *, allow_widgets: bool, decorator: str) -> None:
        self.ctx = ctx
        self.parent: Recorder | None = ctx.cache_recorder
        self.cursor = current(ctx)
        self.allow_widgets = allow_widgets
        self.decorator = decorator
        self.recording = Recording()
        self._index: dict[int, int] = {}
        self._pending: dict[str, Any] | None = None
        self._warned = False

    def __enter__(self) -> Recorder:
        self.ctx.cache_recorder = self
        return self

    def __exit__(self, *exc: object) -> None:
        self.ctx.cache_recorder = self.parent
        self.recording.records = [
            Record(r.target, _snapshot(r.node), r.widget) for r in self.recording.records
        ]

    # ---- the hooks ----------------------------------------------------------------------

    def placing(self, dg: DeltaGenerator, node: Node) -> None:
        call, self._pending = self._pending, None
        if call is not None and (node.kind != call.get("kind") or not node.id):
            call = None  # the widget call raised before it placed anything
        target = self._target(dg)
        if target[0] == "outside":
            self.recording.closure = True
        self._index[id(node)] = len(self.recording.records)
        self.recording.records.append(Record(target, node, call))
        if self.parent is not None:
            self.parent.placing(dg, node)

    def widget(self, call: dict[str, Any], warned: bool = False) -> None:
        if not self.allow_widgets and not warned and not self._warned:
            self._warned = warned = True
            node = exception_node(CachedWidgetWarning(self.decorator))
            current(self.ctx)._place(self.ctx, node)
        self._pending = {**call, "props": dict(call["props"])}
        if self.parent is not None:
            self.parent.widget(call, warned)

    # ---- where a placement went ---------------------------------------------------------

    def _target(self, dg: DeltaGenerator) -> Target:
        if _same_place(dg, self.cursor):
            return ("cursor", None)
        if dg._slot is not None:
            parent, index = dg._slot
            children = parent.children or []
            replaced = children[index] if index < len(children) else None
            return self._made(replaced)
        if dg._block is not None:
            return self._made(dg._block)
        return ("area", dg._area)

    def _made(self, node: Node | None) -> Target:
        index = self._index.get(id(node)) if node is not None else None
        return ("made", index) if index is not None else ("outside", None)


def _same_place(a: DeltaGenerator, b: DeltaGenerator) -> bool:
    if a is b:
        return True
    if a._slot is not None or b._slot is not None:
        if a._slot is None or b._slot is None:
            return False
        return a._slot[0] is b._slot[0] and a._slot[1] == b._slot[1]
    if a._block is not None or b._block is not None:
        return a._block is b._block
    return a._area == b._area


def _snapshot(node: Node) -> Node:
    return Node(
        node.kind,
        dict(node.props),
        children=[] if node.children is not None else None,
        id=node.id,
        key=node.key,
        value=node.value,
    )


def replay(recording: Recording, ctx: RunContext, func_name: str, decorator: str) -> None:
    """Draw again what a cached function drew, where the script is writing now."""
    if recording.closure:
        raise CacheReplayClosureError(func_name, decorator)
    from nbstream.elements._base import add_widget

    ctx.check_interrupt()
    cursor = current(ctx)
    made: list[DeltaGenerator | None] = []
    for record in recording.records:
        kind, where = record.target
        if kind == "cursor":
            dg: DeltaGenerator | None = cursor
        elif kind == "area":
            dg = DeltaGenerator(area=where)
        else:
            dg = made[where]
        if dg is None:  # written into a widget's slot: nothing to replay it into
            made.append(None)
            continue
        if record.widget is not None:
            with dg:
                add_widget(**{**record.widget, "props": dict(record.widget["props"])})
            made.append(None)
        else:
            made.append(dg._place(ctx, _snapshot(record.node)))
