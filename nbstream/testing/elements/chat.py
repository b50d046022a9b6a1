"""AppTest wrappers of the chat elements (``nbstream/elements/chat/``).

``chat_message`` is a block (``at.chat_message[0]`` has ``.name``, ``.avatar`` and the
accessors of a container); ``chat_input`` submits its text (and staged files) once.
"""

from __future__ import annotations

import uuid
from typing import Any

from nbstream.runtime.uploads import UploadedFileRec, UploadRefused
from nbstream.testing.elements._base import Element, Widget
from nbstream.testing.errors import AppTestError


class ChatInput(Widget):
    """``set_value("hi")`` submits "hi": the next run gets it, the run after that None.

    A chat_input with ``accept_file`` also takes files: ``upload(name, content)`` stages
    one for the next submission (through the widget's own type and size checks, as the
    browser's files do), ``clear()`` takes the staged files back.  Files alone submit a
    message with empty text; the app gets a ``ChatInputValue``.
    """

    def set_value(self, value: str | None) -> ChatInput:
        """Set the message text (None takes it back); files are staged with ``upload``."""
        self._assert_can_interact()
        if value is not None:
            if not isinstance(value, str):
                raise AppTestError(f"A chat message is a string, not {type(value).__name__}.")
            self.root._widget_meta(self)  # the widget must still be in the app
        self.root._pending_values[self.id] = value
        self._stage()
        return self

    def upload(self, filename: str, content: bytes, mime_type: str = "application/octet-stream") -> ChatInput:
        """Stage one file for the next submission: with ``accept_file=True`` it replaces
        a staged file, with ``"multiple"``/``"directory"`` it is one more (a directory's
        file may be named with its path, ``"docs/notes.txt"``).  Raises ``AppTestError``
        for a chat_input without ``accept_file`` and for a file its ``file_type`` or size
        limit refuses."""
        self._assert_can_interact()
        self._assert_accepts_files()
        if not isinstance(filename, str) or filename == "":
            raise AppTestError(f"st.chat_input file names must be a non-empty string. Got {filename!r}.")
        if not isinstance(content, bytes):
            raise AppTestError(f"st.chat_input file content must be bytes. Got {type(content).__name__}.")
        if not isinstance(mime_type, str) or mime_type == "":
            raise AppTestError(
                f"st.chat_input file MIME types must be a non-empty string. Got {mime_type!r}."
            )
        rec = UploadedFileRec(uuid.uuid4().hex, filename, mime_type, content)
        try:
            self.root._widget_meta(self).serde.add(rec)  # type: ignore[attr-defined]
        except UploadRefused as exc:
            raise AppTestError(str(exc)) from None
        staged = self.root._pending_files.setdefault(self.id, [])
        if self._node.props.get("accept_file") is True:
            staged.clear()
        staged.append(rec)
        self._stage()
        return self

    def clear(self) -> ChatInput:
        """Take back the files staged for the next submission (not the text)."""
        self._assert_can_interact()
        self._assert_accepts_files()
        self.root._pending_files.pop(self.id, None)
        self._stage()
        return self

    def _assert_accepts_files(self) -> None:
        if self._node.props.get("accept_file") in (None, False):
            raise AppTestError(
                f"st.chat_input{self._key_part()} does not accept files. "
                "Pass accept_file=True, 'multiple', or 'directory'."
            )

    def _stage(self) -> None:
        """The submission the next run sends, as the browser would send it."""
        root = self.root
        text = root._pending_values.get(self.id)
        files = root._pending_files.get(self.id, [])
        takes_files = self._node.props.get("accept_file") not in (None, False)
        takes_audio = bool(self._node.props.get("accept_audio"))
        if not takes_files and not takes_audio:
            wire: Any = text
        elif text is None and not files:
            wire = None
        else:
            wire = {"text": text or ""}
            if takes_files:
                wire["files"] = [
                    {"file_id": f.file_id, "name": f.name, "type": f.type, "size": len(f.data)} for f in files
                ]
            if takes_audio:
                wire["audio"] = None  # Streamlit's AppTest cannot record either
        if wire is None:
            root._pending_wire.pop(self.id, None)
            return
        root._widget_meta(self).serde.deserialize(wire)  # what a user could not send, a test cannot
        root._pending_wire[self.id] = wire

    @property
    def placeholder(self) -> str:
        return self._node.props.get("placeholder", "")

    @property
    def max_chars(self) -> int | None:
        return self._node.props.get("max_chars")

    @property
    def accept_file(self) -> bool | str:
        """False, True, ``"multiple"`` or ``"directory"``."""
        return self._node.props.get("accept_file", False)

    @property
    def file_type(self) -> list[str]:
        """The allowed extensions (``[".pdf"]``); empty when any file is allowed."""
        return list(self._node.props.get("file_type") or [])


CLASSES: dict[str, type[Element]] = {"chat_input": ChatInput}
