"""AppTest's lists, elements and attributes as Streamlit's: iteration, ``len``/``values``,
the fields Streamlit's elements expose, ``args``/``kwargs``, ``user``/``context`` and
``switch_page``."""

from __future__ import annotations

import textwrap
from enum import Enum

import pytest

from nbstream.testing.lists import BlockList, ElementList, WidgetList
from nbstream.testing.v1 import AppTest, AppTestError


def run(source: str) -> AppTest:
    return AppTest.from_string(textwrap.dedent(source), default_timeout=10).run()


def test_an_element_iterates_as_itself():
    at = run("import nbstream as st\nst.success('one')\nst.success('two')")
    messages = [msg.value for element in at.success for msg in element]
    assert messages == ["one", "two"]
    (only,) = at.success[0]
    assert only == at.success[0]


def test_lists_have_len_values_slices_and_keys():
    at = run(
        """
        import nbstream as st
        st.text_input("a", "x", key="first")
        st.text_input("b", "y", key="second")
        st.text_input("c", "z")
        st.columns(2)
        st.markdown("m")
        """
    )
    inputs = at.text_input
    assert isinstance(inputs, WidgetList) and isinstance(at.markdown, ElementList)
    assert isinstance(at.columns, BlockList)
    assert inputs.len == len(inputs) == 3
    assert inputs.values == ["x", "y", "z"]
    assert isinstance(inputs[1:], WidgetList) and inputs[1:].values == ["y", "z"]
    assert inputs(key="second").value == "y" and inputs("first").value == "x"
    with pytest.raises(KeyError):
        inputs(key="missing")
    assert [t.label for t in inputs] == ["a", "b", "c"]
    assert at.columns.len == 2 and at.columns.values == [None, None]
    assert at.markdown.values == ["m"]


def test_apptest_iterates_and_indexes_like_its_tree():
    at = run("import nbstream as st\nst.text('main')\nst.sidebar.text('side')")
    assert [n.type for n in at] == ["root", "main", "text", "sidebar", "text", "event"]
    assert at[0].type == "main" and at[1].type == "sidebar" and len(at) == 3
    assert at.main.text.values == ["main"] and at.sidebar.text.values == ["side"]


def test_markdown_like_elements_tell_captions():
    at = run(
        """
        import nbstream as st
        st.markdown("m")
        st.caption("c")
        st.latex("x")
        st.divider()
        """
    )
    assert [e.is_caption for e in at.markdown] == [False]
    assert [e.is_caption for e in at.caption] == [True]
    assert at.latex[0].is_caption is False and at.latex[0].value == "$$\nx\n$$"
    assert at.divider[0].is_caption is False and at.divider[0].value == "---"


def test_headings_and_alerts_have_icons():
    at = run(
        """
        import nbstream as st
        st.title("T")
        st.header("H")
        st.subheader("S")
        st.warning("careful", icon="⚠️")
        st.info("plain")
        """
    )
    assert [at.title[0].icon, at.header[0].icon, at.subheader[0].icon] == ["", "", ""]
    assert at.warning[0].icon == "⚠️" and at.info[0].icon == ""


def test_format_func_options_and_values_of_choice_widgets():
    at = run(
        """
        import nbstream as st
        names = {1: "one", 2: "two", 3: "three"}
        st.selectbox("s", [1, 2, 3], format_func=names.get)
        st.radio("r", [1, 2, 3], format_func=names.get, index=1)
        st.multiselect("m", [1, 2, 3], default=[3, 1], format_func=names.get)
        st.select_slider("ss", [1, 2, 3], value=2, format_func=names.get)
        st.slider("n", 0, 10)
        """
    )
    for widget in (at.selectbox[0], at.radio[0], at.multiselect[0], at.select_slider[0]):
        assert widget.format_func(2) == "two"
        assert widget.options == ["one", "two", "three"]
    assert at.multiselect[0].value == [3, 1]
    assert at.multiselect[0].values == ["three", "one"]
    assert at.multiselect[0].indices == [2, 0]
    at.multiselect[0].unselect(3)
    assert at.multiselect[0].values == ["one"]
    assert at.slider[0].options == []
    assert at.radio[0].index == 1


def test_enum_options_format_with_the_apps_function():
    class Color(Enum):
        RED = 1

    at = run(
        """
        import nbstream as st
        from enum import Enum
        class Color(Enum):
            RED = 1
        st.selectbox("c", list(Color), format_func=lambda c: c.name.title())
        """
    )
    assert at.selectbox[0].options == ["Red"]
    assert at.selectbox[0].format_func(Color.RED) == "Red"


def test_progress_text_and_editing_mode():
    at = run(
        """
        import pandas as pd
        import nbstream as st
        st.progress(0.25)
        st.progress(80, text="Almost")
        st.data_editor(pd.DataFrame({"a": [1]}), num_rows="dynamic", disabled=True)
        """
    )
    assert [(p.value, p.text) for p in at.progress] == [(25, ""), (80, "Almost")]
    assert at.dataframe[0].editing_mode == "dynamic"  # a disabled editor keeps its mode


def test_message_fields_by_name_and_on_proto():
    at = run(
        """
        import nbstream as st
        st.slider("s", 1, 9, 4, step=2, help="tip")
        st.code("x = 1", line_numbers=True)
        st.markdown("<b>b</b>", unsafe_allow_html=True)
        """
    )
    slider = at.slider[0]
    assert (slider.min, slider.max, slider.step, slider.help) == (1, 9, 2, "tip")
    assert (slider.proto.min, slider.proto.label, slider.proto["label"]) == (1, "s", "s")
    assert at.code[0].show_line_numbers is True and at.code[0].proto.code_text == "x = 1"
    assert at.markdown[0].allow_html is True
    with pytest.raises(AttributeError):
        slider.proto.no_such_field


