"""`nbstream serve --gateway-url`: the app's kernels on a real Jupyter Enterprise Gateway.

One gateway (its local process launcher; a venv of its own, see tests/gateway_server.py)
and one `nbstream serve --gateway-url` for the module, both on 127.0.0.1.  Chromium
proves: the app renders and reacts; two tabs keep their own state and share one
`st.cache_resource` load; the kernel is the gateway's (its REST API lists it, the serve
process has no kernel of its own); a reload within the grace period keeps the session; a
hostile page reaches no kernel; a large image comes inline (the kernel writes no file,
though its environment names a media directory); a kernel deleted on the gateway, or
killed there (and restarted empty by the gateway), gives its tabs fresh sessions on a
replacement and the app keeps working.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, free_port, wait_text
from test_serve import HOSTILE, click_add

from tests.gateway_server import VENV_ENV, Gateway, gateway_binary

GRACE = 30

SCRIPT = """
import os
import numpy as np
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
if st.query_params.get("media"):
    # Noise does not compress: a PNG of about 3 MB, over the 2 MiB served-by-URL threshold.
    st.image(np.random.default_rng(7).integers(0, 255, (1000, 1000, 3), dtype=np.uint8))
"""


@pytest.fixture(scope="module")
def gateway(workdir: Path) -> Iterator[Gateway]:
    binary = gateway_binary()
    if binary is None:
        pytest.skip(
            f"Jupyter Enterprise Gateway is not installed (.ci/run makes .venv-gateway; {VENV_ENV} names another)"
        )
    media = workdir / "kernel-media"
    media.mkdir()
    # The kernels' environment names a media directory that exists on their machine (as a
    # gateway's host may have one): with a gateway, media must still go inline.
    server = Gateway(
        binary, env={"NBSTREAM_MEDIA_DIR": str(media), "EG_INHERITED_ENVS": "NBSTREAM_MEDIA_DIR"}
    )
    server.media = media  # type: ignore[attr-defined]
    yield server
    server.stop()


@pytest.fixture(scope="module")
def served(workdir: Path, gateway: Gateway) -> Iterator[Server]:
    project = workdir / "project"
    project.mkdir()
    (project / "app.py").write_text(SCRIPT)
    port = free_port()
    argv = [sys.executable, "-m", "nbstream.cli", "serve", str(project / "app.py"), "--gateway-url", gateway.url,
            "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
            "--server.disconnectedSessionTTL", str(GRACE)]  # fmt: skip
    env = gateway.client_env()
    server = Server(argv, workdir, "nbstream/static/manifest.json", port, extra_env=env)
    server.project = project  # type: ignore[attr-defined]
    yield server
    server.stop()
    # A stopped server leaves no kernel behind on the gateway.
    assert eventually(lambda: gateway.kernel_ids() == [], timeout=15), gateway.kernel_ids()


def session_id(page: object) -> str:
    return page.evaluate("Object.values(sessionStorage)[0]")  # type: ignore[attr-defined]


def eventually(predicate, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_the_app_runs_on_the_gateways_kernel(chromium, served, gateway):
    page = chromium.new_context().new_page()
    try:
        page.goto(f"{served.url}?tab=a")
        wait_text(page, "count=0 tab=a", timeout=90_000)
        click_add(page, "count=1 tab=a")
        click_add(page, "count=2 tab=a")
        # The gateway lists the kernel and runs its process; nbstream serve runs none.
        assert len(gateway.kernel_ids()) == 1
        assert len(gateway.kernel_pids()) == 1
        assert served.kernels() == []
    finally:
        page.context.close()


def test_tabs_have_their_own_state_and_share_cache_resource(chromium, served):
    context = chromium.new_context()
    try:
        one, two = context.new_page(), context.new_page()
        one.goto(f"{served.url}?tab=one")
        two.goto(f"{served.url}?tab=two")
        wait_text(one, "count=0 tab=one", timeout=60_000)
        wait_text(two, "count=0 tab=two", timeout=60_000)
        click_add(one, "count=1 tab=one")
        click_add(one, "count=2 tab=one")
        click_add(two, "count=1 tab=two")
        wait_text(one, "count=2 tab=one")
        assert (served.project / "loads.txt").read_text().splitlines() == ["load"]
    finally:
        context.close()


def test_a_reload_within_the_grace_period_keeps_the_session(chromium, served):
    page = chromium.new_context().new_page()
    try:
        page.goto(f"{served.url}?tab=r")
        wait_text(page, "count=0 tab=r", timeout=60_000)
        click_add(page, "count=1 tab=r")
        first = session_id(page)
        page.reload()
        wait_text(page, "count=1 tab=r", timeout=30_000)
        assert session_id(page) == first
        click_add(page, "count=2 tab=r")
    finally:
        page.context.close()


def test_a_hostile_page_reaches_no_kernel(chromium, served, gateway, workdir):
    marker = workdir / "HACKED"
    context = chromium.new_context()
    try:
        victim, hostile = context.new_page(), context.new_page()
        victim.goto(f"{served.url}?tab=victim")
        wait_text(victim, "count=0 tab=victim", timeout=60_000)
        click_add(victim, "count=1 tab=victim")
        hostile.goto(f"{served.url}?tab=hostile")
        wait_text(hostile, "count=0 tab=hostile", timeout=60_000)
        result = hostile.evaluate(HOSTILE, {"marker": str(marker), "victim": session_id(victim)})
        assert result["first"]["t"] == "session" and result["first"]["resumed"] is False
        assert result["api"] == [404, 404, 404, 404, 404]
        # The gateway itself is another origin, behind its token: the page has no way in.
        time.sleep(1)
        assert not marker.exists()
        wait_text(victim, "count=1 tab=victim")
        click_add(hostile, "count=1 tab=hostile")
        click_add(victim, "count=2 tab=victim")
        log = served.log.read_text(errors="replace")
        assert "a frame of 10000000 bytes" in log
        # The bridge's own checks ran in the gateway's kernel (its log comes back on iopub).
        (kernel,) = gateway.kernel_ids()
        assert f"[{kernel[:8]}]: nbstream: dropped a browser message" in log
    finally:
        context.close()
    assert not marker.exists()


def test_a_large_image_comes_inline(chromium, served, gateway):
    page = chromium.new_context().new_page()
    try:
        page.goto(f"{served.url}?tab=m&media=1")
        wait_text(page, "count=0 tab=m", timeout=60_000)
        image = page.locator(".nbs-main img").first
        image.wait_for(timeout=60_000)
        page.wait_for_function(
            "() => { const i = document.querySelector('.nbs-main img'); return i && i.complete && i.naturalWidth > 0 }",
            timeout=60_000,
        )
        assert image.evaluate("i => [i.naturalWidth, i.naturalHeight]") == [1000, 1000]
        source = image.get_attribute("src") or ""
        assert source.startswith(("blob:", "data:")) and "nbstream/media" not in source
        # The kernel wrote no file to the directory its environment names.
        assert list(gateway.media.iterdir()) == []
        click_add(page, "count=1 tab=m")
    finally:
        page.context.close()


def test_a_kernel_deleted_or_killed_on_the_gateway_is_replaced(chromium, served, gateway):
    context = chromium.new_context()
    try:
        pages = [context.new_page() for _ in range(2)]
        for i, page in enumerate(pages):
            page.goto(f"{served.url}?tab=k{i}")
            wait_text(page, f"count=0 tab=k{i}", timeout=60_000)
            click_add(page, f"count=1 tab=k{i}")
        (first,) = gateway.kernel_ids()
        # Deleted through the gateway's REST API.
        gateway.api(f"api/kernels/{first}", method="DELETE")
        for i, page in enumerate(pages):
            wait_text(page, f"count=0 tab=k{i}", timeout=60_000)
            click_add(page, f"count=1 tab=k{i}")
        assert eventually(lambda: len(gateway.kernel_ids()) == 1 and gateway.kernel_ids() != [first])
        (second,) = gateway.kernel_ids()
        # Its process killed: the gateway restarts it empty, nbstream serve replaces it.
        (pid,) = gateway.kernel_pids()
        os.kill(pid, signal.SIGKILL)
        for i, page in enumerate(pages):
            wait_text(page, f"count=0 tab=k{i}", timeout=60_000)
            click_add(page, f"count=1 tab=k{i}")
        assert eventually(lambda: second not in gateway.kernel_ids() and len(gateway.kernel_ids()) == 1)
        log = served.log.read_text(errors="replace")
        # (The first kernel also had the earlier tests' sessions, kept for their grace period.)
        assert log.count(" died with ") == 2 and "died with 2 sessions" in log
        assert served.kernels() == []
    finally:
        context.close()
