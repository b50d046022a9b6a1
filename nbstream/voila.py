"""Voila glue: is this kernel serving a Voila page, and what did the page's URL ask for.

Voila starts one kernel per browser tab and passes the request to it CGI-style, in
environment variables (``SERVER_SOFTWARE``, ``QUERY_STRING``).  A preheated kernel
(``--preheat_kernel``) runs the notebook before any request arrives, so it sees no
query string.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qs


def in_voila() -> bool:
    """True in a kernel that Voila started."""
    return (
        os.environ.get("SERVER_SOFTWARE", "").startswith("voila/")
        or "VOILA_KERNEL_ID" in os.environ
        or ("VOILA_PREHEAT" in os.environ)
    )


def query_params() -> dict[str, list[str]]:
    """The page URL's query parameters, as ``st.query_params`` holds them.

    Voila's own parameters (``voila-template``, ``voila-theme``) and the page of a
    multipage app (``page``) are left out.
    """
    raw = os.environ.get("QUERY_STRING", "")
    params = parse_qs(raw, keep_blank_values=True, max_num_fields=1000)
    return {
        k: v
        for k, v in params.items()
        if not k.startswith("voila-") and k not in ("template", "theme", PAGE_PARAM)
    }


# The query parameter that holds a multipage app's page in a Voila URL
# (``/voila/render/app.ipynb?page=url_path``; none for the default page).
PAGE_PARAM = "page"


def requested_page() -> str | None:
    """The page the Voila URL asks for (its URL pathname), None for the default page."""
    raw = os.environ.get("QUERY_STRING", "")
    values = parse_qs(raw, keep_blank_values=True, max_num_fields=1000).get(PAGE_PARAM)
    return values[-1].strip("/") if values else None


def app_identity() -> str | None:
    """The notebook this kernel runs, as the app identity that keys ``st.cache_data``'s
    store shared between kernels; None outside Jupyter (the cache then stays in memory).

    JupyterLab tells its kernels their notebook (``JPY_SESSION_NAME``).  Voila starts
    each kernel in the notebook's folder and passes the page's path (``SCRIPT_NAME``;
    just "/" when one notebook is served standalone, which the folder then identifies).
    """
    name = os.environ.get("JPY_SESSION_NAME")
    if name:
        return os.path.abspath(name)
    if in_voila():
        page = os.environ.get("SCRIPT_NAME", "").rstrip("/").rsplit("/", 1)[-1]
        return os.path.join(os.getcwd(), page)
    return None
