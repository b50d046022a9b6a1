"""The names AppTest knows: Streamlit's node types and accessors, and nbstream's own kinds.

Streamlit's AppTest names a node by its protobuf message (``vega_lite_chart`` for every
Vega-Lite chart, ``help_info`` for ``st.help``, ``flex_container`` for ``st.container``,
``st.columns``' row and a fragment's run); nbstream's tree names it by the ``st.*``
command that drew it.  ``streamlit_type`` translates the one into the other, so a suite
that walks the tree or counts ``at.vega_lite_chart`` sees what it sees on Streamlit,
while nbstream's own accessors (``at.line_chart``, ``at.pyplot``, ``at.fragment``) stay.

An accessor that is neither an element kind nor an attribute is a typo: it raises
``AttributeError`` naming the closest known name, rather than listing nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from nbstream.runtime.tree import Node


def _words(text: str) -> list[str]:
    return text.split()


# nbstream kind -> the node type Streamlit's AppTest reports for the same element.
NODE_TYPES: dict[str, str] = {
    "line_chart": "vega_lite_chart",
    "area_chart": "vega_lite_chart",
    "bar_chart": "vega_lite_chart",
    "scatter_chart": "vega_lite_chart",
    "altair_chart": "vega_lite_chart",
    "pyplot": "image",
    "map": "deck_gl_json_chart",
    "pydeck_chart": "deck_gl_json_chart",
    "help": "help_info",
    "data_editor": "dataframe",
    "columns": "flex_container",
    "container": "flex_container",
    "fragment": "flex_container",
    "datetime_input": "date_time_input",
    "pills": "button_group",
    "segmented_control": "button_group",
    "graphviz_chart": "graphviz_chart",
    # st.bottom's area: a block of no named type in Streamlit's AppTest.
    "bottom": "unknown",
}

# Streamlit 1.67's AppTest accessors (``dir(AppTest)`` / ``dir(Block)``): each lists
# elements, or blocks, of one kind.
STREAMLIT_ACCESSORS = frozenset(
    _words(
        """audio_input button button_group camera_input caption chat_input chat_message checkbox
    code color_picker columns container data_editor dataframe date_input datetime_input
    divider download_button error exception expander feedback file_uploader form
    form_submit_button grid header help html image info json latex link_button markdown
    menu_button metric multiselect number_input page_link pagination pills progress radio
    segmented_control select_slider selectbox slider space status subheader success table
    tabs text text_area text_input time_input title toast toggle warning"""
    )
)

# The node types of Streamlit 1.67's element and block messages, and the st.* commands
# that draw elements: every kind Streamlit knows, also those nbstream does not draw yet.
STREAMLIT_KINDS = frozenset(
    _words(
        """alert audio audio_input balloons bidi_component button button_group camera_input
    chat_input checkbox code color_picker component_instance dataframe date_input
    date_time_input deck_gl_json_chart download_button echarts_chart empty exception
    favicon feedback file_uploader graphviz_chart heading help_info html iframe imgs json
    link_button markdown menu_button metric multiselect number_input page_link pagination
    plotly_chart progress radio selectbox skeleton slider snow space spinner table text
    text_area text_input time_input toast vega_lite_chart video
    chat_message column dialog expandable flex_container grid_container horizontal popover
    tab tab_container transparent vertical
    altair_chart area_chart badge bar_chart line_chart map mermaid_chart pdf pydeck_chart
    pyplot scatter_chart logo"""
    )
)

# Accessor names that are not the kind of the nodes they list.
ACCESSOR_ALIASES = {
    "columns": "column",
    "tabs": "tab",
    "date_time_input": "datetime_input",
    "grid": "grid_container",
}

# Accessors that list blocks (a BlockList) and widgets (a WidgetList), also when empty.
BLOCK_ACCESSORS = frozenset(
    _words(
        """chat_message column columns container dialog expander flex_container form fragment
    grid grid_container popover status tab tab_container tabs"""
    )
)
WIDGET_ACCESSORS = frozenset(
    _words(
        """audio_input button button_group camera_input chat_input checkbox color_picker
    data_editor date_input date_time_input datetime_input download_button feedback
    file_uploader form_submit_button menu_button multiselect number_input pagination pills
    radio segmented_control select_slider selectbox slider text_area text_input time_input
    toggle"""
    )
)

KNOWN_KINDS = frozenset(
    STREAMLIT_ACCESSORS
    | STREAMLIT_KINDS
    | set(NODE_TYPES)
    | {"fragment", "anywidget_component", "jupyter_widget"}
)


def streamlit_type(node: Node) -> str:
    """The type Streamlit's AppTest gives this node."""
    return NODE_TYPES.get(node.kind, node.kind)


def is_transient(node: Node) -> bool:
    """A node Streamlit's AppTest never lists (a spinner, running or done)."""
    return bool(node.props.get("transient"))


def matches(node: Node, name: str) -> bool:
    """Whether ``at.<name>`` lists this node.

    A node is listed under its nbstream kind and under its Streamlit type
    (``at.line_chart`` and ``at.vega_lite_chart`` both list a line chart).  Streamlit's
    ``container`` lists ``st.container`` blocks and fragment runs, not the row that
    ``st.columns`` draws; ``form_submit_button`` lists buttons that submit a form (which
    ``button`` lists too).
    """
    if name == "container":
        return node.kind in ("container", "fragment")
    if name == "form_submit_button":
        return node.kind == "button" and bool(node.props.get("is_form_submitter"))
    if name in ACCESSOR_ALIASES:
        name = ACCESSOR_ALIASES[name]
    return node.kind == name or streamlit_type(node) == name


def unknown_name(owner: str, name: str, attributes: Iterable[str], *, kinds: bool = True) -> AttributeError:
    """The error for ``owner.<name>`` when ``name`` is neither an attribute nor (for
    containers, ``kinds``) an element kind; it names the closest known name."""
    known = {a for a in attributes if not a.startswith("_")}
    if kinds:
        known |= KNOWN_KINDS
    close = difflib.get_close_matches(name, sorted(known), n=1)
    what = "an attribute or element kind" if kinds else "an attribute"
    hint = f" Did you mean {close[0]!r}?" if close else ""
    return AttributeError(f"{owner!r} object has no attribute {name!r} (not {what}).{hint}")
