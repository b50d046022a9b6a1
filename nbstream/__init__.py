"""nbstream: Streamlit's programming model inside Jupyter.

``import nbstream as st`` gives Streamlit's API; a ``%%stapp`` cell is an app script.
This module only re-exports; each command lives in ``nbstream/elements/``.
"""

from nbstream import column_config, components, connections
from nbstream._version import __version__
from nbstream.auth import login, logout, user
from nbstream.caching import cache, cache_data, cache_resource
from nbstream.config import get_option, set_option
from nbstream.connections import connection
from nbstream.elements.charts import (
    altair_chart,
    area_chart,
    bar_chart,
    echarts_chart,
    graphviz_chart,
    line_chart,
    map,
    plotly_chart,
    pydeck_chart,
    pyplot,
    scatter_chart,
    vega_lite_chart,
)
from nbstream.elements.chat.input import chat_input
from nbstream.elements.chat.messages import chat_message
from nbstream.elements.chat.stream import write_stream
from nbstream.elements.components.embed_frame import iframe
from nbstream.elements.components.html import html
from nbstream.elements.components.jupyter import widget
from nbstream.elements.data.data_editor import data_editor
from nbstream.elements.data.dataframe import dataframe
from nbstream.elements.data.json_tree import json
from nbstream.elements.data.metric import metric
from nbstream.elements.data.table import table
from nbstream.elements.flow.dialog import dialog
from nbstream.elements.flow.execution import rerun, set_page_config, stop
from nbstream.elements.flow.forms import form, form_submit_button
from nbstream.elements.flow.fragments import fragment
from nbstream.elements.layout.containers import (
    bottom,
    columns,
    container,
    empty,
    expander,
    popover,
    sidebar,
    tabs,
)
from nbstream.elements.layout.grid import grid
from nbstream.elements.layout.skeleton import skeleton
from nbstream.elements.layout.space import space
from nbstream.elements.media.documents import link_button, logo, pdf
from nbstream.elements.media.image import image
from nbstream.elements.media.playback import audio, video
from nbstream.elements.navigation.links import page_link, switch_page
from nbstream.elements.navigation.navigation import navigation
from nbstream.elements.navigation.page import Page
from nbstream.elements.state.context import context
from nbstream.elements.state.views import query_params, session_state
from nbstream.elements.status.alerts import error, exception, info, success, warning
from nbstream.elements.status.live import balloons, progress, snow, spinner, status, toast
from nbstream.elements.text.badge import badge
from nbstream.elements.text.mermaid import mermaid_chart
from nbstream.elements.text.text import (
    caption,
    code,
    divider,
    header,
    latex,
    markdown,
    subheader,
    text,
    title,
)
from nbstream.elements.text.write import echo, help, write
from nbstream.elements.widgets.buttons import button
from nbstream.elements.widgets.choices import pills, segmented_control
from nbstream.elements.widgets.download import download_button
from nbstream.elements.widgets.feedback import feedback
from nbstream.elements.widgets.menus import menu_button, pagination
from nbstream.elements.widgets.moments import datetime_input
from nbstream.elements.widgets.numeric import number_input
from nbstream.elements.widgets.selection import multiselect, radio, selectbox
from nbstream.elements.widgets.sliders import select_slider, slider
from nbstream.elements.widgets.textual import color_picker, text_area, text_input
from nbstream.elements.widgets.time import date_input, time_input
from nbstream.elements.widgets.toggles import checkbox, toggle
from nbstream.elements.widgets.uploads import audio_input, camera_input, file_uploader
from nbstream.secrets import secrets

__all__ = [
    "Page",
    "__version__",
    "altair_chart",
    "area_chart",
    "audio",
    "audio_input",
    "badge",
    "balloons",
    "bar_chart",
    "bottom",
    "button",
    "cache",
    "cache_data",
    "cache_resource",
    "camera_input",
    "caption",
    "chat_input",
    "chat_message",
    "checkbox",
    "code",
    "color_picker",
    "column_config",
    "columns",
    "components",
    "connection",
    "connections",
    "container",
    "context",
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
    "query_params",
    "radio",
    "rerun",
    "scatter_chart",
    "secrets",
    "segmented_control",
    "select_slider",
    "selectbox",
    "session_state",
    "set_option",
    "set_page_config",
    "sidebar",
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
    "user",
    "vega_lite_chart",
    "video",
    "warning",
    "widget",
    "write",
    "write_stream",
]


def load_ipython_extension(ipython: object) -> None:
    """``%load_ext nbstream``: register ``%%stapp`` and show ``st.*`` calls made in cells."""
    from nbstream import magic

    magic.load(ipython)


def _register_in_ipython() -> None:
    # Importing nbstream inside IPython registers %%stapp without %load_ext.
    import sys

    ipython_module = sys.modules.get("IPython")
    shell = ipython_module.get_ipython() if ipython_module is not None else None
    if shell is not None:
        load_ipython_extension(shell)


_register_in_ipython()
