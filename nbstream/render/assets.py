"""The front end's code: the built bundle, and how a widget gets it to the browser.

``js/`` builds into ``nbstream/static/``: ``app.js`` (the ESM entry; ``chunks/`` holds
what loads on demand, such as Vega), ``app.css`` (styles; KaTeX fonts as files),
``app-inline.js`` and ``app-inline.css`` (the same as one file each, fonts inlined, for
when the bundle travels as text) and ``manifest.json`` (the build's content hash).
The package also installs that folder as ``share/jupyter/labextensions/nbstream/static``,
which JupyterLab serves at ``lab/extensions/`` and Voila at ``voila/labextensions/``.

The widget's ``_esm`` is always the small loader (js/src/loader.js): anywidget gives a
model two seconds to initialize, which parsing a bundle of megabytes on a busy machine
can exceed, so the bundle loads after that, in one of two ways (``NBSTREAM_ESM``,
default ``auto``):

* ``static``: the loader imports the bundle from the server, so the browser caches it
  and each app and tab sends only the loader; a server without it (or with another
  build) makes the loader ask the kernel, once per page.
* ``inline``: the bundle travels in the widget's state (``_bundle``), for a saved
  notebook or nbconvert HTML opened with no server and no kernel.

``auto`` picks ``static`` when a Jupyter server or Voila started the kernel, else
``inline``.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

STATIC = Path(__file__).resolve().parent.parent / "static"


class BundleMissing(RuntimeError):
    """The front end was not built (``pip install -e .`` or ``npm run build`` in js/)."""


@functools.cache
def manifest() -> dict[str, str]:
    path = STATIC / "manifest.json"
    if not path.is_file():
        raise BundleMissing(
            f"nbstream's front end is not built ({path} is missing): run `pip install -e .` "
            "or `npm install && npm run build` in js/."
        )
    return json.loads(path.read_text(encoding="utf-8"))


@functools.cache
def bundle_js() -> str:
    """The bundle as one ES module (what travels as text)."""
    return (STATIC / manifest()["inline_js"]).read_text(encoding="utf-8")


@functools.cache
def inline_css() -> str:
    return (STATIC / manifest()["inline_css"]).read_text(encoding="utf-8")


def served() -> bool:
    """Did a Jupyter server or Voila start this kernel (so a browser page is attached)?"""
    env = os.environ
    return (
        "JPY_SESSION_NAME" in env
        or env.get("SERVER_SOFTWARE", "").startswith("voila")
        or "VOILA_KERNEL_ID" in env
    )


def mode() -> str:
    """``static`` or ``inline``, from ``NBSTREAM_ESM`` or the kernel's environment."""
    chosen = os.environ.get("NBSTREAM_ESM", "auto")
    if chosen in ("static", "inline"):
        return chosen
    return "static" if served() else "inline"


def widget_code() -> dict[str, str]:
    """The widget's ``_esm``, ``_css`` and ``_bundle``."""
    if mode() == "inline":
        return {"_esm": loader(), "_css": inline_css(), "_bundle": bundle_js()}
    return {"_esm": loader(), "_css": "", "_bundle": ""}


@functools.cache
def export_shim_html() -> str:
    """A script that lets nbconvert's HTML export draw apps (see js/src/export-shim.js)."""
    script = (STATIC / manifest()["export_shim"]).read_text(encoding="utf-8")
    # "</" would end the <script> element early in the page's HTML.
    return "<script>" + script.replace("</", "<\\/") + "</script>"


@functools.cache
def loader() -> str:
    """The small ES module that fetches the bundle (see js/src/loader.js)."""
    text = (STATIC / manifest()["loader"]).read_text(encoding="utf-8")
    return text.replace("__NBSTREAM_BUILD__", manifest()["hash"])
