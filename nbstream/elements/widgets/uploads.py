"""Uploads: st.file_uploader, st.camera_input, st.audio_input.

They are widgets like any other (a key, a callback, a value in Session State) whose
value is one or more files the user sent.  The bytes travel separately, in chunks, and
wait in the session's ``UploadStore`` (runtime/uploads.py); the widget's wire value
only names the files: ``[{"file_id", "name", "type", "size"}, ...]``.  The serde turns
those names back into ``UploadedFile`` objects, checking each file again against the
widget's rules, so a client that skipped the browser's checks gains nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from nbstream import config
from nbstream.elements._base import add_widget, normalize_key, widget_props
from nbstream.elements._sizing import check_width
from nbstream.elements.delta_generator import command
from nbstream.runtime import context
from nbstream.runtime.errors import (
    StreamlitAPIException,
    StreamlitValueAssignmentNotAllowedError,
    StreamlitValueError,
)
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
# The picture heights camera_input(resolution=...) asks the camera for.
CAMERA_RESOLUTIONS = {"480p": 480, "720p": 720, "1080p": 1080}
AUDIO_SAMPLE_RATES = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000)


class UploadSerde:
    """Wire ``[{"file_id", ...}, ...]`` <-> ``UploadedFile`` (or a list of them, or None)."""

    def __init__(self, store: UploadStore, rules: UploadRules, multiple: bool) -> None:
        self.store = store
        self.rules = rules
        self.multiple = multiple

    def serialize(self, value: Any) -> list[dict[str, Any]]:
        files = _as_files(value)
        return [{"file_id": f.file_id, "name": f.name, "type": f.type, "size": f.size} for f in files]

    def deserialize(self, wire: Any) -> Any:
        files = self.files_named(wire, "an uploader's value", "this uploader")
        return files if self.multiple else (files[0] if files else None)

    def files_named(self, refs: Any, what: str, holder: str) -> list[UploadedFile]:
        """The complete uploads ``[{"file_id": ...}, ...]`` names, each checked again
        against the widget's rules (a client may send what its page should have refused)."""
        if not isinstance(refs, list) or len(refs) > MAX_FILES:
            raise InvalidWireValue(f"{what} is a list of files")
        if not self.multiple and len(refs) > 1:
            raise InvalidWireValue(f"{holder} takes one file")
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
        return files

    # ---- the upload's own messages (render/bridge.py) ------------------------------------

    def receive(self, file_id: str, *, name: str, type: str, size: int, offset: int, chunk: Any) -> int:
        """One chunk of a file sent to this widget; the bytes received so far."""
        return self.store.receive(
            self.rules, file_id, name=name, type=type, size=size, offset=offset, chunk=chunk
        )

    def cancel(self, file_id: str) -> None:
        self.store.cancel(file_id)

    def settle(self, widget_id: str, wire: Any) -> None:
        """The widget's value is now ``wire`` (already validated): files it no longer
        holds are forgotten."""
        self.store.hold(widget_id, {item["file_id"] for item in wire})

    def add(self, rec: UploadedFileRec) -> None:
        """A complete file (AppTest's upload), checked like the browser's."""
        self.store.add(self.rules, rec)


def _as_files(value: Any) -> list[UploadedFile]:
    if value is None:
        return []
    files = [value] if isinstance(value, UploadedFile) else list(value)
    if not all(isinstance(f, UploadedFile) for f in files):
        raise TypeError("an uploader holds UploadedFile objects")
    return files


def _rewind(value: Any) -> Any:
    """Every run gets new file objects at position 0 over the same bytes (no copy): a
    script that read a file to its end in the last run reads it whole again."""
    if isinstance(value, UploadedFile):
        return UploadedFile(value.rec)
    if isinstance(value, list):
        return [UploadedFile(f.rec) if isinstance(f, UploadedFile) else f for f in value]
    return value


def normalize_types(
    type: str | Sequence[str] | None, where: str = "`type` of st.file_uploader"
) -> tuple[str, ...] | None:
    """``type=`` as lower-case extensions with their dot ("csv", ".CSV" -> ".csv");
    ``where`` names the argument in the error for an invalid one."""
    if type is None:
        return None
    types = [type] if isinstance(type, str) else list(type)
    out: list[str] = []
    for t in types:
        if not isinstance(t, str) or not t.strip(".").strip():
            raise StreamlitAPIException(f"Invalid file type {t!r} in {where}.")
        ext = "." + t.strip().lstrip(".").lower()
        if ext == ".jpg" or ext == ".jpeg":
            out.extend(e for e in (".jpg", ".jpeg") if e not in out)
        elif ext not in out:
            out.append(ext)
    return tuple(out)


def max_upload_bytes(max_upload_size: int | float | None) -> int:
    """The size limit in bytes: ``max_upload_size`` or ``server.maxUploadSize`` (megabytes)."""
    megabytes = config.get_option("server.maxUploadSize") if max_upload_size is None else max_upload_size
    if isinstance(megabytes, bool) or not isinstance(megabytes, (int, float)) or megabytes <= 0:
        raise StreamlitAPIException(
            f"max_upload_size must be a positive number of megabytes, not {megabytes!r}."
        )
    return int(megabytes * 1024 * 1024)


