"""st.write_stream: write a stream of text (an LLM's answer) as it arrives."""

from __future__ import annotations

import asyncio
import inspect
import threading
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

from nbstream.elements.delta_generator import command
from nbstream.elements.text import text as texts
from nbstream.elements.text import write as writing
from nbstream.runtime import context
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.tree import Node


def _chunk_text(chunk: Any) -> Any:
    """The text of an OpenAI- or LangChain-style chunk; other chunks as they are.
    None means the chunk carries no text (an OpenAI chunk with an empty delta)."""
    choices = getattr(chunk, "choices", None)
    if isinstance(choices, (list, tuple)) and not isinstance(chunk, (str, dict)):
        if not choices:
            return None
        delta = getattr(choices[0], "delta", None)
        return getattr(delta, "content", None) if delta is not None else None
    if type(chunk).__name__.endswith("MessageChunk") and isinstance(getattr(chunk, "content", None), str):
        return chunk.content
    return chunk


def _sync(stream: AsyncIterator[Any]) -> Iterator[Any]:
    """Iterate an async iterator from the script's (synchronous) thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        loop = asyncio.new_event_loop()
        try:
            while True:
                try:
                    yield loop.run_until_complete(stream.__anext__())
                except StopAsyncIteration:
                    return
        finally:
            loop.close()
    # A loop already runs in this thread (a script run inline): drive the stream on one
    # of its own in a helper thread.
    yield from _in_thread(stream)


def _in_thread(stream: AsyncIterator[Any]) -> Iterator[Any]:
    out: list[Any] = []
    done = threading.Event()

    def next_item() -> None:
        loop = asyncio.new_event_loop()
        try:
            out.append(("ok", loop.run_until_complete(stream.__anext__())))
        except StopAsyncIteration:
            out.append(("end", None))
        except BaseException as exc:
            out.append(("err", exc))
        finally:
            loop.close()
            done.set()

    while True:
        done.clear()
        out.clear()
        threading.Thread(target=next_item, daemon=True).start()
        done.wait()
        kind, item = out[0]
        if kind == "end":
            return
        if kind == "err":
            raise item
        yield item


def _iterate(stream: Any) -> Iterable[Any]:
    if inspect.isgeneratorfunction(stream) or inspect.isasyncgenfunction(stream):
        stream = stream()
    if isinstance(stream, (str, bytes)) or writing._is_dataframe_like(stream):
        raise StreamlitAPIException(
            f"`st.write_stream` expects a generator or stream-like object as input not {type(stream)}. "
            "Please use `st.write` instead for this data type."
        )
    if hasattr(stream, "__aiter__"):
        return _sync(stream.__aiter__())
    if hasattr(stream, "__iter__"):
        return stream
    raise StreamlitAPIException(
        f"`st.write_stream` expects a generator or stream-like object as input not {type(stream)}. "
        "Please use `st.write` instead for this data type."
    )


class _Typewriter:
    """One markdown element that grows as text arrives: each chunk appends to its body,
    which the render layer sends as an append, not the whole text again."""

    def __init__(self, cursor: str | None = None) -> None:
        self.text = ""
        self.cursor = cursor
        self._node: Node | None = None

    def add(self, piece: str) -> None:
        ctx = context.require()
        ctx.check_interrupt()
        self.text += piece
        if self._node is None:
            slot = texts.markdown(self.text)
            parent, index = slot._slot  # type: ignore[misc]
            assert parent.children is not None
            self._node = parent.children[index]
            if self.cursor is not None:
                # The cursor is its own prop, so the body still grows by appends.
                self._node.props["cursor"] = self.cursor
                ctx.changed()
        else:
            # As st.markdown shows it (dedented, stripped): still a prefix of the next text.
            # Dedenting scans the whole text: only do it when some line is indented.
            indented = self.text[:1].isspace() or "\n " in self.text or "\n\t" in self.text
            self._node.props["body"] = texts.clean_text(self.text) if indented else self.text.strip()
            ctx.changed()

    def finish(self) -> None:
        """The text is complete: the cursor goes."""
        if self._node is not None and self._node.props.pop("cursor", None) is not None:
            ctx = context.get()
            if ctx is not None:
                ctx.changed()


@command
def write_stream(stream: Any, *, cursor: str | None = None) -> list[Any] | str:
    """Write a stream to the app, chunk by chunk, as it arrives.

    Text chunks appear one after the other in one Markdown element, like a typewriter;
    any other chunk (a DataFrame, a chart, a dict) is written with ``st.write`` where it
    comes in the stream, and the text after it starts a new element.

    Parameters
    ----------
    stream : generator, iterable, async generator or stream-like object
        The chunks: strings or any object ``st.write`` takes.  A generator function is
        called first.  OpenAI chat-completion chunks (``chunk.choices[0].delta.content``)
        and LangChain message chunks (``chunk.content``) are read for their text.
    cursor : str or None
        A string shown after the text while it is being written (an emoji, an emoji
        shortcode, a ``:material/icon_name:`` icon, "▌"); it goes when the text is
        complete.  Its first line is inline Markdown; further lines show below the
        text as Markdown.  None (the default): no cursor.

    Returns
    -------
    str or list
        The full text, if the stream held only text; else the list of everything
        written, in order (runs of text joined into one string).
    """
    written: list[Any] = []
    typing: _Typewriter | None = None
    shown = None if cursor is None else str(cursor)
    try:
        for chunk in _iterate(stream):
            typing = _take(chunk, typing, written, shown)
    finally:
        if typing is not None:
            typing.finish()
    if typing is not None:
        written.append(typing.text)
    if len(written) == 1 and isinstance(written[0], str):
        return written[0]
    return written


def _take(
    chunk: Any, typing: _Typewriter | None, written: list[Any], cursor: str | None
) -> _Typewriter | None:
    """Write one chunk; return the typewriter the next text chunk goes to."""
    item = _chunk_text(chunk)
    if item is None:
        return typing
    if isinstance(item, str):
        if not item:
            return typing
        if typing is None:
            typing = _Typewriter(cursor)
        typing.add(item)
        return typing
    if typing is not None:
        typing.finish()
        written.append(typing.text)
    writing.write(item)
    written.append(item)
    return None
