"""``st.user``, ``st.login`` and ``st.logout``: OpenID Connect logins, as Streamlit has them.

The login itself happens in the server (``nbstream.auth_server``: ``auth/login``, the
``redirect_uri`` callback, ``auth/logout``), which keeps the ID token's claims in a cookie
signed with ``[auth] cookie_secret``.  Here, in the kernel, ``st.login()`` and
``st.logout()`` send the browser to those URLs, and ``st.user`` reads the cookie back
from the request Voila passed the kernel (``HTTP_COOKIE``: ``nbstream run --voila`` and
nbstream's Voila configuration pass the ``Cookie`` header), or under ``nbstream serve``
from the session's own request (``AppSession.request``: a tab's websocket request).
Each page load gets a fresh kernel (Voila) or session (serve: a tab whose cookies
changed is not given its old session back), so the page the login returns to runs
with the user logged in.

Without that request (JupyterLab) ``st.user`` is the logged-out user.  In an AppTest
run it is ``AppTest.user`` (the session's ``user_info``), as Streamlit's AppTest seeds
it: the claims as given, the tokens under ``"tokens"``; ``st.logout()`` clears it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlencode

from nbstream import auth_cookie
from nbstream.runtime import context
from nbstream.runtime.errors import StreamlitAPIException, StreamlitAuthError
from nbstream.secrets import secrets

LOGIN_PATH = "auth/login"
LOGOUT_PATH = "auth/logout"

_SECRETS_FILE = "`.streamlit/secrets.toml`"
_PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")


class _ReadOnly(Mapping[str, Any]):
    """A read-only mapping whose keys also read as attributes."""

    _name = ""

    def __init__(self, data: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_data", dict(data))

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self._data[key]
        except KeyError:
            raise AttributeError(f'{self._name} has no attribute "{key}".') from None

    def __setattr__(self, key: str, value: Any) -> None:
        raise StreamlitAPIException(f"{self._name} cannot be modified")

    def __setitem__(self, key: str, value: Any) -> None:
        raise StreamlitAPIException(f"{self._name} cannot be modified")

    def __delitem__(self, key: str) -> None:
        raise StreamlitAPIException(f"{self._name} cannot be modified")

    def to_dict(self) -> dict[str, Any]:
        return dict(self._data)

    def __repr__(self) -> str:
        return f"{self._name}({self._data!r})"


class Tokens(_ReadOnly):
    """``st.user.tokens``: the identity provider's tokens (none without a login)."""

    _name = "st.user.tokens"


class UserInfoProxy(_ReadOnly):
    """``st.user``: the logged-in user's ID token claims and ``is_logged_in``.

    Read again at each access, from the identity cookie of the request this kernel serves.
    """

    _name = "st.user"

    def __init__(self) -> None:
        super().__init__({})

    def __getitem__(self, key: str) -> Any:
        return current_user()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(current_user())

    def __len__(self) -> int:
        return len(current_user())

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return current_user()[key]
        except KeyError:
            raise AttributeError(f'{self._name} has no attribute "{key}".') from None

    def to_dict(self) -> dict[str, Any]:
        return dict(current_user())

    def __repr__(self) -> str:
        return f"{self._name}({current_user()!r})"

    @property
    def tokens(self) -> Tokens:
        """The provider's tokens ``[auth] expose_tokens`` names (``st.user.tokens.id``,
        ``.access``); empty unless logged in with tokens exposed."""
        return Tokens(current_tokens())


user = UserInfoProxy()


def _cookie_secret() -> str | None:
    try:
        section = secrets.get("auth")
    except FileNotFoundError:
        return None
    if not isinstance(section, Mapping):
        return None
    secret = section.get("cookie_secret")
    return str(secret) if secret else None


def _test_user() -> dict[str, Any] | None:
    """The user an AppTest run was given (``AppTest.user``), or None outside AppTest."""
    ctx = context.get()
    return None if ctx is None else ctx.session.user_info


def _cookie_header() -> str | None:
    """The ``Cookie`` header of the request this session serves: the one the server passed
    the session (``nbstream serve``), else the one Voila passed the kernel."""
    ctx = context.get()
    request = None if ctx is None else getattr(ctx.session, "request", None)
    if request is not None:
        return request.header("Cookie")
    return os.environ.get("HTTP_COOKIE")


def current_user() -> dict[str, Any]:
    """The claims of the logged-in user with ``is_logged_in``: True, or
    ``{"is_logged_in": False}`` (no cookie, a forged or expired one, no ``[auth]``); in
    an AppTest run, ``AppTest.user`` as given."""
    seeded = _test_user()
    if seeded is not None:
        return seeded
    raw = auth_cookie.from_header(_cookie_header(), auth_cookie.USER_COOKIE)
    if raw is None:
        return {"is_logged_in": False}
    secret = _cookie_secret()
    claims = (
        auth_cookie.verify(secret, auth_cookie.USER_COOKIE, raw, auth_cookie.USER_MAX_AGE) if secret else None
    )
    if not isinstance(claims, dict):
        return {"is_logged_in": False}
    return {**claims, "is_logged_in": True}


