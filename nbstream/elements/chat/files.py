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

from nbstream.runtime.uploads import (
    UploadedFile,
    UploadedFileRec,
    UploadRefused,
    UploadRules,
    UploadStore,
    check_file,
)
from nbstream.runtime.widgets import InvalidWireValue

MAX_FILES = 1_000
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


class ChatFilesSerde:
    """A submission with files: its text and the complete uploads it names, each checked
    again against the widget's rules.  Nothing is sent back to the browser (the box is
    empty after a submission)."""

    carries_value = True

    def __init__(
        self, store: UploadStore, rules: UploadRules, multiple: bool, check_text: Callable[[Any], str]
    ) -> None:
        self.store = store
        self.rules = rules
        self.multiple = multiple
        self._check_text = check_text  # the text's own checks (a string, at most max_chars)

    def serialize(self, value: Any) -> None:
        return None

    def deserialize(self, wire: Any) -> ChatInputValue:
        if not isinstance(wire, dict) or set(wire) != {"text", "files"}:
            raise InvalidWireValue('a chat submission with files is {"text": ..., "files": [...]}')
        text = self._check_text(wire["text"])
        refs = wire["files"]
        if not isinstance(refs, list) or len(refs) > MAX_FILES:
            raise InvalidWireValue("a chat submission's files are a list")
        if not self.multiple and len(refs) > 1:
            raise InvalidWireValue("this chat input takes one file")
        files = []
        for ref in refs:
            file_id = ref.get("file_id") if isinstance(ref, dict) else None
            rec = self.store.get(file_id) if isinstance(file_id, str) else None
            if rec is None:
                raise InvalidWireValue(f"no complete upload {file_id!r}")
            try:
                check_file(rec.name, rec.type, len(rec.data), self.rules)
            except UploadRefused as exc:
                raise InvalidWireValue(str(exc)) from None
            files.append(UploadedFile(rec))
        return ChatInputValue(text, files)

    # ---- the upload's own messages (render/bridge.py), as for a file_uploader ---------------

    def receive(self, file_id: str, *, name: str, type: str, size: int, offset: int, chunk: Any) -> int:
        """One chunk of a file attached to the next message; the bytes received so far."""
        return self.store.receive(
            self.rules, file_id, name=name, type=type, size=size, offset=offset, chunk=chunk
        )

    def cancel(self, file_id: str) -> None:
        self.store.cancel(file_id)

    def settle(self, widget_id: str, wire: Any) -> None:
        """A submission (already validated) names these files: the files of the widget's
        earlier submissions are forgotten (a script that kept them keeps their bytes)."""
        self.store.hold(widget_id, {ref["file_id"] for ref in wire["files"]})

    def add(self, rec: UploadedFileRec) -> None:
        """A complete file (AppTest's upload), checked like the browser's."""
        self.store.add(self.rules, rec)
