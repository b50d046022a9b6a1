"""Streamlit 1.67's ``bind="query-params"`` through AppTest: ``at.query_params`` is the page
URL's query string (the front end mirrors the session's parameters into the URL).

Expected values were observed by running real Streamlit 1.67 (a browser on ``streamlit run``
for the URL's text forms, its AppTest for errors and messages).
"""

from __future__ import annotations

import datetime as dt

import pytest

from nbstream.errors import (
    StreamlitMissingRequiredParameterError,
    StreamlitValueError,
)
from nbstream.testing import AppTest


def every_bound_widget():
    import datetime

    import nbstream as st

    got = {
        "cb": st.checkbox("cb", key="cb", bind="query-params"),
        "tg": st.toggle("tg", key="tg", bind="query-params"),
        "sl": st.slider("sl", 0, 10, 3, key="sl", bind="query-params"),
        "fl": st.slider("fl", 0.0, 1.0, 0.5, key="fl", bind="query-params"),
        "rs": st.slider("rs", 0, 10, (2, 5), key="rs", bind="query-params"),
        "sd": st.slider(
            "sd",
            datetime.date(2024, 1, 1),
            datetime.date(2024, 12, 31),
            datetime.date(2024, 6, 1),
            key="sd",
            bind="query-params",
        ),
        "ms": st.multiselect("ms", ["a", "b", "c d"], key="ms", bind="query-params"),
        "di": st.date_input("di", datetime.date(2024, 1, 2), key="di", bind="query-params"),
        "dr": st.date_input(
            "dr", (datetime.date(2024, 1, 2), datetime.date(2024, 1, 5)), key="dr", bind="query-params"
        ),
        "sb": st.selectbox("sb", ["x", "y", "z"], key="sb", bind="query-params"),
        "sbi": st.selectbox("sbi", [10, 20, 30], key="sbi", bind="query-params"),
        "ti": st.text_input("ti", "hi", key="ti", bind="query-params"),
        "ta": st.text_area("ta", "", key="ta", bind="query-params"),
        "ni": st.number_input("ni", value=1.5, key="ni", bind="query-params"),
        "nint": st.number_input("nint", value=2, key="nint", bind="query-params"),
        "tm": st.time_input("tm", datetime.time(10, 0), key="tm", bind="query-params"),
        "dt": st.datetime_input("dt", datetime.datetime(2024, 1, 2, 3, 4), key="dt", bind="query-params"),
        "cp": st.color_picker("cp", key="cp", bind="query-params"),
        "ra": st.radio("ra", [1, 2, 3], key="ra", bind="query-params"),
        "fb": st.feedback("stars", key="fb", bind="query-params"),
        "pg": st.pagination(5, key="pg", bind="query-params"),
        "ss": st.select_slider("ss", ["lo", "mid", "hi"], key="ss", bind="query-params"),
        "ssr": st.select_slider(
            "ssr", ["lo", "mid", "hi"], value=("lo", "hi"), key="ssr", bind="query-params"
        ),
        "pi": st.pills("pi", ["p", "q"], selection_mode="multi", key="pi", bind="query-params"),
        "sc": st.segmented_control("sc", ["p", "q"], key="sc", bind="query-params"),
    }
    with st.expander("ex", key="ex", bind="query-params") as ex:
        st.write("inside")
    got["ex"] = ex.open
    _, two = st.tabs(["One", "Two words"], key="tb", bind="query-params")
    got["tb"] = two.open
    st.session_state["got"] = got


URL = {
    "cb": "true",
    "tg": "true",
    "sl": "7",
    "fl": "0.25",
    "rs": ["1", "9"],
    "sd": "2024-07-01",
    "ms": ["a", "c d"],
    "di": "2025-03-04",
    "dr": ["2024-01-03", "2024-01-04"],
    "sb": "z",
    "sbi": "20",
    "ti": "hello",
    "ta": "x",
    "ni": "2.5",
    "nint": "4",
    "tm": "11:30",
    "dt": "2024-05-06T07:08",
    "cp": "#ff0000",
    "ra": "3",
    "fb": "2",
    "pg": "4",
    "ss": "hi",
    "ssr": ["mid", "hi"],
    "pi": "q",
    "sc": "q",
    "ex": "true",
    "tb": "Two words",
}
FROM_URL = {
    "cb": True,
    "tg": True,
    "sl": 7,
    "fl": 0.25,
    "rs": (1, 9),
    "sd": dt.date(2024, 7, 1),
    "ms": ["a", "c d"],
    "di": dt.date(2025, 3, 4),
    "dr": (dt.date(2024, 1, 3), dt.date(2024, 1, 4)),
    "sb": "z",
    "sbi": 20,
    "ti": "hello",
    "ta": "x",
    "ni": 2.5,
    "nint": 4,
    "tm": dt.time(11, 30),
    "dt": dt.datetime(2024, 5, 6, 7, 8),
    "cp": "#ff0000",
    "ra": 3,
    "fb": 2,
    "pg": 4,
    "ss": "hi",
    "ssr": ("mid", "hi"),
    "pi": ["q"],
    "sc": "q",
    "ex": True,
    "tb": True,
}


