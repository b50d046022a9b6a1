"""The sequences AppTest returns: ``ElementList``, ``WidgetList`` and ``BlockList``.

``at.button`` is a ``WidgetList``, ``at.markdown`` an ``ElementList``, ``at.columns`` a
``BlockList``; all three index (also by slice), iterate, have ``len()`` and ``.len``,
and find an element by its key with ``at.button(key="go")``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Generic, TypeVar, overload

E = TypeVar("E")


class ElementList(Sequence[E], Generic[E]):
    """The elements of one kind, in display order; ``at.markdown("key")`` finds one by key."""

    def __init__(self, items: Sequence[E]) -> None:
        self._items = list(items)

    @overload
    def __getitem__(self, index: int) -> E: ...

    @overload
    def __getitem__(self, index: slice) -> ElementList[E]: ...

    def __getitem__(self, index: int | slice) -> E | ElementList[E]:
        if isinstance(index, slice):
            return type(self)(self._items[index])
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    @property
    def len(self) -> int:
        """The number of elements (``len(at.button)``), as Streamlit's lists have it."""
        return len(self._items)

    def __iter__(self) -> Iterator[E]:
        return iter(self._items)

    def __call__(self, key: str | None = None, **kwargs: Any) -> E:
        """The first element with this user key; ``KeyError`` if there is none."""
        key = kwargs.pop("key", key)
        if kwargs:
            raise TypeError(f"Unexpected arguments: {', '.join(kwargs)}")
        for item in self._items:
            if getattr(item, "key", None) == key:
                return item
        raise KeyError(key)

    @property
    def values(self) -> list[Any]:
        """The ``value`` of each element, in order."""
        return [getattr(e, "value", None) for e in self._items]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._items!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ElementList):
            return self._items == other._items
        return self._items == other

    def __hash__(self) -> int:
        return hash(tuple(id(i) for i in self._items))


class WidgetList(ElementList[E]):
    """An ``ElementList`` of widgets (``at.button``, ``at.slider``, ...)."""


class BlockList(ElementList[E]):
    """The blocks of one kind (``at.columns``, ``at.tabs``, ``at.expander``, ...)."""
