"""Where an app script's ``print`` goes.

The script runs in its session's runner thread, long after the cell that started the
app has finished, so the kernel would put its output into whichever cell happens to
run at the time.  ``sys.stdout`` and ``sys.stderr`` are wrapped once: writes from a
thread bound to a sink go to that sink (the app's own output, or the kernel log in
Voila); every other thread writes through to the stream as before.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, TextIO

Sink = Callable[[str, str], None]  # (stream name, text)

_sinks: dict[int, Sink] = {}
_lock = threading.Lock()


class ThreadRoutedStream:
    """A text stream that sends the writes of bound threads to their sinks."""

    def __init__(self, wrapped: TextIO, name: str) -> None:
        self._wrapped = wrapped
        self._name = name

    def write(self, text: str) -> int:
        sink = _sinks.get(threading.get_ident())
        if sink is None:
            return self._wrapped.write(text)
        if text:
            sink(self._name, text)
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        if threading.get_ident() not in _sinks:
            self._wrapped.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._wrapped, name)


def install() -> None:
    """Wrap ``sys.stdout`` and ``sys.stderr`` (once; again if someone replaced them)."""
    with _lock:
        for name in ("stdout", "stderr"):
            stream = getattr(sys, name)
            if stream is not None and not isinstance(stream, ThreadRoutedStream):
                setattr(sys, name, ThreadRoutedStream(stream, name))


def bind(sink: Sink) -> None:
    """Send what the calling thread prints to ``sink``."""
    install()
    _sinks[threading.get_ident()] = sink


def unbind(ident: int | None = None) -> None:
    """The calling thread (or thread ``ident``) prints to the ordinary streams again."""
    _sinks.pop(threading.get_ident() if ident is None else ident, None)


def kernel_log(name: str, text: str) -> None:
    """A sink that writes to the kernel process's own stream (the server's terminal)."""
    stream = sys.__stderr__ if name == "stderr" else sys.__stdout__
    if stream is not None:
        stream.write(text)
        stream.flush()
