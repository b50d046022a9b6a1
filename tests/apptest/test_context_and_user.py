"""st.context outside a browser, st.user without a login, st.login's configuration errors."""

from __future__ import annotations

import pytest
from apphelpers import app, run


def test_st_context_without_a_browser_reads_as_none_and_is_read_only():
    at = run(
        """
        import nbstream as st
        from nbstream.errors import StreamlitAPIException
        c = st.context
        st.text(repr((c.locale, c.timezone, c.timezone_offset, c.url, c.ip_address, c.is_embedded)))
        st.text(repr((dict(c.headers), dict(c.cookies), c.theme.type)))
        try:
            st.context.locale = "fr"
        except StreamlitAPIException as e:
            st.text(str(e))
        """
    )
    assert [t.value for t in at.text] == [
        "(None, None, None, None, None, None)",
        "({}, {}, None)",
        "st.context cannot be modified.",
    ]


def test_st_user_is_logged_out_and_read_only():
    at = run(
        """
        import nbstream as st
        from nbstream.errors import StreamlitAPIException
        st.text(repr((st.user.is_logged_in, st.user.to_dict(), dict(st.user), st.user.get("email"))))
        try:
            st.user.email
        except AttributeError as e:
            st.text(str(e))
        try:
            st.user["is_logged_in"] = True
        except StreamlitAPIException as e:
            st.text(str(e))
        st.text(repr(dict(st.user.tokens)))
        st.logout()
        st.text("after logout")
        """
    )
    assert [t.value for t in at.text] == [
        "(False, {'is_logged_in': False}, {'is_logged_in': False}, None)",
        'st.user has no attribute "email".',
        "st.user cannot be modified",
        "{}",
        "after logout",
    ]


def login_error(secrets: dict, call: str = "st.login()") -> tuple[str, str]:
    at = app(f"import nbstream as st\n{call}\nst.text('after')")
    at.secrets.update(secrets)
    at.run()
    assert len(at.text) == 0
    return at.exception[0].proto.type, at.exception[0].message


def test_login_without_auth_configuration_says_what_to_configure():
    kind, message = login_error({"other": "x"})
    assert kind == "StreamlitAuthError"
    assert message == (
        "To use authentication features you need to configure credentials for at least one "
        "authentication provider in `.streamlit/secrets.toml`."
    )


@pytest.mark.parametrize(
    ("auth", "call", "message"),
    [
        ({"cookie_secret": "s"}, "st.login()", 'missing the "redirect_uri" key'),
        ({"redirect_uri": "http://x/oauth2callback"}, "st.login()", 'missing the "cookie_secret" key'),
        (
            {"redirect_uri": "r", "cookie_secret": "s"},
            "st.login()",
            "are missing for the default authentication provider.",
        ),
        (
            {"redirect_uri": "r", "cookie_secret": "s"},
            "st.login('google')",
            'are missing for the authentication provider "google".',
        ),
        (
            {"redirect_uri": "r", "cookie_secret": "s", "google": {"client_id": "i"}},
            "st.login('google')",
            'for the authentication provider "google" are missing the following keys: '
            "['client_secret', 'server_metadata_url'].",
        ),
    ],
)
def test_login_checks_the_auth_section(auth, call, message):
    kind, text = login_error({"auth": auth}, call)
    assert kind == "StreamlitAuthError"
    assert message in text


def test_apptest_context_fills_st_context_as_a_browser_would():
    at = app(
        """
        import nbstream as st
        c = st.context
        st.text(repr((c.timezone, c.timezone_offset, c.locale, c.url, c.is_embedded, c.theme.type)))
        """
    )
    at.context.update(
        timezone="Europe/Berlin", timezone_offset=-60, locale="de-DE", url="http://127.0.0.1/app",
        is_embedded=True, theme="dark",
    )  # fmt: skip
    at.run()
    assert at.text[0].value == "('Europe/Berlin', -60, 'de-DE', 'http://127.0.0.1/app', True, 'dark')"
    at.context.clear()
    at.run()
    assert at.text[0].value == "(None, None, None, None, None, None)"


def test_apptest_context_of_the_wrong_type_is_refused():
    from nbstream.testing.errors import AppTestError

    at = app("import nbstream as st\nst.text(str(st.context.timezone))")
    at.context["timezone"] = 42
    with pytest.raises(AppTestError, match="timezone"):
        at.run()


PROVIDER = {
    "client_id": "i",
    "client_secret": "c",
    "server_metadata_url": "http://127.0.0.1:1/.well-known/openid-configuration",
}


@pytest.mark.parametrize(
    ("auth", "call", "url"),
    [
        ({"redirect_uri": "r", "cookie_secret": "s", **PROVIDER}, "st.login()", "/auth/login"),
        (
            {"redirect_uri": "r", "cookie_secret": "s", "google": PROVIDER},
            "st.login('google')",
            "/auth/login?provider=google",
        ),
    ],
)
def test_login_with_a_configured_provider_sends_the_page_to_the_login(auth, call, url):
    """The page goes to the server's login URL (the front end follows the root's
    ``redirect`` prop in a served app); the script goes on."""
    script = f"import nbstream as st\nif 'once' not in st.session_state:\n    st.session_state.once = 1\n    {call}\n"
    at = app(script + "st.text('after')")
    at.secrets.update({"auth": auth})
    at.run()
    assert not at.exception
    assert [t.value for t in at.text] == ["after"]
    assert at._session.tree.props["redirect"]["url"] == url
    at.run()  # a later run without st.login sends nowhere
    assert "redirect" not in at._session.tree.props
