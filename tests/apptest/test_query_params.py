"""st.query_params: a dict-like of str values, repeated keys as lists, and its errors."""

from __future__ import annotations

import pytest
from apphelpers import app, run


def texts(at):
    return [t.value for t in at.text]


def test_values_are_strings_and_the_last_of_repeated_keys():
    at = run(
        """
        import nbstream as st
        qp = st.query_params
        st.text(repr(qp.get("a")))
        qp["a"] = 1
        qp.b = ["x", "y"]
        st.text(repr((qp["a"], qp.a, qp["b"], qp.get_all("b"), qp.get_all("zz"))))
        st.text(repr(qp.to_dict()))
        st.text(repr(("a" in qp, "zz" in qp, len(qp), sorted(qp))))
        """
    )
    assert texts(at) == [
        "None",
        "('1', '1', 'y', ['x', 'y'], [])",
        "{'a': '1', 'b': 'y'}",
        "(True, False, 2, ['a', 'b'])",
    ]


def test_from_dict_replaces_everything():
    at = run(
        """
        import nbstream as st
        st.query_params.old = "gone"
        st.query_params.from_dict({"c": "3", "d": ["4", "5"]})
        st.text(repr(st.query_params.to_dict()))
        st.text(repr(st.query_params.get_all("d")))
        """
    )
    assert texts(at) == ["{'c': '3', 'd': '5'}", "['4', '5']"]
    assert at.query_params["d"] == ["4", "5"]


def test_delete_and_clear():
    at = run(
        """
        import nbstream as st
        st.query_params.from_dict({"a": "1", "b": "2", "c": "3"})
        del st.query_params.a
        del st.query_params["b"]
        st.text(repr(st.query_params.to_dict()))
        st.query_params.clear()
        st.text(repr(st.query_params.to_dict()))
        """
    )
    assert texts(at) == ["{'c': '3'}", "{}"]
    assert dict(at.query_params) == {}


def test_update_and_other_value_types():
    at = run(
        """
        import nbstream as st
        st.query_params.update({"f": "6"})
        st.query_params["g"] = True
        st.query_params["h"] = 1.5
        st.text(repr(st.query_params.to_dict()))
        """
    )
    assert texts(at) == ["{'f': '6', 'g': 'True', 'h': '1.5'}"]


def test_an_empty_list_is_a_key_with_an_empty_value():
    at = run(
        """
        import nbstream as st
        st.query_params["e"] = []
        st.text(repr((st.query_params["e"], "e" in st.query_params, st.query_params.to_dict())))
        """
    )
    assert texts(at) == ["('', True, {'e': ''})"]


def test_missing_keys():
    at = run(
        """
        import nbstream as st
        try:
            st.query_params["x"]
        except KeyError as exc:
            st.text(f"KeyError {exc}")
        try:
            st.query_params.x
        except AttributeError as exc:
            st.text(f"AttributeError {exc}")
        """
    )
    assert texts(at) == [
        "KeyError 'st.query_params has no key \"x\".'",
        'AttributeError st.query_params has no attribute "x".',
    ]


def test_a_dict_value_is_refused():
    at = run('import nbstream as st\nst.query_params["d"] = {"a": 1}')
    assert at.exception[0].proto.type == "StreamlitAPIException"
    assert "`d`" in at.exception[0].message
    assert "dictionary" in at.exception[0].message


@pytest.mark.parametrize("key", ["embed", "embed_options", "EMBED", "Embed_Options"])
def test_embed_keys_cannot_be_set(key):
    at = run(f'import nbstream as st\nst.query_params["{key}"] = "true"')
    assert at.exception[0].proto.type == "StreamlitAPIException"
    assert at.exception[0].value == (
        "Query param embed and embed_options (case-insensitive) cannot be set programmatically."
    )


def test_query_params_survive_reruns_and_are_per_session():
    src = """
    import nbstream as st
    st.query_params.n = int(st.query_params.get("n", 0)) + 1
    st.text(st.query_params.n)
    """
    one, two = run(src), run(src)
    one.run()
    assert (texts(one), texts(two)) == (["2"], ["1"])


def test_the_test_sets_query_params_before_a_run():
    at = app("import nbstream as st\nst.text(repr(st.query_params.to_dict()))")
    at.query_params["page"] = "home"
    at.query_params["ids"] = ["1", "2"]
    at.run()
    assert texts(at) == ["{'page': 'home', 'ids': '2'}"]
