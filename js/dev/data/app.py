"""The dev page's app: one of each data element, with the data types they show."""

import datetime as dt

import numpy as np
import pandas as pd

import nbstream as st

st.metric("Temperature", "70 °F", "1.2 °F")
st.metric("Wind", "9 mph", "-8%", delta_color="inverse", help="Gusts included")
st.json(
    {"name": "nbstream", "tags": ["grid", "arrow"], "nested": {"deep": {"deeper": 1}}, "none": None},
    expanded=2,
)

people = pd.DataFrame(
    {
        "name": ["Ann", "Bob", "Cleo", "Dan"],
        "age": [31, 45, 27, None],
        "score": [0.82, 0.47, 0.95, 0.13],
        "active": [True, False, True, True],
        "joined": pd.to_datetime(
            ["2020-01-10 10:30", "2021-06-01 08:00", "2022-03-15 17:45", "2023-12-31 23:59"]
        ),
        "zoned": pd.to_datetime(["2020-01-10 10:30"] * 4).tz_localize("EST"),
        "history": [[1, 3, 2, 5], [5, 4, 4, 2], [1, 2, 3, 4], [3, 3, 1, 1]],
        "site": [
            "https://streamlit.io",
            "https://jupyter.org",
            "https://arrow.apache.org",
            "https://pandas.pydata.org",
        ],
        "tags": [["a", "b"], ["c"], [], ["d", "e", "f"]],
    }
)
st.dataframe(
    people,
    column_config={
        "score": st.column_config.ProgressColumn("Score", min_value=0, max_value=1, format="%.2f"),
        "history": st.column_config.LineChartColumn("History", y_min=0, y_max=5),
        "site": st.column_config.LinkColumn("Site", display_text=r"https://(.*?)\..*"),
        "age": st.column_config.NumberColumn("Age", format="%d yrs", help="In years"),
    },
    hide_index=True,
)
big = pd.DataFrame(np.random.default_rng(0).standard_normal((1_000_000, 4)), columns=list("abcd"))
st.dataframe(big, on_select="rerun", selection_mode="multi-row", key="big")
st.dataframe(
    pd.DataFrame({"price": [1.5, 20.25, 7.0]}).style.format("${:.2f}").highlight_max(color="#ffe08a")
)
commands = pd.DataFrame(
    [
        {
            "command": "st.selectbox",
            "rating": 4,
            "is_widget": True,
            "kind": "widget",
            "added": dt.date(2023, 1, 5),
        },
        {
            "command": "st.balloons",
            "rating": 5,
            "is_widget": False,
            "kind": "element",
            "added": dt.date(2023, 2, 5),
        },
        {
            "command": "st.time_input",
            "rating": 3,
            "is_widget": True,
            "kind": "widget",
            "added": dt.date(2023, 3, 5),
        },
    ]
)
st.data_editor(
    commands,
    num_rows="dynamic",
    key="editor",
    column_config={
        "rating": st.column_config.NumberColumn("Rating", min_value=0, max_value=10, step=1),
        "kind": st.column_config.SelectboxColumn("Kind", options=["widget", "element"]),
        "command": st.column_config.TextColumn("Command", required=True, validate=r"^st\."),
    },
)
st.table(pd.DataFrame({"A": [1, 2, 3], "B": ["x", "y", "z"]}))
