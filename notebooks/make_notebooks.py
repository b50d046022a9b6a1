"""Writes most example notebooks of this folder: hello.ipynb and one app per element family.

(charts.ipynb is written by hand: it is not among these.)  Each notebook opens with the
markdown cell of intros.py saying what its app shows.

    python notebooks/make_notebooks.py

Each notebook is `import nbstream as st` and one `%%stapp` cell, so `voila
notebooks/<name>.ipynb` serves it as an app and JupyterLab runs it in place.  Edit the
apps here, not in the .ipynb files.
"""

from __future__ import annotations

import json
import runpy
from pathlib import Path

HERE = Path(__file__).resolve().parent
# By path, not by import: tests load this file on its own, with notebooks/ off sys.path.
INTROS: dict[str, str] = runpy.run_path(str(HERE / "intros.py"))["INTROS"]

APPS: dict[str, str] = {}

APPS["hello"] = """
st.set_page_config(page_title="Hello, nbstream")
st.title("Hello, nbstream :wave:")

with st.sidebar:
    st.header("About you")
    name = st.text_input("Your name", "world")

if "count" not in st.session_state:
    st.session_state.count = 0
if st.button("Add one"):
    st.session_state.count += 1
st.write(f"Count: **{st.session_state.count}**")

stars = st.slider("How many stars?", 0, 10, 3)
left, right = st.columns(2)
with left:
    st.subheader("Greeting")
    st.write(f"Hello, **{name}**!")
with right:
    st.subheader("Stars")
    st.write(":star:" * stars or "No stars yet.")
"""

APPS["text"] = r"""
st.title("Text elements", help="st.title, st.header, st.subheader")
st.header("A header with a divider", divider="rainbow")
st.subheader("A subheader")
st.markdown(
    "Streamlit's markdown: **bold**, *italic*, `code`, :red[red text], :blue-background[a background], "
    ":green-badge[a badge], emoji :paw_prints:, an icon :material/home:, and math $e^{i\\pi} + 1 = 0$."
)
st.markdown("| column | value |\n|---|---|\n| a | 1 |\n| b | 2 |")
st.caption("A caption, for small print.")
st.code("def greet(name):\n    return f'Hello, {name}!'", language="python")
st.latex(r"\int_0^\infty e^{-x^2} dx = \frac{\sqrt{\pi}}{2}")
st.text("Fixed-width text, shown as it is.")
st.divider()
st.markdown("<b>HTML is escaped</b> unless you allow it:")
st.markdown("<b>allowed HTML</b>", unsafe_allow_html=True)
"""

APPS["write"] = """
st.title("st.write and magic")
st.write("Strings are markdown,", 42, "numbers are code.")
st.write({"a dict": [1, 2, 3], "becomes": "json"})
"A bare string on its own line is written too (magic)."
with st.echo():
    total = sum(range(10))
    st.write("The sum is", total)
st.help(sum)
"""

APPS["alerts"] = """
st.title("Alerts")
st.success("It worked.", icon=":material/check_circle:")
st.info("Something to know.")
st.warning("Be careful.")
st.error("Something went wrong.")
try:
    1 / 0
except ZeroDivisionError as exc:
    st.exception(exc)
"""

APPS["buttons"] = """
st.title("Buttons")
if "clicks" not in st.session_state:
    st.session_state.clicks = 0
if st.button("Click me", type="primary"):
    st.session_state.clicks += 1
st.button("A secondary button")
st.button("Disabled", disabled=True)
st.write(f"Clicked {st.session_state.clicks} times.")
st.download_button("Download a text file", "Hello from nbstream\\n", file_name="hello.txt")
"""

APPS["media"] = """
import numpy as np
import pandas as pd
st.title("Files and media")
f = st.file_uploader("Upload a CSV", type="csv")
if f is None:
    st.info("No file yet: showing a sample.")
    df = pd.DataFrame({"x": range(10), "y": np.arange(10) ** 2})
else:
    df = pd.read_csv(f)
st.dataframe(df)
st.line_chart(df)
st.subheader("Gallery")
ramp = np.linspace(0, 1, 64 * 64).reshape(64, 64)
tiles = [ramp, ramp.T, np.dstack([ramp, ramp.T, 1 - ramp])]
st.image(tiles, caption=["Ramp", "Turned", "Colours"], width=120)
t = np.linspace(0, 1, 8000, endpoint=False)
st.audio(np.sin(2 * np.pi * 440 * t), sample_rate=8000)
st.link_button("Streamlit docs", "https://docs.streamlit.io")
"""

