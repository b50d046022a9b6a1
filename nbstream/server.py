"""A Jupyter server extension: kernel websockets without Nagle's algorithm.

A click in an app is one small websocket message each way.  With Nagle's algorithm on,
the server's socket holds a small message back until the previous one is acknowledged,
and the browser acknowledges late (delayed ACKs): clicks in JupyterLab took ~46 ms
here, ~10 ms with TCP_NODELAY.  Tornado can set it per connection; this extension sets
it on every kernel websocket the server opens.

Enabled by ``etc/jupyter/jupyter_server_config.d/nbstream.json`` (installed with the
package); ``jupyter server extension disable nbstream.server`` turns it off.  Standalone
Voila loads no server extensions: ``etc/jupyter/voila.py`` (also installed) does the
same there.
"""

from __future__ import annotations

import functools
import os
from typing import Any

_PATCHED = "_nbstream_nodelay"


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "nbstream.server"}]


def _load_jupyter_server_extension(server_app: Any) -> None:
    from jupyter_server.services.kernels.websocket import KernelWebsocketHandler

    enable_nodelay(KernelWebsocketHandler)
    if getattr(KernelWebsocketHandler, _PATCHED, False):
        server_app.log.info("nbstream: TCP_NODELAY on kernel websockets")


def enable_nodelay(handler_class: type) -> None:
    """Make ``handler_class`` (a tornado WebSocketHandler) open its sockets with TCP_NODELAY.

    ``NBSTREAM_TCP_NODELAY=0`` in the server's environment leaves the sockets alone.
    """
    if getattr(handler_class, _PATCHED, False) or os.environ.get("NBSTREAM_TCP_NODELAY", "1") == "0":
        return
    original = handler_class.open  # type: ignore[attr-defined]

    @functools.wraps(original)
    def open_without_nagle(self: Any, *args: Any, **kwargs: Any) -> Any:
        self.set_nodelay(True)
        return original(self, *args, **kwargs)

    handler_class.open = open_without_nagle  # type: ignore[attr-defined]
    setattr(handler_class, _PATCHED, True)
