"""st.pyplot: a PNG of the figure; clear_figure semantics."""

from __future__ import annotations

import pytest

from tests.unit.elements.charts.chart_helpers import run_app

pytest.importorskip("matplotlib")


def test_the_figure_travels_as_png():
    at = run_app(
        """
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.plot([1, 2, 3])
        st.pyplot(fig, alt="a line")
        st.session_state.axes = len(fig.axes)
        """
    )
    c = at.pyplot[0]
    assert c.data.startswith(b"\x89PNG")
    assert c.proto["image"] == c.data
    assert c.spec is None
    assert c.proto["alt"] == "a line"
    # 4 inches at 200 dpi, shown at 100 dpi: about 400 CSS pixels (tight bbox trims a little)
    assert 300 < c.proto["natural_width"] <= 400
    assert at.session_state.axes == 1  # a figure that was passed is kept


def test_clear_figure():
    at = run_app(
        """
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots()
        ax.plot([1, 2])
        st.pyplot(fig, clear_figure=True)
        st.session_state.passed = len(fig.axes)
        plt.figure()
        plt.plot([1, 2])
        g = plt.gcf()
        st.pyplot()
        st.session_state.global_ = len(g.axes)
        """
    )
    assert not at.exception, at.exception
    assert at.session_state.passed == 0
    assert at.session_state.global_ == 0  # the global figure is cleared by default
    assert len(at.pyplot) == 2


def test_savefig_options_and_errors(error):
    at = run_app(
        """
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig = plt.figure(figsize=(2, 2))
        st.pyplot(fig, dpi=50, width=120)
        """
    )
    c = at.pyplot[0]
    assert c.proto["width"] == 120
    assert 150 < c.proto["natural_width"] < 260  # 2 inches: 100 px at 50 dpi, shown at 100 dpi
    assert error("st.pyplot(5)") == "st.pyplot expects a matplotlib Figure, not int."
