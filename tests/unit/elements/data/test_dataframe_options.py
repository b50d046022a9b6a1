"""st.dataframe's selection_default, placeholder, lazy, alt and st.data_editor's placeholder,
alt and on_change="rerun" (Streamlit 1.67)."""

from __future__ import annotations

import pyarrow as pa
import pytest

from nbstream.testing import AppTest

HEAD = "import nbstream as st, pandas as pd\ndf = pd.DataFrame({'a': [1, None, 3], 'b': ['x', None, 'z']})\n"


def run(body: str) -> AppTest:
    return AppTest.from_string(HEAD + body).run()


def error(body: str) -> tuple[str, str]:
    at = run(body)
    return at.exception[0].proto.type, at.exception[0].message


# ---- selection_default --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "default", "expected"),
    [
        ("'multi-row'", {"selection": {"rows": [0, 2]}}, {"rows": [0, 2], "columns": [], "cells": []}),
        ("'single-row'", {"selection": {"rows": [0, 2]}}, {"rows": [0], "columns": [], "cells": []}),
        ("'multi-row'", {"selection": {"rows": [9]}}, {"rows": [], "columns": [], "cells": []}),
        (
            "['multi-row', 'multi-column']",
            {"selection": {"rows": [1], "columns": ["a", "zz"]}},
            {"rows": [1], "columns": ["a"], "cells": []},
        ),
        ("'multi-row'", {"selection": {"columns": ["a"]}}, {"rows": [], "columns": [], "cells": []}),
        (
            "'single-cell'",
            {"selection": {"cells": [[0, "a"]]}},
            {"rows": [], "columns": [], "cells": [(0, "a")]},
        ),
        ("'multi-cell'", {"selection": {"cells": [[0, "a"]]}}, {"rows": [], "columns": [], "cells": []}),
    ],
)
def test_selection_default_is_the_first_selection(mode, default, expected):
    at = run(
        f"e = st.dataframe(df, on_select='rerun', selection_mode={mode}, selection_default={default!r})\n"
    )
    assert not at.exception, at.exception
    sent = at.dataframe[0].proto["value"]["selection"]
    assert {**sent, "cells": [tuple(c) for c in sent["cells"]]} == expected


def test_selection_default_never_overrides_the_users_selection():
    body = (
        "e = st.dataframe(df, on_select='rerun', key='t', selection_default={'selection': {'rows': [0]}})\n"
    )
    body += "st.text(str(list(e.selection.rows)))"
    at = run(body)
    assert at.text[0].value == "[0]"
    at.session_state["t"] = {"selection": {"rows": [2], "columns": [], "cells": []}}
    at.run()
    assert at.text[0].value == "[2]"
    at.run()
    assert at.text[0].value == "[2]"


def test_selection_default_needs_on_select():
    assert error("st.dataframe(df, selection_default={'selection': {'rows': [0]}})") == (
        "StreamlitIncompatibleParametersError",
        "`selection_default` and `on_select='ignore'` cannot be used together. "
        "Set `on_select` to `'rerun'` or a callback to use `selection_default`.",
    )


@pytest.mark.parametrize("default", ["{'rows': [1]}", "5"])
def test_a_malformed_selection_default_raises(default):
    assert error(f"st.dataframe(df, on_select='rerun', selection_default={default})") == (
        "StreamlitAPIException",
        "Selection state must be a dictionary with a 'selection' key containing 'rows', 'columns', "
        "and 'cells' arrays.",
    )


# ---- placeholder and alt ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["dataframe", "data_editor"])
def test_placeholder_and_alt_travel(kind):
    at = run(f"st.{kind}(df, placeholder='-', alt='Numbers')")
    assert (at.get(kind)[0].proto["placeholder"], at.get(kind)[0].proto["alt"]) == ("-", "Numbers")
    at = run(f"st.{kind}(df, alt='  ')")
    assert (at.get(kind)[0].proto["placeholder"], at.get(kind)[0].proto["alt"]) == (None, None)


def test_the_script_still_reads_missing_values_as_missing():
    at = run("st.dataframe(df, placeholder='-')")
    assert at.dataframe[0].value["b"].isna().tolist() == [False, True, False]


# ---- lazy ------------------------------------------------------------------------------------------


def rows_sent(element) -> int:
    return pa.ipc.open_stream(element.proto["data"]).read_all().num_rows


def test_lazy_false_sends_every_row_and_lazy_true_sends_a_window():
    body = "big = pd.DataFrame({'a': range(5000)})\n"
    at = run(body + "st.dataframe(big, lazy=False)\nst.dataframe(big, lazy=True)\nst.dataframe(big)")
    eager, lazy, auto = at.dataframe
    assert (rows_sent(eager), eager.proto["whole"]) == (5000, True)
    assert (rows_sent(lazy), lazy.proto["whole"]) == (100, False)
    assert rows_sent(auto) == 100
    assert len(lazy.value) == 5000  # the script's value is the whole table either way


def test_lazy_true_with_a_small_table_still_sends_it_whole():
    at = run("st.dataframe(df, lazy=True)")
    assert (rows_sent(at.dataframe[0]), at.dataframe[0].proto["whole"]) == (3, True)


@pytest.mark.parametrize(
    ("call", "kind", "start"),
    [
        (
            "st.dataframe(df, lazy=True, on_select='rerun')",
            "StreamlitIncompatibleParametersError",
            "`lazy=True` and `on_select`",
        ),
        (
            "st.dataframe(df.style.highlight_max(), lazy=True)",
            "StreamlitAPIException",
            "`lazy=True` is not supported for `pandas.Styler`",
        ),
        (
            "st.dataframe(pd.DataFrame([[1, 2]], columns=pd.MultiIndex.from_tuples([('x', 'a'), ('x', 'b')])), lazy=True)",
            "StreamlitAPIException",
            "`lazy=True` is not supported for dataframes with multi-level",
        ),
    ],
)
def test_lazy_true_refuses_what_cannot_travel_on_request(call, kind, start):
    got_kind, message = error(call)
    assert got_kind == kind and message.startswith(start)


# ---- data_editor on_change ---------------------------------------------------------------------


def test_data_editor_on_change_rerun_is_the_default_and_ignore_waits_in_the_browser():
    at = run(
        "st.data_editor(df, on_change='rerun', key='e')\nst.data_editor(df, on_change='ignore', key='f')"
    )
    assert not at.exception
    assert [e.proto.get("on_change") for e in at.get("data_editor")] == [None, "ignore"]
    assert error("st.data_editor(df, on_change='sometimes')")[0] == "StreamlitValueError"
