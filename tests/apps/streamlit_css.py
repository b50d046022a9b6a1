"""An app styled with CSS written for Streamlit's page structure (the selectors apps use)."""

import nbstream as st

st.markdown(
    """
<style>
div.block-container { padding-top: 7px; }
[data-testid="stSidebar"] { background-color: rgb(10, 20, 30); }
.stButton > button { color: rgb(255, 0, 0); }
[data-testid="stMarkdown"] p { letter-spacing: 3px; }
button { outline: 5px solid rgb(1, 2, 3); }
body, .jp-Toolbar { background-color: rgb(4, 5, 6); }
</style>
""",
    unsafe_allow_html=True,
)
st.sidebar.write("Side")
st.button("Styled")
st.write("Spaced text")
