"""Files a user uploads: received in chunks, checked, and held once per session.

The browser sends each file as binary chunks in order (render/bridge.py: ``upload``
messages).  A file is written into one growing buffer as it arrives and becomes an
``UploadedFile`` only when its last byte is in: a broken or abandoned upload never
reaches a widget's value.  Every limit is checked here, in the kernel, whatever the
browser checked already: the widget's allowed extensions, its size limit, the declared
size, the order of the chunks.

``UploadedFile`` objects share the bytes of their record (``BytesIO`` over a ``bytes``
object does not copy), so every run hands the script a fresh file at position 0 without
copying the upload.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass, field
from typing import Any

MAX_PENDING = 16  # unfinished uploads per session; the oldest is dropped beyond this
MAX_NAME_CHARS = 1_000
MAX_TYPE_CHARS = 200
MAX_ID_CHARS = 100


class UploadRefused(ValueError):
    """An upload (or a chunk of one) the widget does not accept; the message says why."""


@dataclass(frozen=True, slots=True)
class UploadedFileRec:
    """One complete upload: what the user sent, as the kernel holds it."""

    file_id: str
    name: str
    type: str
    data: bytes


class UploadedFile(io.BytesIO):
    """A file the user uploaded: a ``BytesIO`` with its ``name``, MIME ``type``, ``size``
    and ``file_id`` (Streamlit's ``UploadedFile``).  It reads like an open binary file
    (``pd.read_csv(f)``, ``PIL.Image.open(f)``, ``f.getvalue()``)."""

    def __init__(self, rec: UploadedFileRec) -> None:
        super().__init__(rec.data)
        self._rec = rec
        self.file_id = rec.file_id
        self.name = rec.name
        self.type = rec.type
        self.size = len(rec.data)

    @property
    def rec(self) -> UploadedFileRec:
        return self._rec

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UploadedFile) and other.file_id == self.file_id and other.size == self.size

    def __hash__(self) -> int:
        return hash(self.file_id)

    def __repr__(self) -> str:
        fields = f"file_id={self.file_id!r}, name={self.name!r}, type={self.type!r}, size={self.size}"
        return f"UploadedFile({fields})"

    def __reduce__(self) -> Any:  # picklable: runner.enforceSerializableSessionState
        return (UploadedFile, (self._rec,))


@dataclass(frozen=True, slots=True)
class UploadRules:
    """What one uploader widget accepts: extensions (lower case, with the dot; None: any)
    and the largest file in bytes."""

    extensions: tuple[str, ...] | None
    max_bytes: int


@dataclass(slots=True)
class _Partial:
    name: str
    type: str
    size: int
    buffer: io.BytesIO = field(default_factory=io.BytesIO)


class UploadStore:
    """The uploads of one session, by file ID.  Thread-safe: chunks arrive on the kernel's
    message thread while the script reads values on its runner thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._partial: dict[str, _Partial] = {}
        self._done: dict[str, UploadedFileRec] = {}
        self._held: dict[str, set[str]] = {}  # widget ID -> the file IDs its value holds

    def receive(
        self, rules: UploadRules, file_id: str, *, name: str, type: str, size: int, offset: int, chunk: Any
    ) -> int:
        """Take one chunk of a file; return the bytes received so far.

        The first chunk (offset 0) starts the file, after checking its name, type and
        declared size against the widget's rules.  Raises ``UploadRefused`` (and forgets
        the partial file) for anything out of line.
        """
        check_id(file_id)
        data = memoryview(chunk).cast("B")
        with self._lock:
            if file_id in self._done:
                raise UploadRefused(f"file {file_id!r} was already uploaded")
            part = self._partial.get(file_id)
            if part is None:
                if offset != 0:
                    raise UploadRefused("an upload must start at offset 0")
                check_file(name, type, size, rules)
                part = _Partial(name, type, size)
                self._partial[file_id] = part
                while len(self._partial) > MAX_PENDING:
                    del self._partial[next(iter(self._partial))]
            elif (name, type, size) != (part.name, part.type, part.size):
                del self._partial[file_id]
                raise UploadRefused("the file changed during its upload")
            received = part.buffer.tell()
            if offset != received:
                del self._partial[file_id]
                raise UploadRefused(f"chunk at offset {offset}, expected {received}")
            if received + data.nbytes > part.size:
                del self._partial[file_id]
                raise UploadRefused(f"more bytes than the declared {part.size}")
            part.buffer.write(data)
            received += data.nbytes
            if received == part.size:
                del self._partial[file_id]
                # getvalue() hands over the buffer's own bytes object: no copy of the file.
                content = part.buffer.getvalue()
                self._done[file_id] = UploadedFileRec(file_id, part.name, part.type, content)
            return received

    def cancel(self, file_id: str) -> None:
        """Forget an unfinished upload (the user removed it, or its transfer broke)."""
        with self._lock:
            self._partial.pop(file_id, None)

    def get(self, file_id: str) -> UploadedFileRec | None:
        with self._lock:
            return self._done.get(file_id)

    def add(self, rules: UploadRules, rec: UploadedFileRec) -> None:
        """Store a complete file (AppTest's upload), after the same checks as the browser's."""
        check_id(rec.file_id)
        check_file(rec.name, rec.type, len(rec.data), rules)
        with self._lock:
            if rec.file_id in self._done:
                raise UploadRefused(f"file {rec.file_id!r} was already uploaded")
            self._done[rec.file_id] = rec

    def hold(self, widget_id: str, file_ids: set[str]) -> None:
        """Widget ``widget_id`` now holds these files: forget the files it held before and
        no widget holds now.  (A script that kept an ``UploadedFile`` keeps its bytes.)"""
        with self._lock:
            before = self._held.get(widget_id, set())
            self._held[widget_id] = set(file_ids)
            still = set().union(*self._held.values())
            for file_id in before - still:
                self._done.pop(file_id, None)

    @property
    def pending_bytes(self) -> int:
        """Bytes held by unfinished uploads (tests, diagnostics)."""
        with self._lock:
            return sum(p.buffer.tell() for p in self._partial.values())

    def __len__(self) -> int:
        with self._lock:
            return len(self._done)


def check_id(file_id: Any) -> None:
    if not isinstance(file_id, str) or not 0 < len(file_id) <= MAX_ID_CHARS:
        raise UploadRefused("a file ID must be a short non-empty string")


def extension_of(name: str) -> str:
    """The file's extension, lower case with its dot ("" for none)."""
    base = name.rsplit("/", 1)[-1]
    dot = base.rfind(".")
    return base[dot:].lower() if dot > 0 else ""


def check_file(name: Any, type: Any, size: Any, rules: UploadRules) -> None:
    """Raise ``UploadRefused`` unless a file of this name, type and size may be uploaded."""
    if not isinstance(name, str) or not 0 < len(name) <= MAX_NAME_CHARS or "\x00" in name:
        raise UploadRefused("a file needs a name")
    if not isinstance(type, str) or len(type) > MAX_TYPE_CHARS:
        raise UploadRefused("a file's type must be a short string")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise UploadRefused("a file's size must be a whole number of bytes")
    if size > rules.max_bytes:
        raise UploadRefused(f"File must be {_megabytes(rules.max_bytes)}MB or smaller.")
    if rules.extensions is not None and not any(name.lower().endswith(ext) for ext in rules.extensions):
        raise UploadRefused(f"{extension_of(name) or name} files are not allowed.")


def _megabytes(limit: int) -> str:
    mb = limit / (1024 * 1024)
    return str(int(mb)) if mb == int(mb) else f"{mb:.1f}"