def test_a_url_with_the_parameters_sets_every_bound_widget():
    at = AppTest.from_function(every_bound_widget)
    at.query_params.update(URL)
    at.run()
    assert not at.exception
    assert at.session_state["got"] == FROM_URL
    assert at.query_params == URL  # values the widgets hold stay in the URL as given


def test_without_parameters_the_widgets_start_at_their_defaults_and_the_url_stays_clean():
    at = AppTest.from_function(every_bound_widget).run()
    got = at.session_state["got"]
    assert (got["cb"], got["sl"], got["ms"], got["sb"], got["ex"], got["tb"]) == (
        False,
        3,
        [],
        "x",
        False,
        False,
    )
    assert at.query_params == {}


def test_a_change_writes_the_value_and_the_default_removes_it():
    at = AppTest.from_function(every_bound_widget).run()
    at.checkbox(key="cb").check()
    at.multiselect(key="ms").select("c d").select("a")
    at.date_input(key="di").set_value(dt.date(2025, 3, 4))
    at.time_input(key="tm").set_value(dt.time(11, 30))
    at.slider(key="rs").set_value((1, 9))
    at.selectbox(key="sbi").select(30)
    at.run()
    assert at.query_params == {
        "cb": "true",
        "ms": ["c d", "a"],
        "di": "2025-03-04",
        "tm": "11:30",
        "rs": ["1", "9"],
        "sbi": "30",
    }
    at.checkbox(key="cb").uncheck().run()
    at.slider(key="rs").set_value((2, 5)).run()
    assert "cb" not in at.query_params and "rs" not in at.query_params
    assert at.query_params["di"] == "2025-03-04"


def test_values_a_widget_cannot_hold_are_dropped_from_the_url():
    at = AppTest.from_function(every_bound_widget)
    at.query_params.update(
        {
            "sl": "99",
            "ni": "bogus",
            "tg": "1",
            "ms": ["a", "zz"],
            "ssr": ["hi", "lo"],
            "tb": "Three",
            "sb": "w",
        }
    )
    at.run()
    got = at.session_state["got"]
    assert (got["sl"], got["ni"], got["tg"], got["ms"], got["ssr"], got["tb"], got["sb"]) == (
        3,
        1.5,
        False,
        ["a"],
        ("lo", "hi"),
        False,
        "x",
    )
    assert at.query_params == {"ms": "a"}


def counter_app():
    import nbstream as st

    st.markdown(f"before: {st.query_params.get('n')}")
    n = st.number_input("n", value=0, key="n", bind="query-params")
    st.markdown(f"value: {n}")


def test_a_url_changed_from_outside_moves_the_widget_and_losing_it_restores_the_default():
    at = AppTest.from_function(counter_app)
    at.query_params["n"] = "4"
    at.run()
    assert at.markdown[1].value == "value: 4"
    at.query_params["n"] = "6"  # Back/Forward to another URL
    at.run()
    assert at.markdown[1].value == "value: 6"
    del at.query_params["n"]
    at.run()
    assert at.markdown[1].value == "value: 0" and at.query_params == {}


def test_the_script_reads_the_new_value_before_the_widget_is_drawn():
    at = AppTest.from_function(counter_app).run()
    at.number_input(key="n").set_value(3).run()
    assert [m.value for m in at.markdown] == ["before: 3", "value: 3"]


def test_session_state_changes_a_bound_widget_and_its_parameter():
    def app():
        import nbstream as st

        def five():
            st.session_state.n = 5

        st.button("five", on_click=five)
        st.number_input("n", value=0, key="n", bind="query-params")

    at = AppTest.from_function(app)
    at.query_params["n"] = "2"
    at.run()
    assert at.number_input(key="n").value == 2
    at.button[0].click().run()
    assert at.number_input(key="n").value == 5 and at.query_params == {"n": "5"}


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (
            "st.query_params['a'] = 'true'",
            "Cannot directly set query parameter 'a' - it is bound to a widget. "
            "Modify the widget value instead.",
        ),
        (
            "del st.query_params['a']",
            "Cannot directly delete query parameter 'a' - it is bound to a widget. "
            "Modify the widget value instead.",
        ),
        ("st.query_params.update({'a': 'false'})", "Cannot directly set query parameter 'a'"),
        ("st.query_params.from_dict({'a': 'false', 'b': '1'})", "Cannot directly set query parameter 'a'"),
        ("st.query_params.a = 'x'", "Cannot directly set query parameter 'a'"),
        (
            "st.query_params.clear()",
            "Cannot clear query parameters - the following are bound to widgets: 'a'. "
            "Modify the widget values instead, or remove the bind parameter.",
        ),
    ],
)
def test_st_query_params_refuses_a_bound_key(code, message):
    at = AppTest.from_string(f"import nbstream as st\nst.checkbox('a', key='a', bind='query-params')\n{code}")
    at.query_params["a"] = "true"
    at.run()
    assert at.exception[0].message.startswith(message)
    assert at.query_params["a"] == "true"


