"""Reading media arguments: bytes, file-like objects, paths and URLs, and MIME types.

Every medium becomes either ``bytes`` (sent to the browser as a binary buffer, with the
MIME type the kernel decided) or a URL string the browser loads itself.  Only http(s)
and ``data:`` URLs pass: no ``javascript:`` or ``file:`` source ever reaches the page.
"""

from __future__ import annotations

import mimetypes
import os
from pathlib import Path
from typing import Any

from nbstream.runtime.errors import StreamlitAPIException

URL_PREFIXES = ("http://", "https://", "data:")

# Leading bytes of the formats browsers show, and their MIME types.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
    (b"%PDF-", "application/pdf"),
    (b"ID3", "audio/mpeg"),
    (b"OggS", "audio/ogg"),
    (b"fLaC", "audio/flac"),
    (b"\x1aE\xdf\xa3", "video/webm"),
)


def is_url(value: Any) -> bool:
    return isinstance(value, str) and value.strip().lower().startswith(URL_PREFIXES)


def sniff(data: bytes) -> str | None:
    """The MIME type the bytes' own header names, or None."""
    for magic, mime in _SIGNATURES:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "audio/wav"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp":
        return "video/mp4"
    head = data[:1024].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head):
        return "image/svg+xml"
    return None


def mime_of_path(path: str | os.PathLike[str]) -> str | None:
    mime, _ = mimetypes.guess_type(str(path))
    return mime


def read_data(data: Any, what: str) -> tuple[bytes, str | None]:
    """The bytes of ``data`` (bytes, a file-like object, a path) and the MIME type its
    file name suggests (None when there is no name)."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data), None
    if isinstance(data, (str, Path)):
        path = Path(data)
        if not path.is_file():
            raise StreamlitAPIException(f"{what}: no file at {str(data)!r} (and it is not a URL).")
        return path.read_bytes(), mime_of_path(path)
    read = getattr(data, "read", None)
    if callable(read):
        if callable(getattr(data, "seek", None)):
            data.seek(0)
        content = read()
        content = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        name = getattr(data, "name", None)
        return content, getattr(data, "type", None) or (mime_of_path(name) if isinstance(name, str) else None)
    raise StreamlitAPIException(f"{what}: invalid data of type {type(data).__name__}.")


def seconds(value: Any, name: str) -> float | None:
    """A time argument (seconds, a ``timedelta`` or a string like ``"1m 30s"``) in seconds."""
    import datetime as dt

    if value is None:
        return None
    if isinstance(value, bool):
        raise StreamlitAPIException(f"Invalid {name}: {value!r}.")
    if isinstance(value, (int, float)):
        if value < 0:
            raise StreamlitAPIException(f"Invalid {name}: {value!r}. It must be zero or more seconds.")
        return float(value)
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, str):
        import pandas as pd

        try:
            return float(pd.Timedelta(value).total_seconds())
        except ValueError:
            raise StreamlitAPIException(
                f"Failed to convert '{name}' to a timedelta. Please use a string in a format supported "
                f'by Pandas Timedelta constructor, e.g. "10s", "15 seconds", or "1h23s". Got: {value}'
            ) from None
    raise StreamlitAPIException(f"Invalid {name}: {value!r}.")


def check_width(value: Any, *, allow_content: bool = True) -> None:
    words = ("stretch", "content") if allow_content else ("stretch",)
    if value in words or (isinstance(value, int) and not isinstance(value, bool) and value > 0):
        return
    allowed = "'stretch', or 'content'" if allow_content else "or 'stretch'"
    raise StreamlitAPIException(
        f"Invalid width value: {value!r}. Width must be either a positive integer (pixels), {allowed}."
    )
