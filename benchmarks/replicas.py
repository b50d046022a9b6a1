"""Two `nbstream serve` replicas behind HAProxy (the README's configuration) against one
replica reached directly: click latency, a 20-tab load, failover time.

    python benchmarks/replicas.py            # 30 clicks per series
    python benchmarks/replicas.py --quick    # 10

Everything runs on 127.0.0.1: a Redis server (the shared `cache_data` store), two
replicas of the counter app of browser_latency.py (one kernel each), HAProxy with the
README's configuration (tests/e2e/replicas.py).  Figures:

- click -> text (median ms, measured in the page as browser_latency.py does) in one tab
  through the proxy and in one tab straight to a replica, in the same run;
- 20 tabs (each its own browser context, so the proxy spreads them) through the proxy vs
  20 tabs straight to one replica: seconds from opening them all until every one shows
  the app, how the proxy split them, each replica's RSS (server + kernels) before and
  after;
- failover: a tab's replica killed (SIGKILL) or stopped (SIGTERM) -> the tab shows the app
  from the other replica (a fresh session) and a click there has shown its result.

A benchmark, not a test: it prints figures and exits 0.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from browser_latency import APP, click_series  # noqa: E402
from e2e_helpers import ARGS, CHROMIUM  # noqa: E402
from replicas import COOKIE, HAProxy, haproxy_binary, ports, start_replica  # noqa: E402
from serve import tree_rss  # noqa: E402

from tests.redis_server import redis_server  # noqa: E402

SCRIPT = "import os\nimport nbstream as st\n" + APP + "st.write(f\"Replica: {os.environ.get('REPLICA')}\")\n"
SCOPE = ".nbs-main"
TABS = 20
GRACE = 2  # seconds a closed tab's session is kept: phases do not see the last one's


def shows(page, text: str, timeout: float = 120_000) -> None:
    page.wait_for_function(
        "t => document.body && document.body.textContent.includes(t)", arg=text, timeout=timeout
    )


def one_tab(browser, url: str, n: int) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 800, "height": 600})
    try:
        page = context.new_page()
        page.goto(url)
        shows(page, "Count: 0")
        page.wait_for_timeout(500)
        return click_series(page, SCOPE, n)
    finally:
        context.close()


def load(browser, url: str, replicas: dict) -> dict[str, object]:
    """20 visitors at once: seconds until all show the app, their split, RSS per replica."""
    before = {name: tree_rss(server.proc.pid) for name, server in replicas.items()}
    contexts = [browser.new_context(viewport={"width": 800, "height": 600}) for _ in range(TABS)]
    try:
        pages = [context.new_page() for context in contexts]
        start = time.perf_counter()
        for page in pages:
            page.goto(url, wait_until="commit")
        for page in pages:
            shows(page, "Count: 0")
        seconds = time.perf_counter() - start
        split: dict[str, int] = {}
        for page in pages:
            text = page.inner_text(SCOPE)
            replica = text.split("Replica: ", 1)[1].split()[0]
            split[replica] = split.get(replica, 0) + 1
        time.sleep(3)  # the runs end, the sessions settle
        after = {name: tree_rss(server.proc.pid) for name, server in replicas.items()}
        return {"seconds": seconds, "split": split, "before": before, "after": after}
    finally:
        for context in contexts:
            context.close()
        time.sleep(GRACE + 3)


def failover(browser, proxy: HAProxy, replicas: dict, sig: int) -> tuple[str, float]:
    """A tab through the proxy; its replica gets ``sig``; seconds until the other one's
    fresh session shows the app and has answered a click."""
    context = browser.new_context(viewport={"width": 800, "height": 600})
    try:
        page = context.new_page()
        page.goto(proxy.url)
        shows(page, "Count: 0")
        page.get_by_role("button", name="Click me").click()
        shows(page, "Count: 1")
        victim = {c["name"]: c["value"] for c in context.cookies()}[COOKIE]
        other = "b" if victim == "a" else "a"
        start = time.perf_counter()
        os.killpg(replicas[victim].proc.pid, sig)
        shows(page, f"Replica: {other}", timeout=60_000)
        shows(page, "Count: 0", timeout=60_000)
        page.get_by_role("button", name="Click me").click()
        shows(page, "Count: 1", timeout=60_000)
        return victim, time.perf_counter() - start
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="10 clicks per series instead of 30")
    args = parser.parse_args()
    clicks = 10 if args.quick else 30
    binary = haproxy_binary()
    if binary is None:
        raise SystemExit("haproxy is not installed (apt-get install haproxy)")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="nbstream-replicas-") as tmp, redis_server() as redis:
        if redis is None:
            raise SystemExit("redis-server is not installed (apt-get install redis-server)")
        work = Path(tmp)
        project = work / "project"
        project.mkdir()
        (project / "app.py").write_text(SCRIPT)
        where = ports()
        options = ["--cache.store", "redis", "--cache.redisUrl", redis.url,
                   "--server.disconnectedSessionTTL", str(GRACE)]  # fmt: skip
        replicas = {
            name: start_replica(project, work / name, name, where[name], options) for name in ("a", "b")
        }
        proxy = HAProxy(binary, work, where)
        try:
            proxy.wait_up(servers=2)
            direct = replicas["a"].url
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                print(f"click -> text, median ms of {clicks} clicks (gaps as in browser_latency.py):")
                for label, url in (("through HAProxy", proxy.url), ("direct to a replica", direct)):
                    times = one_tab(browser, url, clicks)
                    print(f"  {label:22s} " + "  ".join(f"{k}: {v:6.1f}" for k, v in times.items()))
                print(f"{TABS} tabs opened at once:")
                for label, url, used in (
                    ("two replicas (HAProxy)", proxy.url, replicas),
                    ("one replica (direct)", direct, {"a": replicas["a"]}),
                ):
                    got = load(browser, url, used)
                    rss = ", ".join(
                        f"{name} {got['before'][name]:.0f} -> {got['after'][name]:.0f} MiB" for name in used
                    )
                    print(
                        f"  {label:22s} all drawn in {got['seconds']:.1f} s; split {got['split']}; RSS {rss}"
                    )
                for sig in (signal.SIGKILL, signal.SIGTERM):
                    victim, seconds = failover(browser, proxy, replicas, sig)
                    name = "SIGKILL" if sig == signal.SIGKILL else "SIGTERM"
                    print(
                        f"failover ({name} to replica {victim}): the tab works on the other in {seconds:.1f} s"
                    )
                    replicas[victim].stop()
                    replicas[victim] = start_replica(project, work / victim, victim, where[victim], options)
                    proxy.wait_up(servers=2)
                browser.close()
        finally:
            proxy.stop()
            for server in replicas.values():
                server.stop()


if __name__ == "__main__":
    main()
