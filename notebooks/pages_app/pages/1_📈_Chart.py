import nbstream as st

st.title("Chart")
points = st.slider("Points", 2, 20, 8)
st.line_chart({"y": [i * i for i in range(points)]})
st.write(f"Visits to the home page: {st.session_state.get('visits', 0)}")
