"""The Jupyter server's side of declared components: serves their build folders.

``GET {base_url}nbstream/components/<id>/<file>`` answers a file of a folder a kernel
registered (``elements/components/registry.py``), with its content type; a path that
leaves the folder, an unknown ID or a missing file is a 404.  Component frames are
sandboxed without same-origin (an opaque origin), so the files are served with
``Access-Control-Allow-Origin: *`` for module scripts, as JupyterLab serves extension
assets: build folders of installed packages, with no user data.
"""

from __future__ import annotations

import mimetypes
from typing import Any

import tornado.web

from nbstream.elements.components import registry

ROUTE = r"/nbstream/components/([0-9a-f]{16})/(.*)"

_TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".html": "text/html",
    ".json": "application/json",
    ".map": "application/json",
    ".svg": "image/svg+xml",
    ".wasm": "application/wasm",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
}


def content_type(name: str) -> str:
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    return _TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


class ComponentFileHandler(tornado.web.RequestHandler):
    """One file of a registered component's build folder."""

    def get(self, cid: str, relative: str) -> None:
        target = registry.resolve(cid, relative)
        if target is None:
            raise tornado.web.HTTPError(404)
        self.set_header("Content-Type", content_type(target.name))
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Access-Control-Allow-Origin", "*")
        self.set_header("Cache-Control", "no-cache")
        self.finish(target.read_bytes())

    def check_xsrf_cookie(self) -> None:  # GET only: nothing to protect
        return None


def handlers(base_url: str) -> list[tuple[str, Any]]:
    """The routes to add to a Jupyter (or standalone Voila) web application."""
    from jupyter_server.utils import url_path_join

    return [(url_path_join(base_url, ROUTE), ComponentFileHandler)]
