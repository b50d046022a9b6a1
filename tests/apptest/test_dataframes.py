"""Spec 1.4 "Dataframes", 1.5 "Working with timezones", 1.1's .add_rows() and the cheat
sheet's data elements, run through AppTest."""

from __future__ import annotations

import pandas as pd

from nbstream.testing import AppTest

COMMANDS = """
import nbstream as st
import pandas as pd
df = pd.DataFrame(
    [
        {"command": "st.selectbox", "rating": 4, "is_widget": True},
        {"command": "st.balloons", "rating": 5, "is_widget": False},
        {"command": "st.time_input", "rating": 3, "is_widget": True},
    ]
)
"""


def test_display_dataframes():
    at = AppTest.from_string(COMMANDS + "st.dataframe(df, use_container_width=True)").run()
    assert at.dataframe[0].value["command"].tolist() == ["st.selectbox", "st.balloons", "st.time_input"]
    assert at.dataframe[0].proto["width"] == "stretch"


def test_edit_data_favorite_command():
    at = AppTest.from_string(
        COMMANDS
        + """
edited_df = st.data_editor(df)
favorite_command = edited_df.loc[edited_df["rating"].idxmax()]["command"]
st.markdown(f"Your favorite command is **{favorite_command}** 🎈")
"""
    ).run()
    assert at.markdown[0].value == "Your favorite command is **st.balloons** 🎈"
    at.data_editor[0].edit(0, "rating", 10).run()
    assert at.markdown[0].value == "Your favorite command is **st.selectbox** 🎈"


def test_access_edited_data_through_session_state():
    at = AppTest.from_string(
        COMMANDS
        + """
st.data_editor(df, key="my_key", num_rows="dynamic")
st.write("Here's the value in Session State:")
st.write(st.session_state["my_key"])
"""
    ).run()
    at.data_editor[0].add_row(command="st.write", rating=1, is_widget=False).delete_rows(0).run()
    assert at.session_state["my_key"] == {
        "edited_rows": {},
        "added_rows": [{"command": "st.write", "rating": 1, "is_widget": False}],
        "deleted_rows": [0],
    }
    assert at.json[0].value == (
        '{"edited_rows": {}, "added_rows": [{"command": "st.write", "rating": 1, "is_widget": false}], '
        '"deleted_rows": [0]}'
    )


def test_edit_common_data_structures():
    at = AppTest.from_string(
        """
import nbstream as st
import numpy as np
edited_list = st.data_editor(["red", "green", "blue"], num_rows= "dynamic")
st.write("Here are all the colors you entered:")
st.write(edited_list)
st.data_editor(np.array([
    ["st.text_area", "widget", 4.92],
    ["st.markdown", "element", 47.22]
]))
st.data_editor([
    {"name": "st.text_area", "type": "widget"},
    {"name": "st.markdown", "type": "element"},
])
st.data_editor({
    "st.text_area": "widget",
    "st.markdown": "element"
})
"""
    ).run()
    assert not at.exception
    assert len(at.data_editor) == 4
    at.data_editor[0].add_row(value="violet").run()
    assert at.data_editor[0].value == ["red", "green", "blue", "violet"]
    assert at.data_editor[3].value == {"st.text_area": "widget", "st.markdown": "element"}


def test_add_rows_example_with_dataframe_and_table():
    script = """
import nbstream as st
import pandas as pd
import numpy as np
df = pd.DataFrame(np.random.randn(15, 3), columns=(["A", "B", "C"]))
my_table = st.table(df)
my_frame = st.dataframe(df)
for tick in range(10):
    add_df = pd.DataFrame(np.random.randn(1, 3), columns=(["A", "B", "C"]))
    my_table.add_rows(add_df)
    my_frame.add_rows(add_df)
st.button("Regenerate")
"""
    at = AppTest.from_string(script).run()
    assert len(at.table[0].value) == 25
    assert len(at.dataframe[0].value) == 25
    assert at.table[0].value.index.tolist() == list(range(25))


def test_timezones_in_dataframes_and_write():
    """Shown as the backend has it, never in the viewer's zone.  (The spec's pytz "EST"
    example printed -05:00 with the tz database of its day; newer databases make "EST" a
    link to America/Panama, whose 1920 offset is local mean time, so the assertion is
    that the app shows exactly what Python prints.)"""
    at = AppTest.from_string(
        """
import nbstream as st
import pandas as pd
from datetime import datetime, timedelta, timezone
import pytz
st.write(datetime(2020, 1, 10, 10, 30))
st.write(datetime(2020, 1, 10, 10, 30, tzinfo=timezone(timedelta(hours=-5))))
st.write(datetime(2020, 1, 10, 10, 30, tzinfo=pytz.timezone("EST")))
st.dataframe(pd.DataFrame({"when": pd.to_datetime(["2020-01-10 10:30"]).tz_localize("EST")}))
"""
    ).run()
    from datetime import datetime

    import pytz

    assert "2020-01-10 10:30:00" in at.markdown[0].value
    assert "2020-01-10 10:30:00-05:00" in at.markdown[1].value
    assert str(datetime(2020, 1, 10, 10, 30, tzinfo=pytz.timezone("EST"))) in at.markdown[2].value
    assert at.dataframe[0].value["when"].iloc[0] == pd.Timestamp("2020-01-10 10:30", tz="EST")


def test_cheat_sheet_data_elements():
    at = AppTest.from_string(
        """
import nbstream as st
import pandas as pd
st.dataframe(pd.DataFrame([1, 2, 3]))
st.metric("My metric", 9500, 1000)
st.json(["hi", {"foo": "bar"}])
st.table(pd.DataFrame([1, 2, 3]))
"""
    ).run()
    expected_df = pd.DataFrame([1, 2, 3])
    assert at.dataframe[0].value.equals(expected_df)
    assert at.metric[0].value == "9500"
    assert at.metric[0].delta == "1000"
    assert at.json[0].value == '["hi", {"foo": "bar"}]'
    table_df = pd.DataFrame([1, 2, 3])
    assert at.table[0].value.equals(table_df)