def current_tokens() -> dict[str, str]:
    """The exposed tokens of the logged-in user (none when logged out)."""
    seeded = _test_user()
    if seeded is not None:
        tokens = seeded.get("tokens")
        return dict(tokens) if isinstance(tokens, Mapping) else {}
    if not current_user().get("is_logged_in"):
        return {}
    raw = auth_cookie.from_header(_cookie_header(), auth_cookie.TOKENS_COOKIE)
    secret = _cookie_secret()
    tokens = (
        auth_cookie.verify(secret, auth_cookie.TOKENS_COOKIE, raw, auth_cookie.USER_MAX_AGE)
        if secret and raw
        else None
    )
    return {k: v for k, v in tokens.items() if isinstance(v, str)} if isinstance(tokens, dict) else {}


def _server_base() -> str:
    """The server's base URL ("/" unless the session's request or Voila says otherwise)."""
    ctx = context.get()
    request = None if ctx is None else getattr(ctx.session, "request", None)
    base = request.base_url if request is not None else os.environ.get("VOILA_BASE_URL") or "/"
    return base if base.endswith("/") else base + "/"


def _send_browser(path: str, query: dict[str, str]) -> None:
    """Make the app's page go to ``path`` under the server (the front end reads the root's
    ``redirect`` prop; the page's own URL is added as ``next`` there)."""
    ctx = context.get()
    if ctx is None or ctx.session.is_bare:
        return
    redirect = ctx.root.props.get("redirect") or {}
    serial = int(redirect.get("serial", 0)) + 1
    url = _server_base() + path + ("?" + urlencode(query) if query else "")
    ctx.root.props["redirect"] = {"url": url, "serial": serial}
    ctx.changed()


def _auth_section() -> Mapping[str, Any]:
    missing = StreamlitAuthError(
        "To use authentication features you need to configure credentials for at least one "
        f"authentication provider in {_SECRETS_FILE}."
    )
    try:
        section = secrets.get("auth")
    except FileNotFoundError:
        raise missing from None
    if not isinstance(section, Mapping):
        raise missing
    for key in ("redirect_uri", "cookie_secret"):
        if key not in section:
            raise StreamlitAuthError(
                f'Authentication credentials in {_SECRETS_FILE} are missing the "{key}" key. '
                "Please check your configuration."
            )
    return section


def _check_provider(section: Mapping[str, Any], provider: str | None) -> None:
    where = (
        "the default authentication provider"
        if provider is None
        else f'the authentication provider "{provider}"'
    )
    if provider is None:
        settings: Any = section
        if not any(k in section for k in _PROVIDER_KEYS):
            raise StreamlitAuthError(
                f"Authentication credentials in {_SECRETS_FILE} are missing for {where}. "
                "Please check your configuration."
            )
    else:
        settings = section.get(provider)
        if settings is None:
            raise StreamlitAuthError(
                f"Authentication credentials in {_SECRETS_FILE} are missing for {where}. "
                "Please check your configuration."
            )
        if not isinstance(settings, Mapping):
            raise StreamlitAuthError(
                f"Authentication credentials in {_SECRETS_FILE} for {where} must be valid TOML. "
                "Please check your configuration."
            )
    missing = [k for k in _PROVIDER_KEYS if k not in settings]
    if missing:
        raise StreamlitAuthError(
            f"Authentication credentials in {_SECRETS_FILE} for {where} are missing the following keys: "
            f"{missing}. Please check your configuration."
        )


def login(provider: str | None = None) -> None:
    """Log the user in with an OpenID Connect identity provider configured in ``secrets.toml``.

    The browser goes to the provider's login page and comes back to the app, which then
    runs with ``st.user.is_logged_in`` True and the ID token's claims in ``st.user``
    (``st.user.email``, ``st.user.name``...).  Logins work where the server is nbstream's
    (``nbstream run``, Voila with nbstream installed); the configuration is the
    ``[auth]`` section of ``secrets.toml``:

    .. code-block:: toml

        [auth]
        redirect_uri = "http://localhost:8501/oauth2callback"
        cookie_secret = "a long random string"
        client_id = "..."
        client_secret = "..."
        server_metadata_url = "https://accounts.example.com/.well-known/openid-configuration"

    or named providers in ``[auth.<name>]`` tables with the last three keys.

    Parameters
    ----------
    provider : str or None
        The name of a provider section (``[auth.google]``), or None for the provider
        configured directly under ``[auth]``.

    Raises
    ------
    StreamlitAuthError
        When ``[auth]`` or the provider's keys are missing.
    """
    if provider is not None and not isinstance(provider, str):
        raise StreamlitAPIException(
            f"The provider of st.login must be a string or None, not {type(provider).__name__}."
        )
    _check_provider(_auth_section(), provider)
    _send_browser(LOGIN_PATH, {"provider": provider} if provider else {})


def logout() -> None:
    """Log the current user out: the identity cookie is removed and the app reloads with
    ``st.user.is_logged_in`` False.  The identity provider's own session is not ended.

    In an AppTest run the test's user is cleared for the rest of the run and later runs
    (``{"is_logged_in": False}`` if it said whether the user was logged in, else empty),
    as Streamlit's AppTest does.
    """
    seeded = _test_user()
    if seeded is not None:
        had_flag = "is_logged_in" in seeded
        seeded.clear()
        if had_flag:
            seeded["is_logged_in"] = False
        return
    if current_user().get("is_logged_in"):
        _send_browser(LOGOUT_PATH, {})
