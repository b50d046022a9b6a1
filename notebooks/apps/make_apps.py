"""Writes the real-world style apps of this folder (each notebook: what it shows, then the app).

    python notebooks/apps/make_apps.py

Each app exercises several features at once, as a real app does.  Edit them here, not
in the .ipynb files.  (The multipage apps are ../multipage.ipynb and ../pages_app/.)
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

# name -> (markdown shown above the app, the app cell)
APPS: dict[str, tuple[str, str]] = {}

APPS["dashboard"] = (
    """# Sales dashboard

Filters in the sidebar (a region multiselect, a year range slider, a metric radio),
data loaded once by `@st.cache_data` and filtered on every rerun, KPI metrics with
deltas, a line chart and a bar chart, a formatted dataframe and a CSV download.
**Reload data** clears the cache.""",
    """%%stapp dashboard
import numpy as np
import pandas as pd

st.set_page_config(page_title="Sales dashboard", layout="wide")

@st.cache_data(ttl="1h", show_spinner="Loading sales...")
def load_sales(seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    years = np.repeat(np.arange(2000, 2021), 4)
    regions = np.tile(["North", "South", "East", "West"], 21)
    revenue = rng.gamma(9, 12, len(years)).round(1) + (years - 2000) * 3
    units = (revenue * 7).astype(int)
    return pd.DataFrame({"year": years, "region": regions, "revenue": revenue, "units": units})

sales = load_sales()
with st.sidebar:
    st.header("Filters")
    regions = st.multiselect("Regions", sorted(sales.region.unique()), default=["North", "South"])
    years = st.slider("Years", 1986, 2006, (2000, 2016))  # the default widens the bounds, as in Streamlit
    metric = st.radio("Metric", ["revenue", "units"], horizontal=True)
    if st.button("Reload data"):
        load_sales.clear()

view = sales[sales.region.isin(regions) & sales.year.between(*years)]
st.title("Sales dashboard")
if view.empty:
    st.warning("No data for these filters.")
    st.stop()

by_year = view.pivot_table(index="year", columns="region", values=metric, aggfunc="sum")
totals = by_year.sum(axis=1)
last, previous = totals.iloc[-1], totals.iloc[-2] if len(totals) > 1 else totals.iloc[-1]
left, middle, right = st.columns(3)
left.metric(f"Total {metric}", f"{view[metric].sum():,.0f}")
middle.metric(f"{by_year.index[-1]}", f"{last:,.0f}", delta=f"{last - previous:,.0f}")
right.metric("Regions", len(regions))

st.subheader(f"{metric.title()} by year")
st.line_chart(by_year)
st.subheader("By region")
st.bar_chart(view.groupby("region")[metric].sum())
st.dataframe(
    view,
    hide_index=True,
    column_config={"revenue": st.column_config.NumberColumn("Revenue", format="$%.1f")},
)
st.download_button("Download CSV", view.to_csv(index=False), file_name="sales.csv", mime="text/csv")""",
)

APPS["data_workflow"] = (
    """# Data-editing workflow

An inventory edited in `st.data_editor` inside a form: edits wait for **Save changes**,
which validates them, records a history entry in Session State and shows what changed.
**Undo last save** restores the previous version.""",
    """%%stapp inventory
import pandas as pd

if "versions" not in st.session_state:
    st.session_state.versions = [
        pd.DataFrame({"item": ["tea", "coffee", "cake"], "stock": [12, 4, 7], "price": [2.5, 3.0, 4.2]})
    ]

def undo():
    if len(st.session_state.versions) > 1:
        st.session_state.versions.pop()

st.title("Inventory")
current = st.session_state.versions[-1]
with st.form("edit", border=True):
    edited = st.data_editor(
        current,
        num_rows="dynamic",
        hide_index=True,
        column_config={
            "stock": st.column_config.NumberColumn("Stock", min_value=0, step=1),
            "price": st.column_config.NumberColumn("Price", min_value=0.0, format="%.2f"),
        },
        key="editor",
    )
    note = st.text_input("What changed?", placeholder="restocked tea")
    saved = st.form_submit_button("Save changes", type="primary")

if saved:
    cleaned = edited.dropna(subset=["item"])
    if cleaned.item.duplicated().any():
        st.error("Each item may appear once.")
    else:
        st.session_state.versions.append(cleaned.reset_index(drop=True))
        st.success(f"Saved version {len(st.session_state.versions)}: {note or 'no note'}")

st.button("Undo last save", on_click=undo, disabled=len(st.session_state.versions) < 2)
st.metric("Stock value", f"{(current.stock * current.price).sum():.2f}")
st.caption(f"{len(st.session_state.versions)} version(s) kept in Session State.")""",
)

APPS["chat_assistant"] = (
    """# A data chat assistant

A chat about a cached table of city data: `st.chat_input` takes a question,
`st.chat_message` shows the conversation kept in Session State, answers stream with
`st.write_stream`, and some answers carry a table or a chart.  Suggestion buttons ask
for you; **Clear chat** starts over.  (Rules, not a language model: no network.)""",
    """%%stapp assistant
import time

import pandas as pd

@st.cache_data
def cities() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "city": ["Lisbon", "Oslo", "Nairobi", "Lima", "Osaka", "Perth"],
            "population_k": [545, 709, 4397, 10004, 2753, 2143],
            "sunny_days": [259, 160, 270, 100, 205, 290],
        }
    ).set_index("city")

