"""Two ``nbstream serve`` replicas of one app behind HAProxy (the README's configuration),
with a shared cookie secret, a login token and the Redis ``cache_data`` store.

Tabs (each its own browser context: its own cookies) spread over both replicas and each
tab's websocket reaches its page's replica; ``cache_data`` is computed once across the
replicas while ``cache_resource`` is loaded once on each; the login cookie and the XSRF
token of one replica are good on the other; a replica stopped (SIGTERM) or killed
(SIGKILL) sends its tabs through the proxy to the other, where they get a fresh session
and work, and the other replica's tabs are not touched.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, app_text, wait_text
from replicas import COOKIE, HAProxy, haproxy_binary, ports, start_replica

TOKEN = "replica-test-token"
SECRET = "the-same-secret-on-every-replica"

SCRIPT = """
import os
import nbstream as st

HERE = os.path.dirname(os.path.abspath(__file__))
REPLICA = os.environ.get("REPLICA", "?")

def note(name):
    with open(os.path.join(HERE, name), "a") as f:
        f.write(REPLICA + "\\n")

@st.cache_data
def doubled(x):
    note("computes.txt")
    return x * 2

@st.cache_resource
def model():
    note("loads.txt")
    return object()

model()
st.session_state.setdefault("n", 0)
if st.button("Add"):
    st.session_state.n += 1
st.text(f"replica={REPLICA} count={st.session_state.n} tab={st.query_params.get('tab', '-')} doubled={doubled(21)}")
"""


class Cluster:
    def __init__(self, workdir: Path, redis_url: str) -> None:
        binary = haproxy_binary()
        if binary is None:
            pytest.skip("haproxy is not installed (.ci/run installs Debian's haproxy)")
        self.workdir = workdir
        self.project = workdir / "project"
        self.project.mkdir()
        (self.project / "app.py").write_text(SCRIPT)
        self.ports = ports()
        self.options = ["--cache.store", "redis", "--cache.redisUrl", redis_url,
                        f"--IdentityProvider.token={TOKEN}"]  # fmt: skip
        self.replicas: dict[str, Server] = {}
        for name in ("a", "b"):
            self.start(name)
        self.proxy = HAProxy(binary, workdir, self.ports)
        self.proxy.wait_up(servers=2)

    def start(self, name: str) -> Server:
        os.environ["NBSTREAM_SERVER_COOKIE_SECRET"] = SECRET
        try:
            server = start_replica(self.project, self.workdir / name, name, self.ports[name], self.options)
        finally:
            os.environ.pop("NBSTREAM_SERVER_COOKIE_SECRET", None)
        self.replicas[name] = server
        return server

    def lines(self, name: str) -> list[str]:
        path = self.project / name
        return path.read_text().splitlines() if path.exists() else []

    def stop(self) -> None:
        self.proxy.stop()
        for server in self.replicas.values():
            server.stop()


@pytest.fixture(scope="module")
def cluster(workdir: Path, redis_server) -> Iterator[Cluster]:
    running = Cluster(workdir, redis_server.url)
    yield running
    running.stop()


class Tab:
    """A visitor of its own (a browser context: its own cookies) with one page."""

    def __init__(self, chromium: object, cluster: Cluster, tab: str) -> None:
        self.context = chromium.new_context(viewport={"width": 800, "height": 500})  # type: ignore[attr-defined]
        self.page = self.context.new_page()
        self.tab = tab
        self.page.goto(f"{cluster.proxy.url}?token={TOKEN}&tab={tab}")

    def replica_cookie(self) -> str:
        return {c["name"]: c["value"] for c in self.context.cookies()}[COOKIE]

    def shown(self) -> dict[str, str]:
        """The app's line as fields: replica (the kernel serving the websocket), count..."""
        found = re.search(r"replica=\S+ count=\d+ tab=\S+ doubled=\d+", app_text(self.page))
        assert found, app_text(self.page)
        return dict(part.split("=", 1) for part in found.group(0).split())

    def wait(self, replica: str, count: int, timeout: float = 60_000) -> None:
        wait_text(self.page, f"replica={replica} count={count} tab={self.tab} doubled=42", timeout=timeout)

    def click(self, replica: str, count: int) -> None:
        self.page.get_by_role("button", name="Add").click()
        self.wait(replica, count, timeout=15_000)

    def session(self) -> str:
        return self.page.evaluate("Object.values(sessionStorage)[0]")

    def close(self) -> None:
        self.context.close()


def open_tabs(chromium: object, cluster: Cluster, prefix: str, n: int) -> list[Tab]:
    """``n`` tabs that have drawn the app, the first drawn before the others open."""
    tabs = [Tab(chromium, cluster, f"{prefix}0")]
    tabs[0].wait(tabs[0].replica_cookie(), 0)
    tabs += [Tab(chromium, cluster, f"{prefix}{i}") for i in range(1, n)]
    for tab in tabs:
        tab.wait(tab.replica_cookie(), 0)
    return tabs


