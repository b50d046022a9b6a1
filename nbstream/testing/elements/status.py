"""AppTest wrappers of the status elements (``nbstream/elements/status/``)."""

from __future__ import annotations

from nbstream.testing.elements._base import Element


class ExceptionElement(Element):
    @property
    def message(self) -> str:
        return self._node.props["message"]

    @property
    def stack_trace(self) -> list[str]:
        return list(self._node.props.get("traceback", []))

    @property
    def is_markdown(self) -> bool:
        return False


CLASSES: dict[str, type[Element]] = {"exception": ExceptionElement}
