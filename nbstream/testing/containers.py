"""AppTest's view of the element tree: element lists by kind, containers and blocks.

``at.<kind>`` lists every element of a kind Streamlit or nbstream knows (an empty list
when the app shows none); any other name raises ``AttributeError`` naming the closest
known one, so a typo in a test fails instead of counting nothing.  Node types and the
order of iteration follow Streamlit's AppTest (see ``kinds``); the wrapper class of each
kind comes from the family modules in ``elements/``.
"""

from __future__ import annotations

import abc
from collections.abc import Iterator
from typing import Any

from nbstream.runtime.tree import Node
from nbstream.testing import kinds
from nbstream.testing.elements import charts, chat, components, data, media, status, text, uploads, widgets
from nbstream.testing.elements._base import PROTO_FIELDS, AppDriver, Element, ProtoView, Widget
from nbstream.testing.errors import AppTestError
from nbstream.testing.lists import BlockList, ElementList, WidgetList

ELEMENT_CLASSES: dict[str, type[Element]] = {
    **text.CLASSES,
    **widgets.CLASSES,
    **data.CLASSES,
    **charts.CLASSES,
    **status.CLASSES,
    **chat.CLASSES,
    **uploads.CLASSES,
    **media.CLASSES,
    **components.CLASSES,
}


def visible_children(node: Node) -> list[Node]:
    """A node's children as Streamlit's AppTest lists them: no spinners, and no bottom
    area (``st.bottom``) until something is in it."""
    return [
        c
        for c in node.children or []
        if not kinds.is_transient(c) and not (c.kind == "bottom" and not c.children)
    ]


def walk(node: Node) -> Iterator[Node]:
    """The node and everything in it, in display order, as Streamlit's AppTest walks it."""
    yield node
    for child in visible_children(node):
        yield from walk(child)


def wrap(node: Node, root: AppDriver) -> Element:
    if node.is_block:
        return BLOCK_CLASSES.get(node.kind, Block)(node, root)
    cls = ELEMENT_CLASSES.get(node.kind)
    if cls is None:
        cls = Widget if node.id else Element
    return cls(node, root)


def list_of(name: str, items: list[Element]) -> ElementList[Any]:
    if name in kinds.BLOCK_ACCESSORS or (items and all(isinstance(i, Block) for i in items)):
        return BlockList(items)
    if name in kinds.WIDGET_ACCESSORS or (items and all(isinstance(i, Widget) for i in items)):
        return WidgetList(items)
    return ElementList(items)


class Container(abc.ABC):
    """What ``at`` and every block share: element lists by kind, within a subtree."""

    root: AppDriver

    @abc.abstractmethod
    def _scope(self) -> Node:
        """The node whose subtree this container lists."""

    def get(self, element_type: str) -> ElementList[Any]:
        """Every element of ``element_type`` in this container, in display order.

        ``element_type`` is an accessor name (``"button"``, ``"columns"``,
        ``"form_submit_button"``), a Streamlit node type (``"vega_lite_chart"``,
        ``"help_info"``) or an nbstream kind (``"line_chart"``, ``"fragment"``).
        """
        scope = self._scope()
        nodes = [n for n in walk(scope) if n is not scope and kinds.matches(n, element_type)]
        return list_of(element_type, [wrap(n, self.root) for n in nodes])

    def _knows(self, name: str) -> bool:
        return name in kinds.KNOWN_KINDS or any(n.kind == name for n in walk(self._scope()))

    def __getattr__(self, name: str) -> Any:
        if not name.startswith("_") and self._knows(name):
            return self.get(name)
        raise kinds.unknown_name(type(self).__name__, name, [*dir(type(self)), *vars(self)])

    @property
    def children(self) -> dict[int, Element]:
        """The direct children by position, as Streamlit's AppTest has them."""
        return {i: wrap(n, self.root) for i, n in enumerate(visible_children(self._scope()))}

    def __iter__(self) -> Iterator[Element]:
        """This container and everything in it, in display order."""
        return (wrap(n, self.root) for n in walk(self._scope()))

    def __len__(self) -> int:
        return len(visible_children(self._scope()))

    def __getitem__(self, index: int) -> Element:
        return self.children[index]

    def get_by_key(self, key: str) -> Element:
        """The one element (widget, keyed element or container) with this key in the container.

        Raises ``KeyError`` if there is none and ``AppTestError`` if several have it (query
        a narrower container, or a list such as ``at.button(key=...)``).
        """
        scope = self._scope()
        matches = [wrap(n, self.root) for n in walk(scope) if n is not scope]
        matches = [e for e in matches if e.key == key]
        if not matches:
            raise KeyError(key)
        if len(matches) > 1:
            raise AppTestError(
                f"Multiple elements have key {key!r}. "
                "Scope the query to a container or use a typed collection."
            )
        return matches[0]


