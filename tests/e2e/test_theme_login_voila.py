"""`nbstream run --voila` in Chromium, one server for: Streamlit 1.67's `[theme]` options as the
page draws them (a font from `[[theme.fontFaces]]` served from ./static, baseFontSize,
buttonRadius, heading sizes, the categorical chart colors on a bar chart's bars, the
dataframe header, `[theme.light]`, `[theme.sidebar]`), the server options that map onto
the Jupyter server (XSRF, CORS), and st.login against a stand-in OpenID Connect
provider on 127.0.0.1 (log in, see st.user.email, log out).
"""

from __future__ import annotations

import os
import shutil
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, close_page, free_port, wait_text

import nbstream
from tests.oidc_provider import Provider, application, auth_secrets
from tests.unit.http_helpers import serving

SCRIPT = """
import pandas as pd
import nbstream as st

st.title("Themed")
st.markdown("Body text in the theme's font.")
st.bar_chart(pd.DataFrame({"n": [3, 1, 2]}))
st.dataframe(pd.DataFrame({"col": [1, 2]}))
st.sidebar.title("Side")
if st.user.is_logged_in:
    st.text(f"hello {st.user.email}")
    if st.button("Log out"):
        st.logout()
else:
    st.text("logged out")
    if st.button("Log in"):
        st.login()
"""

THEME = """
[server]
enableStaticServing = true
corsAllowedOrigins = ["http://allowed.example"]

[theme]
base = "light"
font = "TestFace, sans-serif"
baseFontSize = 20
buttonRadius = "7px"
headingFontSizes = ["50px"]
chartCategoricalColors = ["#aa3311", "#11aa33"]
dataframeHeaderBackgroundColor = "#123456"

[[theme.fontFaces]]
family = "TestFace"
url = "app/static/TestFace.woff2"
weight = 400

[theme.light]
primaryColor = "#00aa00"

[theme.sidebar]
backgroundColor = "#fedcba"
"""


@pytest.fixture(scope="module")
def provider() -> Iterator[Provider]:
    stand_in = Provider()
    with serving(lambda: application(stand_in)) as url:
        stand_in.issuer = url
        yield stand_in


@pytest.fixture(scope="module")
def served(workdir: Path, provider: Provider) -> Iterator[Server]:
    project = workdir / "themed"
    (project / "static").mkdir(parents=True)
    (project / ".streamlit").mkdir()
    (project / "streamlit_app.py").write_text(SCRIPT)
    font = next((Path(nbstream.__file__).parent / "static" / "fonts").glob("KaTeX_Main-Regular*.woff2"))
    shutil.copy(font, project / "static" / "TestFace.woff2")
    (project / ".streamlit" / "config.toml").write_text(THEME)
    port = free_port()
    (project / ".streamlit" / "secrets.toml").write_text(
        auth_secrets(provider.issuer, f"http://127.0.0.1:{port}/oauth2callback")
    )
    argv = [sys.executable, "-m", "nbstream", "run", str(project), "--voila", "--server.port", str(port),
            "--server.address", "127.0.0.1", "--server.headless", "true"]  # fmt: skip
    here = os.getcwd()
    os.chdir(project)
    try:
        server = Server(argv, workdir, "voila/static/voila.js", port)
    finally:
        os.chdir(here)
    yield server
    server.stop()


def computed(page: object, selector: str, prop: str) -> str:
    return page.eval_on_selector(selector, f"e => getComputedStyle(e).getPropertyValue('{prop}').trim()")


def test_theme_options_as_drawn(chromium, served):
    page = chromium.new_page(viewport={"width": 1200, "height": 900})
    try:
        page.goto(served.url)
        wait_text(page, "Body text", timeout=60_000)
        # [[theme.fontFaces]]: the font file from ./static is loaded and used.
        assert computed(page, ".nbs-main .nbs-markdown p", "font-family").startswith("TestFace")
        page.wait_for_function(
            "() => [...document.fonts].some(f => f.family.replace(/\"/g, '') === 'TestFace' && f.status === 'loaded')",
            timeout=15_000,
        )
        # baseFontSize scales the page (rem); headingFontSizes sets h1.
        assert page.evaluate("() => getComputedStyle(document.documentElement).fontSize") == "20px"
        assert computed(page, ".nbs-main .nbs-markdown p", "font-size") == "20px"
        assert computed(page, ".nbs-main h1", "font-size") == "50px"
        # ... but not the sidebar's, which keeps the default (2.75rem of 20px).
        assert computed(page, ".nbs-sidebar h1", "font-size") == "55px"
        # buttonRadius; [theme.light] over [theme] (the base is light); [theme.sidebar].
        assert computed(page, ".nbs-main .nbs-button", "border-top-left-radius") == "7px"
        assert computed(page, ".nbs-app", "--nbs-primary-color") == "#00aa00"
        assert computed(page, ".nbs-sidebar", "background-color") == "rgb(254, 220, 186)"
        # dataframeHeaderBackgroundColor
        page.locator(".nbs-df-header").first.wait_for(timeout=15_000)
        assert computed(page, ".nbs-df-header", "background-color") == "rgb(18, 52, 86)"
        # chartCategoricalColors: a one-series bar chart draws in the first color.
        bar = page.locator(".nbs-main svg .mark-rect path").first
        bar.wait_for(timeout=30_000)
        assert bar.get_attribute("fill").lower() == "#aa3311"
    finally:
        close_page(page)


def test_login_shows_the_user_and_logout_clears_it(chromium, served, provider):
    context = chromium.new_context()
    page = context.new_page()
    try:
        page.goto(served.url)
        wait_text(page, "logged out", timeout=60_000)
        page.get_by_role("button", name="Log in").click()
        # To the provider and back: a new page load, whose kernel sees the identity cookie.
        wait_text(page, "hello ada@example.test", timeout=60_000)
        assert provider.token_requests >= 1
        cookies = {c["name"]: c for c in context.cookies()}
        assert cookies["_streamlit_user"]["httpOnly"] is True
        assert page.evaluate("() => document.cookie").find("_streamlit_user") == -1
        page.get_by_role("button", name="Log out").click()
        wait_text(page, "logged out", timeout=60_000)
        assert "_streamlit_user" not in {c["name"] for c in context.cookies()}
    finally:
        close_page(page)
        context.close()


def _get(url: str, headers: dict[str, str], method: str = "GET") -> tuple[int, dict[str, str]]:
    request = urllib.request.Request(url, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def test_cors_and_xsrf_reach_the_server(served):
    # server.corsAllowedOrigins: that origin is allowed, another is not.
    _, allowed = _get(served.url, {"Origin": "http://allowed.example"})
    assert allowed.get("Access-Control-Allow-Origin") == "http://allowed.example"
    _, other = _get(served.url, {"Origin": "http://other.example"})
    assert "Access-Control-Allow-Origin" not in other
    # server.enableXsrfProtection (on by default): a POST without the XSRF token is refused.
    status, _ = _get(served.url + "voila/api/shutdown/none", {"Content-Type": "application/json"}, "POST")
    assert status == 403