def _upload_widget(
    kind: str,
    label: str,
    *,
    rules: UploadRules,
    multiple: bool | str,
    key: str | int | None,
    help: str | None,
    on_change: Callable[..., Any] | str | None,
    args: Iterable[Any] | None,
    kwargs: dict[str, Any] | None,
    disabled: bool,
    label_visibility: str,
    width: Any,
    extra: dict[str, Any],
) -> Any:
    ctx = context.require()
    user_key = normalize_key(key)
    if not ctx.session.is_bare and ctx.session.state.is_new_write(user_key):
        raise StreamlitValueAssignmentNotAllowedError(user_key or "", kind)
    props = widget_props(
        label,
        help,
        disabled,
        label_visibility,
        types=list(rules.extensions) if rules.extensions is not None else None,
        max_bytes=rules.max_bytes,
        multiple=multiple,
        width=width,
        **extra,
    )
    identity = {
        "label": props["label"],
        "help": help,
        "types": rules.extensions,
        "multiple": multiple,
        **extra,
    }
    serde = UploadSerde(ctx.session.uploads, rules, multiple is not False)
    return add_widget(
        kind,
        props,
        serde=serde,
        default=[] if multiple is not False else None,
        identity=identity,
        key=key,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        coerce=_rewind,
    )


@command
def file_uploader(
    label: str,
    type: str | Sequence[str] | None = None,
    accept_multiple_files: bool | str = False,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    max_upload_size: int | float | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: Any = "stretch",
) -> Any:
    """Display a file uploader widget.

    Files are limited to ``server.maxUploadSize`` megabytes each (200 by default) or to
    ``max_upload_size``.  The app only ever sees files the user chose.

    Parameters
    ----------
    label : str
        What the uploader is for (Markdown).
    type : str, list of str or None
        The allowed extensions (``"csv"``, ``[".png", "jpg"]``; case-insensitive, with
        or without the dot).  None allows any file.  Checked in the browser and again in
        the kernel.
    accept_multiple_files : bool or "directory"
        True takes several files and returns a list; ``"directory"`` takes every file
        of a folder (names keep their path inside it) and returns a list.
    key, help, on_change, args, kwargs, disabled, label_visibility
        As for other widgets.  The uploader's value cannot be set through Session State.
    max_upload_size : int, float or None
        This widget's limit in megabytes (None: ``server.maxUploadSize``).
    width : "stretch" or int
        The widget's width.

    Returns
    -------
    None, UploadedFile or list of UploadedFile
        ``UploadedFile`` is a ``BytesIO`` with ``name``, ``type``, ``size`` and
        ``file_id``.  With ``accept_multiple_files`` the value is a list (empty when no
        file was uploaded); otherwise one file or None.
    """
    if accept_multiple_files not in (True, False, "directory"):
        raise StreamlitAPIException(
            f'accept_multiple_files must be True, False or "directory", not {accept_multiple_files!r}.'
        )
    rules = UploadRules(normalize_types(type), max_upload_bytes(max_upload_size))
    return _upload_widget(
        "file_uploader",
        label,
        rules=rules,
        multiple=accept_multiple_files,
        key=key,
        help=help,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        disabled=disabled,
        label_visibility=label_visibility,
        width=width,
        extra={},
    )


@command
def camera_input(
    label: str,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    resolution: str | None = None,
    width: Any = "stretch",
) -> UploadedFile | None:
    """Display a widget that takes a picture with the user's webcam.

    Parameters
    ----------
    label : str
        What the picture is for (Markdown).
    resolution : "480p", "720p", "1080p" or None
        The picture's height to ask the camera for (the width follows the camera's
        aspect ratio); None (the default) takes the size the widget is shown at.  The
        browser picks the camera's closest resolution: resize the picture if you need
        exact dimensions.
    width : "stretch" or int
        The widget's width: its container's (default) or a number of pixels.
    key, help, on_change, args, kwargs, disabled, label_visibility
        As for other widgets.

    Returns
    -------
    None or UploadedFile
        The picture as a JPEG ``UploadedFile`` once the user took one; None before.
    """
    if resolution is not None and resolution not in CAMERA_RESOLUTIONS:
        raise StreamlitValueError("resolution", [*(f"'{r}'" for r in CAMERA_RESOLUTIONS), "None"])
    check_width(width, allow_content=False)
    rules = UploadRules((".jpg", ".jpeg"), max_upload_bytes(None))
    return _upload_widget(
        "camera_input",
        label,
        rules=rules,
        multiple=False,
        key=key,
        help=help,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        disabled=disabled,
        label_visibility=label_visibility,
        width=width,
        extra={"resolution": resolution, "resolution_height": CAMERA_RESOLUTIONS.get(resolution or "")},
    )


@command
def audio_input(
    label: str,
    *,
    sample_rate: int | None = 16000,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: Any = "stretch",
) -> UploadedFile | None:
    """Display a widget that records audio with the user's microphone.

    Parameters
    ----------
    sample_rate : int or None
        The recording's sample rate in Hz (8000, 11025, 16000, 22050, 24000, 32000,
        44100 or 48000); None keeps the browser's own rate.

    Returns
    -------
    None or UploadedFile
        The recording as a WAV ``UploadedFile`` once the user made one; None before.
    """
    if sample_rate is not None and sample_rate not in AUDIO_SAMPLE_RATES:
        raise StreamlitAPIException(
            f"Invalid sample_rate: {sample_rate}. Must be one of "
            f"{', '.join(str(r) for r in AUDIO_SAMPLE_RATES)} Hz, or None to use the browser's default."
        )
    rules = UploadRules((".wav",), max_upload_bytes(None))
    return _upload_widget(
        "audio_input",
        label,
        rules=rules,
        multiple=False,
        key=key,
        help=help,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        disabled=disabled,
        label_visibility=label_visibility,
        width=width,
        extra={"sample_rate": sample_rate},
    )
