"""The page a visitor gets: no notebook and no code, only the app's front end.

It loads the bundle (nbstream/static, served at ``nbstream/static/``) and starts it
over the serve websocket (js/src/serve.js); the kernels are warm already, so the first
paint waits for one run of the app, never for a kernel start.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_path_join
from tornado import web

from nbstream import media_files
from nbstream.render import assets

STATIC_ROUTE = "nbstream/static/(.*)"

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<script id="jupyter-config-data" type="application/json">{config}</script>
<link rel="stylesheet" href="{static}app.css?v={build}">
<style>html, body {{ margin: 0; height: 100%; }} #nbstream-app {{ min-height: 100vh; }}</style>
</head>
<body>
<div id="nbstream-app"></div>
<script type="module">
import * as bundle from "{static}app.js?v={build}";
bundle.serve(document.getElementById("nbstream-app"), {{ socket: {socket} }});
</script>
</body>
</html>
"""


def static_folder() -> str:
    return str(assets.STATIC)


class PageHandler(JupyterHandler):  # type: ignore[misc]
    """GET /: the app's page."""

    @web.authenticated
    def get(self, *args: Any) -> None:
        base = self.base_url
        self.xsrf_token  # noqa: B018 -- sets the _xsrf cookie the page's requests carry
        static = url_path_join(base, "nbstream/static/")
        socket = url_path_join(base, "_nbstream/ws")
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(
            PAGE.format(
                title=html.escape(self.settings.get("nbstream_title", "nbstream")),
                config=json.dumps({"baseUrl": base}).replace("<", "\\u003c"),
                static=html.escape(static),
                build=html.escape(assets.manifest()["hash"]),
                socket=json.dumps(socket),
            )
        )


class MediaHandler(JupyterHandler):  # type: ignore[misc]
    """GET/HEAD nbstream/media/<session>/<token>: a large medium of one tab's session
    (``nbstream.media_files``: only with that session's key cookie; ``Range`` honoured)."""

    def initialize(self, root: str) -> None:
        self.root = Path(root)

    @web.authenticated
    async def get(self, session: str, token: str) -> None:
        await media_files.serve(self, self.root, session, token, body=True)

    @web.authenticated
    async def head(self, session: str, token: str) -> None:
        await media_files.serve(self, self.root, session, token, body=False)
