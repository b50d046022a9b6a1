"""A stand-in OpenID Connect identity provider on 127.0.0.1, for st.login's tests.

Discovery, an authorization endpoint that approves at once (redirecting back with a
code), a token endpoint that checks the client's secret, the code, the redirect URI and
the PKCE verifier and answers with an RS256-signed ID token, and the JWKS with the
test key.  ``tamper`` makes the next ID tokens wrong in one way, for the refusal tests.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import time
from typing import Any
from urllib.parse import urlencode

import tornado.web
from joserfc import jwt
from joserfc.jwk import RSAKey

CLIENT_ID = "nbstream-test-client"
CLIENT_SECRET = "test-client-secret-3f9a"
USER = {"sub": "user-42", "email": "ada@example.test", "name": "Ada Lovelace", "email_verified": True}


class Provider:
    """The provider's state: its key, issued codes, and what to tamper with."""

    def __init__(self) -> None:
        self.key = RSAKey.generate_key(2048, parameters={"kid": "test-key", "use": "sig"})
        self.codes: dict[str, dict[str, Any]] = {}
        self.issuer = ""
        self.tamper: str | None = None  # "nonce", "audience", "signature", "expired"
        self.token_requests = 0

    def id_token(self, nonce: str) -> str:
        now = int(time.time())
        claims = {
            **USER,
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "iat": now,
            "exp": now + 600,
            "nonce": nonce,
        }
        if self.tamper == "nonce":
            claims["nonce"] = "not-the-one-sent"
        elif self.tamper == "audience":
            claims["aud"] = "another-client"
        elif self.tamper == "expired":
            claims["exp"] = now - 3600
        key = self.key
        if self.tamper == "signature":
            key = RSAKey.generate_key(2048, parameters={"kid": "test-key"})
        return jwt.encode({"alg": "RS256", "kid": "test-key"}, claims, key)


class _Handler(tornado.web.RequestHandler):
    def initialize(self, provider: Provider) -> None:
        self.provider = provider

    def check_xsrf_cookie(self) -> None:
        return None


class Discovery(_Handler):
    def get(self) -> None:
        issuer = self.provider.issuer
        self.write(
            {
                "issuer": issuer,
                "authorization_endpoint": issuer + "/authorize",
                "token_endpoint": issuer + "/token",
                "jwks_uri": issuer + "/jwks",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
            }
        )


class Authorize(_Handler):
    def get(self) -> None:
        args = {k: self.get_argument(k, "") for k in ("client_id", "redirect_uri", "state", "nonce")}
        if args["client_id"] != CLIENT_ID or self.get_argument("response_type", "") != "code":
            raise tornado.web.HTTPError(400)
        code = secrets.token_urlsafe(16)
        self.provider.codes[code] = {
            **args,
            "challenge": self.get_argument("code_challenge", ""),
            "scope": self.get_argument("scope", ""),
        }
        self.redirect(args["redirect_uri"] + "?" + urlencode({"code": code, "state": args["state"]}))


class Token(_Handler):
    def post(self) -> None:
        self.provider.token_requests += 1
        auth = self.request.headers.get("Authorization", "")
        client = base64.b64decode(auth.removeprefix("Basic ")).decode() if auth.startswith("Basic ") else ""
        grant = self.provider.codes.pop(self.get_argument("code", ""), None)
        verifier = self.get_argument("code_verifier", "")
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if (
            client != f"{CLIENT_ID}:{CLIENT_SECRET}"
            or grant is None
            or grant["redirect_uri"] != self.get_argument("redirect_uri", "")
            or grant["challenge"] != challenge
        ):
            self.set_status(400)
            self.write({"error": "invalid_grant"})
            return
        self.write(
            {
                "access_token": secrets.token_urlsafe(16),
                "token_type": "Bearer",
                "expires_in": 600,
                "id_token": self.provider.id_token(grant["nonce"]),
            }
        )


class Jwks(_Handler):
    def get(self) -> None:
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps({"keys": [self.provider.key.as_dict(private=False)]}))


def application(provider: Provider) -> tornado.web.Application:
    kwargs = {"provider": provider}
    return tornado.web.Application(
        [
            ("/.well-known/openid-configuration", Discovery, kwargs),
            ("/authorize", Authorize, kwargs),
            ("/token", Token, kwargs),
            ("/jwks", Jwks, kwargs),
        ]
    )


def auth_secrets(provider_url: str, redirect_uri: str, *, name: str | None = None) -> str:
    """The ``[auth]`` section of a secrets.toml for this provider."""
    provider = (
        f'client_id = "{CLIENT_ID}"\nclient_secret = "{CLIENT_SECRET}"\n'
        f'server_metadata_url = "{provider_url}/.well-known/openid-configuration"\n'
    )
    head = f'[auth]\nredirect_uri = "{redirect_uri}"\ncookie_secret = "test-cookie-secret-8c1d"\n'
    return head + (f"\n[auth.{name}]\n" + provider if name else provider)
