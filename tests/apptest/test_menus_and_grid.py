"""st.pagination, st.menu_button, st.grid and st.skeleton."""

from __future__ import annotations

import pytest
from apphelpers import run


def test_pagination_defaults_session_state_and_callback():
    at = run(
        """
        import nbstream as st
        def moved():
            st.session_state.moved = st.session_state.pg
        page = st.pagination(12, default=3, key="pg", on_change=moved)
        st.text(f"page={page} state={st.session_state.pg} moved={st.session_state.get('moved')}")
        """
    )
    pg = at.pagination[0]
    assert (pg.value, pg.num_pages, pg.default, pg.max_visible_pages) == (3, 12, 3, 7)
    assert at.text[0].value == "page=3 state=3 moved=None"
    pg.select(12).run()
    assert at.text[0].value == "page=12 state=12 moved=12"
    at.session_state["pg"] = 1
    at.run()
    assert at.text[0].value == "page=1 state=1 moved=12"


def test_menu_button_returns_the_choice_only_in_its_run():
    at = run(
        """
        import nbstream as st
        choice = st.menu_button("Export", ["CSV", "JSON"], key="mb", format_func=str.lower)
        st.text(f"choice={choice} state={st.session_state.mb}")
        """
    )
    mb = at.menu_button[0]
    assert mb.options == ["csv", "json"] and mb.value is None
    mb.click("JSON").run()
    assert at.text[0].value == "choice=JSON state=JSON"
    at.run()
    assert at.text[0].value == "choice=None state=None"
    at.menu_button[0].click_index(0).run()
    assert at.text[0].value == "choice=CSV state=CSV"


def test_grid_cells_and_skeleton_replacement():
    at = run(
        """
        import nbstream as st
        g = st.grid(3, gap=("small", "large"), border=True)
        for i in range(5):
            g.text(f"cell {i}")
        slot = st.skeleton(120)
        st.text(type(slot).__name__ + " " + type(g).__name__)
        slot.text("loaded")
        """
    )
    grid = at.grid[0]
    assert grid.type == "grid_container"
    assert [t.value for t in grid.text] == [f"cell {i}" for i in range(5)]
    assert (grid.proto.columns, grid.proto.row_gap, grid.proto.column_gap) == (3, "small", "large")
    assert at.text[-2].value == "loaded"  # the skeleton's place now holds the content
    assert at.text[-1].value == "SkeletonPlaceholder GridContainer"
    assert len(at.get("skeleton")) == 0


@pytest.mark.parametrize(
    ("call", "exc_type", "message"),
    [
        ("st.pagination(0)", "StreamlitAPIException", "`num_pages` must be an integer of at least 1. Got 0."),
        (
            "st.pagination(5, default=9)",
            "StreamlitValueOutOfRangeError",
            "The `default` parameter, set to 9, is outside the required range [1, 5].",
        ),
        (
            'st.menu_button("a", [])',
            "StreamlitMissingRequiredParameterError",
            "The `options` parameter is required. Provide at least one option.",
        ),
        (
            "st.skeleton(-1)",
            "StreamlitInvalidHeightError",
            "Invalid height value: -1. Height must be either a positive integer (pixels) or 'stretch'.",
        ),
        (
            "st.grid(0)",
            "StreamlitValueOutOfRangeError",
            "The `columns` parameter, set to 0, is outside the required range [1, 24].",
        ),
        (
            "st.grid(2, min_column_width=-5)",
            "StreamlitValueError",
            'Invalid `min_column_width` value. Supported values: "auto", a positive integer. Got -5.',
        ),
    ],
)
def test_errors(call, exc_type, message):
    at = run(f"import nbstream as st\n{call}")
    assert at.exception[0].proto.type == exc_type
    assert at.exception[0].message == message
