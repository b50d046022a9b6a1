"""``st.column_config``: how ``st.dataframe`` and ``st.data_editor`` show and edit a column.

Each function returns a plain dict (Streamlit's ``ColumnConfig``): the common keys
(label, width, help, disabled, required, pinned, alignment, default) and a
``type_config`` with the column type and its own parameters.  ``column_config`` maps a
column name (or ``"_index"``) to one of these, to a string (the label), or to None
(hide the column).
"""

from nbstream.elements.data.column_config.buttons import ButtonColumn
from nbstream.elements.data.column_config.column import Column
from nbstream.elements.data.column_config.display import (
    AreaChartColumn,
    AudioColumn,
    BarChartColumn,
    ImageColumn,
    JsonColumn,
    LineChartColumn,
    ProgressColumn,
    VideoColumn,
)
from nbstream.elements.data.column_config.temporal import DateColumn, DatetimeColumn, TimeColumn
from nbstream.elements.data.column_config.values import (
    CheckboxColumn,
    LinkColumn,
    ListColumn,
    MarkdownColumn,
    MultiselectColumn,
    NumberColumn,
    SelectboxColumn,
    TextColumn,
)

__all__ = [
    "AreaChartColumn",
    "AudioColumn",
    "BarChartColumn",
    "ButtonColumn",
    "CheckboxColumn",
    "Column",
    "DateColumn",
    "DatetimeColumn",
    "ImageColumn",
    "JsonColumn",
    "LineChartColumn",
    "LinkColumn",
    "ListColumn",
    "MarkdownColumn",
    "MultiselectColumn",
    "NumberColumn",
    "ProgressColumn",
    "SelectboxColumn",
    "TextColumn",
    "TimeColumn",
    "VideoColumn",
]
