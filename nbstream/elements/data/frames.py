"""Any supported data as a pandas DataFrame, and a Styler's formatted text and cell CSS."""

from __future__ import annotations

import numbers
from typing import Any

from nbstream.runtime.errors import StreamlitAPIException


def to_dataframe(data: Any) -> Any:
    """Any supported data as a pandas DataFrame (pandas, Arrow, NumPy, lists, dicts, ...)."""
    import pandas as pd

    if data is None:
        return pd.DataFrame()
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, pd.Series):
        return data.to_frame()
    if isinstance(data, pd.Index):
        return data.to_frame(index=False)
    module = type(data).__module__ or ""
    if module.startswith("pandas.io.formats.style"):
        return data.data
    if module.startswith("pyarrow"):
        return data.to_pandas()
    if module.startswith("numpy"):
        if data.ndim == 0:
            return pd.DataFrame()
        if data.ndim == 1:
            return pd.DataFrame({"value": data})
        return pd.DataFrame(data)
    if isinstance(data, dict):
        if data and all(is_scalar(v) for v in data.values()):
            # {"a": 1, "b": 2}: one row per key.
            return pd.DataFrame({"value": list(data.values())}, index=list(data.keys()))
        return pd.DataFrame(data)
    if isinstance(data, (list, tuple, set, frozenset)):
        items = list(data)
        if items and all(is_scalar(v) for v in items):
            return pd.DataFrame({"value": items})
        return pd.DataFrame(items)
    if hasattr(data, "to_pandas"):
        return data.to_pandas()
    if hasattr(data, "__dataframe__"):
        return pd.api.interchange.from_dataframe(data)
    if hasattr(data, "__iter__") and not isinstance(data, (str, bytes)):
        return to_dataframe(list(data))
    raise StreamlitAPIException(
        f"Unable to convert object of type `{type(data)}` to `pandas.DataFrame`. "
        "Offending object:\n```py\n" + repr(data)[:300] + "\n```"
    )


def is_scalar(value: Any) -> bool:
    import datetime as dt

    return value is None or isinstance(
        value, (str, bytes, bool, numbers.Number, dt.date, dt.time, dt.timedelta)
    )


def is_styler(data: Any) -> bool:
    return (type(data).__module__ or "").startswith("pandas.io.formats.style")


def styler_display(styler: Any) -> tuple[Any, Any]:
    """A Styler's formatted text and each cell's CSS, as two string frames.

    Uses the Styler's own rendering (``_translate``), the one place pandas exposes the
    formatted value of every cell.
    """
    import pandas as pd

    data = styler.data
    text = pd.DataFrame("", index=range(len(data)), columns=range(data.shape[1]), dtype=object)
    css = pd.DataFrame("", index=range(len(data)), columns=range(data.shape[1]), dtype=object)
    styler._compute()
    translated = styler._translate(False, False, blank="")
    for r, row in enumerate(translated["body"]):
        cells = [c for c in row if c.get("type") == "td"]
        for c, cell in enumerate(cells[: data.shape[1]]):
            text.iat[r, c] = str(cell.get("display_value", ""))
    for (r, c), props in styler.ctx.items():
        if r < len(data) and c < data.shape[1]:
            css.iat[r, c] = ";".join(f"{k}:{v}" for k, v in props)
    return text, css


def extend_display(display: Any, more: Any) -> Any:
    """A Styler's text and CSS frames grown by the rows of ``more`` (their plain text, no style)."""
    import pandas as pd

    text, css = display
    extra_text = more.astype(str)
    extra_text.columns = text.columns
    extra_css = pd.DataFrame("", index=more.index, columns=css.columns)
    return pd.concat([text, extra_text]), pd.concat([css, extra_css])
