"""The signed cookies of ``st.login``: the user's identity, and the login's state.

The server (``nbstream.auth_server``) writes them after the identity provider's answer;
the kernel (``st.user``) reads the identity back from the request Voila passes it.  Both
sign with ``cookie_secret`` from the ``[auth]`` section of ``secrets.toml``: HMAC-SHA256
over the cookie's name, the time it was made and its JSON value, so a cookie cannot be
forged, renamed or kept beyond its age without the secret.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from http.cookies import CookieError, SimpleCookie
from typing import Any

USER_COOKIE = "_streamlit_user"
TOKENS_COOKIE = "_streamlit_user_tokens"  # only with [auth] expose_tokens
STATE_COOKIE = "_nbstream_auth_state"
USER_MAX_AGE = 30 * 24 * 3600  # as Streamlit's identity cookie: 30 days
STATE_MAX_AGE = 10 * 60  # a login must come back within ten minutes


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: str, name: str, stamp: str, payload: str) -> str:
    message = f"{name}|{stamp}|{payload}".encode()
    return _b64(hmac.new(secret.encode(), message, hashlib.sha256).digest())


def sign(secret: str, name: str, value: Any, *, now: float | None = None) -> str:
    """``value`` (JSON-able) as the signed text of cookie ``name``."""
    if not secret:
        raise ValueError("cookie_secret is empty")
    stamp = str(int(time.time() if now is None else now))
    payload = _b64(json.dumps(value, separators=(",", ":"), sort_keys=True).encode())
    return f"{stamp}.{payload}.{_mac(secret, name, stamp, payload)}"


def verify(secret: str, name: str, text: str | None, max_age: float, *, now: float | None = None) -> Any:
    """The value of a cookie made by :func:`sign`, or None when it is absent, altered,
    signed with another secret or older than ``max_age`` seconds."""
    if not secret or not text or text.count(".") != 2:
        return None
    stamp, payload, mac = text.split(".")
    if not stamp.isdigit() or not hmac.compare_digest(mac, _mac(secret, name, stamp, payload)):
        return None
    age = (time.time() if now is None else now) - int(stamp)
    if age < -60 or age > max_age:
        return None
    try:
        return json.loads(_unb64(payload))
    except (ValueError, UnicodeDecodeError):
        return None


def from_header(header: str | None, name: str) -> str | None:
    """Cookie ``name``'s raw value in a ``Cookie:`` request header."""
    if not header:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header)
    except CookieError:
        return None
    morsel = jar.get(name)
    return morsel.value if morsel is not None else None
