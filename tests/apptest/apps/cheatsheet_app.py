"""The app of the app-testing cheat sheet: text, input widgets, layout and status elements."""

import datetime

import nbstream as st

# Text elements
st.title("My app")
st.header("New topic")
st.subheader("Interesting sub-topic")
st.divider()
st.markdown("Hello, world!")
st.code("import streamlit as st")
st.caption("A cool diagram")
st.text("Hello again, world!")
st.latex(r"\int a x^2 \,dx")
st.divider()

# Input widgets
st.button("Click")
st.checkbox("Agree")
st.color_picker("Pick a color", "#FFFFFF")
st.date_input("Birthday", datetime.date(2019, 7, 6))
st.multiselect("Options", ["foo", "bar", "baz"], default=["foo", "bar"])
st.number_input("Count", value=5)
st.radio("Radio", ["Foo", "Baz", "Qux", "Bar"], index=3)
st.selectbox("Select", ["Foo", "Baz", "Qux", "Bar"], index=3)
st.select_slider("Month", ["Jan", "Feb", "Mar", "Apr", "May", "Jun"], value="Feb")
st.select_slider("Months", ["Jan", "Feb", "Mar", "Apr", "May", "Jun"], value=("Jan", "Feb"))
st.slider("Level", 0, 10, 2)
st.slider("Band", 0, 10, (1, 3))
st.text_area("Essay", "Hello, world!")
st.text_input("Greeting", "Hello, world!")
st.time_input("Alarm", datetime.time(8, 45))
st.toggle("Debug mode")

# Layouts and containers
st.sidebar.text_input("Your name")
left, right = st.columns(2)
left.markdown("Left column")
right.markdown("Hello, world!")
tabs = st.tabs(["One", "Two", "Three"])
tabs[2].markdown("Hello, yourself!")

# Status elements
st.success("Great job!")
st.info("Please enter an API key to continue")
st.warning("Sorry, the passwords didn't match")
st.error("Something went wrong :(")
st.exception(TypeError("unsupported operand type(s) for +: 'int' and 'str'"))
