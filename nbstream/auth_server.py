"""The server's side of ``st.login``: OpenID Connect's authorization code flow.

Three tornado handlers, under the server's base URL:

``auth/login?provider=<name>&next=<page>``
    reads the provider's discovery document (``server_metadata_url``) and sends the
    browser to its authorization endpoint, with a fresh ``state``, ``nonce`` and PKCE
    verifier kept in a short-lived signed cookie;
the path of ``redirect_uri`` (Streamlit's ``/oauth2callback``)
    checks ``state``, trades the code for tokens at the token endpoint (Authlib's OAuth 2
    client), checks the ID token's signature against the provider's JWKS and its
    ``iss``/``aud``/``exp``/``nonce`` (joserfc), and keeps its claims in the identity cookie
    (signed with ``cookie_secret``, HttpOnly) before going back to the page;
``auth/logout?next=<page>``
    removes the identity cookie.

Configuration is the ``[auth]`` section of ``secrets.toml``, read at each login from the
same places as ``st.secrets`` (home, the working folder) and the app's folder.
"""

from __future__ import annotations

import os
import secrets as random
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from tornado import web
from tornado.ioloop import IOLoop

from nbstream import auth_cookie

DEFAULT_SCOPE = "openid profile email"
TIMEOUT = 10
# Claims that only served the login: not the user's.
_PROTOCOL_CLAIMS = ("nonce", "at_hash", "c_hash", "auth_time", "azp")


class LoginError(Exception):
    """A login that cannot go on; the message is shown to the user (no secret in it)."""


def _secret_files() -> list[Path]:
    bases = [Path.home(), Path.cwd()]
    app_dir = os.environ.get("NBSTREAM_APP_DIR")
    if app_dir:
        bases.append(Path(app_dir))
    files = []
    for base in bases:
        for folder in (".nbstream", ".streamlit"):
            path = base / folder / "secrets.toml"
            if path.is_file():
                files.append(path)
                break
    return files


def auth_config() -> dict[str, Any]:
    """The ``[auth]`` section of the secrets files (later files win key by key)."""
    merged: dict[str, Any] = {}
    for path in _secret_files():
        try:
            with path.open("rb") as f:
                section = tomllib.load(f).get("auth")
        except (OSError, tomllib.TOMLDecodeError):
            continue
        if isinstance(section, dict):
            merged.update(section)
    return merged


def provider_settings(auth: Mapping[str, Any], provider: str | None) -> dict[str, Any]:
    """``client_id``, ``client_secret``, ``server_metadata_url`` (and ``client_kwargs``)
    of a provider: the named table, or those directly under ``[auth]``."""
    settings = auth if provider is None else auth.get(provider)
    if not isinstance(settings, Mapping):
        raise LoginError(f"No authentication provider {provider!r} in secrets.toml.")
    missing = [k for k in ("client_id", "client_secret", "server_metadata_url") if not settings.get(k)]
    if missing or not auth.get("redirect_uri") or not auth.get("cookie_secret"):
        raise LoginError("The [auth] section of secrets.toml is incomplete.")
    return dict(settings)


def safe_next(value: str | None, base: str) -> str:
    """Where to go back to: a path on this server (never another site), else ``base``."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return base
    parsed = urlparse(value)
    if parsed.scheme or parsed.netloc:
        return base
    return value


def _fetch_json(url: str) -> dict[str, Any]:
    import requests

    response = requests.get(url, timeout=TIMEOUT)
    response.raise_for_status()
    data = response.json()
    if not isinstance(data, dict):
        raise LoginError("The identity provider answered with something other than a JSON object.")
    return data


def _session(settings: Mapping[str, Any], redirect_uri: str) -> Any:
    from authlib.integrations.requests_client import OAuth2Session

    kwargs = dict(settings.get("client_kwargs") or {})
    scope = kwargs.pop("scope", DEFAULT_SCOPE)
    return OAuth2Session(
        settings["client_id"],
        settings["client_secret"],
        scope=scope,
        redirect_uri=redirect_uri,
        code_challenge_method="S256",
        default_timeout=TIMEOUT,
        **{k: v for k, v in kwargs.items() if k in ("token_endpoint_auth_method",)},
    )


def authorization_url(
    settings: Mapping[str, Any], redirect_uri: str, state: str, nonce: str, verifier: str
) -> str:
    """The provider's authorization URL for this login."""
    metadata = _fetch_json(settings["server_metadata_url"])
    endpoint = metadata.get("authorization_endpoint")
    if not isinstance(endpoint, str):
        raise LoginError("The identity provider's metadata has no authorization_endpoint.")
    # As Streamlit: the user picks an account unless client_kwargs says otherwise.
    extra = {"prompt": "select_account"}
    extra.update(
        {
            k: v
            for k, v in dict(settings.get("client_kwargs") or {}).items()
            if k in ("prompt", "login_hint", "hd", "max_age", "acr_values", "ui_locales")
        }
    )
    url, _ = _session(settings, redirect_uri).create_authorization_url(
        endpoint, state=state, nonce=nonce, code_verifier=verifier, **extra
    )
    return url


