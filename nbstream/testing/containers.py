"""AppTest's view of the element tree: element lists by kind, containers and blocks.

``at.<kind>`` is generic: any kind the app draws can be listed; the wrapper class of each
kind comes from the family modules in ``elements/``.
"""

from __future__ import annotations

import abc
from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from nbstream.runtime.tree import Node
from nbstream.testing.elements import charts, data, media, status, uploads, widgets
from nbstream.testing.elements._base import AppDriver, Element, Widget

# Accessor names that differ from the element kind they list.
ACCESSOR_KINDS = {"columns": "column", "tabs": "tab"}

ELEMENT_CLASSES: dict[str, type[Element]] = {
    **widgets.CLASSES,
    **data.CLASSES,
    **charts.CLASSES,
    **status.CLASSES,
    **uploads.CLASSES,
    **media.CLASSES,
}


def wrap(node: Node, root: AppDriver) -> Element:
    if node.is_block:
        return Block(node, root)
    cls = ELEMENT_CLASSES.get(node.kind)
    if cls is None:
        cls = Widget if node.id else Element
    return cls(node, root)


E = TypeVar("E", bound=Element)


class ElementList(Sequence[E]):
    """The elements of one kind, in display order; ``at.button("key")`` finds one by key."""

    def __init__(self, items: list[E]) -> None:
        self._items = items

    def __getitem__(self, index: int) -> E:  # type: ignore[override]
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[E]:
        return iter(self._items)

    def __call__(self, key: str | None = None, **kwargs: Any) -> E:
        key = kwargs.get("key", key)
        for item in self._items:
            if item.key == key:
                return item
        raise KeyError(f"No element with key {key!r}")

    @property
    def values(self) -> list[Any]:
        return [e.value for e in self._items]

    def __repr__(self) -> str:
        return f"ElementList({self._items!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ElementList):
            return self._items == other._items
        return list(self._items) == other


class Container(abc.ABC):
    """What ``at`` and every block share: element lists by kind, within a subtree."""

    root: AppDriver

    @abc.abstractmethod
    def _scope(self) -> Node:
        """The node whose subtree this container lists."""

    def get(self, kind: str) -> ElementList[Element]:
        """Every element of ``kind`` in this container, in display order."""
        kind = ACCESSOR_KINDS.get(kind, kind)
        scope = self._scope()
        nodes = [n for n in scope.walk() if n.kind == kind and n is not scope]
        return ElementList([wrap(n, self.root) for n in nodes])

    def __getattr__(self, name: str) -> ElementList[Element]:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.get(name)

    @property
    def children(self) -> dict[int, Element]:
        """The direct children by position, as Streamlit's AppTest has them."""
        return {i: wrap(n, self.root) for i, n in enumerate(self._scope().children or [])}

    def __iter__(self) -> Iterator[Element]:
        """This container and everything in it, in display order."""
        return (wrap(n, self.root) for n in self._scope().walk())

    def get_by_key(self, key: str) -> Element:
        """The element with this key anywhere in the container; KeyError if there is none."""
        for node in self._scope().walk():
            if node.key == key:
                return wrap(node, self.root)
        raise KeyError(key)


class Block(Container, Element):
    """A container element (column, tab, expander, sidebar, ...) with ``at``'s accessors."""

    def __init__(self, node: Node, root: AppDriver) -> None:
        Element.__init__(self, node, root)

    def _scope(self) -> Node:
        return self._node

    def __len__(self) -> int:
        return len(self._node.children or [])

    def __getitem__(self, index: int) -> Element:
        return self.children[index]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._node.props:
            return self._node.props[name]
        return self.get(name)

    def run(self, *, timeout: float | None = None) -> Any:
        """Run the app; for a fragment block, rerun only that fragment."""
        if self.type == "fragment":
            return self.root.run_fragment(self._node.props["fragment_id"], timeout=timeout)
        return self.root.run(timeout=timeout)

    @property
    def weight(self) -> float | None:
        return self._node.props.get("weight")

    @property
    def label(self) -> str | None:
        return self._node.props.get("label")

    @property
    def value(self) -> Any:
        return None

    def __repr__(self) -> str:
        return f"Block({self.type!r}, {len(self._node.children or [])} children)"
