"""The Jupyter server's side of declared components: serves their build folders.

``GET {base_url}nbstream/components/<id>/<file>`` answers a file of a folder a kernel
registered (``elements/components/registry.py``), with its content type; a path that
leaves the folder, an unknown ID or a missing file is a 404.  Component frames are
sandboxed without same-origin (an opaque origin), so the files are served with
``Access-Control-Allow-Origin: *`` for module scripts, as JupyterLab serves extension
assets: build folders of installed packages, with no user data.

In an opaque origin ``document.cookie``, ``localStorage`` and ``sessionStorage`` throw a
SecurityError, and published components touch them (AG Grid does on load): HTML pages
get a small script first that gives the page in-memory ones instead.
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


# In-memory cookie and storage for a page whose sandbox gives it no origin.
STORAGE_SHIM = b"""<script>(function () {
  function memory() {
    var m = new Map();
    return {
      get length() { return m.size; },
      key: function (i) { var k = Array.from(m.keys())[i]; return k === undefined ? null : k; },
      getItem: function (k) { k = String(k); return m.has(k) ? m.get(k) : null; },
      setItem: function (k, v) { m.set(String(k), String(v)); },
      removeItem: function (k) { m.delete(String(k)); },
      clear: function () { m.clear(); }
    };
  }
  ["localStorage", "sessionStorage"].forEach(function (name) {
    try { void window[name]; } catch (e) {
      Object.defineProperty(window, name, { value: memory(), configurable: true });
    }
  });
  try { void document.cookie; } catch (e) {
    var jar = {};
    Object.defineProperty(document, "cookie", {
      configurable: true,
      get: function () { return Object.keys(jar).map(function (k) { return k + "=" + jar[k]; }).join("; "); },
      set: function (v) { var kv = String(v).split(";")[0]; var i = kv.indexOf("=");
        if (i > 0) jar[kv.slice(0, i).trim()] = kv.slice(i + 1); }
    });
  }
})();</script>"""


def with_storage_shim(page: bytes) -> bytes:
    """``page`` with ``STORAGE_SHIM`` as its first script (after ``<head>`` when it has one)."""
    lower = page.lower()
    at = lower.find(b"<head")
    if at >= 0:
        end = lower.find(b">", at)
        if end >= 0:
            return page[: end + 1] + STORAGE_SHIM + page[end + 1 :]
    return STORAGE_SHIM + page


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
        body = target.read_bytes()
        if target.suffix.lower() in (".html", ".htm"):
            body = with_storage_shim(body)
        self.finish(body)

    def check_xsrf_cookie(self) -> None:  # GET only: nothing to protect
        return None


def handlers(base_url: str) -> list[tuple[str, Any]]:
    """The routes to add to a Jupyter (or standalone Voila) web application."""
    from jupyter_server.utils import url_path_join

    return [(url_path_join(base_url, ROUTE), ComponentFileHandler)]