def test_from_function_keeps_args_and_kwargs():
    def app(greeting, name="you"):
        import nbstream as st

        st.text(f"{greeting}, {name}")

    at = AppTest.from_function(app, args=("Hi",), kwargs={"name": "Ada"}).run()
    assert at.text[0].value == "Hi, Ada"
    assert at.args == ("Hi",) and at.kwargs == {"name": "Ada"}
    plain = AppTest.from_string("import nbstream as st")
    assert plain.args is None and plain.kwargs is None


def test_user_and_context_have_streamlits_defaults_and_checks():
    at = AppTest.from_string("import nbstream as st\nst.text('x')")
    assert at.user == {"email": "test@example.com"}
    assert at.context == {}
    at.context["timezone"] = "Europe/Berlin"
    at.context["theme"] = "dark"
    at.run()
    assert at.text[0].value == "x"
    at.context["timezon"] = "typo"
    with pytest.raises(AppTestError, match="'timezon'"):
        at.run()
    del at.context["timezon"]
    at.context["theme"] = "blue"
    with pytest.raises(AppTestError, match=r"light.*dark"):
        at.run()


def test_switch_page_runs_the_page_next(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "app.py").write_text("import nbstream as st\nst.text('home')\n")
    (tmp_path / "pages" / "settings.py").write_text(
        "import nbstream as st\nst.session_state.setdefault('visits', 0)\nst.session_state.visits += 1\n"
        "st.text('settings')\n"
    )
    at = AppTest.from_file(str(tmp_path / "app.py")).run()
    assert at.text.values == ["home"]
    assert at.switch_page("pages/settings.py") is at
    assert at.text.values == ["home"]  # switching does not run
    at.run()
    assert at.text.values == ["settings"] and at.session_state.visits == 1
    at.switch_page("app.py").run()  # the main script's folder stays the root
    assert at.text.values == ["home"] and at.session_state.visits == 1
    with pytest.raises(ValueError, match=r"Could not find page 'pages/nope\.py'"):
        at.switch_page("pages/nope.py")


def test_a_test_cannot_change_what_a_user_cannot():
    at = run(
        """
        import nbstream as st
        st.button("Off", disabled=True, key="off")
        st.selectbox("Fixed", ["a", "b"], disabled=True)
        st.slider("Locked", 0, 9, disabled=True)
        st.markdown("text")
        """
    )
    with pytest.raises(AppTestError, match=r"Cannot update a disabled button widget \(key='off'\)"):
        at.button[0].click()
    with pytest.raises(AppTestError, match="disabled selectbox"):
        at.selectbox[0].select_index(1)
    with pytest.raises(AppTestError, match="disabled slider"):
        at.slider[0].set_value(3)
    with pytest.raises(AppTestError, match=r"set_value\(\) is not supported for markdown"):
        at.markdown[0].set_value("x")
    with pytest.raises(AppTestError, match=r"click\(\) is not supported for markdown"):
        at.markdown[0].click()
    table = run("import pandas as pd\nimport nbstream as st\nst.dataframe(pd.DataFrame({'a': [1]}))")
    assert table.dataframe[0].form_id == ""
    with pytest.raises(AppTestError, match=r"set_value\(\) is not supported for dataframe"):
        table.dataframe[0].set_value(None)
    at.run()
    assert at.button[0].value is False and at.slider[0].value == 0


def test_get_by_key_finds_widgets_and_containers_and_refuses_ambiguity():
    at = run(
        """
        import nbstream as st
        with st.form("signup"):
            st.text_input("Name", key="name")
            st.form_submit_button("Go")
        st.text_input("Other", key="other")
        """
    )
    assert at.get_by_key("name").label == "Name"
    assert at.get_by_key("signup").type == "form"
    assert at.form[0].get_by_key("name") == at.get_by_key("name")
    with pytest.raises(KeyError):
        at.form[0].get_by_key("other")
    twice = run(
        """
        import nbstream as st
        with st.form("dup"):
            st.text_input("A", key="dup")
            st.form_submit_button("Go")
        """
    )
    with pytest.raises(AppTestError, match="Multiple elements have key 'dup'"):
        twice.get_by_key("dup")
    assert twice.text_input(key="dup").label == "A"


def test_from_file_looks_beside_the_calling_file_then_in_the_working_directory(tmp_path, monkeypatch):
    import importlib.util

    tests_dir, cwd = tmp_path / "tests", tmp_path / "project"
    tests_dir.mkdir()
    cwd.mkdir()
    (tests_dir / "caller.py").write_text(
        "from nbstream.testing.v1 import AppTest\n\ndef load():\n    return AppTest.from_file('app.py').run()\n"
    )
    spec = importlib.util.spec_from_file_location("apptest_caller", tests_dir / "caller.py")
    caller = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(caller)
    monkeypatch.chdir(cwd)
    (tests_dir / "app.py").write_text("import nbstream as st\nst.text('beside the test')")
    (cwd / "app.py").write_text("import nbstream as st\nst.text('in the working directory')")
    assert caller.load().text[0].value == "beside the test"
    (tests_dir / "app.py").unlink()
    assert caller.load().text[0].value == "in the working directory"
    (cwd / "app.py").unlink()
    with pytest.raises(FileNotFoundError, match="then the working directory"):
        caller.load()
