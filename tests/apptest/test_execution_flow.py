"""st.stop, st.rerun, uncaught exceptions: what the user sees and what state is kept."""

from __future__ import annotations

import pytest
from apphelpers import run


def texts(at):
    return [t.value for t in at.text]


# ---- st.stop -------------------------------------------------------------------------------


def test_stop_keeps_what_was_drawn_and_runs_nothing_after():
    at = run(
        """
        import nbstream as st
        st.text("a")
        st.text_input("x", key="x")
        st.stop()
        st.text("b")
        st.checkbox("never")
        """
    )
    assert texts(at) == ["a"]
    assert len(at.checkbox) == 0
    assert not at.exception
    at.text_input[0].input("hi").run()
    assert at.session_state.x == "hi"


def test_stop_is_not_an_exception_the_script_catches():
    at = run(
        """
        import nbstream as st
        try:
            st.stop()
        except Exception:
            st.text("caught")
        st.text("after")
        """
    )
    assert texts(at) == []
    assert not at.exception


def test_widgets_below_a_stop_keep_their_state():
    at = run(
        """
        import nbstream as st
        if st.checkbox("stop here", key="stop"):
            st.stop()
        st.text_input("name", key="name")
        """
    )
    at.text_input[0].input("Jane").run()
    at.checkbox[0].check().run()
    assert len(at.text_input) == 0
    assert at.session_state.name == "Jane"
    at.checkbox[0].uncheck().run()
    assert at.text_input[0].value == "Jane"


# ---- st.rerun ------------------------------------------------------------------------------


def test_rerun_starts_a_new_run_at_once():
    at = run(
        """
        import nbstream as st
        st.session_state.n = st.session_state.get("n", 0) + 1
        st.text(f"run {st.session_state.n}")
        if st.session_state.n < 3:
            st.rerun()
        st.text("end")
        """
    )
    assert texts(at) == ["run 3", "end"]


def test_rerun_keeps_the_values_of_widgets_below_it():
    at = run(
        """
        import nbstream as st
        st.session_state.clicks = st.session_state.get("clicks", 0)
        if st.button("go"):
            st.session_state.clicks += 1
            st.rerun()
        name = st.text_input("name")
        st.text(f"{st.session_state.clicks} {name}")
        """
    )
    at.text_input[0].input("Jane").run()
    at.button[0].click().run()
    assert texts(at) == ["1 Jane"]
    assert at.text_input[0].value == "Jane"


def test_rerun_in_a_callback_does_nothing():
    at = run(
        """
        import nbstream as st
        def cb():
            st.session_state.c = st.session_state.get("c", 0) + 1
            st.rerun()
        st.button("b", on_click=cb)
        st.text(st.session_state.get("c", 0))
        """
    )
    at.button[0].click().run()
    assert texts(at) == ["1"]
    assert not at.exception


def test_rerun_with_an_invalid_scope():
    # Since Streamlit 1.67 any other string is a fragment key, for widget callbacks only.
    at = run('import nbstream as st\nst.rerun(scope="page")')
    assert at.exception[0].proto.type == "StreamlitAPIException"
    assert "only allowed from a widget callback" in at.exception[0].message


def test_rerun_fragment_scope_outside_a_fragment():
    at = run('import nbstream as st\nst.rerun(scope="fragment")')
    assert at.exception[0].proto.type == "StreamlitAPIException"
    assert "fragment" in at.exception[0].message


# ---- uncaught exceptions -------------------------------------------------------------------


def test_an_uncaught_exception_is_an_exception_element():
    at = run(
        """
        import nbstream as st
        st.text("before")
        1 + "a"
        st.text("after")
        """
    )
    assert texts(at) == ["before"]
    assert len(at.exception) == 1
    assert at.exception[0].proto.type == "TypeError"
    assert at.exception[0].value == "unsupported operand type(s) for +: 'int' and 'str'"
    assert at.exception[0].message == "unsupported operand type(s) for +: 'int' and 'str'"
    assert any("1 + " in line for line in at.exception[0].stack_trace)


def test_the_exception_is_shown_after_what_was_drawn():
    at = run('import nbstream as st\nst.text("before")\nraise RuntimeError("boom")')
    assert [c.type for c in at.main.children.values()] == ["text", "exception"]


def test_the_traceback_holds_the_users_frames_only():
    at = run(
        """
        import nbstream as st
        def helper():
            raise ValueError("deep")
        helper()
        """
    )
    trace = "".join(at.exception[0].stack_trace)
    assert "helper" in trace
    assert "nbstream/runtime" not in trace


def test_the_session_keeps_working_after_an_exception():
    at = run(
        """
        import nbstream as st
        n = st.number_input("n", 0, 10, key="n")
        st.text("before")
        if n == 1:
            raise ValueError("boom")
        st.text(f"after {n}")
        """
    )
    at.number_input[0].set_value(1).run()
    assert texts(at) == ["before"]
    assert at.exception[0].proto.type == "ValueError"
    assert at.exception[0].value == "boom"
    assert at.session_state.n == 1
    at.number_input[0].set_value(2).run()
    assert texts(at) == ["before", "after 2"]
    assert not at.exception


def test_widgets_below_an_exception_keep_their_state():
    at = run(
        """
        import nbstream as st
        if st.checkbox("boom", key="b"):
            raise ValueError("x")
        st.text_input("other", key="o")
        """
    )
    at.text_input[0].input("keep me").run()
    at.checkbox[0].check().run()
    assert at.exception[0].proto.type == "ValueError"
    assert at.exception[0].value == "x"
    assert at.session_state.o == "keep me"
    at.checkbox[0].uncheck().run()
    assert at.text_input[0].value == "keep me"


def test_st_exception_shows_a_caught_exception_and_the_run_goes_on():
    at = run(
        """
        import nbstream as st
        try:
            {}["missing"]
        except KeyError as exc:
            st.exception(exc)
        st.text("still running")
        """
    )
    assert at.exception[0].proto.type == "KeyError"
    assert at.exception[0].value == "'missing'"
    assert texts(at) == ["still running"]


def test_st_write_of_an_exception_shows_it():
    at = run('import nbstream as st\nst.write(ValueError("written"))')
    assert at.exception[0].proto.type == "ValueError"
    assert at.exception[0].value == "written"


def test_st_exception_rejects_a_non_exception():
    at = run('import nbstream as st\nst.exception("not an exception")')
    assert at.exception[0].proto.type == "StreamlitAPIException"


def test_api_errors_are_marked_as_api_errors():
    at = run('import nbstream as st\nst.button("b", type="huge")')
    assert at.exception[0].is_api_error is True
    at = run('import nbstream as st\nraise ValueError("user")')
    assert at.exception[0].is_api_error is False


@pytest.mark.parametrize(
    ("mode", "type_name", "message"),
    [
        ("full", "ValueError", "secret detail"),
        ("stacktrace", "ValueError", "This app has encountered an error."),
        ("type", "ValueError", "This app has encountered an error."),
        ("none", "", "This app has encountered an error."),
    ],
)
def test_show_error_details_redacts_uncaught_errors(mode, type_name, message):
    import nbstream as st

    st.set_option("client.showErrorDetails", mode)
    at = run('import nbstream as st\nraise ValueError("secret detail")')
    assert at.exception[0].proto.type == type_name
    assert at.exception[0].value.startswith(message)
    assert at.exception[0].message.startswith(message)
    if mode in ("type", "none"):
        assert at.exception[0].stack_trace == []
