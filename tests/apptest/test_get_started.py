"""Spec 2.5 "Get started with app testing": the bean counter and the fundamentals."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from apphelpers import TIMEOUT, run

from nbstream.testing import AppTest

APPS = Path(__file__).parent / "apps"


def test_increment_and_add():
    """A user increments the number input, then clicks Add"""
    at = AppTest.from_file("apps/bean_counter.py").run()
    at.number_input[0].increment().run()
    at.button[0].click().run()
    assert at.markdown[0].value == "Beans counted: 1"


def test_bean_counter_shows_its_four_elements():
    at = AppTest.from_file("apps/bean_counter.py").run()
    assert at.title[0].value == "Bean counter :paw_prints:"
    assert at.number_input[0].value == 0
    assert at.number_input[0].label == "Beans to add"
    assert at.button[0].label == "Add"
    assert at.markdown[0].value == "Beans counted: 0"
    assert not at.exception


def test_bean_counter_click_is_a_one_run_event():
    at = AppTest.from_file("apps/bean_counter.py").run()
    at.number_input[0].set_value(3).run()
    at.button[0].click().run()
    assert at.button[0].value is True
    assert at.markdown[0].value == "Beans counted: 3"
    at.run()  # the next action: the button is False again and nothing is added
    assert at.button[0].value is False
    assert at.markdown[0].value == "Beans counted: 3"
    at.button[0].click().run()
    assert at.markdown[0].value == "Beans counted: 6"


def test_bean_counter_increment_stops_at_max_value():
    at = AppTest.from_file("apps/bean_counter.py").run()
    at.number_input[0].set_value(10).run()
    at.number_input[0].increment().run()
    assert at.number_input[0].value == 10
    at.number_input[0].set_value(0).run()
    at.number_input[0].decrement().run()
    assert at.number_input[0].value == 0


def test_run_returns_the_apptest_and_from_file_does_not_run():
    at = AppTest.from_file("apps/bean_counter.py")
    assert len(at.markdown) == 0
    assert at.run() is at
    assert len(at.markdown) == 1


def test_from_file_resolves_against_the_working_directory(tmp_path, monkeypatch):
    (tmp_path / "app.py").write_text('import nbstream as st\nst.text("from the cwd")\n')
    monkeypatch.chdir(tmp_path)
    at = AppTest.from_file("app.py").run()
    assert at.text[0].value == "from the cwd"


def test_from_file_prefers_the_test_folder_over_the_working_directory(tmp_path, monkeypatch):
    # As Streamlit: a relative path is first resolved beside the calling test file.
    (tmp_path / "apps").mkdir()
    (tmp_path / "apps" / "bean_counter.py").write_text('import nbstream as st\nst.text("cwd copy")\n')
    monkeypatch.chdir(tmp_path)
    at = AppTest.from_file("apps/bean_counter.py").run()
    assert not at.text
    assert at.markdown[0].value == "Beans counted: 0"


def test_from_file_names_both_places_when_the_script_is_missing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(
        FileNotFoundError, match=r"file that calls AppTest\.from_file\(\), then the working directory"
    ):
        AppTest.from_file("apps/no_such_app.py")


def test_from_file_takes_an_absolute_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    at = AppTest.from_file(str(APPS / "bean_counter.py")).run()
    assert at.markdown[0].value == "Beans counted: 0"


def test_from_file_missing_script_raises():
    with pytest.raises(FileNotFoundError):
        AppTest.from_file("apps/no_such_app.py")


def test_script_file_can_import_modules_beside_it(tmp_path):
    (tmp_path / "helper_mod_for_test.py").write_text("GREETING = 'hi from a module'\n")
    (tmp_path / "app.py").write_text(
        "import nbstream as st\nfrom helper_mod_for_test import GREETING\nst.text(GREETING)\n"
    )
    at = AppTest.from_file(str(tmp_path / "app.py")).run()
    assert at.text[0].value == "hi from a module"
    assert not at.exception


def test_from_string_and_from_function():
    at = AppTest.from_string("import nbstream as st\nst.title('from a string')").run()
    assert at.title[0].value == "from a string"

    def my_app(greeting, name="you"):
        import nbstream as st

        st.title(f"{greeting}, {name}")

    at = AppTest.from_function(my_app, args=("Hello",), kwargs={"name": "Jane"}).run()
    assert at.title[0].value == "Hello, Jane"


def test_from_function_without_arguments():
    def my_app():
        import nbstream as st

        st.text("no args")

    assert AppTest.from_function(my_app).run().text[0].value == "no args"


def test_script_runs_as_main():
    at = run(
        """
        import nbstream as st
        st.text(__name__)
        class Thing: pass
        st.text(Thing.__module__)
        """
    )
    assert [t.value for t in at.text] == ["__main__", "__main__"]


def test_run_times_out_with_runtimeerror():
    at = AppTest.from_string(
        "import time\nimport nbstream as st\nwhile True:\n    st.empty()\n    time.sleep(0.01)\n"
    )
    with pytest.raises(RuntimeError, match="timed out"):
        at.run(timeout=0.2)


def test_default_timeout_is_used_by_run():
    at = AppTest.from_string(
        "import time\nimport nbstream as st\nwhile True:\n    st.empty()\n    time.sleep(0.01)\n",
        default_timeout=0.2,
    )
    with pytest.raises(RuntimeError):
        at.run()


# ---- retrieving elements -------------------------------------------------------------


def test_elements_are_in_display_order_not_code_order():
    at = run(
        """
        import nbstream as st
        first = st.container()
        second = st.container()
        second.button("A")
        first.button("B")
        """
    )
    assert at.button[0].label == "B"
    assert at.button[1].label == "A"


def test_widgets_by_key():
    at = run(
        """
        import nbstream as st
        st.button("Next", key="submit")
        st.button("Back", key="cancel")
        """
    )
    assert at.button(key="submit").label == "Next"
    assert at.button("cancel").label == "Back"


def test_lookup_of_a_missing_key_raises_keyerror():
    at = run("import nbstream as st\nst.button('Next', key='submit')")
    with pytest.raises(KeyError):
        at.button(key="nope")


def test_containers_narrow_the_sequences():
    at = run(
        """
        import nbstream as st
        st.sidebar.checkbox("in sidebar")
        st.checkbox("in main")
        st.selectbox("main select", ["a"])
        c1, c2 = st.columns(2)
        c1.button("one")
        c2.button("two")
        c2.button("three")
        """
    )
    assert [c.label for c in at.sidebar.checkbox] == ["in sidebar"]
    assert [c.label for c in at.main.checkbox] == ["in main"]
    assert [c.label for c in at.checkbox] == ["in main", "in sidebar"]  # main, then sidebar
    assert len(at.main.selectbox) == 1
    assert len(at.columns) == 2
    assert [b.label for b in at.columns[0].button] == ["one"]
    assert [b.label for b in at.columns[1].button] == ["two", "three"]


def test_inspecting_a_selectbox():
    at = run(
        """
        import nbstream as st
        st.selectbox("A", [1,2,3], None, help="Pick a number", placeholder="Pick me")
        """
    )
    assert at.selectbox[0].value is None
    assert at.selectbox[0].label == "A"
    assert at.selectbox[0].options == ["1", "2", "3"]
    assert at.selectbox[0].index is None
    assert at.selectbox[0].help == "Pick a number"
    assert at.selectbox[0].placeholder == "Pick me"
    assert at.selectbox[0].disabled is False


def test_set_value_and_read_back_before_run():
    at = run("import nbstream as st\nv = st.slider('s', 0, 10, 3)\nst.text(v)")
    at.slider[0].set_value(7)
    assert at.slider[0].value == 7  # what the test set, pending
    assert at.text[0].value == "3"  # the app has not rerun yet
    at.run()
    assert at.text[0].value == "7"


def test_testing_v1_module_path():
    from nbstream.testing.v1 import AppTest as V1AppTest

    assert V1AppTest is AppTest


def test_config_and_secrets_of_the_project_reach_the_app(project, monkeypatch):
    monkeypatch.delenv("DB_TOKEN", raising=False)  # restored to absent afterwards
    (project / ".streamlit").mkdir()
    (project / ".streamlit" / "config.toml").write_text("[runner]\nmagicEnabled = false\n")
    (project / ".streamlit" / "secrets.toml").write_text('DB_TOKEN = "from-file"\n')
    (project / "app.py").write_text('import nbstream as st\n"magic off"\nst.text(st.secrets.DB_TOKEN)\n')
    from nbstream import config
    from nbstream.secrets import secrets

    config.reload()
    secrets.reload()
    at = AppTest.from_file("app.py", default_timeout=TIMEOUT).run()
    assert len(at.markdown) == 0
    assert at.text[0].value == "from-file"
    assert os.environ["DB_TOKEN"] == "from-file"  # root-level secrets become env vars
