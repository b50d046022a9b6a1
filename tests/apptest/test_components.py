"""Spec chapter 6 (custom components) via AppTest: components.html and iframe,
declare_component with path= and url=, defaults, arguments of every documented type,
and the value round trip (a test sets the value as the front end would, and reruns)."""

from __future__ import annotations

import pandas as pd
import pytest
from apphelpers import app, run

from nbstream.components.v1 import MarshallComponentException
from nbstream.runtime.errors import StreamlitAPIException

HTML_EXAMPLE = '''
import nbstream as st
import nbstream.components.v1 as components
components.html(
"""
<link rel="stylesheet" href="https://maxcdn.bootstrapcdn.com/bootstrap/4.0.0/css/bootstrap.min.css">
<div class="card"><div class="card-header" id="headingOne"><h5 class="mb-0">
<button class="btn btn-link" data-toggle="collapse" data-target="#collapseOne">Collapsible Group Item #1</button>
</h5></div></div>
""",
height=600,
)
'''


def test_spec_render_an_html_string():
    at = run(HTML_EXAMPLE)
    frame = at.get("iframe")[0]
    assert "Collapsible Group Item #1" in frame.srcdoc
    assert frame.height == 600
    assert "allow-scripts" in frame.sandbox and "allow-same-origin" not in frame.sandbox
    assert frame.scrolling is False


def test_spec_render_an_iframe_url():
    at = run(
        """
        import nbstream as st
        import nbstream.components.v1 as components
        components.iframe("https://example.com", height=500)
        """
    )
    frame = at.get("iframe")[0]
    assert frame.src == "https://example.com" and frame.height == 500
    assert frame.value == "https://example.com"


def test_st_components_v1_is_the_same_module():
    import nbstream as st
    import nbstream.components.v1 as components

    assert st.components.v1 is components
    assert components.html is st.components.v1.html


@pytest.mark.parametrize("tab_index", [-2, 1.5, "1", True])
def test_a_bad_tab_index_is_refused(tab_index):
    at = run(
        f"""
        import nbstream.components.v1 as components
        components.html("<p>x</p>", tab_index={tab_index!r})
        """
    )
    assert at.exception[0].proto.type == "StreamlitAPIException"
    assert "tab_index must be None, -1, or a non-negative integer" in at.exception[0].message


DECLARED = """
import nbstream as st
import nbstream.components.v1 as components
my_component = components.declare_component("my_component", url="http://localhost:3001")
return_value = my_component(name="Blackbeard", ship="Queen Anne's Revenge")
st.write("Value = ", return_value)
"""


def test_spec_declare_component_with_url_returns_none_until_the_front_end_sends():
    at = run(DECLARED)
    comp = at.get("component_instance")[0]
    assert comp.name == "my_component"
    assert comp.url == "http://localhost:3001"
    assert comp.args == {"name": "Blackbeard", "ship": "Queen Anne's Revenge"}
    assert comp.value is None
    comp.set_value(3.14).run()
    assert at.get("component_instance")[0].value == 3.14
    assert "3.14" in at.markdown[0].value


def test_spec_declare_component_with_path(tmp_path):
    build = tmp_path / "frontend" / "build"
    build.mkdir(parents=True)
    (build / "index.html").write_text("<html></html>")
    at = run(
        f"""
        import nbstream as st
        import nbstream.components.v1 as components
        component = components.declare_component("new_component_name", path={str(build)!r})
        clicks = component(greeting="Hello", name="Streamlit", key="counter", default=0)
        st.text(f"clicked {{clicks}} times")
        """
    )
    assert at.text[0].value == "clicked 0 times"
    comp = at.get("component_instance")[0]
    assert comp.proto["source"]["cid"]
    assert at.session_state["counter"] == 0
    comp.set_value(1).run()
    assert at.text[0].value == "clicked 1 times"
    assert at.session_state["counter"] == 1


