"""AppWidget: the one anywidget of an app.

Its synced state is what a notebook saves: the last display (``_snapshot``, with the
buffers it refers to in ``_blobs``) and the display settings (``_config``), so a saved
notebook or nbconvert's HTML shows the app without a kernel.  While the app runs,
changes travel as custom messages (render/stream.py), never as state updates, so an
interaction costs only what it changed.  The browser never changes this state: its
messages go through the bridge, and state updates from it are dropped.
"""

from __future__ import annotations

import logging
from typing import Any

import anywidget
import traitlets

from nbstream.render import assets
from nbstream.render.bridge import Bridge
from nbstream.render.stream import Publisher
from nbstream.runtime.session import AppSession

_LOG = logging.getLogger("nbstream")


class AppWidget(anywidget.AnyWidget):
    _esm = traitlets.Unicode("").tag(sync=True)
    _css = traitlets.Unicode("").tag(sync=True)
    _bundle = traitlets.Unicode("").tag(sync=True)
    _snapshot = traitlets.Dict().tag(sync=True)
    _blobs = traitlets.Dict().tag(sync=True)
    _config = traitlets.Dict().tag(sync=True)

    def __init__(
        self, session: AppSession, publisher: Publisher, config: dict[str, Any], *, interactive: bool = True
    ) -> None:
        snapshot, blobs = publisher.snapshot()
        super().__init__(**assets.widget_code(), _snapshot=snapshot, _blobs=blobs, _config=config)
        self.session = session
        self.publisher = publisher
        self.bridge = Bridge(session, publisher, self._reply, interactive=interactive)
        publisher.attach(self._reply)

    def close(self) -> None:
        """Close the display; the app's run_every fragments stop ticking until its next run."""
        self.session.fragments.stop_timers()
        super().close()

    def _reply(self, content: dict[str, Any], buffers: list[bytes]) -> None:
        self.send(content, buffers or None)

    def sync_snapshot(self) -> None:
        """Put the current display into the saved state (after a run the kernel started)."""
        snapshot, blobs = self.publisher.snapshot()
        with self.hold_sync():
            self._snapshot = snapshot
            self._blobs = blobs

    def set_config(self, **changes: Any) -> None:
        self._config = {**self._config, **changes}

    def _handle_msg(self, msg: dict[str, Any]) -> None:
        try:
            data = msg["content"]["data"]
            method = data["method"]
        except (KeyError, TypeError):
            _LOG.warning("nbstream: dropped a widget message without data")
            return
        if method == "custom":
            self.bridge.handle(data.get("content"), msg.get("buffers"))
        elif method == "request_state":
            self.send_state()
        else:
            _LOG.warning(
                "nbstream: dropped a %r widget message (the browser cannot set an app's state)", method
            )