def answer(question: str):
    \"\"\"Yields the reply word by word, then returns what to show with it.\"\"\"
    data, q = cities(), question.lower()
    if "sun" in q:
        best, days = data.sunny_days.idxmax(), data.sunny_days.max()
        text, extra = f"The sunniest city here is {best}, with {days} sunny days.", data.sunny_days
    elif "big" in q or "population" in q:
        top = data.population_k.nlargest(3)
        text, extra = "The three biggest cities, in thousands of people:", top.to_frame()
    elif "list" in q or "all" in q:
        text, extra = f"I know {len(data)} cities:", data
    else:
        text, extra = "Ask me about sunny days, the biggest cities, or for the list of cities.", None
    for word in text.split(" "):
        time.sleep(0.02)
        yield word + " "
    st.session_state.pending_extra = extra

def show_extra(extra):
    if isinstance(extra, pd.Series):
        st.bar_chart(extra)
    elif isinstance(extra, pd.DataFrame):
        st.dataframe(extra)

st.title("City data assistant")
if "chat" not in st.session_state:
    greeting = "Hello! What would you like to know?"
    st.session_state.chat = [{"role": "assistant", "content": greeting, "extra": None}]
with st.sidebar:
    if st.button("Clear chat"):
        st.session_state.chat = st.session_state.chat[:1]

for message in st.session_state.chat:
    with st.chat_message(message["role"]):
        st.markdown(message["content"])
        show_extra(message["extra"])

suggestion = None
columns = st.columns(3)
for column, text in zip(columns, ["Which city is sunniest?", "Biggest cities?", "List all cities"]):
    if column.button(text):
        suggestion = text
question = st.chat_input("Ask about the cities") or suggestion
if question:
    st.session_state.chat.append({"role": "user", "content": question, "extra": None})
    with st.chat_message("user"):
        st.markdown(question)
    with st.chat_message("assistant"):
        reply = st.write_stream(answer(question))
        extra = st.session_state.pop("pending_extra", None)
        show_extra(extra)
    st.session_state.chat.append({"role": "assistant", "content": reply, "extra": extra})""",
)

APPS["streamlit_script"] = (
    """# A Streamlit script, unchanged

This cell is a Streamlit script as it is published: `import streamlit as st` and
`from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx`.
Inside `%%stapp` cells, `import streamlit` gives nbstream (`runner.aliasStreamlit`),
so nothing needs changing.  Worker threads given the run's context write into the
containers made for them (Streamlit's multithreading concept).""",
    """%%stapp pasted
import time
from threading import Thread

import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx


class WorkerThread(Thread):
    def __init__(self, delay, target):
        super().__init__()
        self.delay = delay
        self.target = target

    def run(self):
        start = time.time()
        time.sleep(self.delay)
        self.target.write(f"slept {time.time() - start:.2f} s")


st.title("Threads writing into the page")
st.caption(f"Running under the app runtime: {st.runtime.exists()}")
delays = [0.5, 0.4, 0.3, 0.2, 0.1]
containers = []
for i in range(len(delays)):
    st.subheader(f"Thread {i}")
    containers.append(st.container(border=True))

threads = [WorkerThread(delay, box) for delay, box in zip(delays, containers)]
for thread in threads:
    add_script_run_ctx(thread, get_script_run_ctx())
    thread.start()
for thread in threads:
    thread.join()

st.button("Rerun")""",
)

APPS["run_on_save"] = (
    """# A script file, rerun when saved

`%stapp weather_app.py` runs the Streamlit script beside this notebook as the app.
Edit `weather_app.py` in JupyterLab's editor and save: the app reruns with the new
code and keeps its Session State (Streamlit's run-on-save).  `%stapp NAME --file
app.py` binds the app to `NAME`; `--no-run-on-save` turns the watching off.""",
    "%stapp weather_app.py",
)


def notebook(name: str, markdown: str, app: str) -> dict:
    cells = [("markdown", markdown), ("code", "import nbstream as st"), ("code", app)]
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
    for name, (markdown, app) in APPS.items():
        path = HERE / f"{name}.ipynb"
        path.write_text(json.dumps(notebook(name, markdown, app), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(HERE.parent.parent)}")


if __name__ == "__main__":
    main()
