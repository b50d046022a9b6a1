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
    at = app(
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
    at.user = {"is_logged_in": False}
    at.run()
    assert [t.value for t in at.text] == [
        "(False, {'is_logged_in': False}, {'is_logged_in': False}, None)",
        'st.user has no attribute "email".',
        "st.user cannot be modified",
        "{}",
        "after logout",
    ]


USER_APP = """
import nbstream as st
try:
    st.text(repr(st.user.is_logged_in))
except AttributeError as e:
    st.text(str(e))
st.text(repr((st.user.to_dict(), st.user.get("email"), dict(st.user.tokens))))
if st.user.get("is_logged_in"):
    st.text(f"Welcome, {st.user.name}")
if st.button("Log out"):
    st.logout()
    st.text("logged out: " + repr(st.user.to_dict()))
"""


def test_st_user_in_apptest_defaults_to_streamlits_test_user():
    # Streamlit's AppTest seeds st.user with {"email": "test@example.com"} and no
    # is_logged_in flag (only an [auth] section would add one).
    at = app(USER_APP).run()
    assert at.user == {"email": "test@example.com"}
    assert [t.value for t in at.text] == [
        'st.user has no attribute "is_logged_in".',
        "({'email': 'test@example.com'}, 'test@example.com', {})",
    ]


def test_apptest_user_logs_a_user_in_with_claims_and_tokens():
    at = app(USER_APP)
    at.user = {"is_logged_in": True, "name": "Ann", "email": "ann@example.com", "tokens": {"id": "tok"}}
    at.run()
    assert not at.exception
    assert [t.value for t in at.text] == [
        "True",
        "({'is_logged_in': True, 'name': 'Ann', 'email': 'ann@example.com', 'tokens': {'id': 'tok'}}, "
        "'ann@example.com', {'id': 'tok'})",
        "Welcome, Ann",
    ]


def test_logout_in_apptest_clears_the_user_for_later_runs_but_not_the_tests_dict():
    mine = {"is_logged_in": True, "name": "Ann"}
    at = app(USER_APP)
    at.user = mine
    at.run()
    at.button[0].click().run()
    assert at.text[-1].value == "logged out: {'is_logged_in': False}"
    assert at.user == {"is_logged_in": False}
    assert mine == {"is_logged_in": True, "name": "Ann"}
    at.run()
    assert [t.value for t in at.text][:1] == ["False"]
    assert "Welcome, Ann" not in [t.value for t in at.text]
    # Without the flag, logout leaves the user empty.
    at = app(USER_APP).run()
    at.button[0].click().run()
    assert at.user == {}


def test_apptest_user_must_be_a_dict():
    from nbstream.testing.errors import AppTestError

    at = app(USER_APP)
    at.user = ["ann"]
    with pytest.raises(AppTestError, match=r"AppTest\.user must be a dict, not list\."):
        at.run()


def test_st_user_outside_apptest_stays_logged_out():
    from nbstream.runtime.script import Script
    from nbstream.runtime.session import AppSession

    session = AppSession(Script("import nbstream as st\nst.text(repr(st.user.to_dict()))"))
    try:
        session.submit({}, [], None, None)
        assert session.wait(10)
        texts = [n.props.get("body") for n in session.tree.walk() if n.kind == "text"]
        assert texts == ["{'is_logged_in': False}"]
    finally:
        session.close()


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