def identity(
    settings: Mapping[str, Any], redirect_uri: str, code: str, nonce: str, verifier: str
) -> tuple[dict[str, Any], dict[str, str]]:
    """The checked ID token's claims for an authorization ``code``, and the tokens
    (``{"id": ..., "access": ...}``)."""
    from joserfc import jwt
    from joserfc.errors import JoseError
    from joserfc.jwk import KeySet

    metadata = _fetch_json(settings["server_metadata_url"])
    token = _session(settings, redirect_uri).fetch_token(
        metadata["token_endpoint"], code=code, code_verifier=verifier, grant_type="authorization_code"
    )
    id_token = token.get("id_token")
    if not isinstance(id_token, str):
        raise LoginError("The identity provider gave no ID token.")
    keys = KeySet.import_key_set(_fetch_json(metadata["jwks_uri"]))  # type: ignore[arg-type]
    algorithms = metadata.get("id_token_signing_alg_values_supported") or ["RS256"]
    try:
        decoded = jwt.decode(id_token, keys, algorithms=[a for a in algorithms if a != "none"])
        jwt.JWTClaimsRegistry(
            leeway=60,
            iss={"essential": True, "value": metadata.get("issuer")},
            aud={"essential": True, "value": settings["client_id"]},
            exp={"essential": True},
            nonce={"essential": True, "value": nonce},
        ).validate(decoded.claims)
    except (JoseError, ValueError) as error:
        raise LoginError(f"The ID token was refused: {error}") from None
    claims = {k: v for k, v in decoded.claims.items() if k not in _PROTOCOL_CLAIMS}
    tokens = {"id": id_token}
    if isinstance(token.get("access_token"), str):
        tokens["access"] = token["access_token"]
    return claims, tokens


def exposed_tokens(auth: Mapping[str, Any], tokens: Mapping[str, str]) -> dict[str, str]:
    """The tokens ``[auth] expose_tokens`` names ("id", "access"; one or a list)."""
    wanted = auth.get("expose_tokens") or []
    names = [wanted] if isinstance(wanted, str) else list(wanted) if isinstance(wanted, list) else []
    return {name: tokens[name] for name in ("id", "access") if name in names and name in tokens}


class _AuthHandler(web.RequestHandler):
    """What the three handlers share: the base URL, cookies, plain-text errors."""

    def initialize(self, base_url: str = "/") -> None:
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"

    def _cookie(self, name: str, value: str, max_age: int) -> None:
        self.set_cookie(
            name,
            value,
            path=self.base_url,
            httponly=True,
            samesite="Lax",
            secure=self.request.protocol == "https",
            expires_days=max_age / 86400,
        )

    def _fail(self, message: str, status: int = 400) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(f"Login failed: {message}\n")

    def check_xsrf_cookie(self) -> None:  # GET only; the state cookie guards the flow
        return None


