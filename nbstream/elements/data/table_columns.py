"""Which columns a table element shows, and how: data kinds, column_config, order, index.

``resolve_columns`` turns a frame and the element's arguments into the column list
that travels to the browser (JSON) and that ``TableSource`` windows and the data
editor's validation read.
"""

from __future__ import annotations

import datetime as dt
import numbers
from typing import Any

from nbstream.elements.data.column_config.buttons import ButtonColumnResult
from nbstream.runtime.errors import StreamlitAPIException

# ---- column types ----------------------------------------------------------------------------

# What kind of values a column holds (as Streamlit names them in its messages).
NUMERIC = ("integer", "float", "decimal")


def data_kind(series: Any) -> str:
    """integer, float, decimal, boolean, string, datetime, date, time, timedelta,
    categorical, list, dict, bytes, empty or object."""
    import pandas as pd
    from pandas.api import types

    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return "categorical"
    if isinstance(dtype, pd.ArrowDtype):
        return _arrow_kind(dtype.pyarrow_dtype)
    if types.is_bool_dtype(dtype):
        return "boolean"
    if types.is_integer_dtype(dtype):
        return "integer"
    if types.is_float_dtype(dtype):
        return "float"
    if types.is_datetime64_any_dtype(dtype):
        return "datetime"
    if types.is_timedelta64_dtype(dtype):
        return "timedelta"
    if types.is_complex_dtype(dtype):
        return "object"
    if types.is_string_dtype(dtype) and not types.is_object_dtype(dtype):
        return "string"
    if not types.is_object_dtype(dtype):
        return "object"
    sample = series.head(1000).dropna() if len(series) else series
    if len(sample) == 0:
        return "empty"
    inferred = types.infer_dtype(sample, skipna=True)
    first = sample.iloc[0]
    if isinstance(first, (list, tuple)) or type(first).__name__ == "ndarray":
        return "list"
    if isinstance(first, dict):
        return "dict"
    return {
        "string": "string",
        "integer": "integer",
        "floating": "float",
        "mixed-integer-float": "float",
        "decimal": "decimal",
        "boolean": "boolean",
        "datetime": "datetime",
        "datetime64": "datetime",
        "date": "date",
        "time": "time",
        "timedelta": "timedelta",
        "timedelta64": "timedelta",
        "bytes": "bytes",
        "empty": "empty",
    }.get(inferred, "object")


def _arrow_kind(pa_type: Any) -> str:
    import pyarrow as pa

    checks = [
        (pa.types.is_boolean, "boolean"),
        (pa.types.is_integer, "integer"),
        (pa.types.is_floating, "float"),
        (pa.types.is_decimal, "decimal"),
        (pa.types.is_timestamp, "datetime"),
        (pa.types.is_date, "date"),
        (pa.types.is_time, "time"),
        (pa.types.is_duration, "timedelta"),
        (pa.types.is_string, "string"),
        (pa.types.is_large_string, "string"),
        (pa.types.is_list, "list"),
        (pa.types.is_large_list, "list"),
        (pa.types.is_struct, "dict"),
        (pa.types.is_binary, "bytes"),
        (pa.types.is_dictionary, "categorical"),
    ]
    for check, kind in checks:
        if check(pa_type):
            return kind
    return "object"


# The grid's column type for each data kind when no column_config says otherwise.
DEFAULT_TYPES = {
    "integer": "number",
    "float": "number",
    "decimal": "number",
    "boolean": "checkbox",
    "datetime": "datetime",
    "date": "date",
    "time": "time",
    "list": "list",
    "dict": "json",
    "categorical": "selectbox",
}


def index_names(frame: Any) -> list[str]:
    """Display names of the index levels ("" for an unnamed one)."""
    return ["" if n is None else str(n) for n in frame.index.names]


# ---- the columns shown ---------------------------------------------------------------------

INDEX = "_index"
# Column types a user can edit in st.data_editor; the others are read-only.
EDITABLE_TYPES = (
    "text",
    "number",
    "checkbox",
    "selectbox",
    "date",
    "time",
    "datetime",
    "link",
    "list",
    "markdown",
    "multiselect",
)
# Data kinds each editable type can edit.
COMPATIBLE = {
    "text": ("string", "empty", "object", "categorical", "bytes"),
    "link": ("string", "empty", "object"),
    "number": (*NUMERIC, "empty"),
    "checkbox": ("boolean", "empty"),
    "selectbox": ("string", "empty", "object", "categorical", "integer", "float", "boolean"),
    "date": ("date", "datetime", "empty", "string", "object"),
    "time": ("time", "datetime", "empty", "string", "object"),
    "datetime": ("datetime", "date", "empty", "string", "object"),
    "list": ("list", "empty"),
    "markdown": ("string", "empty", "object"),
    "multiselect": ("list", "empty", "object"),
}
KIND_NAMES = {"float": "float", "integer": "integer", "boolean": "boolean", "string": "string"}