def test_tabs_spread_over_replicas_each_websocket_on_its_pages_replica(chromium, cluster):
    tabs = open_tabs(chromium, cluster, "s", 6)
    try:
        # The page's replica (HAProxy's cookie) is the one whose kernel runs the tab's
        # session (the app's own line): the websocket went where the page came from.
        on = [tab.replica_cookie() for tab in tabs]
        assert [tab.shown()["replica"] for tab in tabs] == on
        assert set(on) == {"a", "b"}
        for i, tab in enumerate(tabs):
            for n in range(1, i % 3 + 1):
                tab.click(on[i], n)
        for i, tab in enumerate(tabs):
            tab.wait(on[i], i % 3)
        # cache_data: computed once across both replicas (the first tab's), a Redis hit on
        # the other; cache_resource: loaded once in each replica's kernel.
        assert len(cluster.lines("computes.txt")) == 1
        assert sorted(cluster.lines("loads.txt")) == ["a", "b"]
    finally:
        for tab in tabs:
            tab.close()


def _request(
    opener: urllib.request.OpenerDirector, port: int, path: str, host: str, body: dict | None = None
):
    """A request to one replica as the proxy passes it on: with the proxy's Host (Jupyter
    Server names its login cookie after the host the visitor sees)."""
    data = urllib.parse.urlencode(body).encode() if body is not None else None
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, headers={"Host": host})
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def test_login_cookie_and_xsrf_token_of_one_replica_are_good_on_the_other(cluster):
    a, b, host = cluster.ports["a"], cluster.ports["b"], f"127.0.0.1:{cluster.ports['proxy']}"
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)
    # No login cookie yet: the login form (Jupyter Server's), from replica a.
    assert _request(opener, a, "/", host)[0] == 302
    status, page = _request(opener, a, "/login?next=%2F", host)
    assert status == 200 and b"password" in page
    xsrf = {c.name: c.value for c in jar}["_xsrf"]
    form = {"password": TOKEN}
    # Posted to b: a forged token is refused; a's token is good (checked against the
    # visitor's own _xsrf cookie, nothing the replicas share).
    assert (
        _request(opener, b, "/login?next=%2F", host, {**form, "_xsrf": "2|00000000|" + "0" * 32 + "|1"})[0]
        == 403
    )
    assert _request(opener, b, "/login?next=%2F", host, {**form, "_xsrf": xsrf})[0] == 302
    # b's login cookie is good on a (the same server.cookieSecret): the app's page.
    status, page = _request(opener, a, "/", host)
    assert status == 200 and b"nbstream-app" in page


def _failover(chromium: object, cluster: Cluster, victim: str, sig: int, prefix: str) -> None:
    tabs = open_tabs(chromium, cluster, prefix, 6)
    try:
        on = [tab.replica_cookie() for tab in tabs]
        assert victim in on and set(on) - {victim}, on
        for i, tab in enumerate(tabs):
            tab.click(on[i], 1)
        survivor = ({"a", "b"} - {victim}).pop()
        kept = {tab.tab: tab.session() for tab, r in zip(tabs, on, strict=True) if r == survivor}
        stopped_at = time.monotonic()
        os.killpg(cluster.replicas[victim].proc.pid, sig)
        for tab, replica in zip(tabs, on, strict=True):
            if replica == victim:
                # Through the proxy to the survivor: a fresh session there, drawn anew.
                tab.wait(survivor, 0, timeout=60_000)
                assert tab.session() != kept.get(tab.tab)
                tab.click(survivor, 1)
        print(f"failover after {'SIGTERM' if sig == signal.SIGTERM else 'SIGKILL'}: "
              f"{time.monotonic() - stopped_at:.1f} s until every moved tab worked")  # fmt: skip
        for tab, replica in zip(tabs, on, strict=True):
            if replica == survivor:
                # Untouched: the same session, its count kept.
                tab.wait(survivor, 1, timeout=5_000)
                assert tab.session() == kept[tab.tab]
                tab.click(survivor, 2)
    finally:
        for tab in tabs:
            tab.close()
        cluster.replicas[victim].stop()


def test_a_stopped_replica_sends_its_tabs_to_the_other_with_fresh_sessions(chromium, cluster):
    _failover(chromium, cluster, "a", signal.SIGTERM, "t")


def test_a_killed_replica_sends_its_tabs_to_the_other_with_fresh_sessions(chromium, cluster):
    cluster.start("a")  # back after the last test: the proxy's health check takes it in again
    cluster.proxy.wait_up(servers=2)
    _failover(chromium, cluster, "b", signal.SIGKILL, "k")


def test_a_tab_outlasts_a_time_with_no_replica_up_and_comes_back_fresh(chromium, cluster):
    # One replica runs; its tab loses it, the proxy answers 503 for longer than the page's
    # connection banner waits (GONE_MS, 15 s), then the other replica comes up.
    running = [name for name, server in cluster.replicas.items() if server.proc.poll() is None]
    survivor = running[0]
    for name in running[1:]:
        cluster.replicas[name].stop()
    tab = Tab(chromium, cluster, "gap")
    try:
        tab.wait(survivor, 0)
        tab.click(survivor, 1)
        os.killpg(cluster.replicas[survivor].proc.pid, signal.SIGKILL)
        cluster.replicas[survivor].stop()
        time.sleep(17)
        back = "b" if survivor == "a" else "a"
        cluster.start(back)
        tab.wait(back, 0, timeout=60_000)
        tab.click(back, 1)
    finally:
        tab.close()
