"""Script runs: compiled once, a fresh namespace per run, seeded globals, syntax errors."""

from __future__ import annotations

from nbstream.runtime.script import Script
from nbstream.runtime.session import AppSession
from nbstream.testing import AppTest


def texts(session: AppSession) -> list[str]:
    return [n.props["body"] for n in session.tree.walk() if n.kind == "text"]


def run_once(session: AppSession) -> AppSession:
    session.rerun()
    assert session.wait(10)
    return session


def test_each_run_starts_from_a_fresh_namespace():
    src = "import nbstream as st\ntry:\n    seen\nexcept NameError:\n    seen = 0\nseen += 1\nst.text(seen)"
    session = AppSession(Script(src))
    run_once(session)
    run_once(session)
    assert texts(session) == ["1"]
    session.close()


def test_seeded_globals_are_readable_and_script_variables_do_not_leak_back():
    seed = {"greeting": "hi from the notebook"}
    session = AppSession(
        Script("import nbstream as st\nst.text(greeting)\ngreeting = 'changed'\nnew = 1", seed=seed)
    )
    run_once(session)
    run_once(session)
    assert texts(session) == ["hi from the notebook"]
    assert seed == {"greeting": "hi from the notebook"}
    session.close()


def test_the_script_is_compiled_once():
    script = Script("x = 1")
    assert script.code is script.code


def test_scripts_with_equal_names_keep_their_own_source_lines():
    one = AppTest.from_string("import nbstream as st\nraise ValueError('one')").run()
    two = AppTest.from_string("import nbstream as st\n\nraise ValueError('two')").run()
    assert "raise ValueError('one')" in "".join(one.exception[0].stack_trace)
    assert "raise ValueError('two')" in "".join(two.exception[0].stack_trace)


def test_a_syntax_error_is_shown_and_a_fixed_script_runs():
    session = AppSession(Script("import nbstream as st\nst.text('ok'\n"))
    run_once(session)
    errors = [n for n in session.tree.walk() if n.kind == "exception"]
    assert [e.props["type"] for e in errors] == ["SyntaxError"]
    session.set_script(Script("import nbstream as st\nst.text('fixed')\n"))
    run_once(session)
    assert texts(session) == ["fixed"]
    session.close()


def test_set_script_keeps_session_state():
    session = AppSession(
        Script("import nbstream as st\nst.session_state.n = st.session_state.get('n', 0) + 1")
    )
    run_once(session)
    session.set_script(Script("import nbstream as st\nst.text(st.session_state.n)"))
    run_once(session)
    assert texts(session) == ["1"]
    session.close()


def test_the_script_file_name_is_its_path(tmp_path):
    path = tmp_path / "app.py"
    path.write_text("import nbstream as st\nst.text(__file__)\n")
    at = AppTest.from_file(str(path)).run()
    assert at.text[0].value == str(path)