APPS["components"] = r"""
import pathlib
import tempfile
import nbstream.components.v1 as components

st.title("Custom components")
st.subheader("components.html: HTML and scripts in a sandboxed frame")
components.html(
    "<button onclick=\"this.textContent = 'Clicked inside the frame'\">Click me</button>",
    height=60,
)
st.subheader("st.html: HTML in the page, scripts removed, CSS kept")
st.html("<style>.shout { font-weight: bold; color: #ff4b4b; }</style><p class='shout'>Styled by st.html</p>")

st.subheader("declare_component: a front end that talks back")
# A component's build folder: index.html speaking Streamlit's component protocol.
build = pathlib.Path(tempfile.gettempdir()) / "nbstream-counter-component"
build.mkdir(exist_ok=True)
(build / "index.html").write_text(
    '''<!doctype html><html><body style="font-family: var(--font, sans-serif)">
<button id="b">Count</button> <span id="s"></span>
<script>
let n = 0;
const post = (type, data) => parent.postMessage({isStreamlitMessage: true, type, ...data}, "*");
window.addEventListener("message", (e) => {
  if (e.data.type !== "streamlit:render") return;
  document.getElementById("s").textContent = e.data.args.greeting;
  post("streamlit:setFrameHeight", {height: 40});
});
const send = () => post("streamlit:setComponentValue", {value: ++n, dataType: "json"});
document.getElementById("b").onclick = send;
post("streamlit:componentReady", {apiVersion: 1});
</script></body></html>'''
)
counter = components.declare_component("counter", path=str(build))
clicks = counter(greeting="Hello from Python", key="clicks", default=0)
st.write(f"The component was clicked {clicks} times")

st.subheader("st.components.anywidget: an ES module drawn in the page, no iframe")
stars = st.components.anywidget(
    '''export default {
  render({ model, el }) {
    const b = document.createElement("button");
    const show = () => { b.textContent = "★".repeat(model.get("value") ?? 0) || "Rate"; };
    b.onclick = () => { model.set("value", ((model.get("value") ?? 0) % 5) + 1); model.save_changes(); };
    model.on("change:value", show);
    show();
    el.append(b);
  },
};'''
)
rating = stars(key="rating", default=0)
st.write(f"Rating: {rating}")

st.subheader("st.widget: any Jupyter widget inside the app")
import ipywidgets

level = st.widget(ipywidgets.IntSlider(value=3, max=10, description="Level"), key="level")
st.write(f"The ipywidgets slider is at {level.value}; squared: {level.value ** 2}")

st.subheader("st.iframe: a URL, an HTML string or a file, sized to its content")
st.iframe("<p style='font-family: sans-serif'>An HTML string in <b>st.iframe</b></p>", alt="A small frame")
"""

APPS["selection"] = """
st.title("Choosing")
agree = st.checkbox("I agree")
on = st.toggle("Dark coffee")
flavour = st.radio("Flavour", ["vanilla", "chocolate", "strawberry"], horizontal=True)
city = st.selectbox("City", ["Berlin", "Lisbon", "Oslo"], index=None, placeholder="Pick a city")
extras = st.multiselect("Extras", ["sprinkles", "nuts", "cream"], default=["nuts"])
st.write(agree, on, flavour, city, extras)
tags = st.pills("Tags", [":material/star: Favourite", "New", "Sale"], selection_mode="multi")
size = st.segmented_control("Size", ["S", "M", "L"], default="M", required=True)
st.write(tags, size)
st.badge("Beta", icon=":material/science:", color="violet")
"""

APPS["numeric"] = """
st.title("Numbers")
level = st.slider("Level", 0, 100, 25)
low, high = st.slider("A range", 0.0, 1.0, (0.2, 0.8))
size = st.select_slider("Size", ["S", "M", "L", "XL"], value="M")
count = st.number_input("How many?", min_value=0, max_value=10, value=3)
st.write(f"level={level}, range=({low:.2f}, {high:.2f}), size={size}, count={count}")
"""

APPS["textual"] = """
st.title("Text input")
name = st.text_input("Name", placeholder="Type and press Enter")
bio = st.text_area("About you", height=120)
colour = st.color_picker("Favourite colour", "#ff4b4b")
st.write(f"**{name or 'Nobody'}** likes {colour}.")
st.write(bio)
"""

APPS["time"] = """
import datetime as dt

st.title("Dates and times")
day = st.date_input("A day", dt.date(2024, 5, 31))
span = st.date_input("A span", (dt.date(2024, 1, 1), dt.date(2024, 1, 7)))
alarm = st.time_input("Alarm", dt.time(7, 30))
meeting = st.datetime_input("Meeting", dt.datetime(2024, 6, 3, 14, 0))
st.write(day, span, alarm, meeting)
st.write(f"Your browser's time zone: {st.context.timezone}, locale: {st.context.locale}")
"""

