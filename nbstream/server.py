"""A Jupyter server extension: kernel websockets without Nagle's algorithm, the files of
declared components (``nbstream.component_files``), st.login's handlers
(``nbstream.auth_server``; a login reaches ``st.user`` where Voila passes the kernel the
request's ``Cookie`` header) and large media by URL (``nbstream.media_files``).

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
from pathlib import Path
from typing import Any

_PATCHED = "_nbstream_nodelay"


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "nbstream.server"}]


def _load_jupyter_server_extension(server_app: Any) -> None:
    from jupyter_server.services.kernels.websocket import KernelWebsocketHandler

    from nbstream.auth_server import handlers as login_handlers
    from nbstream.component_files import handlers

    base_url = server_app.web_app.settings.get("base_url", "/")
    server_app.web_app.add_handlers(
        ".*$", [*handlers(base_url), *login_handlers(base_url), *media_handlers(base_url)]
    )
    enable_nodelay(KernelWebsocketHandler)
    if getattr(KernelWebsocketHandler, _PATCHED, False):
        server_app.log.info("nbstream: TCP_NODELAY on kernel websockets")
    from nbstream import config

    if config.get_option("server.enableStaticServing"):
        # Kernels inherit the server's environment: with their notebook's path, this root
        # gives the notebook's folder in page URLs (nbstream.render.app).
        os.environ["NBSTREAM_SERVER_ROOT"] = os.path.abspath(server_app.root_dir)
        add_static_serving(server_app)
        server_app.log.info("nbstream: serving each notebook folder's ./static at app/static/")


def add_static_serving(server_app: Any) -> None:
    """``server.enableStaticServing`` in JupyterLab (and Voila as a server extension): an
    app's ``app/static/<file>`` is the ``static`` folder beside its notebook."""
    from pathlib import Path

    from jupyter_server.base.handlers import JupyterHandler
    from jupyter_server.utils import url_path_join
    from tornado import web

    from nbstream.static_files import JUPYTER_ROUTE, StaticFilesHandler, notebook_static_folder

    root = Path(server_app.root_dir)

    class NotebookStaticHandler(JupyterHandler):
        def set_default_headers(self) -> None:
            super().set_default_headers()
            self.set_header("X-Content-Type-Options", "nosniff")

        @web.authenticated
        def get(self, notebook_dir: str | None, requested: str) -> None:
            self._serve(notebook_dir, requested, body=True)

        @web.authenticated
        def head(self, notebook_dir: str | None, requested: str) -> None:
            self._serve(notebook_dir, requested, body=False)

        def _serve(self, notebook_dir: str | None, requested: str, body: bool) -> None:
            folder = notebook_static_folder(root, notebook_dir)
            if folder is None:
                raise web.HTTPError(404)
            StaticFilesHandler.serve_from(self, folder, requested, body)

    app = server_app.web_app
    route = url_path_join(app.settings["base_url"], JUPYTER_ROUTE)
    app.add_handlers(".*$", [(route, NotebookStaticHandler)])
    # Tornado tries host rules in order: move this one before JupyterLab's, whose
    # /lab/tree/... page handler would answer with the page.
    rules = app.default_router.rules
    rules.insert(0, rules.pop(len(rules) - 2))


def media_handlers(base_url: str) -> list[tuple[str, Any, dict[str, Any]]]:
    """The route of large media (``nbstream.media_files``), behind Jupyter's login, and
    this server's media directory, which the kernels it starts will write to."""
    from jupyter_core.paths import jupyter_runtime_dir
    from jupyter_server.base.handlers import JupyterHandler
    from jupyter_server.utils import url_path_join
    from tornado import web

    from nbstream import media_files

    root = media_files.server_directory(jupyter_runtime_dir())

    class MediaHandler(JupyterHandler):
        def initialize(self, root: str) -> None:
            self.root = Path(root)

        @web.authenticated
        async def get(self, session: str, token: str) -> None:
            await media_files.serve(self, self.root, session, token, body=True)

        @web.authenticated
        async def head(self, session: str, token: str) -> None:
            await media_files.serve(self, self.root, session, token, body=False)

    return [(url_path_join(base_url, media_files.ROUTE), MediaHandler, {"root": str(root)})]


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


def serve_components_in_voila(voila_class: type) -> None:
    """Standalone Voila loads no server extensions: add the component file route to its
    handlers (called from ``etc/jupyter/voila.py``)."""
    if getattr(voila_class, "_nbstream_components", False):
        return
    original = voila_class.init_handlers  # type: ignore[attr-defined]

    @functools.wraps(original)
    def init_handlers(self: Any) -> list[Any]:
        from nbstream.component_files import handlers

        return [*handlers(self.server_url), *media_handlers(self.server_url), *original(self)]

    voila_class.init_handlers = init_handlers  # type: ignore[attr-defined]
    voila_class._nbstream_components = True  # type: ignore[attr-defined]


def serve_logins_in_voila(voila_class: type) -> None:
    """Standalone Voila: st.login's handlers, and the ``Cookie`` header passed to each
    kernel so that ``st.user`` sees the login (called from ``etc/jupyter/voila.py``)."""
    if getattr(voila_class, "_nbstream_logins", False):
        return
    original = voila_class.init_handlers  # type: ignore[attr-defined]

    @functools.wraps(original)
    def init_handlers(self: Any) -> list[Any]:
        from nbstream.auth_server import handlers as login_handlers

        headers = list(self.voila_configuration.http_header_envs)
        if not any(h.lower() == "cookie" for h in headers):
            self.voila_configuration.http_header_envs = [*headers, "Cookie"]
        return [*login_handlers(self.base_url), *original(self)]

    voila_class.init_handlers = init_handlers  # type: ignore[attr-defined]
    voila_class._nbstream_logins = True  # type: ignore[attr-defined]
