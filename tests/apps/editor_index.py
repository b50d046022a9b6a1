# Which st.data_editor shows its RangeIndex: Streamlit 1.67 hides it when rows can be
# added (num_rows "dynamic" or "add") and shows it otherwise; another index always shows.
# Recorded by tests/e2e/fixtures/record_streamlit_figures.py, compared by test_look_voila.py.

import pandas as pd
import streamlit as st

frame = pd.DataFrame({"x": [1, 2], "y": ["a", "b"]})
for rows in ("fixed", "dynamic", "add", "delete"):
    st.data_editor(frame, num_rows=rows, key=rows)
st.data_editor(frame.set_index(pd.Index(["r1", "r2"])), num_rows="dynamic", key="named")
st.write("The end")
