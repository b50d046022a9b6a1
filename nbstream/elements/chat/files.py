"""Files sent with a chat message: ``st.chat_input(accept_file=...)``.

The files travel like a file_uploader's (render/bridge.py ``upload`` messages, in
chunks, into the session's ``UploadStore``), checked against the same rules (type
filter, size limit).  The submission then names them: the browser's click carries
``{"text": str, "files": [{"file_id", "name", "type", "size"}, ...]}`` and the script
gets a ``ChatInputValue``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

from nbstream.elements.widgets.uploads import UploadSerde
from nbstream.runtime.uploads import UploadedFile, UploadRules, UploadStore
from nbstream.runtime.widgets import InvalidWireValue

ACCEPT_FILE = (True, "multiple", "directory")


class ChatInputValue(MutableMapping[str, Any]):
    """What ``st.chat_input(accept_file=...)`` returns: the message's ``text`` and its
    ``files`` (a list of ``UploadedFile``), by attribute (``value.text``) or key
    (``value["files"]``), as Streamlit's ``ChatInputValue``."""

    _KEYS = ("text", "files")

    def __init__(self, text: str, files: list[UploadedFile] | None = None) -> None:
        self.text = text
        self.files = list(files or [])

    def __getitem__(self, key: str) -> Any:
        if key not in self._KEYS:
            raise KeyError(f"Invalid key: {key}")
        return getattr(self, key)

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in self._KEYS:
            raise KeyError(f"Invalid key: {key}")
        setattr(self, key, value)

    def __delitem__(self, key: str) -> None:
        raise KeyError(f"The {key!r} of a chat input value cannot be removed")

    def __iter__(self) -> Iterator[str]:
        return iter(self._KEYS)

    def __len__(self) -> int:
        return len(self._KEYS)

    def to_dict(self) -> dict[str, Any]:
        """``{"text": ..., "files": [...]}``."""
        return {"text": self.text, "files": list(self.files)}

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ChatInputValue):
            return (self.text, self.files) == (other.text, other.files)
        return NotImplemented

    def __repr__(self) -> str:
        return f"ChatInputValue(text={self.text!r}, files={self.files!r})"


class ChatFilesSerde(UploadSerde):
    """A submission with files: its text and the complete uploads it names, each checked
    again against the widget's rules.  Nothing is sent back to the browser (the box is
    empty after a submission).  The upload messages are a file_uploader's."""

    carries_value = True

    def __init__(
        self, store: UploadStore, rules: UploadRules, multiple: bool, check_text: Callable[[Any], str]
    ) -> None:
        super().__init__(store, rules, multiple)
        self._check_text = check_text  # the text's own checks (a string, at most max_chars)

    def serialize(self, value: Any) -> None:
        return None

    def deserialize(self, wire: Any) -> ChatInputValue:
        if not isinstance(wire, dict) or set(wire) != {"text", "files"}:
            raise InvalidWireValue('a chat submission with files is {"text": ..., "files": [...]}')
        text = self._check_text(wire["text"])
        files = self.files_named(wire["files"], "a chat submission's files", "this chat input")
        return ChatInputValue(text, files)

    def settle(self, widget_id: str, wire: Any) -> None:
        """A submission (already validated) names these files: the files of the widget's
        earlier submissions are forgotten (a script that kept them keeps their bytes)."""
        self.store.hold(widget_id, {ref["file_id"] for ref in wire["files"]})
