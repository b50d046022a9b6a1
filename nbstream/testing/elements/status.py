"""AppTest wrappers of the status elements (``nbstream/elements/status/``): alerts,
exceptions, progress bars and toasts, with Streamlit's fields."""

from __future__ import annotations

from nbstream.testing.elements._base import Element


class Alert(Element):
    """``st.success``/``info``/``warning``/``error``: ``value`` is the message."""

    @property
    def value(self) -> str:
        return self._node.props.get("body", "")

    @property
    def icon(self) -> str:
        """The alert's icon ("" when it has none)."""
        return self._node.props.get("icon") or ""


class Success(Alert):
    pass


class Info(Alert):
    pass


class Warning(Alert):
    pass


class Error(Alert):
    pass


class ExceptionElement(Element):
    """``st.exception`` and uncaught errors: ``value`` is the message (as Streamlit's
    AppTest gives it); the exception's class name is ``proto.type``."""

    @property
    def value(self) -> str:
        return self.message

    @property
    def message(self) -> str:
        return self._node.props["message"]

    @property
    def stack_trace(self) -> list[str]:
        return list(self._node.props.get("traceback", []))

    @property
    def is_markdown(self) -> bool:
        return False


class Progress(Element):
    """``st.progress``: ``value`` is the percentage (0-100), ``text`` the message ("" if none)."""

    @property
    def value(self) -> int:
        return self._node.props["value"]

    @property
    def text(self) -> str:
        return self._node.props.get("text") or ""


class Toast(Element):
    @property
    def value(self) -> str:
        return self._node.props.get("body", "")

    @property
    def icon(self) -> str:
        return self._node.props.get("icon") or ""


CLASSES: dict[str, type[Element]] = {
    "success": Success,
    "info": Info,
    "warning": Warning,
    "error": Error,
    "exception": ExceptionElement,
    "progress": Progress,
    "toast": Toast,
}
