"""nbstream has every public ``st.*`` name Streamlit 1.67 has.

The lists below are ``dir(streamlit)`` of Streamlit 1.67 (public names whose value is a
command, a class or an API object), kept here so CI does not import Streamlit.  A script
that calls a name nbstream lacks stops with ``AttributeError``; this test makes each such
name a failing test instead.  Names that other open issues build are listed apart, by
issue, as expected to be missing; so are issue 16's own elements not built yet.
"""

from __future__ import annotations

import pytest

import nbstream as st

STREAMLIT_1_67_CALLABLES = (
    "altair_chart",
    "area_chart",
    "audio",
    "audio_input",
    "badge",
    "balloons",
    "bar_chart",
    "button",
    "cache_data",
    "cache_resource",
    "camera_input",
    "caption",
    "chat_input",
    "chat_message",
    "checkbox",
    "code",
    "color_picker",
    "columns",
    "connection",
    "container",
    "data_editor",
    "dataframe",
    "date_input",
    "datetime_input",
    "dialog",
    "divider",
    "download_button",
    "echarts_chart",
    "echo",
    "empty",
    "error",
    "exception",
    "expander",
    "feedback",
    "file_uploader",
    "form",
    "form_submit_button",
    "fragment",
    "get_option",
    "graphviz_chart",
    "grid",
    "header",
    "help",
    "html",
    "iframe",
    "image",
    "info",
    "json",
    "latex",
    "line_chart",
    "link_button",
    "login",
    "logo",
    "logout",
    "map",
    "markdown",
    "menu_button",
    "mermaid_chart",
    "metric",
    "multiselect",
    "navigation",
    "number_input",
    "page_link",
    "pagination",
    "pdf",
    "pills",
    "plotly_chart",
    "popover",
    "progress",
    "pydeck_chart",
    "pyplot",
    "radio",
    "rerun",
    "scatter_chart",
    "segmented_control",
    "select_slider",
    "selectbox",
    "set_option",
    "set_page_config",
    "skeleton",
    "slider",
    "snow",
    "space",
    "spinner",
    "status",
    "stop",
    "subheader",
    "success",
    "switch_page",
    "table",
    "tabs",
    "text",
    "text_area",
    "text_input",
    "time_input",
    "title",
    "toast",
    "toggle",
    "vega_lite_chart",
    "video",
    "warning",
    "write",
    "write_stream",
    "App",
    "Page",
)

# The API objects (not callables) a script reaches through ``st.``.
STREAMLIT_1_67_OBJECTS = (
    "bottom",
    "column_config",
    "components",
    "connections",
    "context",
    "query_params",
    "secrets",
    "session_state",
    "sidebar",
    "user",
)

# ``st.App`` is the ASGI server class that hosts a Streamlit script (routes, lifespan); an
# nbstream app is served by Voila or JupyterLab, so no script calls it.
EXPECTED_MISSING_SERVER = {"App"}
EXPECTED_MISSING = EXPECTED_MISSING_SERVER

ALL_NAMES = STREAMLIT_1_67_CALLABLES + STREAMLIT_1_67_OBJECTS


@pytest.mark.parametrize("name", sorted(set(ALL_NAMES) - EXPECTED_MISSING))
def test_nbstream_has_streamlits_public_name(name: str) -> None:
    assert hasattr(st, name), f"st.{name} is missing (Streamlit 1.67 has it)"
    assert name in st.__all__, f"st.{name} exists but is not in nbstream.__all__"


@pytest.mark.parametrize("name", sorted(set(STREAMLIT_1_67_CALLABLES) - EXPECTED_MISSING))
def test_streamlits_callables_are_callable_here(name: str) -> None:
    assert callable(getattr(st, name))


def test_only_the_server_class_is_missing() -> None:
    # A name built since is taken out of EXPECTED_MISSING so the tests above check it.
    assert not any(hasattr(st, name) for name in EXPECTED_MISSING)


def test_the_lists_name_each_streamlit_name_once() -> None:
    assert len(ALL_NAMES) == len(set(ALL_NAMES))
    assert set(ALL_NAMES) >= EXPECTED_MISSING