class LoginHandler(_AuthHandler):
    async def get(self) -> None:
        auth = auth_config()
        provider = self.get_argument("provider", None) or None
        try:
            settings = provider_settings(auth, provider)
            state, nonce = random.token_urlsafe(32), random.token_urlsafe(32)
            verifier = random.token_urlsafe(48)
            url = await IOLoop.current().run_in_executor(
                None, authorization_url, settings, auth["redirect_uri"], state, nonce, verifier
            )
        except LoginError as error:
            return self._fail(str(error))
        except Exception as error:  # the provider is unreachable or answers badly
            return self._fail(f"the identity provider could not be reached ({type(error).__name__}).", 502)
        flow = {
            "state": state,
            "nonce": nonce,
            "verifier": verifier,
            "provider": provider,
            "next": safe_next(self.get_argument("next", None), self.base_url),
        }
        signed = auth_cookie.sign(str(auth["cookie_secret"]), auth_cookie.STATE_COOKIE, flow)
        self._cookie(auth_cookie.STATE_COOKIE, signed, auth_cookie.STATE_MAX_AGE)
        self.redirect(url)


class CallbackHandler(_AuthHandler):
    async def get(self) -> None:
        auth = auth_config()
        secret = str(auth.get("cookie_secret") or "")
        flow = auth_cookie.verify(
            secret,
            auth_cookie.STATE_COOKIE,
            self.get_cookie(auth_cookie.STATE_COOKIE),
            auth_cookie.STATE_MAX_AGE,
        )
        self.clear_cookie(auth_cookie.STATE_COOKIE, path=self.base_url)
        if not isinstance(flow, dict) or self.get_argument("state", "") != flow.get("state"):
            return self._fail("the login's state does not match (an old or forged callback).")
        if self.get_argument("error", None):
            # The user declined, or the provider refused: back to the app, logged out.
            return self.redirect(str(flow["next"]))
        try:
            settings = provider_settings(auth, flow.get("provider"))
            claims, tokens = await IOLoop.current().run_in_executor(
                None,
                identity,
                settings,
                auth["redirect_uri"],
                self.get_argument("code", ""),
                flow["nonce"],
                flow["verifier"],
            )
        except LoginError as error:
            return self._fail(str(error))
        except Exception as error:
            return self._fail(f"the identity provider's token exchange failed ({type(error).__name__}).", 502)
        if flow.get("provider"):
            claims["provider"] = flow["provider"]
        signed = auth_cookie.sign(secret, auth_cookie.USER_COOKIE, claims)
        self._cookie(auth_cookie.USER_COOKIE, signed, auth_cookie.USER_MAX_AGE)
        exposed = exposed_tokens(auth, tokens)
        if exposed:  # a cookie of their own, as Streamlit keeps them (size, and only if asked)
            signed = auth_cookie.sign(secret, auth_cookie.TOKENS_COOKIE, exposed)
            self._cookie(auth_cookie.TOKENS_COOKIE, signed, auth_cookie.USER_MAX_AGE)
        else:
            self.clear_cookie(auth_cookie.TOKENS_COOKIE, path=self.base_url)
        self.redirect(str(flow["next"]))


class LogoutHandler(_AuthHandler):
    def get(self) -> None:
        self.clear_cookie(auth_cookie.USER_COOKIE, path=self.base_url)
        self.clear_cookie(auth_cookie.TOKENS_COOKIE, path=self.base_url)
        self.redirect(safe_next(self.get_argument("next", None), self.base_url))


def callback_path(base_url: str) -> str:
    """The path of ``redirect_uri`` (where the provider sends the browser back), else
    ``<base>oauth2callback`` as in Streamlit."""
    redirect_uri = auth_config().get("redirect_uri")
    path = urlparse(str(redirect_uri)).path if redirect_uri else ""
    return path or base_url.rstrip("/") + "/oauth2callback"


def handlers(base_url: str) -> list[tuple[str, type, dict[str, Any]]]:
    """The login routes under ``base_url``."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    kwargs = {"base_url": base}
    routes = [
        (base + "auth/login", LoginHandler, kwargs),
        (base + "auth/logout", LogoutHandler, kwargs),
        (base + "oauth2callback", CallbackHandler, kwargs),
    ]
    path = callback_path(base)
    if path != base + "oauth2callback":
        routes.append((path, CallbackHandler, kwargs))
    return routes
