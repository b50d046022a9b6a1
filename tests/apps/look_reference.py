# The reference app of the look comparison: the elements a first page shows.
#
# tests/e2e/fixtures/record_streamlit_figures.py serves it under Streamlit 1.67 and
# records its figures; tests/e2e/test_look_voila.py and test_look_lab.py draw it in
# nbstream and compare.  It runs unchanged under both: in nbstream ``import streamlit``
# inside an app is nbstream.

import pandas as pd
import streamlit as st

st.sidebar.header("Sidebar")
st.sidebar.write("Text in the sidebar")
st.title("Reference app")
st.header("A header")
st.subheader("A subheader")
st.write("A paragraph of plain text, long enough to show the body font and its line height.")
st.markdown("A second paragraph with **bold** and `code`.")
st.caption("A caption under the paragraphs")
st.divider()
with st.expander("An expander"):
    st.write("Inside the expander")
first, second = st.tabs(["First tab", "Second tab"])
first.write("In the first tab")
second.write("In the second tab")
st.metric("Temperature", "70 °F", "1.2 °F")
st.button("A button")
st.button("Primary button", type="primary")
st.slider("A slider", 0, 100, 25)
st.dataframe(pd.DataFrame({"name": ["Ada", "Alan", "Grace"], "score": [9.5, 8.25, 7.0], "n": [1, 2, 3]}))
many = pd.DataFrame({"category": [f"category {i:03d}" for i in range(100)], "value": range(100)})
st.bar_chart(many, x="category", y="value")
long = pd.DataFrame({"x": [1, 2, 1, 2], "y": [1, 2, 2, 1], "group": ["a", "a", "b", "b"]})
st.line_chart(long, x="x", y="y", color="group")
st.write("The end")
