"""st.login's server side against a stand-in OpenID Connect provider on 127.0.0.1.

Each step of the flow over real HTTP: auth/login sends the browser to the provider with a
state, nonce and PKCE challenge; the callback trades the code for a signed ID token,
checks it and sets the identity cookie; st.user reads that cookie from the request
header Voila passes the kernel; auth/logout removes it.  Then what must be refused: a
forged state, a token with another nonce, audience or signature, an expired one, and a
``next`` that leaves the site.
"""

from __future__ import annotations

import pytest
import requests
import tornado.web
from http_helpers import serving

from nbstream import auth, auth_cookie
from nbstream.auth_server import callback_path, handlers, safe_next
from tests.oidc_provider import USER, Provider, application, auth_secrets


@pytest.fixture
def flow(tmp_path, monkeypatch):
    """(provider, nbstream server URL): both serving, secrets.toml written."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NBSTREAM_APP_DIR", raising=False)
    provider = Provider()
    with serving(lambda: application(provider)) as provider_url:
        provider.issuer = provider_url
        (tmp_path / ".streamlit").mkdir()
        secrets_file = tmp_path / ".streamlit" / "secrets.toml"
        # The callback's URL is only known once the server listens: written just below.
        secrets_file.write_text(auth_secrets(provider_url, "http://127.0.0.1:1/oauth2callback"))
        with serving(lambda: tornado.web.Application(handlers("/"))) as app_url:
            secrets_file.write_text(auth_secrets(provider_url, app_url + "/oauth2callback"))
            auth.secrets.reload()
            yield provider, app_url
    auth.secrets.reload()


def login(app_url: str, query: str = "next=/app%3Fx%3D1") -> tuple[requests.Session, requests.Response]:
    """Go through the flow step by step; the last answer (the callback's)."""
    session = requests.Session()
    start = session.get(f"{app_url}/auth/login?{query}", allow_redirects=False, timeout=10)
    assert start.status_code == 302, start.text
    to_provider = start.headers["Location"]
    assert "code_challenge_method=S256" in to_provider and "nonce=" in to_provider
    assert "prompt=select_account" in to_provider  # Streamlit's default
    assert auth_cookie.STATE_COOKIE in session.cookies
    back = session.get(to_provider, allow_redirects=False, timeout=10)
    assert back.status_code == 302 and back.headers["Location"].startswith(f"{app_url}/oauth2callback?")
    return session, session.get(back.headers["Location"], allow_redirects=False, timeout=10)


def test_a_login_sets_the_identity_cookie_and_returns_to_the_page(flow, monkeypatch):
    provider, app_url = flow
    session, callback = login(app_url)
    assert callback.status_code == 302, callback.text
    assert callback.headers["Location"] == "/app?x=1"
    assert provider.token_requests == 1
    raw = session.cookies.get(auth_cookie.USER_COOKIE)
    assert raw is not None
    assert "httponly" in callback.headers["Set-Cookie"].lower()
    assert auth_cookie.STATE_COOKIE not in session.cookies  # used once
    claims = auth_cookie.verify("test-cookie-secret-8c1d", auth_cookie.USER_COOKIE, raw, 3600)
    assert claims["email"] == USER["email"] and claims["sub"] == USER["sub"]
    assert "nonce" not in claims

    # The kernel of the page the browser returns to: Voila passes the Cookie header.
    monkeypatch.setenv("HTTP_COOKIE", f"other=1; {auth_cookie.USER_COOKIE}={raw}")
    assert auth.user.is_logged_in is True
    assert auth.user.email == "ada@example.test"
    assert auth.user["name"] == "Ada Lovelace"
    assert auth.user.to_dict()["iss"] == provider.issuer

    assert dict(auth.user.tokens) == {}  # no expose_tokens: none

    out = session.get(f"{app_url}/auth/logout?next=/app", allow_redirects=False, timeout=10)
    assert out.status_code == 302 and out.headers["Location"] == "/app"
    assert auth_cookie.USER_COOKIE not in session.cookies


def test_a_named_provider(tmp_path, flow):
    _, app_url = flow
    text = (tmp_path / ".streamlit" / "secrets.toml").read_text()
    provider_block = text.split('cookie_secret = "test-cookie-secret-8c1d"\n', 1)[1]
    (tmp_path / ".streamlit" / "secrets.toml").write_text(
        text.replace(provider_block, "") + "\n[auth.stand_in]\n" + provider_block
    )
    session, callback = login(app_url, "provider=stand_in")
    assert callback.status_code == 302 and callback.headers["Location"] == "/"
    claims = auth_cookie.verify(
        "test-cookie-secret-8c1d", auth_cookie.USER_COOKIE, session.cookies[auth_cookie.USER_COOKIE], 60
    )
    assert claims["provider"] == "stand_in"
    missing = requests.get(f"{app_url}/auth/login?provider=nope", allow_redirects=False, timeout=10)
    assert missing.status_code == 400 and "nope" in missing.text


@pytest.mark.parametrize("tamper", ["nonce", "audience", "signature", "expired"])
def test_a_wrong_id_token_is_refused(flow, tamper):
    provider, app_url = flow
    provider.tamper = tamper
    session, callback = login(app_url)
    assert callback.status_code == 400
    assert "ID token was refused" in callback.text
    assert auth_cookie.USER_COOKIE not in session.cookies


def test_a_callback_without_the_login_state_is_refused(flow):
    _, app_url = flow
    session, _ = login(app_url)
    session.cookies.clear()
    replay = requests.get(
        f"{app_url}/oauth2callback?code=abc&state=forged", allow_redirects=False, timeout=10
    )
    assert replay.status_code == 400 and "state" in replay.text
    assert auth_cookie.USER_COOKIE not in replay.cookies


def test_a_declined_login_returns_logged_out(flow):
    _, app_url = flow
    session = requests.Session()
    start = session.get(f"{app_url}/auth/login?next=/app", allow_redirects=False, timeout=10)
    state = start.headers["Location"].split("state=")[1].split("&")[0]
    back = session.get(
        f"{app_url}/oauth2callback?error=access_denied&state={state}", allow_redirects=False, timeout=10
    )
    assert back.status_code == 302 and back.headers["Location"] == "/app"
    assert auth_cookie.USER_COOKIE not in session.cookies


def test_next_stays_on_the_site():
    assert safe_next("/app?page=2", "/") == "/app?page=2"
    for bad in ("//evil.example/x", "https://evil.example/", "/\\evil.example", "app", None, ""):
        assert safe_next(bad, "/base/") == "/base/"


def test_the_callback_route_follows_redirect_uri(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text(
        '[auth]\nredirect_uri = "http://host:9/my/app/oauth2callback"\ncookie_secret = "x"\n'
    )
    assert callback_path("/my/app/") == "/my/app/oauth2callback"
    routes = [route for route, *_ in handlers("/other/")]
    assert routes[:2] == ["/other/auth/login", "/other/auth/logout"]
    assert "/my/app/oauth2callback" in routes


def test_identity_cookies_cannot_be_forged_or_kept_too_long():
    value = {"email": "a@b.c"}
    signed = auth_cookie.sign("secret", auth_cookie.USER_COOKIE, value, now=1000)
    assert auth_cookie.verify("secret", auth_cookie.USER_COOKIE, signed, 60, now=1030) == value
    assert auth_cookie.verify("other", auth_cookie.USER_COOKIE, signed, 60, now=1030) is None
    assert auth_cookie.verify("secret", auth_cookie.STATE_COOKIE, signed, 60, now=1030) is None  # renamed
    assert auth_cookie.verify("secret", auth_cookie.USER_COOKIE, signed, 60, now=1100) is None  # too old
    stamp, _, mac = signed.split(".")
    forged = auth_cookie.sign("guess", auth_cookie.USER_COOKIE, {"email": "eve@x"}, now=1000).split(".")[1]
    assert (
        auth_cookie.verify("secret", auth_cookie.USER_COOKIE, f"{stamp}.{forged}.{mac}", 60, now=1030) is None
    )


def test_st_user_is_logged_out_with_a_forged_cookie(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text(
        '[auth]\nredirect_uri = "http://h/oauth2callback"\ncookie_secret = "right"\n'
    )
    auth.secrets.reload()
    forged = auth_cookie.sign("wrong", auth_cookie.USER_COOKIE, {"email": "eve@x"})
    monkeypatch.setenv("HTTP_COOKIE", f"{auth_cookie.USER_COOKIE}={forged}")
    try:
        assert auth.user.is_logged_in is False
        assert "email" not in auth.user
        good = auth_cookie.sign("right", auth_cookie.USER_COOKIE, {"email": "ada@x"})
        monkeypatch.setenv("HTTP_COOKIE", f"{auth_cookie.USER_COOKIE}={good}")
        assert auth.user.email == "ada@x"
    finally:
        auth.secrets.reload()


def test_expose_tokens_puts_them_in_st_user_tokens(tmp_path, flow, monkeypatch):
    _, app_url = flow
    secrets_file = tmp_path / ".streamlit" / "secrets.toml"
    secrets_file.write_text(
        secrets_file.read_text().replace("[auth]\n", '[auth]\nexpose_tokens = ["id", "access"]\n', 1)
    )
    auth.secrets.reload()
    session, callback = login(app_url)
    assert callback.status_code == 302
    header = "; ".join(f"{c.name}={c.value}" for c in session.cookies)
    monkeypatch.setenv("HTTP_COOKIE", header)
    tokens = auth.user.tokens
    assert set(tokens) == {"id", "access"}
    assert tokens.id.count(".") == 2  # a JWT
    assert "id" not in auth.user and "tokens" not in auth.user.to_dict()  # not among the claims
    secrets_file.write_text(
        secrets_file.read_text().replace('expose_tokens = ["id", "access"]', 'expose_tokens = "id"')
    )
    session, _ = login(app_url)
    monkeypatch.setenv("HTTP_COOKIE", "; ".join(f"{c.name}={c.value}" for c in session.cookies))
    assert set(auth.user.tokens) == {"id"}
    session.get(f"{app_url}/auth/logout", allow_redirects=False, timeout=10)
    assert auth_cookie.TOKENS_COOKIE not in session.cookies


def test_standalone_voila_gets_the_login_routes_and_passes_the_cookie():
    """etc/jupyter/voila.py's hook: Voila (without nbstream run) serves the login and
    passes each kernel the Cookie header that st.user reads."""
    from types import SimpleNamespace

    from nbstream.server import serve_logins_in_voila

    class FakeVoila:
        base_url = "/base/"

        def __init__(self) -> None:
            self.voila_configuration = SimpleNamespace(http_header_envs=["X-Forwarded-User"])

        def init_handlers(self) -> list:
            return [("/base/voila/render/(.*)", object, {})]

    serve_logins_in_voila(FakeVoila)
    serve_logins_in_voila(FakeVoila)  # once only
    voila = FakeVoila()
    routes = [route for route, *_ in voila.init_handlers()]
    assert routes == [
        "/base/auth/login",
        "/base/auth/logout",
        "/base/oauth2callback",
        "/base/voila/render/(.*)",
    ]
    assert voila.voila_configuration.http_header_envs == ["X-Forwarded-User", "Cookie"]
