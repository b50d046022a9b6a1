"""A worker thread's writes stream as the run's own, and stop with the run."""

from __future__ import annotations

import threading

from nbstream.runtime.context import RunContext
from nbstream.runtime.script import Script
from nbstream.runtime.session import AppSession

SCRIPT = """
import threading
import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx

box = st.container()
wrote = threading.Event()
def work():
    box.write("from the worker")
    wrote.set()

thread = add_script_run_ctx(threading.Thread(target=work, name="worker"))
thread.start()
thread.join()
"""


class Recorder:
    def __init__(self) -> None:
        self.runs: list[RunContext] = []
        self.changes: list[tuple[str, RunContext]] = []

    def run_started(self, ctx: RunContext) -> None:
        self.runs.append(ctx)

    def tree_changed(self, ctx: RunContext) -> None:
        self.changes.append((threading.current_thread().name, ctx))

    def run_finished(self, ctx: RunContext, completed: bool) -> None:
        pass


def test_a_workers_writes_are_reported_as_changes_of_the_run_itself():
    session = AppSession(Script(SCRIPT))
    recorder = Recorder()
    session.add_listener(recorder)
    session.rerun()
    assert session.wait(10)
    (run,) = recorder.runs
    from_worker = [ctx for name, ctx in recorder.changes if name == "worker"]
    assert from_worker and all(ctx is run for ctx in from_worker)
    session.close()


def test_a_worker_stops_with_its_run():
    started = threading.Event()
    session = AppSession(
        Script(
            """
import threading, time
import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx
from nbstream.runtime.errors import RunInterrupted

def work():
    started.set()
    try:
        while True:
            st.empty()  # every st.* call checks whether the run was stopped
            time.sleep(0.01)
    except RunInterrupted:
        st.session_state.worker_stopped = True

thread = add_script_run_ctx(threading.Thread(target=work))
thread.start()
thread.join()
""",
            seed={"started": started},
        )
    )
    session.rerun()
    assert started.wait(10)
    session.stop()
    assert session.wait(10)
    assert session.state["worker_stopped"] is True
    session.close()
