"""The element tree that one script run produces.

An element is data: a ``kind`` (which names the Python function, the JS component and
the AppTest accessor), JSON-able ``props`` for the browser, an ``id`` (the widget ID for
widgets), and ``children`` when it is a block (a container).  ``value`` holds the
Python-side value (a widget's return value, a data element's frame) that AppTest reads
and the wire layer may serialize; it never crosses to the browser as is.  ``served`` holds
what the element hands out only when the browser asks (a download button's file), so
they are not pushed with every rerun.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass(eq=False, slots=True)
class Node:
    kind: str
    props: dict[str, Any] = field(default_factory=dict)
    children: list[Node] | None = None
    id: str = ""
    key: str | None = None
    value: Any = None
    served: Any = None

    @property
    def is_block(self) -> bool:
        return self.children is not None

    def walk(self) -> Iterator[Node]:
        """Every node of this subtree in display order (depth first, self first)."""
        yield self
        if self.children:
            for child in self.children:
                yield from child.walk()

    def __repr__(self) -> str:
        inner = f", {len(self.children)} children" if self.children is not None else ""
        return f"Node({self.kind!r}, id={self.id!r}{inner})"


AREAS = ("main", "sidebar", "event", "bottom")


def new_root() -> Node:
    """The tree a run starts from: the main area, the sidebar, the event area (toasts,
    balloons: elements that float above the page) and the bottom area (``st.bottom``,
    pinned below the main area), all empty."""
    return Node("root", children=[Node(name, children=[]) for name in AREAS])


def area(root: Node, name: str) -> Node:
    """One of the root's areas (``main``, ``sidebar``, ``event``, ``bottom``)."""
    assert root.children is not None
    for child in root.children:
        if child.kind == name:
            return child
    raise KeyError(name)