APPS["layout"] = """
st.title("Layout")
with st.sidebar:
    st.header("Sidebar")
    st.radio("Page", ["Home", "Data"])
left, middle, right = st.columns([2, 1, 1], border=True)
left.write("A wide column")
middle.metric("Temperature", "21 °C", "1.2 °C")
right.button("Go")
tab1, tab2 = st.tabs(["First tab", "Second tab"])
tab1.write("Inside the first tab.")
tab2.write("Inside the second tab.")
with st.expander("More details"):
    st.write("Hidden until expanded.")
with st.popover("Open a popover"):
    st.write("Floating content.")
with st.container(border=True):
    st.write("A bordered container.")
slot = st.empty()
slot.write("An st.empty placeholder, written once.")
row = st.container(horizontal=True, horizontal_alignment="distribute", vertical_alignment="center")
row.button("Left")
row.button("Middle")
row.button("Right")
st.space("medium")
summary, details = st.tabs(["Summary", "Details"], key="view", on_change="rerun")
with details:
    if details.open:  # only the open tab's content runs
        st.write("Details computed because this tab is open.")
summary.write(f"Open tab: {st.session_state.view}")
st.bottom.button("Pinned to the bottom (st.bottom)")
"""

APPS["data"] = """
import numpy as np
import pandas as pd

st.title("Data")
df = pd.DataFrame(np.arange(30).reshape(10, 3), columns=["a", "b", "c"])
st.dataframe(df)
st.table(df.head(3))
st.metric("Rows", len(df), delta=2)
st.json({"name": "nbstream", "elements": ["dataframe", "table", "metric", "json"]})
edited = st.data_editor(pd.DataFrame({"item": ["tea", "cake"], "count": [1, 2]}), num_rows="dynamic")
st.write("Total:", int(edited["count"].sum()))
"""

APPS["status"] = """
import time

st.title("Status")
bar = st.progress(0, text="Working")
for percent in range(0, 101, 25):
    bar.progress(percent, text=f"Working: {percent}%")
    time.sleep(0.05)
with st.spinner("Thinking..."):
    time.sleep(0.2)
with st.status("Downloading data", expanded=True) as status:
    st.write("Found the file.")
    status.update(label="Downloaded", state="complete")
if st.button("Celebrate"):
    st.balloons()
    st.toast("Well done!")
"""

APPS["forms"] = """
st.title("Forms")
with st.form("order"):
    dish = st.selectbox("Dish", ["soup", "salad"])
    amount = st.number_input("Amount", 1, 5, 1)
    sent = st.form_submit_button("Order")
if sent:
    st.success(f"Ordered {amount} x {dish}.")
else:
    st.write("Nothing ordered yet: values wait for the submit button.")
"""

APPS["fragments"] = """
import datetime as dt

st.title("Fragments")

@st.fragment(run_every=1)
def clock():
    st.write("The time is", dt.datetime.now().strftime("%H:%M:%S"))

@st.fragment
def counter():
    if st.button("Rerun only this fragment"):
        st.session_state.n = st.session_state.get("n", 0) + 1
    st.write("Fragment clicks:", st.session_state.get("n", 0))

clock()
counter()
st.write("The rest of the app reruns only on full reruns.")
"""

APPS["caching"] = """
import time

st.title("Caching")

@st.cache_data
def slow_square(x):
    time.sleep(0.5)
    return x * x

@st.cache_resource
def connection():
    return {"opened_at": time.time()}

x = st.slider("x", 0, 10, 3)
start = time.perf_counter()
st.write(f"{x}^2 = {slow_square(x)} ({time.perf_counter() - start:.3f} s: fast once cached)")
st.write("The shared resource was opened at", connection()["opened_at"])
st.caption("The app menu's Clear cache (or the key C) empties both caches.")
"""

APPS["chat"] = """
import random
import time

st.title("Chat")
st.caption("A stand-in assistant streams its answers: no model, no network.")

def assistant(prompt):
    answer = random.choice([
        f"You asked about **{prompt}**. Here is a thought on it, one word at a time.",
        "Good question! Let me think out loud for a moment before I answer.",
        f"Echoing you: {prompt}",
    ])
    for word in answer.split(" "):
        time.sleep(0.05)
        yield word + " "

@st.dialog("Clear the conversation?")
def confirm_clear():
    st.write("This removes every message.")
    if st.button("Clear", type="primary"):
        st.session_state.messages = []
        st.rerun()

if "messages" not in st.session_state:
    st.session_state.messages = [{"role": "assistant", "content": "Hi! Ask me anything."}]

with st.sidebar:
    if st.button("Clear conversation"):
        confirm_clear()

for i, message in enumerate(st.session_state.messages):
    with st.chat_message(message["role"]):
        st.markdown(message["content"])
        if message["role"] == "assistant" and i:
            st.feedback("thumbs", key=f"feedback-{i}")

# The paperclip attaches text files to a message (or drop them on the box).
if prompt := st.chat_input("Say something", accept_file="multiple", file_type=["txt", "md", "csv"]):
    files = ", ".join(f"{f.name} ({f.size} bytes)" for f in prompt.files)
    content = prompt.text + (f"\\n\\n📎 {files}" if files else "")
    st.session_state.messages.append({"role": "user", "content": content})
    with st.chat_message("user"):
        st.markdown(content)
    with st.chat_message("assistant"):
        answer = st.write_stream(assistant(prompt.text or files))
    st.session_state.messages.append({"role": "assistant", "content": answer})
    st.rerun()
"""

