"""An app that shows every element and widget nbstream has, once.

tests/unit/test_front_end_registry.py checks that every ``@command`` element is called
here and that the front end has a component for every kind this app's tree holds;
tests/e2e/test_draw_voila.py and test_draw_lab.py draw it in a browser and fail on a
fallback box, a component error box or a page error.  An element that lands joins this app the same
day (the registry test fails until it does).
"""

import datetime as dt
import io

import altair as alt
import ipywidgets
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import plotly.graph_objects as go

import nbstream as st

st.set_page_config(page_title="Every element", layout="wide")

df = pd.DataFrame({"a": [1, 2, 3], "b": [4.5, None, 6.0], "c": ["x", "y", None]})
points = pd.DataFrame({"lat": [52.52, 48.85], "lon": [13.40, 2.35]})

# text
st.title("Title")
st.header("Header")
st.subheader("Subheader")
st.markdown("Some **markdown**")
st.caption("A caption")
st.code("print('code')", language="python")
st.text("Plain text")
st.latex(r"e^{i\pi} + 1 = 0")
st.divider()
st.badge("Badge")
st.write("Written", 42)
st.help(len)
with st.echo():
    echoed = 1 + 1

# status
st.success("Success")
st.info("Info")
st.warning("Warning")
st.error("Error")
st.exception(RuntimeError("an exception shown on purpose"))
st.progress(40, text="Progress")
with st.spinner("Spinning"):
    pass
with st.status("Status", state="complete"):
    st.write("inside the status")
st.toast("Toast")
st.balloons()
st.snow()

# widgets
st.button("Button")
st.download_button("Download", "file text", file_name="every.txt")
st.download_button("Download bytes", io.BytesIO(b"bytes"), file_name="every.bin")
st.checkbox("Checkbox")
st.toggle("Toggle")
st.radio("Radio", ["one", "two"])
st.selectbox("Selectbox", ["one", "two"])
st.multiselect("Multiselect", ["one", "two"])
st.slider("Slider", 0, 10, 5)
st.select_slider("Select slider", ["low", "mid", "high"])
st.number_input("Number input", value=1)
st.text_input("Text input")
st.text_area("Text area")
st.color_picker("Color picker", "#ff4b4b")
st.date_input("Date input", dt.date(2024, 1, 2))
st.time_input("Time input", dt.time(12, 30))
st.datetime_input("Datetime input", dt.datetime(2024, 1, 2, 12, 30))
st.pills("Pills", ["one", "two"])
st.segmented_control("Segmented control", ["one", "two"])
st.pagination(3)
st.menu_button("Menu button", ["one", "two"])

# data
st.dataframe(df)
st.data_editor(df, key="editor")
st.table(df)
st.metric("Metric", 42, delta=3)
st.json({"a": [1, 2, {"b": None}]})

# charts
chart = pd.DataFrame(np.arange(12).reshape(4, 3), columns=["x", "y", "z"])
st.line_chart(chart)
st.area_chart(chart)
st.bar_chart(chart)
st.scatter_chart(chart)
st.altair_chart(alt.Chart(chart).mark_point().encode(x="x", y="y"))
st.vega_lite_chart(chart, {"mark": "bar", "encoding": {"x": {"field": "x"}, "y": {"field": "y"}}})
fig, ax = plt.subplots()
ax.plot([1, 2, 3])
st.pyplot(fig)
st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[3, 1, 2])))
st.map(points)
st.graphviz_chart("digraph { run -> intr; intr -> runbl }")
st.mermaid_chart("graph LR; A[Start] --> B[End]")
st.pydeck_chart()
st.echarts_chart({"xAxis": {"data": ["a", "b"]}, "yAxis": {}, "series": [{"type": "bar", "data": [1, 2]}]})

# media
pixels = np.zeros((20, 40, 3), dtype=np.uint8)
pixels[:, :20] = (255, 75, 75)
st.logo(pixels)
st.image(pixels, caption="An image")
tone = np.sin(np.linspace(0, 440 * 2 * np.pi, 8000)).astype(np.float32)
st.audio(tone, sample_rate=8000)
st.video(b"\x00\x00\x00\x18ftypmp42", format="video/mp4")
pdf_file = io.BytesIO()
fig.savefig(pdf_file, format="pdf")
st.pdf(pdf_file.getvalue(), height=200)
st.link_button("Link button", "https://docs.streamlit.io")
st.page_link("https://docs.streamlit.io", label="Page link")
st.file_uploader("File uploader")
st.camera_input("Camera input", disabled=True)
st.audio_input("Audio input", disabled=True)

# chat
with st.chat_message("user"):
    st.write("A chat message")
st.write_stream(iter(["streamed ", "words"]))
st.feedback("thumbs")
st.chat_input("Chat input")

# html and custom components
st.html("<p>Some <b>HTML</b></p>")
st.components.v1.html("<p>In a components frame</p>", height=60)
st.components.v1.iframe("about:blank", height=60)
st.iframe("<p>In st.iframe, sized to its content</p>", alt="An st.iframe")
st.widget(ipywidgets.IntSlider(value=2, description="Embedded"), key="embedded_slider")

# layout
with st.grid(2):
    st.write("In a grid")
st.space("small")
st.skeleton(40)
left, right = st.columns(2)
left.write("Left column")
right.write("Right column")
with st.container(border=True):
    st.write("In a container")
st.empty().write("In an empty slot")
with st.expander("Expander"):
    st.write("In the expander")
first, second = st.tabs(["First tab", "Second tab"])
first.write("In the first tab")
with st.popover("Popover"):
    st.write("In the popover")
st.sidebar.write("In the sidebar")
st.bottom.caption("In the bottom area")

# flow
with st.form("form"):
    st.text_input("In the form")
    st.form_submit_button("Submit")


@st.fragment
def part():
    st.write("In a fragment")


part()


@st.dialog("A dialog")
def show_dialog():
    st.write("In the dialog")


show_dialog()
st.write("The end")
