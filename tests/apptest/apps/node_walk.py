"""An app whose node sequence under AppTest was read from Streamlit 1.67 (see test_streamlit_counts)."""

import pandas as pd

import nbstream as st

st.title("Walk")
with st.sidebar:
    st.selectbox("Pick", ["a", "b"])
left, right = st.columns(2)
left.line_chart(pd.DataFrame({"y": [1, 2, 3]}))
right.bar_chart(pd.DataFrame({"y": [1, 2, 3]}))
with st.spinner("Loading"):
    st.caption("loaded")


@st.cache_data
def load():
    return 3


st.metric("n", load())
with st.form("f"):
    st.text_input("Name")
    st.form_submit_button("Save")
st.data_editor(pd.DataFrame({"a": [1]}), num_rows="dynamic")
st.help(len)


@st.fragment
def part():
    st.button("Again")


part()
with st.container():
    st.map(pd.DataFrame({"lat": [1.0], "lon": [2.0]}))
tab_a, tab_b = st.tabs(["A", "B"])
tab_b.toggle("On")
st.toast("Hi")
