"""The kernel side of one app's display: what the browser shows, and the patches that change it.

A ``Publisher`` listens to its session.  While a run goes on it streams throttled
patches (the run's output so far over what was shown, the rest marked stale); when the
run ends it sends one keyed-diff patch from what is shown to the run's tree.  A run
that finishes faster than the first throttle interval therefore costs exactly one
message, whose size depends on what changed, not on the size of the app.

Messages to the browser (``t`` is the type):

* ``patch``: ``{v, base, ops, run, blobs, drop, seq}`` -- apply ``ops`` (render/diff.py)
  to version ``base`` to get version ``v``.  ``run`` is ``{"fresh": [[path, n], ...]}``
  while a run streams (children from ``n`` on are stale) and null once it has ended.
  ``blobs`` names the message's buffers in order; ``drop`` the buffers no longer used.
* ``snapshot``: ``{v, tree, run, seq, out, blobs}`` -- the whole display (``out``: the
  printed output shown, as ``[stream, text]`` pairs), sent to a browser whose version
  does not match (a new tab, a missed message); also the widget's saved state.
* ``out``: ``{text, stream, clear}`` -- what the script printed (JupyterLab).

Versions make this robust: a browser that sees a ``base`` other than its own version
asks again with ``hello`` and gets a snapshot.

A widget's value is the user's until the kernel has seen it.  The browser numbers its
value messages (``seq``, counted per browser page); a patch says, for each page, up to
which one the kernel had seen (``seq``: {page: n})
when it was made, and the browser keeps its own value for a widget it has changed
since.  On this side, a value the user sent is shown until a run applies it, never an
older run's value (``_pending``).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from nbstream.media_files import MediaStore, media_digests
from nbstream.render import output
from nbstream.render.diff import Op, diff, overlay
from nbstream.render.ticker import Ticker
from nbstream.render.wire import Blobs, WireNode, blob_refs, to_wire
from nbstream.runtime.context import RunContext
from nbstream.runtime.session import AppSession
from nbstream.runtime.tree import Node

_LOG = logging.getLogger("nbstream")

Send = Callable[[dict[str, Any], list[bytes]], None]

# Seconds before a run's first streamed patch, and between streamed patches.
STREAM_INTERVAL = 0.1
# After an interrupted run: how soon to check whether another run follows.
SETTLE_DELAY = 0.05
# Printed text sent per run, at most; the rest is cut with a note.
MAX_OUTPUT_CHARS = 200_000
MAX_PAGES = 64  # browser pages whose sequence numbers (and view counts) are remembered

_MISSING = object()


class Publisher:
    """One app's display state in the kernel; a listener of its session."""

    def __init__(
        self, session: AppSession, *, prints: str = "app", interval: float = STREAM_INTERVAL
    ) -> None:
        self.session = session
        self.interval = interval
        self.prints = prints  # "app": shown under the app; "log": the kernel's own stdout
        self.version = 0
        self._lock = threading.RLock()
        self._send: Send | None = None
        self._media = MediaStore.from_environment()  # large media, served by URL
        self._shown, self._blobs = to_wire(session.tree, self._media)
        self._sent: set[str] = set()
        self._run: RunContext | None = None
        self._fresh: list[list[Any]] | None = None  # the stale marks the browser shows
        self._due = 0.0
        self._settle = False
        self._out: list[tuple[str, str]] = []  # printed, not sent yet
        self._out_shown: list[list[str]] = []  # [stream, text] the browser shows
        self._out_chars = 0
        self._out_clear = False
        # Values the user sent that no finished run has applied yet: shown as the user
        # left them, never replaced by an older run's value (a slider moved twice).
        self._pending: dict[str, Any] = {}
        # Per browser page, its latest value message this side has seen.
        self._seen_seq: dict[str, int] = {}
        self._lingering_told = 0
        self._ticker = Ticker(self._tick, name=f"nbstream-publish-{id(self):x}")
        session.add_listener(self)

    # ---- the browser end ---------------------------------------------------------------

    def attach(self, send: Send) -> None:
        """Send from now on with ``send`` (the widget's custom message)."""
        with self._lock:
            self._send = send

    def snapshot(self) -> tuple[dict[str, Any], Blobs]:
        """The whole display as the widget's saved state, and the buffers it refers to."""
        with self._lock:
            refs = blob_refs(self._shown)
            self._sent |= refs
            state = {
                "v": self.version,
                "tree": self._shown,
                "run": self._run_state(),
                "seq": dict(self._seen_seq),
                "out": self._out_shown,
            }
            return state, {h: self._blobs[h] for h in refs if h in self._blobs}

    def hello(self, version: int) -> None:
        """A browser view started (or lost track) at ``version``: bring it up to date."""
        with self._lock:
            if version == self.version:
                return
            state, blobs = self.snapshot()
            hashes = list(blobs)
            self._emit({"t": "snapshot", **state, "blobs": hashes}, [blobs[h] for h in hashes])

    def browser_values(self, values: dict[str, Any], seq: int | None = None, page: str = "") -> None:
        """The user committed these widget values (validated by the bridge)."""
        with self._lock:
            self._pending.update(values)
            if seq is not None and seq > self._seen_seq.get(page, -1):
                self._seen_seq.pop(page, None)
                self._seen_seq[page] = seq
                while len(self._seen_seq) > MAX_PAGES:  # forget the page heard from longest ago
                    del self._seen_seq[next(iter(self._seen_seq))]

    @property
    def shown(self) -> WireNode:
        with self._lock:
            return self._shown

    def running_root(self) -> Node | None:
        """The tree of the run going on (its elements are streamed before it ends), if any."""
        with self._lock:
            return self._run.root if self._run is not None else None

    def close(self) -> None:
        self.session.remove_listener(self)
        self._ticker.close()
        if self._media is not None:
            self._media.close()

    # ---- session listener ----------------------------------------------------------------

    def run_started(self, ctx: RunContext) -> None:
        if self.prints == "log":
            output.bind(output.kernel_log)
        else:
            output.bind(self._printed)
        self._tell_lingering()
        with self._lock:
            self._run = ctx
            self._settle = False
            self._due = time.monotonic() + self.interval
            self._out_clear = bool(self._out_shown)
            self._out_chars = 0

    def tree_changed(self, ctx: RunContext) -> None:
        if ctx is self._run:
            self._ticker.at(self._due)

    def run_finished(self, ctx: RunContext, completed: bool) -> None:
        output.unbind()
        self.finish(ctx, completed and not ctx.rerun_requested)
        self._tell_lingering()

    def run_abandoned(self, ctx: RunContext, thread_ident: int) -> None:
        """A run blocked in C code was left behind: what it prints or draws is not shown."""
        output.unbind(thread_ident)
        self.finish(ctx, final=False)
        self._tell_lingering()

    def _tell_lingering(self) -> None:
        """Tell the browser how many earlier runs are still finishing (blocked in C code)."""
        count = self.session.lingering
        with self._lock:
            if count == self._lingering_told:
                return
            self._lingering_told = count
        self._emit({"t": "lingering", "n": count}, [])

    def begin(self, ctx: RunContext) -> None:
        """Publish a run that is not the session's (an ordinary cell's st.* calls)."""
        with self._lock:
            self._run = ctx
            self._due = time.monotonic() + self.interval

    def finish(self, ctx: RunContext, final: bool) -> None:
        """A run ended: show its tree (``final``) or keep what is shown until the next run."""
        with self._lock:
            if self._run is ctx:
                self._run = None
            self._flush_output()
            for wid, wire in ctx.changes.items():
                if wid in self._pending and self._pending[wid] == wire:
                    del self._pending[wid]
            if final:
                new, blobs = to_wire(ctx.root, self._media)
                self._mask_pending(new, ctx)
                self._publish(diff(self._shown, new), new, blobs, run=None)
            else:
                self._settle = True
                self._ticker.at(time.monotonic() + SETTLE_DELAY)
            if self._out_clear:
                self._emit({"t": "out", "text": "", "stream": "stdout", "clear": True}, [])
                self._out_clear = False
                self._out_shown = []

    # ---- streaming -------------------------------------------------------------------------

    def _tick(self) -> None:
        with self._lock:
            self._flush_output()
            ctx = self._run
            if ctx is not None:
                self._due = time.monotonic() + self.interval
                self._stream(ctx)
            elif self._settle and self.session.idle:
                # The run was stopped and nothing follows: what is shown is final.
                self._settle = False
                self._publish([], self._shown, self._blobs, run=None)

    def _stream(self, ctx: RunContext) -> None:
        try:
            partial, blobs = to_wire(ctx.root, self._media)
        except (RuntimeError, ValueError):  # the runner changed the tree under us: next tick
            self._ticker.at(time.monotonic() + self.interval)
            return
        self._mask_pending(partial, ctx)
        merged, fresh = overlay(self._shown, partial)
        self._publish(diff(self._shown, merged), merged, {**self._blobs, **blobs}, run=fresh)

    def _mask_pending(self, tree: WireNode, ctx: RunContext) -> None:
        mask = {w: v for w, v in self._pending.items() if ctx.changes.get(w, _MISSING) != v}
        if not mask:
            return
        stack = [tree]
        while stack:
            node = stack.pop()
            wid = node["props"].get("id")
            if isinstance(wid, str) and wid in mask:
                node["props"] = {**node["props"], "value": mask[wid]}
            stack.extend(node.get("children") or ())

    def _publish(self, ops: list[Op], tree: WireNode, blobs: Blobs, run: list[list[Any]] | None) -> None:
        if not ops and run == self._fresh:
            return
        refs = blob_refs(ops) if ops else set()
        new = [h for h in refs if h not in self._sent and h in blobs]
        drop: list[str] = []
        if run is None and (self._sent or blobs):
            live = blob_refs(tree)
            drop = sorted(self._sent - live)
            blobs = {h: b for h, b in blobs.items() if h in live}
        if run is None and self._media is not None:
            self._media.keep(media_digests(tree))
        self._shown, self._blobs, self._fresh = tree, blobs, run
        self._sent = (self._sent | set(new)) - set(drop)
        self.version += 1
        message = {
            "t": "patch",
            "v": self.version,
            "base": self.version - 1,
            "ops": ops,
            "run": self._run_state(),
            "blobs": new,
            "drop": drop,
            "seq": dict(self._seen_seq),
        }
        self._emit(message, [blobs[h] for h in new])

    def _run_state(self) -> dict[str, Any] | None:
        return None if self._fresh is None else {"fresh": self._fresh}

    def _emit(self, message: dict[str, Any], buffers: list[bytes]) -> None:
        send = self._send
        if send is None:
            return
        try:
            send(message, buffers)
        except Exception:
            _LOG.exception("nbstream: could not send to the browser")

    # ---- printed output --------------------------------------------------------------------

    def _printed(self, stream: str, text: str) -> None:
        with self._lock:
            if self._out_chars >= MAX_OUTPUT_CHARS:
                return
            room = MAX_OUTPUT_CHARS - self._out_chars
            if len(text) > room:
                text = text[:room] + "\n[output cut: this run printed more than the app shows]\n"
            self._out_chars += len(text)
            self._out.append((stream, text))
        self._ticker.at(self._due)

    def _flush_output(self) -> None:
        while self._out:
            stream = self._out[0][0]
            parts = []
            while self._out and self._out[0][0] == stream:
                parts.append(self._out.pop(0)[1])
            text = "".join(parts)
            self._emit({"t": "out", "text": text, "stream": stream, "clear": self._out_clear}, [])
            if self._out_clear:
                self._out_shown = []
            self._out_clear = False
            self._out_shown.append([stream, text])
