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
from nbstream.runtime.uploads import UploadedFile, UploadRefused, UploadRules, UploadStore, check_file
from nbstream.runtime.widgets import InvalidWireValue

ACCEPT_FILE = (True, "multiple", "directory")


class ChatInputValue(MutableMapping[str, Any]):
    """What ``st.chat_input(accept_file=..., accept_audio=...)`` returns: the message's
    ``text``, with ``accept_file`` its ``files`` (a list of ``UploadedFile``), with
    ``accept_audio`` its ``audio`` (an ``UploadedFile`` of type audio/wav, or None), by
    attribute (``value.text``) or key (``value["files"]``), as Streamlit's
    ``ChatInputValue``."""

    def __init__(
        self,
        text: str,
        files: list[UploadedFile] | None = None,
        audio: UploadedFile | None = None,
        *,
        keys: tuple[str, ...] = ("text", "files"),
    ) -> None:
        self._keys = keys
        self.text = text
        self.files = list(files or [])
        self.audio = audio

    def __getitem__(self, key: str) -> Any:
        if key not in self._keys:
            raise KeyError(f"Invalid key: {key}")
        return getattr(self, key)

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in self._keys:
            raise KeyError(f"Invalid key: {key}")
        setattr(self, key, value)

    def __delitem__(self, key: str) -> None:
        raise KeyError(f"The {key!r} of a chat input value cannot be removed")

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def to_dict(self) -> dict[str, Any]:
        """``{"text": ..., "files": [...], "audio": ...}`` (the keys this input has)."""
        return {key: list(self.files) if key == "files" else getattr(self, key) for key in self._keys}

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ChatInputValue):
            return self.to_dict() == other.to_dict()
        return NotImplemented

    def __repr__(self) -> str:
        return f"ChatInputValue({', '.join(f'{k}={getattr(self, k)!r}' for k in self._keys)})"


class ChatFilesSerde(UploadSerde):
    """A submission with files and/or a recording: its text, the complete uploads it
    names, each checked again against the widget's rules, and the recorded WAV.  Nothing
    is sent back to the browser (the box is empty after a submission).  The upload
    messages are a file_uploader's; with ``accept_audio`` they also take ``.wav``."""

    carries_value = True

    def __init__(
        self,
        store: UploadStore,
        rules: UploadRules,
        multiple: bool,
        check_text: Callable[[Any], str],
        *,
        accept_file: bool = True,
        accept_audio: bool = False,
    ) -> None:
        super().__init__(store, rules, multiple)
        self._check_text = check_text  # the text's own checks (a string, at most max_chars)
        self.accept_file, self.accept_audio = accept_file, accept_audio
        self.keys = ("text",) + (("files",) if accept_file else ()) + (("audio",) if accept_audio else ())
        self.audio_rules = UploadRules((".wav",), rules.max_bytes)
        extensions = rules.extensions if accept_file else ()
        if accept_audio and extensions is not None:
            extensions = (*extensions, ".wav")
        self.upload_rules = UploadRules(extensions, rules.max_bytes)

    def serialize(self, value: Any) -> None:
        return None

    def deserialize(self, wire: Any) -> ChatInputValue:
        if not isinstance(wire, dict) or set(wire) != set(self.keys):
            raise InvalidWireValue(f"a chat submission is a dict of {', '.join(self.keys)}")
        text = self._check_text(wire["text"])
        files = (
            self.files_named(wire["files"], "a chat submission's files", "this chat input")
            if self.accept_file
            else []
        )
        return ChatInputValue(text, files, self._audio(wire.get("audio")), keys=self.keys)

    def _audio(self, ref: Any) -> UploadedFile | None:
        """The recording a submission names: one complete ``.wav`` upload of type audio/wav."""
        if ref is None:
            return None
        rec = (
            self.store.get(ref.get("file_id"))
            if isinstance(ref, dict) and isinstance(ref.get("file_id"), str)
            else None
        )
        if rec is None:
            raise InvalidWireValue(f"no complete recording {ref!r}")
        try:
            check_file(rec.name, rec.type, len(rec.data), self.audio_rules)
        except UploadRefused as exc:
            raise InvalidWireValue(str(exc)) from None
        if rec.type != "audio/wav":
            raise InvalidWireValue(f"a recording is audio/wav, not {rec.type!r}")
        return UploadedFile(rec)

    def receive(self, file_id: str, *, name: str, type: str, size: int, offset: int, chunk: Any) -> int:
        """One chunk of an attached file or of a recording."""
        return self.store.receive(
            self.upload_rules, file_id, name=name, type=type, size=size, offset=offset, chunk=chunk
        )

    def settle(self, widget_id: str, wire: Any) -> None:
        """A submission (already validated) names these uploads: the files of the widget's
        earlier submissions are forgotten (a script that kept them keeps their bytes)."""
        held = {ref["file_id"] for ref in wire.get("files", [])}
        if wire.get("audio"):
            held.add(wire["audio"]["file_id"])
        self.store.hold(widget_id, held)