APPS["connections"] = """
import os
import tempfile

st.title("Connections")
st.caption(
    "st.connection over a SQLite file. In a project, put the URL in .streamlit/secrets.toml "
    "under [connections.pets_db] and call st.connection('pets_db', type='sql')."
)
db = os.path.join(tempfile.gettempdir(), "nbstream-pets.db")
conn = st.connection("pets_db", type="sql", url=f"sqlite:///{db}")

with conn.session as s:
    s.execute("CREATE TABLE IF NOT EXISTS pet_owners (person TEXT, pet TEXT)")
    s.execute("DELETE FROM pet_owners")
    for person, pet in {"jerry": "fish", "barbara": "cat", "alex": "puppy", "ann": "cat"}.items():
        s.execute("INSERT INTO pet_owners VALUES (:person, :pet)", params={"person": person, "pet": pet})
    s.commit()

pet = st.selectbox("Pet", ["cat", "fish", "puppy"])
owners = conn.query("select person from pet_owners where pet = :pet", params={"pet": pet}, ttl=60)
st.dataframe(owners)
st.caption(f"Driver: {conn.driver}. Each query is cached for 60 s (ttl=60).")
"""


APPS["multipage"] = """
# A multipage app (spec chapter 7): this cell is the entrypoint, the frame around every
# page; st.navigation picks the page and returns it, and pg.run() draws it.
if "logged_in" not in st.session_state:
    st.session_state.logged_in = False

def login():
    st.title("Log in")
    if st.button("Log in"):
        st.session_state.logged_in = True
        st.rerun()

def logout():
    st.title("Log out")
    if st.button("Log out"):
        st.session_state.logged_in = False
        st.rerun()

def dashboard():
    st.title(":material/dashboard: Dashboard")
    st.metric("Open bugs", 12, -3)
    st.write(f"Team **{st.session_state.team}**")
    st.page_link(search_page, label="Search the reports", icon=":material/search:")

def search():
    st.title("Search")
    query = st.text_input("Search for")
    st.write(f"Results for **{query}**" if query else "Type something to search.")
    if st.button("Back to the dashboard"):
        st.switch_page(dashboard_page)

login_page = st.Page(login, title="Log in", icon=":material/login:")
logout_page = st.Page(logout, title="Log out", icon=":material/logout:")
dashboard_page = st.Page(dashboard, title="Dashboard", icon=":material/dashboard:", default=True)
search_page = st.Page(search, title="Search", icon=":material/search:")

if st.session_state.logged_in:
    pg = st.navigation({"Account": [logout_page], "Reports": [dashboard_page, search_page]})
else:
    pg = st.navigation([login_page])
# A widget in the entrypoint keeps its value on every page (spec 7.4, option 1).
st.sidebar.selectbox("Team", ["Core", "Data", "Docs"], key="team")
pg.run()
"""

# The pages/ folder variant lives in its own folder (pages_app/), so that its pages/ folder
# is not the other notebooks' too: this cell is the home page, each pages/*.py a page.
FOLDER_APPS: dict[str, str] = {
    "pages_app/home": """
st.title("Home")
st.write("Each `.py` file of `pages/` beside this notebook is a page of the app.")
st.session_state.visits = st.session_state.get("visits", 0) + 1
st.page_link("pages/1_📈_Chart.py", label="Go to the chart")
""",
}


def notebook(name: str, intro: str, script: str) -> dict:
    cells = [
        ("markdown", intro),
        ("code", "import nbstream as st"),
        ("code", f"%%stapp {name}\n{script.strip()}\n"),
    ]
    return {
        "cells": [
            {
                "cell_type": kind,
                **({"execution_count": None, "outputs": []} if kind == "code" else {}),
                "id": f"{name}-{i}",
                "metadata": {},
                "source": source.splitlines(keepends=True),
            }
            for i, (kind, source) in enumerate(cells)
        ],
        "metadata": {
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def main() -> None:
    for name, script in APPS.items():
        path = HERE / f"{name}.ipynb"
        path.write_text(json.dumps(notebook(name, INTROS[name], script), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(HERE.parent)}")
    for where, script in FOLDER_APPS.items():
        path = HERE / f"{where}.ipynb"
        path.write_text(
            json.dumps(notebook(path.stem, INTROS[where], script), indent=1) + "\n", encoding="utf-8"
        )
        print(f"wrote {path.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