class Block(Container, Element):
    """A container element (column, tab, expander, sidebar, ...) with ``at``'s accessors.

    Its parameters read as attributes (``at.expander[0].label``); names that are neither
    a parameter nor an element kind raise ``AttributeError``.
    """

    def __init__(self, node: Node, root: AppDriver) -> None:
        Element.__init__(self, node, root)

    def _scope(self) -> Node:
        return self._node

    def __iter__(self) -> Iterator[Element]:
        return Container.__iter__(self)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        props = self._node.props
        for key in (name, PROTO_FIELDS.get(name)):
            if key is not None and key in props:
                return props[key]
        if self._knows(name):
            return self.get(name)
        raise kinds.unknown_name(type(self).__name__, name, [*dir(type(self)), *props])

    def run(self, *, timeout: float | None = None) -> Any:
        """Run the app; for a fragment's block, rerun only that fragment; for a dialog, only
        the dialog (its body is a fragment), as a click inside it in the browser does."""
        if self._node.kind == "dialog":
            body = next((c for c in self._node.children or [] if c.kind == "fragment"), None)
            if body is not None:
                return self.root.run_fragment(body.props["fragment_id"], timeout=timeout)
        if self._node.kind == "fragment":
            return self.root.run_fragment(self._node.props["fragment_id"], timeout=timeout)
        return self.root.run(timeout=timeout)

    @property
    def proto(self) -> ProtoView:
        return ProtoView(self._node.props)

    @property
    def key(self) -> str | None:
        if self._node.kind == "form":
            return self._node.props.get("form_id")
        return self._node.key or self._node.props.get("key")

    @property
    def value(self) -> Any:
        return None

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.type!r}, {len(self)} children)"


class SpecialBlock(Block):
    """The main area, the sidebar, the event area (toasts) and the bottom area."""


class Column(Block):
    @property
    def weight(self) -> float:
        return self._node.props["weight"]

    @property
    def gap(self) -> str:
        return self._node.props.get("gap", "small")


class Tab(Block):
    @property
    def label(self) -> str:
        return self._node.props["label"]


class Expander(Block):
    @property
    def label(self) -> str:
        return self._node.props["label"]

    @property
    def icon(self) -> str:
        return self._node.props.get("icon") or ""


class Status(Expander):
    @property
    def state(self) -> str:
        return self._node.props["state"]

    @property
    def icon(self) -> str:
        icon = self._node.props.get("icon")
        if icon:
            return icon
        # The icon Streamlit's st.status shows for each state.
        return {"running": "spinner", "complete": ":material/check:", "error": ":material/error:"}.get(
            self.state, ""
        )


class ChatMessage(Block):
    @property
    def name(self) -> str:
        return self._node.props["name"]

    @property
    def avatar(self) -> Any:
        return self._node.props.get("avatar")


BLOCK_CLASSES: dict[str, type[Block]] = {
    "main": SpecialBlock,
    "sidebar": SpecialBlock,
    "event": SpecialBlock,
    "bottom": SpecialBlock,
    "column": Column,
    "tab": Tab,
    "expander": Expander,
    "status": Status,
    "chat_message": ChatMessage,
}