def normalize_config(column_config: Any) -> dict[str, Any]:
    """``column_config`` with string keys and dict values (a label string becomes a dict;
    None hides the column)."""
    if column_config is None:
        return {}
    if not isinstance(column_config, dict):
        raise StreamlitAPIException(f"column_config must be a dict, not {type(column_config).__name__}.")
    out: dict[str, Any] = {}
    for name, conf in column_config.items():
        if conf is None:
            out[str(name)] = None
        elif isinstance(conf, str):
            out[str(name)] = {"label": conf}
        elif isinstance(conf, dict):
            out[str(name)] = conf
        elif isinstance(conf, ButtonColumnResult):
            out[str(name)] = conf.config
        else:
            raise StreamlitAPIException(
                f"Invalid column config for column `{name}`: expected a string, None or a column config "
                f"(st.column_config.*), not {type(conf).__name__}."
            )
    return out


def resolve_columns(
    frame: Any,
    *,
    column_config: dict[str, Any],
    column_order: Any = None,
    hide_index: bool | None = None,
    disabled: bool | list[str] = True,
    editing: bool = False,
) -> list[dict[str, Any]]:
    """The columns to show, index levels first, each a JSON-able dict."""
    if column_order is not None and isinstance(column_order, str):
        column_order = [column_order]
    names = [str(c) for c in frame.columns]
    columns: list[dict[str, Any]] = []
    if not hide_index:
        for level, name in enumerate(index_names(frame)):
            conf = column_config.get(INDEX, {})
            if conf is None:
                break
            # As a Series: an object index holds dates, tuples, ... that are sampled like a column's.
            series = frame.index.get_level_values(level).to_series(index=None)
            columns.append(_column(series, name, True, level, conf, disabled, editing))
    positions = (
        range(len(names))
        if column_order is None
        else [names.index(str(n)) for n in column_order if str(n) in names]
    )
    for pos in positions:
        conf = column_config.get(names[pos], {})
        if conf is None:
            continue
        columns.append(_column(frame.iloc[:, pos], names[pos], False, pos, conf, disabled, editing))
    for i, col in enumerate(columns):
        col["field"] = f"f{i}"
    return columns


def _column(
    series: Any, name: str, is_index: bool, pos: int, conf: dict[str, Any], disabled: Any, editing: bool
) -> dict[str, Any]:
    kind = data_kind(series)
    type_config = dict(conf.get("type_config") or {})
    col_type = type_config.pop("type", None) or DEFAULT_TYPES.get(kind, "text")
    if col_type == "selectbox" and type_config.get("options") is None and kind == "categorical":
        type_config["options"] = [jsonable(c) for c in series.dtype.categories]
    if col_type == "number":
        ints = [type_config.get(k) for k in ("min_value", "max_value", "step")] + [conf.get("default")]
        type_config["integer"] = kind == "integer" or any(
            isinstance(v, int) and not isinstance(v, bool) for v in ints
        )
    is_disabled = conf.get("disabled")
    if is_disabled is None:
        is_disabled = disabled is True or (
            isinstance(disabled, (list, tuple, set)) and name in map(str, disabled)
        )
    if col_type not in EDITABLE_TYPES or (kind in ("list", "dict", "timedelta") and col_type == "text"):
        is_disabled = True
    if editing and not is_disabled and kind not in COMPATIBLE[col_type]:
        raise StreamlitAPIException(
            f"The configured column type `{col_type}` for column `{name}` is not compatible for editing the "
            f"underlying data type `{kind}`.\n\nYou have following options to fix this: "
            "1) choose a compatible "
            "type 2) disable the column 3) convert the column into a compatible data type."
        )
    return {
        "field": "",
        "name": name,
        "label": conf.get("label") if conf.get("label") is not None else name,
        "index": is_index,
        "pos": pos,
        "kind": kind,
        "type": col_type,
        "config": {k: jsonable(v) for k, v in type_config.items()},
        "width": conf.get("width"),
        "help": conf.get("help"),
        "disabled": bool(is_disabled),
        "required": bool(conf.get("required")),
        "pinned": conf.get("pinned") if conf.get("pinned") is not None else is_index,
        "alignment": conf.get("alignment"),
        "default": jsonable(conf.get("default")),
    }


def jsonable(value: Any) -> Any:
    """A cell value as JSON: numbers, strings, booleans, None, ISO dates, lists."""
    if value is None or isinstance(value, (str, bool)):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        f = float(value)
        return None if f != f else f
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)) or type(value).__name__ == "ndarray":
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    import pandas as pd

    try:
        if pd.isna(value) is True:  # NaT, NA
            return None
    except (TypeError, ValueError):
        pass
    return str(value)
