"""``st.context``: read-only facts about the user's browser and request.

The browser's part (locale, time zone, URL, theme, cookies, embedding, the headers a
page knows) arrives in a ``client`` message after the page loads (runtime/client.py);
the server's request adds its part: under ``nbstream serve`` the session's own request
(``AppSession.request``: the tab's websocket request, its headers, cookies and the
visitor's address), under Voila the headers passed to the kernel with
``--VoilaConfiguration.http_header_envs`` and the host.  A run that reads the browser's
part before it arrived sees None, and the app reruns once it arrives.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import Any

from nbstream import voila
from nbstream.runtime import context as run_context
from nbstream.runtime.client import ClientInfo
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.request import RequestInfo

_LOOPBACK = ("127.0.0.1", "::1", "localhost")


def _client() -> ClientInfo:
    ctx = run_context.get()
    if ctx is None or ctx.session.is_bare:
        return ClientInfo()
    ctx.session.client_read = True
    return ctx.session.client


def _request() -> RequestInfo | None:
    """The request the server passed this session (``nbstream serve``), if any."""
    ctx = run_context.get()
    return None if ctx is None else getattr(ctx.session, "request", None)


def _server_headers() -> dict[str, str]:
    """The request headers the server passed: the session's request's (``nbstream serve``),
    else those Voila passed to this kernel (``HTTP_X_FORWARDED_USER`` ...)."""
    request = _request()
    if request is not None:
        return dict(request.headers)
    if not voila.in_voila():
        return {}
    out = {}
    for name, value in os.environ.items():
        if name.startswith("HTTP_"):
            out["-".join(part.capitalize() for part in name[5:].split("_"))] = value
    return out


class Headers(Mapping[str, str]):
    """Request headers: read-only, names matched without regard to case."""

    def __init__(self, pairs: Mapping[str, str]) -> None:
        self._pairs = {k.lower(): (k, v) for k, v in pairs.items()}

    def __getitem__(self, name: str) -> str:
        return self._pairs[name.lower()][1]

    def __iter__(self) -> Iterator[str]:
        return (k for k, _ in self._pairs.values())

    def __len__(self) -> int:
        return len(self._pairs)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._pairs

    def get_all(self, name: str) -> list[str]:
        """Every value of a header (one here: a page sees each header once)."""
        return [self[name]] if name in self else []

    def to_dict(self) -> dict[str, str]:
        return dict(self.items())

    def __repr__(self) -> str:
        return f"Headers({self.to_dict()!r})"


class Cookies(Mapping[str, str]):
    """The cookies the page can read (HttpOnly cookies are the server's alone): read-only."""

    def __init__(self, pairs: Mapping[str, str]) -> None:
        self._pairs = dict(pairs)

    def __getitem__(self, name: str) -> str:
        return self._pairs[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._pairs)

    def __len__(self) -> int:
        return len(self._pairs)

    def to_dict(self) -> dict[str, str]:
        return dict(self._pairs)

    def __repr__(self) -> str:
        return f"Cookies({self._pairs!r})"


class Theme(dict):  # type: ignore[type-arg]
    """The app's theme as ``st.context.theme``: ``theme.type`` is "light", "dark" or None."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"st.context.theme has no attribute {name!r}.") from None


class ContextProxy:
    """``st.context``: the user's browser and request, read-only."""

    @property
    def headers(self) -> Headers:
        """The request's headers (those a page knows, and those the server passed on)."""
        return Headers({**_client().headers, **_server_headers()})

    @property
    def cookies(self) -> Cookies:
        """The request's cookies (those the server saw, and those the page can read)."""
        request = _request()
        server = request.cookies() if request is not None else {}
        return Cookies({**server, **_client().cookies})

    @property
    def locale(self) -> str | None:
        """The browser's language, like "en-US"."""
        return _client().locale

    @property
    def timezone(self) -> str | None:
        """The browser's time zone, like "Europe/Berlin"."""
        return _client().timezone

    @property
    def timezone_offset(self) -> int | None:
        """Minutes between UTC and the browser's local time, as JavaScript counts them (UTC+1 is -60)."""
        return _client().timezone_offset

    @property
    def url(self) -> str | None:
        """The app's URL in the browser."""
        url = _client().url
        request = _request()
        if url is None and request is not None:
            url = request.url
        if url is None and voila.in_voila() and os.environ.get("SERVER_NAME"):
            port = os.environ.get("SERVER_PORT")
            host = os.environ["SERVER_NAME"] + (f":{port}" if port else "")
            url = f"http://{host}{os.environ.get('SCRIPT_NAME', '/')}"
        return url

    @property
    def ip_address(self) -> str | None:
        """The user's IP address, when the server passed it on; None for a local user."""
        request = _request()
        if request is not None:
            address = request.remote_ip
        else:
            address = os.environ.get("REMOTE_ADDR") if voila.in_voila() else None
        return None if address in _LOOPBACK else address

    @property
    def is_embedded(self) -> bool | None:
        """Whether the app runs inside another page (an iframe, or ``?embed=true``)."""
        return _client().is_embedded

    @property
    def theme(self) -> Theme:
        """The theme the app is drawn in: ``st.context.theme.type`` is "light" or "dark"."""
        return Theme(type=_client().theme)

    def __setattr__(self, name: str, value: Any) -> None:
        raise StreamlitAPIException("st.context cannot be modified.")

    def __repr__(self) -> str:
        return "st.context"


context = ContextProxy()
