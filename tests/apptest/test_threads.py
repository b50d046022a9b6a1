"""Streamlit's multithreading concept: worker threads given the run's context write into
containers of the page; a thread without it warns and its writes are dropped."""

from __future__ import annotations

import logging

from apphelpers import run

# The docs' example (concept-source/multithreading-expose-context.py), with short delays.
EXPOSE_CONTEXT = """
import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx
import time
from threading import Thread


class WorkerThread(Thread):
    def __init__(self, delay, target):
        super().__init__()
        self.delay = delay
        self.target = target

    def run(self):
        start_time = time.time()
        time.sleep(self.delay)
        end_time = time.time()
        self.target.write(f"delay {self.delay}: {end_time - start_time >= self.delay}")


delays = [0.25, 0.2, 0.15, 0.1, 0.05]
result_containers = []
for i, delay in enumerate(delays):
    st.header(f"Thread {i}")
    result_containers.append(st.container())

threads = [WorkerThread(delay, container) for delay, container in zip(delays, result_containers)]
for thread in threads:
    add_script_run_ctx(thread, get_script_run_ctx())
    thread.start()

for thread in threads:
    thread.join()

st.button("Rerun")
"""


def test_threads_with_the_run_context_write_into_their_containers():
    at = run(EXPOSE_CONTEXT)
    assert not at.exception
    assert [h.value for h in at.header] == [f"Thread {i}" for i in range(5)]
    # Each container holds its own thread's line, in page order, though they finished in reverse.
    containers = at.main.children
    texts = [m.value for m in at.markdown]
    assert texts == [f"delay {d}: True" for d in (0.25, 0.2, 0.15, 0.1, 0.05)]
    assert len(containers) == 11  # 5 headers, 5 containers, the button
    at.button[0].click().run()
    assert [m.value for m in at.markdown] == texts


def test_a_thread_writing_with_the_cursor_of_its_own_does_not_move_the_scripts():
    at = run(
        """
        import threading
        import streamlit as st
        from streamlit.runtime.scriptrunner import add_script_run_ctx

        box = st.container()
        started, done = threading.Event(), threading.Event()

        def work():
            with box:
                st.write("from the thread")
                started.set()
                done.wait(5)

        thread = add_script_run_ctx(threading.Thread(target=work))
        thread.start()
        started.wait(5)
        st.write("from the script")  # while the thread is inside `with box:`
        done.set()
        thread.join()
        """
    )
    assert not at.exception
    assert [m.value for m in at.main.children[0].markdown] == ["from the thread"]
    assert at.main.children[1].value == "from the script"


def test_a_thread_without_the_context_warns_and_its_writes_are_dropped(caplog):
    with caplog.at_level(logging.WARNING, logger="nbstream"):
        at = run(
            """
            import threading
            import streamlit as st
            from streamlit.runtime.scriptrunner import get_script_run_ctx

            seen = []
            def work():
                seen.append(get_script_run_ctx(suppress_warning=True))
                st.write("lost")

            thread = threading.Thread(target=work, name="orphan")
            thread.start()
            thread.join()
            st.write(f"the thread saw a context: {seen[0] is not None}")
            """
        )
    assert not at.exception
    assert [m.value for m in at.markdown] == ["the thread saw a context: False"]
    assert "Thread 'orphan': missing ScriptRunContext!" in caplog.text


def test_get_script_run_ctx_in_the_script_and_session_identity():
    at = run(
        """
        import streamlit as st
        from streamlit.runtime.scriptrunner import get_script_run_ctx
        ctx = get_script_run_ctx()
        st.session_state.ids = st.session_state.get("ids", []) + [ctx.session_id]
        st.write(f"{len(set(st.session_state.ids))} {len(st.session_state.ids)}")
        """
    )
    at.run()
    assert at.markdown[0].value == "1 2"


def test_runtime_exists_inside_apps():
    at = run("import streamlit as st\nst.write(f'exists: {st.runtime.exists()}')")
    assert at.markdown[0].value == "exists: True"
