"""AppTest wrappers of the upload widgets (``nbstream/elements/widgets/uploads.py``).

Streamlit's AppTest cannot upload; nbstream's can::

    at.file_uploader[0].upload("data.csv", b"a,b\\n1,2\\n", "text/csv").run()
    at.file_uploader[0].remove("data.csv").run()

An upload goes through the widget's own checks (extensions, size limit, one file or
several), as a browser's does: a refused file raises ``UploadRefused`` with the
message the browser would show.
"""

from __future__ import annotations

import mimetypes
import uuid
from typing import Any

from nbstream.runtime.uploads import UploadedFile, UploadedFileRec, UploadRefused
from nbstream.testing.elements._base import Element, Widget


class FileUploader(Widget):
    @property
    def files(self) -> list[UploadedFile]:
        """The files the widget holds (or will hold in the next run)."""
        value = self.value
        if value is None:
            return []
        return list(value) if isinstance(value, list) else [value]

    @property
    def multiple(self) -> bool:
        return self._node.props.get("multiple") is not False

    def upload(self, name: str, data: bytes | str, type: str | None = None) -> FileUploader:
        """Upload a file as a user would: one more file for a multiple uploader, the only
        file for a single one.  ``type`` defaults to the MIME type of the name's extension."""
        content = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        mime = type if type is not None else (mimetypes.guess_type(name)[0] or "application/octet-stream")
        rec = UploadedFileRec(uuid.uuid4().hex, name, mime, content)
        serde = self.root._widget_meta(self).serde
        serde.add(rec)  # type: ignore[attr-defined]
        files = [*self.files, UploadedFile(rec)] if self.multiple else [UploadedFile(rec)]
        return self._set_files(files)

    def remove(self, file: str | int) -> FileUploader:
        """Remove an uploaded file, by name or position (the "x" next to it)."""
        files = self.files
        index = (
            file if isinstance(file, int) else next((i for i, f in enumerate(files) if f.name == file), None)
        )
        if index is None or not -len(files) <= index < len(files):
            raise UploadRefused(f"no uploaded file {file!r}")
        del files[index]
        return self._set_files(files)

    def clear(self) -> FileUploader:
        """Remove every file."""
        return self._set_files([])

    def _set_files(self, files: list[UploadedFile]) -> FileUploader:
        value: Any = files if self.multiple else (files[0] if files else None)
        self.set_value(value)
        return self


class CameraInput(FileUploader):
    def take_picture(self, jpeg: bytes, name: str = "image.jpg") -> CameraInput:
        """The user took a picture (JPEG bytes)."""
        self.upload(name, jpeg, "image/jpeg")
        return self


class AudioInput(FileUploader):
    def record(self, wav: bytes, name: str = "audio.wav") -> AudioInput:
        """The user recorded audio (WAV bytes)."""
        self.upload(name, wav, "audio/wav")
        return self


CLASSES: dict[str, type[Element]] = {
    "file_uploader": FileUploader,
    "camera_input": CameraInput,
    "audio_input": AudioInput,
}