def test_arguments_of_every_documented_type():
    at = run(
        """
        import numpy as np
        import pandas as pd
        import nbstream.components.v1 as components
        c = components.declare_component("types", url="http://localhost:3001")
        c(
            text="a", number=1.5, flag=True, nothing=None, items=[1, "b"], mapping={"k": [1, 2]},
            raw=b"\\x00\\x01", frame=pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}),
            array=np.array([[1, 2], [3, 4]]),
        )
        """
    )
    args = at.get("component_instance")[0].args
    assert args["text"] == "a" and args["number"] == 1.5 and args["flag"] is True and args["nothing"] is None
    assert args["items"] == [1, "b"] and args["mapping"] == {"k": [1, 2]}
    assert args["raw"] == b"\x00\x01"
    pd.testing.assert_frame_equal(
        args["frame"], pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}), check_dtype=False
    )
    assert args["array"].values.tolist() == [[1, 2], [3, 4]]


def test_values_of_every_type_the_front_end_sends():
    at = run(
        """
        import nbstream as st
        import nbstream.components.v1 as components
        c = components.declare_component("values", url="http://localhost:3001")
        v = c(key="v", default={"start": True})
        st.text(repr(v))
        """
    )
    assert at.text[0].value == "{'start': True}"
    comp = at.get("component_instance")[0]
    comp.set_value({"nested": [1, None, "x"]}).run()
    assert at.text[0].value == "{'nested': [1, None, 'x']}"
    comp.set_value(b"\x01\x02").run()
    assert at.text[0].value == "b'\\x01\\x02'"
    comp.set_value(pd.DataFrame({"a": [5]})).run()
    assert "a" in at.text[0].value and "5" in at.text[0].value


def test_positional_args_and_unserializable_args_are_refused():
    at = run(
        """
        import nbstream.components.v1 as components
        c = components.declare_component("bad", url="http://localhost:3001")
        c("positional")
        """
    )
    assert at.exception[0].proto.type == "MarshallComponentException"
    assert at.exception[0].message == "Argument 'positional' needs to be named."
    at = run(
        """
        import nbstream.components.v1 as components
        c = components.declare_component("bad", url="http://localhost:3001")
        c(thing=object())
        """
    )
    assert "Could not convert component args to JSON" in at.exception[0].message
    assert issubclass(MarshallComponentException, StreamlitAPIException)


def test_path_and_url_together_or_neither_are_refused():
    from nbstream.components.v1 import declare_component

    with pytest.raises(StreamlitAPIException, match=r"Either 'path' or 'url' must be set, but not both\."):
        declare_component("x")
    with pytest.raises(StreamlitAPIException):
        declare_component("x", path="/tmp", url="http://localhost:3001")


def test_widget_rules_identity_callbacks_and_clean_up():
    at = app(
        """
        import nbstream as st
        import nbstream.components.v1 as components
        c = components.declare_component("rules", url="http://localhost:3001")
        def changed():
            st.session_state.calls = st.session_state.get("calls", 0) + 1
        show = st.checkbox("Show", True)
        if show:
            keyed = c(label=st.session_state.get("label", "a"), key="keyed", default=0, on_change=changed)
            st.text(f"keyed={keyed}")
        unkeyed = c(label=st.session_state.get("label", "a"), default="d")
        st.text(f"unkeyed={unkeyed} calls={st.session_state.get('calls', 0)}")
        """
    ).run()
    comps = at.get("component_instance")
    comps[0].set_value(7)
    comps[1].set_value("u")
    at.run()
    assert at.text[0].value == "keyed=7"
    assert at.text[1].value == "unkeyed=u calls=1"
    # Changing an argument: the keyed instance keeps its value, the unkeyed one is new.
    at.session_state["label"] = "b"
    at.run()
    assert at.text[0].value == "keyed=7"
    assert at.text[1].value == "unkeyed=d calls=1"
    # Not shown for a run: its value is cleaned up, as any widget's.
    at.checkbox[0].uncheck().run()
    at.checkbox[0].check().run()
    assert at.text[0].value == "keyed=0"


