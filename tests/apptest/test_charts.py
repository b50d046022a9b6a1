"""The spec's chart examples through AppTest: "Animate and update elements" (.add_rows())."""

from __future__ import annotations

from nbstream.testing import AppTest

ADD_ROWS_EXAMPLE = """
import nbstream as st
import pandas as pd
import numpy as np
import time

df = pd.DataFrame(np.random.randn(15, 3), columns=(["A", "B", "C"]))
my_data_element = st.line_chart(df)

for tick in range(10):
    time.sleep(.0)  # the spec sleeps .5 s; the rows are what matter here
    add_df = pd.DataFrame(np.random.randn(1, 3), columns=(["A", "B", "C"]))
    my_data_element.add_rows(add_df)

st.button("Regenerate")
"""


def test_add_rows_appends_to_the_line_chart():
    at = AppTest.from_string(ADD_ROWS_EXAMPLE, default_timeout=20).run()
    assert not at.exception
    chart = at.get("line_chart")[0]
    assert (chart.type, chart.kind) == ("vega_lite_chart", "line_chart")
    assert chart.spec["data"] == {"name": "source"}
    # 15 rows, then 10 added one at a time: 25 x-positions, 3 series each
    data = chart.data
    assert len(data) == 25 * 3
    assert sorted(data["index--nbs"].unique()) == list(range(25))
    assert len(chart.proto["datasets"]["source"]) == 11  # the first chunk and one per add_rows
    assert at.button[0].label == "Regenerate"


def test_regenerate_reruns_with_a_fresh_chart():
    at = AppTest.from_string(ADD_ROWS_EXAMPLE, default_timeout=20).run()
    first = at.line_chart[0].data
    at.button[0].click().run()
    chart = at.line_chart[0]
    assert len(chart.data) == 75
    assert not chart.data.equals(first)


def test_every_chart_kind_is_listed_by_kind():
    at = AppTest.from_string(
        """
        import nbstream as st
        import pandas as pd
        df = pd.DataFrame({"lat": [1.0, 2.0], "lon": [3.0, 4.0]})
        for fn in (st.line_chart, st.area_chart, st.bar_chart, st.scatter_chart):
            fn(df)
        st.vega_lite_chart(df, {"mark": "point"})
        st.map(df)
        """
    ).run()
    # Streamlit's AppTest lists every Vega-Lite chart under vega_lite_chart, st.map under
    # deck_gl_json_chart; nbstream also lists each under its own command.
    assert [e.kind for e in at.vega_lite_chart] == [
        "line_chart",
        "area_chart",
        "bar_chart",
        "scatter_chart",
        "vega_lite_chart",
    ]
    assert [e.kind for e in at.get("deck_gl_json_chart")] == ["map"]
    for kind in ("line_chart", "area_chart", "bar_chart", "scatter_chart", "vega_lite_chart", "map"):
        element = next(e for e in at.get(kind) if e.kind == kind)
        assert element.type == ("deck_gl_json_chart" if kind == "map" else "vega_lite_chart")
        assert element.spec is not None
        # vega_lite_chart and map send the frame as it is; the built-ins melt lat and lon
        assert len(element.data) == (2 if kind in ("vega_lite_chart", "map") else 4)
