"""st.audio and st.video: players for bytes, files, URLs, file-like objects and NumPy audio."""

from __future__ import annotations

import io
import wave
from typing import Any

from nbstream.elements._alt import normalize_alt
from nbstream.elements._base import add_element
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.elements.media._source import check_width, is_url, read_data, seconds, sniff
from nbstream.runtime.errors import StreamlitAPIException


def numpy_wav(data: Any, sample_rate: int) -> bytes:
    """A NumPy array as 16-bit PCM WAV: shape (samples,) is mono, (channels, samples) has
    one row per channel.  The samples are scaled so the loudest one is full scale."""
    import numpy as np

    array = np.asarray(data, dtype=np.float64)
    if array.ndim == 1:
        channels = 1
    elif array.ndim == 2:
        channels = array.shape[0]
        array = array.T.ravel()  # interleaved: one frame holds one sample per channel
    else:
        raise StreamlitAPIException("Numpy array audio input must be a 1D or 2D array.")
    if array.size == 0:
        raise StreamlitAPIException("Numpy array audio input is empty.")
    peak = float(np.max(np.abs(array)))
    scaled = np.zeros(array.shape, np.int16) if peak == 0 else (array / peak * 32767).astype(np.int16)
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(2)
        wav.setframerate(sample_rate)
        wav.writeframes(scaled.tobytes())
    return out.getvalue()


def _is_array(data: Any) -> bool:
    return type(data).__module__ == "numpy" and hasattr(data, "ndim")


def _source(data: Any, format: str, what: str) -> tuple[Any, str]:
    if is_url(data):
        return data.strip(), format
    content, named = read_data(data, what)
    return content, _format(format, sniff(content), named)


def _format(given: str, sniffed: str | None, named: str | None) -> str:
    """The MIME type sent: the one the caller gave, unless it is only the default and
    the data names its own."""
    return given if given not in ("audio/wav", "video/mp4") else (sniffed or named or given)


def _times(start_time: Any, end_time: Any) -> tuple[float, float | None]:
    start = seconds(start_time, "start_time") or 0.0
    end = seconds(end_time, "end_time")
    if end is not None and end <= start:
        raise StreamlitAPIException("end_time must be greater than start_time.")
    return start, end


@command
def audio(
    data: Any,
    format: str = "audio/wav",
    start_time: Any = 0,
    *,
    sample_rate: int | None = None,
    end_time: Any = None,
    loop: bool = False,
    autoplay: bool = False,
    alt: str | None = None,
    width: Any = "stretch",
) -> DeltaGenerator:
    """Display an audio player.

    Parameters
    ----------
    data : bytes, str, path, file-like or NumPy array
        The audio: raw file bytes, a path, a URL, an open file, or a NumPy array of
        samples (shape (samples,) or (channels, samples)) with ``sample_rate``.
    format : str
        The MIME type ("audio/wav" by default; the data's own type wins over that default).
    start_time, end_time : int, float, timedelta, str or None
        Where playback starts and stops (seconds, or a string like "1m 30s").
    sample_rate : int or None
        Samples per second of a NumPy array (required for one).
    loop, autoplay : bool
        Loop the audio; start playing at once.
    alt : str or None
        A description of the audio for screen readers (the player's accessible name);
        blank text is None.
    width : "stretch" or int
        The player's width.
    """
    check_width(width, allow_content=False)
    start, end = _times(start_time, end_time)
    if _is_array(data):
        if sample_rate is None:
            raise StreamlitAPIException("`sample_rate` must be provided with numpy audio data.")
        src, mime = numpy_wav(data, int(sample_rate)), "audio/wav"
    else:
        if sample_rate is not None:
            raise StreamlitAPIException("`sample_rate` applies only to numpy audio data.")
        src, mime = _source(data, format, "st.audio")
    props = {"src": src, "mime": mime, "start_time": start, "end_time": end, "loop": bool(loop)}
    props.update(autoplay=bool(autoplay), width=width, alt=normalize_alt(alt))
    return add_element("audio", props)


def _subtitles(subtitles: Any) -> list[dict[str, Any]]:
    if subtitles is None:
        return []
    tracks = subtitles.items() if isinstance(subtitles, dict) else [("default", subtitles)]
    out = []
    for label, track in tracks:
        if isinstance(track, str) and not track.lstrip().startswith("WEBVTT") and "-->" in track:
            text = track  # SRT or cue text given inline
        elif isinstance(track, str) and track.lstrip().startswith("WEBVTT"):
            text = track
        else:
            content, _ = read_data(track, "st.video subtitles")
            text = content.decode("utf-8-sig")
        out.append({"label": str(label), "vtt": as_vtt(text).encode("utf-8")})
    return out


def as_vtt(text: str) -> str:
    """Subtitles as WebVTT: SRT (numbered cues, comma decimals) is converted."""
    body = text.replace("\r\n", "\n").lstrip("\ufeff")
    if body.lstrip().startswith("WEBVTT"):
        return body
    lines = []
    for line in body.split("\n"):
        if "-->" in line:
            line = line.replace(",", ".")
        lines.append(line)
    return "WEBVTT\n\n" + "\n".join(lines).strip() + "\n"


@command
def video(
    data: Any,
    format: str = "video/mp4",
    start_time: Any = 0,
    *,
    subtitles: Any = None,
    end_time: Any = None,
    loop: bool = False,
    autoplay: bool = False,
    muted: bool = False,
    alt: str | None = None,
    width: Any = "stretch",
) -> DeltaGenerator:
    """Display a video player.

    Parameters
    ----------
    data : bytes, str, path or file-like
        The video: raw file bytes, a path, a URL or an open file.
    format : str
        The MIME type ("video/mp4" by default; the data's own type wins over that default).
    start_time, end_time : int, float, timedelta, str or None
        Where playback starts and stops (seconds, or a string like "1m 30s").
    subtitles : str, path, bytes, file-like, dict or None
        WebVTT or SRT subtitles (text, a file, or bytes); a dict maps track labels
        to subtitles, for several languages.
    loop, autoplay, muted : bool
        Loop the video; start playing at once (browsers require ``muted`` for that);
        start muted.
    alt : str or None
        A description of the video for screen readers (the player's accessible name);
        blank text is None.
    width : "stretch" or int
        The player's width.
    """
    check_width(width, allow_content=False)
    start, end = _times(start_time, end_time)
    src, mime = _source(data, format, "st.video")
    props = {"src": src, "mime": mime, "start_time": start, "end_time": end, "loop": bool(loop)}
    props.update(autoplay=bool(autoplay), muted=bool(muted), width=width, subtitles=_subtitles(subtitles))
    props["alt"] = normalize_alt(alt)
    return add_element("video", props)
