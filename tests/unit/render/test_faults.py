"""The render layer's part in runaway runs: the kernel interrupt stops app runs, and the
browser is told of an earlier run left behind in C code."""

from __future__ import annotations

import signal
import textwrap
import threading
import time

import pytest

from nbstream.render import interrupt
from nbstream.render.app import App
from nbstream.runtime.script import Script

SPIN = """
import nbstream as st
if st.button("spin"):
    entered.set()
    while True:
        pass
st.write("idle")
"""


class FakeKernel:
    """What ipykernel's kernel does with SIGINT around each request it handles."""

    def __init__(self) -> None:
        self.saved_sigint_handler = signal.SIG_IGN

    def pre_handler_hook(self) -> None:
        self.saved_sigint_handler = signal.signal(signal.SIGINT, signal.default_int_handler)

    def post_handler_hook(self) -> None:
        signal.signal(signal.SIGINT, self.saved_sigint_handler)


@pytest.fixture
def fake_kernel(monkeypatch):
    kernel = FakeKernel()
    saved = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # ipykernel ignores SIGINT while idle
    monkeypatch.setattr(interrupt, "_kernel", lambda: kernel)
    monkeypatch.setattr(interrupt, "_installed", False)
    yield kernel
    signal.signal(signal.SIGINT, saved)


def spinning_app(entered: threading.Event) -> App:
    app = App(Script(textwrap.dedent(SPIN), seed={"entered": entered}))
    app.run(wait=10)
    button = next(n.id for n in app.session.tree.walk() if n.kind == "button")
    app.session.click(button)
    assert entered.wait(10)
    return app


def wait_idle(app: App, seconds: float = 3.0) -> bool:
    deadline = time.monotonic() + seconds
    while not app.session.idle:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_sigint_while_the_kernel_is_idle_stops_the_apps_run(fake_kernel):
    entered = threading.Event()
    app = spinning_app(entered)
    try:
        signal.raise_signal(signal.SIGINT)  # as JupyterLab's interrupt button does
        assert wait_idle(app)
    finally:
        app.close()


def test_sigint_while_a_cell_executes_stops_the_apps_run_and_the_cell(fake_kernel):
    entered = threading.Event()
    app = spinning_app(entered)
    try:
        fake_kernel.pre_handler_hook()  # a cell starts executing
        with pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)
        fake_kernel.post_handler_hook()
        assert wait_idle(app)
        assert signal.getsignal(signal.SIGINT) is interrupt._while_idle
    finally:
        app.close()


def test_the_browser_hears_of_a_run_left_behind_in_c_code():
    gate, entered = threading.Event(), threading.Event()
    app = App(
        Script(
            "import nbstream as st\nif st.button('block'):\n    entered.set()\n    gate.wait()\nst.write('ok')\n",
            seed={"gate": gate, "entered": entered},
        )
    )
    app.run(wait=10)
    sent: list[dict] = []
    app.widget.send = lambda content, buffers=None: sent.append(content)
    try:
        button = next(n.id for n in app.session.tree.walk() if n.kind == "button")
        app.session.click(button)
        assert entered.wait(10)
        app.session.stop()
        assert wait_idle(app)
        assert {"t": "lingering", "n": 1} in sent
        gate.set()
        deadline = time.monotonic() + 3
        while app.session.lingering and time.monotonic() < deadline:
            time.sleep(0.02)
        app.session.rerun()
        assert app.session.wait(10)
        assert {"t": "lingering", "n": 0} in sent
    finally:
        gate.set()
        app.close()
