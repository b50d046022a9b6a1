"""Static file serving (``server.enableStaticServing``): ``./static/`` beside the app at
``app/static/<file>``, with Streamlit's rules.

* ``.jpg .jpeg .png .gif`` are served as what they are; every other file as
  ``text/plain``, so a browser never runs what it is sent (no HTML, no scripts);
* every answer carries ``X-Content-Type-Options: nosniff``;
* only files inside the folder: ``..``, absolute paths, encoded separators and symlinks
  leading out of it are refused (404, as for a missing file).
"""

from __future__ import annotations

import os
from pathlib import Path

import tornado.web

URL_PATH = "app/static/"
_IMAGE_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif"}


def content_type(name: str) -> str:
    """Streamlit's rule: the four image types as themselves, anything else as plain text."""
    return _IMAGE_TYPES.get(os.path.splitext(name)[1].lower(), "text/plain")


def resolve(folder: Path, requested: str) -> Path | None:
    """The file ``requested`` names inside ``folder``, or None when it is not one to serve."""
    if not requested or "\\" in requested or "\x00" in requested:
        return None
    parts = requested.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return None
    root = folder.resolve()
    candidate = (root / Path(*parts)).resolve()  # follows symlinks: they must stay inside
    if root not in candidate.parents or not candidate.is_file():
        return None
    return candidate


def notebook_static_folder(root: Path, notebook_dir: str | None) -> Path | None:
    """The ``static`` folder beside the notebooks of ``notebook_dir`` (a path under the
    server's ``root``, as a page URL has it), or None when it leads out of ``root``."""
    parts = [p for p in (notebook_dir or "").split("/") if p]
    if any(part in (".", "..") or "\\" in part or "\x00" in part for part in parts):
        return None
    base = root.resolve()
    folder = (base / Path(*parts)).resolve() if parts else base
    if folder != base and base not in folder.parents:
        return None
    return folder / "static"


# Pages of a Jupyter server that show a notebook's apps, with a folder in the URL
# (/lab/tree/<folder>/..., /voila/render/<folder>/...), and the server's root itself:
# js/src/static_urls.js points an app's app/static/ URLs at its notebook's folder.
JUPYTER_ROUTE = (
    r"/(?:(?:lab/tree|lab/workspaces/[^/]+/tree|doc/tree|tree|voila/render)/((?:[^/]+/)*?))?app/static/(.+)"
)


class StaticFilesHandler(tornado.web.RequestHandler):
    """Serves one app's ``static`` folder; the folder comes from the route's arguments."""

    def initialize(self, folder: str) -> None:
        self.folder = Path(folder)

    def set_default_headers(self) -> None:
        self.set_header("X-Content-Type-Options", "nosniff")

    def get(self, requested: str) -> None:
        self._serve(requested, body=True)

    def head(self, requested: str) -> None:
        self._serve(requested, body=False)

    def _serve(self, requested: str, body: bool) -> None:
        self.serve_from(self, self.folder, requested, body)

    @staticmethod
    def serve_from(handler: tornado.web.RequestHandler, folder: Path, requested: str, body: bool) -> None:
        """Answer ``handler``'s request with the file ``requested`` of ``folder``, or a 404."""
        path = resolve(folder, requested)
        if path is None:
            raise tornado.web.HTTPError(404)
        handler.set_header("Content-Type", content_type(path.name))
        handler.set_header("Cache-Control", "no-cache")
        data = path.read_bytes()
        handler.set_header("Content-Length", str(len(data)))
        if body:
            handler.write(data)