def test_a_component_value_can_be_set_through_session_state():
    at = run(
        """
        import nbstream as st
        import nbstream.components.v1 as components
        c = components.declare_component("ss", url="http://localhost:3001")
        if "picked" not in st.session_state:
            st.session_state.picked = "preset"
        st.text(c(key="picked", default="d"))
        """
    )
    assert at.text[0].value == "preset"


def test_st_html_takes_strings_files_and_repr_html(tmp_path):
    css = tmp_path / "style.css"
    css.write_text("p { color: red; }")
    page = tmp_path / "part.html"
    page.write_text("<b>from a file</b>")
    at = run(
        f"""
        import nbstream as st
        class Fancy:
            def _repr_html_(self):
                return "<i>fancy</i>"
        st.html("<p>plain</p>")
        st.html({str(css)!r})
        st.html({str(page)!r})
        st.html(Fancy())
        """
    )
    assert [h.value for h in at.html] == [
        "<p>plain</p>",
        "<style>p { color: red; }</style>",
        "<b>from a file</b>",
        "<i>fancy</i>",
    ]


def test_st_html_refuses_a_bad_width():
    at = run(
        """
        import nbstream as st
        st.html("<p>x</p>", width=0)
        """
    )
    assert "Invalid width value" in at.exception[0].message


COUNTER_ESM = """
export default {
  render({ model, el }) {
    const b = document.createElement("button");
    b.textContent = model.get("label");
    b.onclick = () => { model.set("value", (model.get("value") || 0) + 1); model.save_changes(); };
    el.append(b);
  },
};
"""


def test_an_es_module_component_has_declare_components_value_rules():
    at = run(
        f"""
        import nbstream as st
        counter = st.components.anywidget({COUNTER_ESM!r}, css=".x {{ color: red; }}")
        clicks = counter(label="Count", key="clicks", default=0)
        st.text(f"clicks={{clicks}}")
        """
    )
    comp = at.anywidget_component[0]
    assert comp.args == {"label": "Count"}
    assert "render({ model, el })" in comp.proto["esm"] and comp.proto["css"] == ".x { color: red; }"
    assert at.text[0].value == "clicks=0"
    comp.set_value(2).run()
    assert at.text[0].value == "clicks=2" and at.session_state["clicks"] == 2


def test_an_es_module_without_a_default_export_or_with_frame_args_is_refused():
    at = run(
        """
        import nbstream as st
        st.components.anywidget("const x = 1;")
        """
    )
    assert "must have a default export" in at.exception[0].message
    at = run(
        """
        import pandas as pd
        import nbstream as st
        c = st.components.anywidget("export default { render() {} }")
        c(df=pd.DataFrame({"a": [1]}))
        """
    )
    assert at.exception[0].proto.type == "MarshallComponentException"


def test_an_es_module_component_calls_on_change_and_without_a_key_is_identified_by_its_args(tmp_path):
    module = tmp_path / "counter.js"
    module.write_text(COUNTER_ESM, encoding="utf-8")
    at = run(
        f"""
        import pathlib
        import nbstream as st
        st.session_state.setdefault("log", [])
        counter = st.components.anywidget(pathlib.Path({str(module)!r}))
        label = st.radio("Label", ["A", "B"])
        def changed():
            st.session_state.log.append(("cb", st.session_state.keyed))
        keyed = counter(label="Keyed", key="keyed", default=0, on_change=changed)
        loose = counter(label=label, default=5)
        st.text(f"keyed={{keyed}} loose={{loose}}")
        """
    )
    keyed, loose = at.anywidget_component
    assert "render({ model, el })" in keyed.proto["esm"]  # read from the path
    keyed.set_value(3)
    loose.set_value(9)
    at.run()
    assert at.text[0].value == "keyed=3 loose=9" and at.session_state.log == [("cb", 3)]
    at.run()  # no change: no callback
    assert at.session_state.log == [("cb", 3)]
    at.radio[0].set_value("B").run()  # new args, no key: a new component with its default
    assert at.text[0].value == "keyed=3 loose=5"
