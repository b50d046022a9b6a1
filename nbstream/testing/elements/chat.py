"""AppTest wrappers of the chat elements (``nbstream/elements/chat/``).

``chat_message`` is a block (``at.chat_message[0]`` has ``.name``, ``.avatar`` and the
accessors of a container); ``chat_input`` submits its text once.
"""

from __future__ import annotations

from typing import Any

from nbstream.testing.elements._base import Element, Widget
from nbstream.testing.errors import AppTestError


class ChatInput(Widget):
    """``set_value("hi")`` submits "hi": the next run gets it, the run after that None."""

    def set_value(self, value: Any) -> ChatInput:
        meta = self.root._widget_meta(self)
        if value is not None:
            meta.serde.deserialize(value)  # what a user could not type, a test cannot send
            self.root._pending_wire[self.id] = value
        else:
            self.root._pending_wire.pop(self.id, None)
        self.root._pending_values[self.id] = value
        return self

    def clear(self) -> ChatInput:
        """Take back a submission set in this test before it ran (the next run gets None)."""
        return self.set_value(None)

    def upload(self, *files: Any) -> ChatInput:
        """Attach files to the next submission: only for a ``chat_input`` that accepts files."""
        raise AppTestError(
            "This chat_input does not accept files: files in chat_input (accept_file) are not "
            "supported by nbstream yet."
        )

    @property
    def placeholder(self) -> str:
        return self._node.props.get("placeholder", "")

    @property
    def max_chars(self) -> int | None:
        return self._node.props.get("max_chars")


CLASSES: dict[str, type[Element]] = {"chat_input": ChatInput}
