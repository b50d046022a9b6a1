"""AppTest counts elements as Streamlit's AppTest does (the node types, what each accessor
lists, what a finished spinner leaves), so an existing suite's counts hold.

The expected sequences were read from Streamlit 1.67's AppTest running the same app.
"""

from __future__ import annotations

from pathlib import Path

from apphelpers import run

from nbstream.testing.v1 import AppTest

APPS = Path(__file__).parent / "apps"

# [n.type for n in at] for apps/node_walk.py under Streamlit 1.67.
STREAMLIT_WALK = [
    "root", "main", "title", "flex_container", "column", "vega_lite_chart", "column",
    "vega_lite_chart", "caption", "metric", "form", "text_input", "button", "dataframe",
    "help_info", "flex_container", "button", "flex_container", "deck_gl_json_chart",
    "tab_container", "tab", "tab", "toggle", "sidebar", "selectbox", "event", "toast",
]  # fmt: skip


def test_walking_the_tree_gives_streamlits_node_types():
    at = AppTest.from_file(str(APPS / "node_walk.py"), default_timeout=20).run()
    assert [n.type for n in at] == STREAMLIT_WALK
    assert [c.type for c in at.main.children.values()] == [
        "title", "flex_container", "caption", "metric", "form", "dataframe", "help_info",
        "flex_container", "flex_container", "tab_container",
    ]  # fmt: skip


def test_accessor_counts_match_streamlits():
    at = AppTest.from_file(str(APPS / "node_walk.py"), default_timeout=20).run()
    counts = {
        k: len(at.get(k))
        for k in ("vega_lite_chart", "deck_gl_json_chart", "container", "form_submit_button", "button",
                  "dataframe", "data_editor", "help", "help_info")
    }  # fmt: skip
    assert counts == {
        "vega_lite_chart": 2, "deck_gl_json_chart": 1, "container": 2, "form_submit_button": 1,
        "button": 2, "dataframe": 1, "data_editor": 1, "help": 1, "help_info": 1,
    }  # fmt: skip


def test_every_vega_lite_chart_is_a_vega_lite_chart_and_keeps_its_own_accessor():
    at = run(
        """
        import altair as alt
        import pandas as pd
        import nbstream as st
        df = pd.DataFrame({"x": [1, 2], "y": [3, 4]})
        st.line_chart(df)
        st.area_chart(df)
        st.bar_chart(df)
        st.scatter_chart(df, x="x", y="y")
        st.altair_chart(alt.Chart(df).mark_point().encode(x="x", y="y"))
        st.vega_lite_chart(df, {"mark": "point"})
        """
    )
    kinds = ["line_chart", "area_chart", "bar_chart", "scatter_chart", "altair_chart", "vega_lite_chart"]
    assert [c.kind for c in at.vega_lite_chart] == kinds
    assert at.get("vega_lite_chart") == at.vega_lite_chart
    assert {c.type for c in at.vega_lite_chart} == {"vega_lite_chart"}
    assert len(at.line_chart) == 1 and at.line_chart[0].spec["layer"]
    assert len(at.line_chart[0].data) == 4  # two rows, two series


def test_pyplot_is_an_image_and_map_a_deck_gl_chart():
    at = run(
        """
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import pandas as pd
        import nbstream as st
        fig, ax = plt.subplots()
        ax.plot([1, 2])
        st.pyplot(fig)
        st.map(pd.DataFrame({"lat": [1.0], "lon": [2.0]}))
        """
    )
    assert [e.kind for e in at.image] == ["pyplot"]
    assert at.image[0].type == "image" and len(at.pyplot) == 1
    assert [e.kind for e in at.deck_gl_json_chart] == ["map"]


def test_a_finished_spinner_leaves_nothing():
    at = run(
        """
        import nbstream as st
        with st.spinner("Working"):
            st.text("inside")
        @st.cache_data
        def slow():
            return 1
        st.text(slow())
        st.text("after")
        """
    )
    assert [c.type for c in at.main.children.values()] == ["text", "text", "text"]
    assert [n.type for n in at.main] == ["main", "text", "text", "text"]
    assert not at.get("spinner") and not at.get("empty")
    assert at.main[2].value == "after"


def test_st_empty_is_still_listed():
    at = run("import nbstream as st\nst.empty()\nst.text('x')")
    assert [c.type for c in at.main.children.values()] == ["empty", "text"]


def test_each_fragment_run_is_a_container_block():
    at = run(
        """
        import nbstream as st
        @st.fragment
        def part(n):
            st.button(f"b{n}")
        part(1)
        part(2)
        with st.container():
            st.text("plain")
        """
    )
    assert [b.type for b in at.container] == ["flex_container"] * 3
    assert [len(b.button) for b in at.container] == [1, 1, 0]
    assert len(at.fragment) == 2  # nbstream's own accessor stays
    at.container[1].button[0].click()
    at.container[1].run()  # a fragment's block reruns just that fragment
    assert at.button[1].value is True


def test_form_submit_buttons_are_buttons_too():
    at = run(
        """
        import nbstream as st
        st.button("Outside")
        with st.form("f"):
            st.text_input("Name")
            st.form_submit_button("Save")
        """
    )
    assert [b.label for b in at.form_submit_button] == ["Save"]
    assert [b.label for b in at.button] == ["Outside", "Save"]
    assert at.form_submit_button[0].form_id == "f" and at.button[0].form_id == ""
    assert at.form[0].key == "f"
    assert at.text_input[0].form_id == "f"


def test_a_data_editor_is_a_dataframe_too():
    at = run(
        """
        import pandas as pd
        import nbstream as st
        st.dataframe(pd.DataFrame({"a": [1]}))
        st.data_editor(pd.DataFrame({"b": [2]}), num_rows="dynamic")
        st.data_editor(pd.DataFrame({"c": [3]}))
        """
    )
    assert [d.editing_mode for d in at.dataframe] == ["read_only", "dynamic", "fixed"]
    assert len(at.data_editor) == 2 and at.data_editor[0] == at.dataframe[1]
    assert {d.type for d in at.dataframe} == {"dataframe"}


def test_help_is_help_info():
    at = run("import nbstream as st\nst.help(len)")
    assert at.help[0].type == "help_info"
    assert at.get("help_info") == at.help
    assert at.help[0].value == "len" and at.help[0].name == "len"
    assert "Return the number of items" in at.help[0].doc_string
