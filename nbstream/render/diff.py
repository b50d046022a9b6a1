"""The keyed diff of two wire trees, and the overlay shown while a run streams.

Pure functions over wire trees (``render/wire.py``); the I/O lives in ``widget.py``.

A patch is a list of ops, applied in order.  ``at`` is the path of keys from the root
(the root itself is ``[]``):

* ``{"op": "props", "at": [...], "set": {...}, "del": [...]}`` -- changed props only;
  a long text prop that only grew at its end (st.write_stream's answer) comes as
  ``"append": {name: tail}`` instead, so a streamed token costs its own length;
* ``{"op": "children", "at": [...], "remove": [key, ...], "place": [[i, item], ...]}``
  -- a block's new child list.  Apply it as: destroy the ``remove`` keys; take out the
  children whose key is a string ``item`` (they move); then, by ascending ``i``, put
  each ``item`` at index ``i`` -- a string is a moved child, a dict a new WireNode.
  Children in neither list keep their relative order (the longest run of them that is
  already in order is left alone, so a move touches as few DOM nodes as possible);
* ``{"op": "replace", "at": [...], "node": {...}}`` -- a node whose kind changed.

Ops for the children of a block come after the block's own ``children`` op, so every
path names a node that exists when its op is applied.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from nbstream.render.wire import WireNode

Op = dict[str, Any]
Path = list[str]


def diff(old: WireNode, new: WireNode) -> list[Op]:
    """The ops that turn ``old`` into ``new``."""
    ops: list[Op] = []
    _diff(old, new, [], ops)
    return ops


def _diff(old: WireNode, new: WireNode, at: Path, ops: list[Op]) -> None:
    if old["kind"] != new["kind"] or ("children" in old) != ("children" in new):
        ops.append({"op": "replace", "at": at, "node": new})
        return
    if old["props"] != new["props"]:
        ops.append(_props_op(old["props"], new["props"], at))
    old_children, new_children = old.get("children"), new.get("children")
    if old_children is None or new_children is None:
        return
    op = _children_op(old_children, new_children, at)
    if op is not None:
        ops.append(op)
    by_key = {child["key"]: child for child in old_children}
    for child in new_children:
        before = by_key.get(child["key"])
        if before is not None and before is not child:
            _diff(before, child, [*at, child["key"]], ops)


# Text props at least this long are sent as appends when they only grew at the end.
APPEND_MIN_CHARS = 32


def _props_op(old: dict[str, Any], new: dict[str, Any], at: Path) -> Op:
    changed: dict[str, Any] = {}
    grown: dict[str, str] = {}
    for k, v in new.items():
        before = old.get(k, _ABSENT)
        if before is not _ABSENT and before == v:
            continue
        if (
            isinstance(v, str)
            and isinstance(before, str)
            and len(before) >= APPEND_MIN_CHARS
            and v.startswith(before)
        ):
            grown[k] = v[len(before) :]
        else:
            changed[k] = v
    removed = [k for k in old if k not in new]
    op: Op = {"op": "props", "at": at, "set": changed, "del": removed}
    if grown:
        op["append"] = grown
    return op


_ABSENT = object()


def _children_op(old: list[WireNode], new: list[WireNode], at: Path) -> Op | None:
    old_keys = [c["key"] for c in old]
    new_keys = [c["key"] for c in new]
    if old_keys == new_keys:
        return None
    old_index = {k: i for i, k in enumerate(old_keys)}
    kept = set(new_keys)
    remove = [k for k in old_keys if k not in kept]
    common = [k for k in new_keys if k in old_index]
    stable = _in_order(common, old_index)
    place: list[list[Any]] = []
    for i, (key, child) in enumerate(zip(new_keys, new, strict=True)):
        if key in stable:
            continue
        place.append([i, key if key in old_index else child])
    return {"op": "children", "at": at, "remove": remove, "place": place}


def _in_order(keys: list[str], old_index: dict[str, int]) -> set[str]:
    """The largest set of ``keys`` whose old positions already increase (an LIS)."""
    tails: list[int] = []  # tails[n]: smallest old position ending an increasing run of n+1
    tail_at: list[int] = []  # index into keys of that run's last element
    parent: list[int] = [-1] * len(keys)
    for i, key in enumerate(keys):
        pos = old_index[key]
        n = bisect_left(tails, pos)
        if n == len(tails):
            tails.append(pos)
            tail_at.append(i)
        else:
            tails[n] = pos
            tail_at[n] = i
        parent[i] = tail_at[n - 1] if n > 0 else -1
    found: set[str] = set()
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        found.add(keys[i])
        i = parent[i]
    return found


def overlay(shown: WireNode | None, partial: WireNode) -> tuple[WireNode, list[list[Any]]]:
    """What to show while a run is still going: its output so far over the last display.

    Streamlit's rule: an element the run has produced replaces the one at its place;
    the elements after it that the run has not reached yet stay, shown as stale, until
    the run ends.  Returns the merged tree and, for every block the run has produced,
    ``[path, n]``: its first ``n`` children are fresh, the rest stale.
    """
    fresh: list[list[Any]] = []
    return _overlay(shown, partial, [], fresh), fresh


def _overlay(shown: WireNode | None, partial: WireNode, at: Path, fresh: list[list[Any]]) -> WireNode:
    children = partial.get("children")
    if children is None:
        return partial
    fresh.append([at, len(children)])
    before = shown.get("children") if shown is not None and shown["kind"] == partial["kind"] else None
    before = before or []
    by_key = {c["key"]: c for c in before}
    merged = [_overlay(by_key.get(c["key"]), c, [*at, c["key"]], fresh) for c in children]
    taken = {c["key"] for c in children}
    merged.extend(c for c in before[len(children) :] if c["key"] not in taken)
    return {**partial, "children": merged}
