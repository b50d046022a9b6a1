"""`nbstream serve`: many tabs, one kernel, a session each; and what a hostile page cannot do.

One server for the module (one kernel): 20 tabs get their own state and share one
``st.cache_resource`` load; a page that sends execute requests, comm opens, forged
session ids, restart requests and 10 MB messages runs no code (the marker file its code
would write never appears) and changes no one's state.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, free_port, wait_text

SCRIPT = """
import os
import nbstream as st

@st.cache_resource
def shared():
    with open(os.path.join(os.path.dirname(__file__), "loads.txt"), "a") as f:
        f.write("load\\n")
    return object()

shared()
st.session_state.setdefault("n", 0)
if st.button("Add"):
    st.session_state.n += 1
st.text(f"count={st.session_state.n} tab={st.query_params.get('tab', '-')}")
"""

TABS = 20


def start_serve(folder: Path, home: Path, *options: str, port: int | None = None) -> Server:
    port = port or free_port()
    argv = [sys.executable, "-m", "nbstream.cli", "serve", str(folder / "app.py"),
            "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
            *options]  # fmt: skip
    return Server(argv, home, "nbstream/static/manifest.json", port)


@pytest.fixture(scope="module")
def served(workdir: Path) -> Iterator[Server]:
    project = workdir / "project"
    project.mkdir()
    (project / "app.py").write_text(SCRIPT)
    server = start_serve(project, workdir)
    server.project = project  # type: ignore[attr-defined]
    yield server
    server.stop()


def click_add(page: object, expect: str) -> None:
    page.get_by_role("button", name="Add").click()  # type: ignore[attr-defined]
    wait_text(page, expect)


def test_twenty_tabs_have_their_own_state_and_share_cache_resource(chromium, served):
    context = chromium.new_context(viewport={"width": 800, "height": 600})
    try:
        pages = []
        for i in range(TABS):
            page = context.new_page()
            page.goto(f"{served.url}?tab={i}")
            pages.append(page)
        for i, page in enumerate(pages):
            wait_text(page, f"count=0 tab={i}", timeout=60_000)
        for i, page in enumerate(pages):
            for n in range(1, i % 3 + 1):
                click_add(page, f"count={n} tab={i}")
        for i, page in enumerate(pages):
            wait_text(page, f"count={i % 3} tab={i}")
        # One kernel, one load of the cached resource for all twenty sessions.
        assert len(served.kernels()) == 1
        assert (served.project / "loads.txt").read_text().splitlines() == ["load"]
    finally:
        context.close()


HOSTILE = """
async ({marker, victim}) => {
  const code = `open(${JSON.stringify(marker)}, "w").write("pwned")`;
  const url = new URL("_nbstream/ws", location.href);
  url.protocol = "ws:";
  const connect = (query) => new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.href}?${query}`);
    const got = [];
    ws.onmessage = (e) => got.push(typeof e.data === "string" ? JSON.parse(e.data) : "binary");
    ws.onopen = () => resolve({ ws, got });
    ws.onerror = reject;
  });
  const { ws, got } = await connect("session=forged-session-id");
  await new Promise((r) => setTimeout(r, 500));
  const shell = (msg_type, content) =>
    JSON.stringify({ header: { msg_id: "x", msg_type, session: victim, username: "", version: "5.3" },
                     parent_header: {}, metadata: {}, channel: "shell", content, buffers: [] });
  ws.send(shell("execute_request", { code, silent: false, store_history: false }));
  ws.send(JSON.stringify({ t: "execute_request", code }));
  ws.send(JSON.stringify({ t: "comm_open", comm_id: "c1", target_name: "jupyter.widget", data: { code } }));
  ws.send(JSON.stringify({ t: "comm_msg", comm_id: victim, data: { method: "custom", content: { t: "rerun" } } }));
  ws.send(JSON.stringify({ t: "click", id: "Add", session: victim, values: {} }));
  ws.send(JSON.stringify({ t: "set", values: { [code]: 1 } }));
  ws.send(JSON.stringify({ t: "session", id: victim }));
  ws.send(shell("shutdown_request", { restart: true }));
  ws.send(shell("interrupt_request", {}));
  ws.send(JSON.stringify({ t: "set", values: { x: "x".repeat(10_000_000) } }));
  ws.send(new Uint8Array(10_000_000));
  const api = [];
  for (const [path, method] of [["api/kernels", "GET"], ["api/kernels", "POST"], ["api/sessions", "GET"],
                                ["api/contents/app.py", "GET"], ["files/app.py", "GET"]]) {
    // With the page's XSRF token, as a real client of Jupyter Server's API would send it.
    const xsrf = (document.cookie.match(/_xsrf=([^;]+)/) || [])[1] || "";
    api.push((await fetch(new URL(path, location.href), { method, headers: { "X-XSRFToken": xsrf } })).status);
  }
  await new Promise((r) => setTimeout(r, 2000));
  const first = got[0];
  ws.close();
  return { first, api, open: ws.readyState };
}
"""


def test_a_hostile_page_runs_no_code_and_reaches_no_other_session(chromium, served, workdir):
    marker = workdir / "HACKED"
    context = chromium.new_context()
    try:
        victim, hostile = context.new_page(), context.new_page()
        victim.goto(f"{served.url}?tab=victim")
        wait_text(victim, "count=0 tab=victim", timeout=60_000)
        click_add(victim, "count=1 tab=victim")
        victim_id = victim.evaluate("Object.values(sessionStorage)[0]")
        assert victim_id
        hostile.goto(f"{served.url}?tab=hostile")
        wait_text(hostile, "count=0 tab=hostile", timeout=60_000)
        result = hostile.evaluate(HOSTILE, {"marker": str(marker), "victim": victim_id})
        # A forged session id gets a fresh session of its own, not someone's.
        assert result["first"]["t"] == "session" and result["first"]["resumed"] is False
        assert result["first"]["id"] not in (victim_id, "forged-session-id")
        # No Jupyter Server API is mounted: no kernels, sessions or files to reach.
        assert result["api"] == [404, 404, 404, 404, 404]
        time.sleep(1)
        assert not marker.exists()
        # Both apps still work, each with its own state.
        wait_text(victim, "count=1 tab=victim")
        click_add(hostile, "count=1 tab=hostile")
        click_add(victim, "count=2 tab=victim")
        log = served.log.read_text(errors="replace")
        assert "dropped a message" in log and "a frame of 10000000 bytes" in log
        assert "dropped a browser message" in log  # the bridge's own checks, in the kernel
    finally:
        context.close()
    assert not marker.exists()
