"""`nbstream serve`'s session life cycle: a tab that comes back within the grace period
gets its session back, one that comes back later a fresh one; a killed kernel takes its
sessions with it and the tabs reconnect to a working app on its replacement.  And what a
session knows of its own request: st.context (the tab's headers and cookies), st.login
against a stand-in OpenID Connect provider (log in, st.user.email, log out), and a large
medium served by URL with range requests to its own tab only."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, free_port, wait_text
from test_serve import SCRIPT, click_add, start_serve

from tests.oidc_provider import Provider, application, auth_secrets
from tests.unit.http_helpers import serving

GRACE = 3

# The request's side of a session, and a video above the 2 MiB served-media threshold
# (bytes of a known pattern: what a range request returns is checked against it).
REQUEST = """
st.text(f"agent={st.context.headers.get('User-Agent')} flavour={st.context.cookies.get('flavour')}")
if st.user.is_logged_in:
    st.text(f"hello {st.user.email}")
    if st.button("Log out"):
        st.logout()
else:
    st.text("logged out")
    if st.button("Log in"):
        st.login()
if st.query_params.get("media"):
    st.video(bytes(range(256)) * 12_288, format="video/webm")
"""


@pytest.fixture(scope="module")
def provider() -> Iterator[Provider]:
    stand_in = Provider()
    with serving(lambda: application(stand_in)) as url:
        stand_in.issuer = url
        yield stand_in


@pytest.fixture(scope="module")
def served(workdir: Path, provider: Provider) -> Iterator[Server]:
    project = workdir / "project"
    (project / ".streamlit").mkdir(parents=True)
    (project / "app.py").write_text(SCRIPT + REQUEST)
    port = free_port()
    (project / ".streamlit" / "secrets.toml").write_text(
        auth_secrets(provider.issuer, f"http://127.0.0.1:{port}/oauth2callback")
    )
    server = start_serve(project, workdir, "--server.disconnectedSessionTTL", str(GRACE), port=port)
    yield server
    server.stop()


def session_id(page: object) -> str:
    return page.evaluate("Object.values(sessionStorage)[0]")  # type: ignore[attr-defined]


def test_a_tab_back_within_the_grace_period_gets_its_session(chromium, served):
    page = chromium.new_context().new_page()
    try:
        page.goto(f"{served.url}?tab=a")
        wait_text(page, "count=0 tab=a", timeout=60_000)
        click_add(page, "count=1 tab=a")
        click_add(page, "count=2 tab=a")
        first = session_id(page)
        page.reload()
        wait_text(page, "count=2 tab=a", timeout=30_000)
        page.goto("about:blank")
        time.sleep(1)
        page.goto(f"{served.url}?tab=a")
        wait_text(page, "count=2 tab=a", timeout=30_000)
        assert session_id(page) == first
        click_add(page, "count=3 tab=a")
    finally:
        page.context.close()


def test_a_tab_back_after_the_grace_period_gets_a_fresh_session(chromium, served):
    page = chromium.new_context().new_page()
    try:
        page.goto(f"{served.url}?tab=b")
        wait_text(page, "count=0 tab=b", timeout=60_000)
        click_add(page, "count=1 tab=b")
        first = session_id(page)
        page.goto("about:blank")
        time.sleep(GRACE + 2)
        assert f"session {first[:6]} ended" in served.log.read_text(errors="replace")
        page.goto(f"{served.url}?tab=b")
        wait_text(page, "count=0 tab=b", timeout=30_000)
        assert session_id(page) != first
        click_add(page, "count=1 tab=b")
    finally:
        page.context.close()


def test_st_context_reads_the_tabs_own_request(chromium, served):
    pages = []
    for agent, flavour in (("agent-one", "mint"), ("agent-two", "plain")):
        context = chromium.new_context(user_agent=agent)
        # HttpOnly: only the server's request can tell the session about it.
        context.add_cookies([{"name": "flavour", "value": flavour, "url": served.url, "httpOnly": True}])
        pages.append(context.new_page())
    try:
        for page in pages:
            page.goto(served.url)
        wait_text(pages[0], "agent=agent-one flavour=mint", timeout=60_000)
        wait_text(pages[1], "agent=agent-two flavour=plain", timeout=60_000)
    finally:
        for page in pages:
            page.context.close()


def test_login_round_trip_shows_the_user_and_logout_clears_it(chromium, served, provider):
    context = chromium.new_context()
    page = context.new_page()
    try:
        page.goto(f"{served.url}?tab=login")
        wait_text(page, "logged out", timeout=60_000)
        click_add(page, "count=1 tab=login")
        page.get_by_role("button", name="Log in").click()
        # To the provider and back: the page's new websocket carries the identity cookie,
        # so it gets a fresh session (the old one's request had no login) that sees it.
        wait_text(page, "hello ada@example.test", timeout=60_000)
        wait_text(page, "count=0 tab=login")
        assert provider.token_requests >= 1
        assert {c["name"]: c for c in context.cookies()}["_streamlit_user"]["httpOnly"] is True
        page.get_by_role("button", name="Log out").click()
        wait_text(page, "logged out", timeout=60_000)
        assert "_streamlit_user" not in {c["name"] for c in context.cookies()}
    finally:
        context.close()


def test_a_large_medium_is_served_by_url_to_its_own_tab_only(chromium, served):
    page = chromium.new_context().new_page()
    other = chromium.new_context().new_page()
    try:
        page.goto(f"{served.url}?media=1")
        video = page.locator(".nbs-main video").first
        video.wait_for(state="attached", timeout=60_000)
        page.wait_for_function("() => document.querySelector('.nbs-main video')?.getAttribute('src')")
        src = video.get_attribute("src")
        assert src and "/nbstream/media/" in src and not src.startswith(("blob:", "data:"))
        url = f"{served.url.rstrip('/')}{src}" if src.startswith("/") else src
        got = page.evaluate(
            """async (u) => {
                const r = await fetch(u, {headers: {Range: 'bytes=256-263'}});
                return [r.status, r.headers.get('Content-Range'), [...new Uint8Array(await r.arrayBuffer())]];
            }""",
            url,
        )
        assert got == [206, f"bytes 256-263/{256 * 12_288}", list(range(8))]
        # Another visitor (no key cookie for that session's media) gets nothing.
        other.goto(served.url)
        wait_text(other, "logged out", timeout=60_000)
        assert other.evaluate("(u) => fetch(u).then(r => r.status)", url) == 404
    finally:
        page.context.close()
        other.context.close()


def test_a_killed_kernel_takes_its_sessions_and_the_tabs_reconnect(chromium, served):
    context = chromium.new_context()
    try:
        pages = [context.new_page() for _ in range(3)]
        for i, page in enumerate(pages):
            page.goto(f"{served.url}?tab=k{i}")
            wait_text(page, f"count=0 tab=k{i}", timeout=60_000)
            click_add(page, f"count=1 tab=k{i}")
        (kernel,) = served.kernels()
        os.kill(kernel, signal.SIGKILL)
        # Each tab starts a fresh session on the replacement kernel and works.
        for i, page in enumerate(pages):
            wait_text(page, f"count=0 tab=k{i}", timeout=60_000)
            click_add(page, f"count=1 tab=k{i}")
        assert served.kernels() and served.kernels() != [kernel]
        assert "died with 3 sessions" in served.log.read_text(errors="replace")
    finally:
        context.close()
