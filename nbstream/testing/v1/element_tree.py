"""``streamlit.testing.v1.element_tree``: the element, widget, block and list classes by
Streamlit's names, for suites that import them (type hints, ``isinstance``)."""

from nbstream.testing.containers import Block, ChatMessage, Column, Expander, SpecialBlock, Status, Tab
from nbstream.testing.elements._base import Element, Widget
from nbstream.testing.elements.charts import Chart as UnknownElement
from nbstream.testing.elements.data import Dataframe, Json, Metric, Table
from nbstream.testing.elements.status import (
    Error,
    Info,
    Progress,
    Success,
    Toast,
    Warning,
)
from nbstream.testing.elements.status import ExceptionElement as Exception
from nbstream.testing.elements.text import (
    Caption,
    Code,
    Divider,
    Header,
    Help,
    Html,
    Latex,
    Markdown,
    Subheader,
    Text,
    Title,
)
from nbstream.testing.elements.widgets import (
    Button,
    Checkbox,
    ColorPicker,
    DateInput,
    DownloadButton,
    Multiselect,
    NumberInput,
    Radio,
    Selectbox,
    SelectSlider,
    Slider,
    TextArea,
    TextInput,
    TimeInput,
    Toggle,
)
from nbstream.testing.errors import AppTestError
from nbstream.testing.lists import BlockList, ElementList, WidgetList

__all__ = [
    "AppTestError", "Block", "BlockList", "Button", "Caption", "ChatMessage", "Checkbox", "Code",
    "ColorPicker", "Column", "Dataframe", "DateInput", "Divider", "DownloadButton", "Element",
    "ElementList", "Error", "Exception", "Expander", "Header", "Help", "Html", "Info", "Json",
    "Latex", "Markdown", "Metric", "Multiselect", "NumberInput", "Progress", "Radio", "SelectSlider",
    "Selectbox", "Slider", "SpecialBlock", "Status", "Subheader", "Success", "Tab", "Table", "Text",
    "TextArea", "TextInput", "TimeInput", "Title", "Toast", "Toggle", "UnknownElement", "Warning",
    "Widget", "WidgetList",
]  # fmt: skip