def test_other_keys_and_a_key_before_its_widget_is_bound_can_be_set():
    at = AppTest.from_string(
        "import nbstream as st\nst.query_params['a'] = 'true'\n"
        "st.checkbox('a', key='a', bind='query-params')\nst.query_params['b'] = '1'\n"
        "st.query_params.from_dict({'c': '2'})\nst.markdown(repr(st.query_params.to_dict()))"
    ).run()
    assert not at.exception
    assert at.markdown[0].value == "{'a': 'true', 'c': '2'}"


@pytest.mark.parametrize(
    ("code", "kind", "message"),
    [
        (
            "st.checkbox('a', bind='query-params')",
            StreamlitMissingRequiredParameterError,
            "The `key` parameter is required. When using bind='query-params', the widget must have a unique "
            "'key' parameter specified. This 'key' will be used as the name of the query parameter.",
        ),
        (
            "st.feedback(bind='query-params')",
            StreamlitMissingRequiredParameterError,
            "The `key` parameter is required. When using bind='query-params'",
        ),
        (
            "st.expander('a', bind='query-params')",
            StreamlitMissingRequiredParameterError,
            "The `key` parameter is required. When using bind='query-params'",
        ),
        (
            "st.checkbox('a', key='a', bind='url')",
            StreamlitValueError,
            "Invalid `bind` value. Supported values: 'query-params', None.",
        ),
        (
            "st.tabs(['a', 'b'], key='t', bind='x')",
            StreamlitValueError,
            "Invalid `bind` value. Supported values: 'query-params', None.",
        ),
        (
            "st.checkbox('a', persist_state='page')",
            StreamlitMissingRequiredParameterError,
            "The `key` parameter is required. When using persist_state, the widget must have a unique 'key' "
            "parameter specified so its value can be preserved across reruns and page switches.",
        ),
        (
            "st.pagination(3, persist_state='session')",
            StreamlitMissingRequiredParameterError,
            "The `key` parameter is required. When using persist_state",
        ),
        (
            "st.checkbox('a', key='a', persist_state='forever')",
            StreamlitValueError,
            "Invalid `persist_state` value. Supported values: 'page', 'session', None.",
        ),
        (
            "st.tabs(['a', 'a'], key='t', bind='query-params')",
            StreamlitValueError,
            "Invalid `tabs` value. Supported values: unique labels. Tab labels must be unique when "
            "bind='query-params'.",
        ),
        (
            "st.tabs(['a', ''], key='t', bind='query-params')",
            StreamlitValueError,
            "Invalid `tabs` value. Supported values: non-empty labels. Tab labels must be non-empty when "
            "bind='query-params'.",
        ),
    ],
)
def test_wrong_arguments_raise_streamlits_errors(code, kind, message):
    at = AppTest.from_string(f"import nbstream as st\n{code}").run()
    assert at.exception[0].message.startswith(message)
    with pytest.raises(kind):
        exec(code, {"st": __import__("nbstream")})


def test_bound_tabs_and_expander_track_their_state_and_write_it():
    def app():
        import nbstream as st

        with st.expander("More", key="more", bind="query-params") as more:
            st.write("details")
        tabs = st.tabs(["Data", "Chart"], key="view", bind="query-params")
        st.markdown(repr((more.open, [t.open for t in tabs], st.session_state.view)))

    at = AppTest.from_function(app).run()
    assert at.markdown[-1].value == "(False, [True, False], 'Data')"
    at.session_state.view = "Chart"
    at.session_state.more = True
    at.run()
    assert at.markdown[-1].value == "(True, [False, True], 'Chart')"
    assert at.query_params == {"more": "true", "view": "Chart"}
    at.query_params["view"] = "Data"
    at.run()
    assert at.markdown[-1].value == "(True, [True, False], 'Data')"
    assert at.query_params == {"more": "true"}


def test_a_bound_value_comes_back_after_a_page_switch(project):
    (project / "a.py").write_text(
        "import nbstream as st\nst.checkbox('bound', key='cb', bind='query-params')\n"
        "if st.button('to B'):\n    st.switch_page('b.py')\n"
    )
    (project / "b.py").write_text(
        "import nbstream as st\nst.markdown('B ' + repr(st.query_params.to_dict()))\n"
        "if st.button('to A'):\n    st.switch_page('a.py')\n"
    )
    (project / "app.py").write_text(
        "import nbstream as st\nst.navigation([st.Page('a.py'), st.Page('b.py')]).run()\n"
    )
    at = AppTest.from_file("app.py").run()
    at.checkbox(key="cb").check().run()
    assert at.query_params == {"cb": "true"}
    at.button[0].click().run()
    assert at.markdown[-1].value == "B {}"  # the other page's URL has its own parameters
    at.button[0].click().run()
    assert at.checkbox(key="cb").value is True  # no persist_state: the URL kept it
    assert at.query_params == {"cb": "true"}
