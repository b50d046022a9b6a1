"""Writes the gallery notebooks that follow chapters of Streamlit's concept docs (the
families of elements are in make_notebooks.py, real-world apps in apps/make_apps.py).

    python notebooks/make_chapters.py

Each notebook: a markdown cell saying what it shows, `import nbstream as st`, then its
cells (`%%stapp` apps, and for app testing an ordinary cell driving AppTest).  Edit the
notebooks here, not in the .ipynb files.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

# name -> cells after `import nbstream as st`: ("markdown" | "code", source)
CHAPTERS: dict[str, list[tuple[str, str]]] = {}

CHAPTERS["session_state"] = [
    (
        "markdown",
        """# Session State

Spec: "Add statefulness to apps".  A counter kept in `st.session_state` across reruns,
updated by a callback with `args`, a widget bound to a key, and the whole state shown.""",
    ),
    (
        "code",
        """%%stapp session_state
st.title("Session State")
if "count" not in st.session_state:
    st.session_state.count = 0

def increment(by):
    st.session_state.count += by

step = st.number_input("Step", 1, 10, 1, key="step")
st.button("Increment", on_click=increment, args=(step,))
st.button("Reset", on_click=lambda: st.session_state.update(count=0))
st.write("Count =", st.session_state.count)
st.write(st.session_state)""",
    ),
]

CHAPTERS["widget_behavior"] = [
    (
        "markdown",
        """# Widget behavior

Spec: "Understanding widget behavior".  Changing a slider's bounds makes it a new widget
(it resets); a temporary key copied to a permanent one keeps a value while the widget is
hidden; a default outside the bounds widens them, as in Streamlit.""",
    ),
    (
        "code",
        """%%stapp widget_behavior
st.title("Widget behavior")
cols = st.columns([2, 1, 2])
minimum = cols[0].number_input("Minimum", 1, 5)
maximum = cols[2].number_input("Maximum", 6, 10, 10)
st.slider("No default, no key", minimum, maximum)
st.slider("With default, with key", minimum, maximum, value=5, key="b")

def store_value():
    st.session_state["my_key"] = st.session_state["_my_key"]

if "my_key" in st.session_state:
    st.session_state["_my_key"] = st.session_state["my_key"]
if st.toggle("Show the filter count", value=True):
    st.number_input("Number of filters", key="_my_key", on_change=store_value)
st.write("Kept while hidden:", st.session_state.get("my_key"))
st.slider("Years", 1986, 2006, (2000, 2016))""",
    ),
]

CHAPTERS["custom_classes"] = [
    (
        "markdown",
        """# Custom classes

Spec: "Using custom Python classes in your Streamlit app".  A class defined in the
script is a new class on every rerun: dataclasses compare by value, and Enum options of
`st.multiselect` / `st.radio` are coerced to the current run's class
(`runner.enumCoercion`), so the comparisons below hold on every rerun.""",
    ),
    (
        "code",
        """%%stapp custom_classes
from dataclasses import dataclass
from enum import Enum

st.title("Custom classes")

@dataclass
class Point:
    x: int
    y: int

if "point" not in st.session_state:
    st.session_state.point = Point(1, 2)
st.write("Equal to a fresh Point(1, 2):", st.session_state.point == Point(1, 2))

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

picked = set(st.multiselect("Pick colors", options=Color, format_func=lambda c: c.name))
if picked == {Color.RED, Color.GREEN}:
    st.success("Hooray, you found the color YELLOW!")
favourite = st.radio("Favourite", Color, format_func=lambda c: c.name.title())
st.write("Is it blue?", favourite is Color.BLUE)""",
    ),
]

CHAPTERS["animate"] = [
    (
        "markdown",
        """# Animate and update elements

Spec: "Animate and update elements".  `st.empty` replaced in place, a progress bar and
a chart grown with `.add_rows()` while the run goes on; **Animate** starts again.""",
    ),
    (
        "code",
        """%%stapp animate
import time

import numpy as np
import pandas as pd

st.title("Animate and update elements")
status = st.empty()
bar = st.progress(0)
rng = np.random.default_rng(3)
chart = st.line_chart(pd.DataFrame(rng.normal(size=(1, 2)).cumsum(axis=0), columns=["a", "b"]))
for i in range(1, 11):
    status.text(f"Step {i} of 10")
    bar.progress(i * 10)
    chart.add_rows(pd.DataFrame(rng.normal(size=(1, 2)), columns=["a", "b"]))
    time.sleep(0.05)
status.success("Done")
st.button("Animate")""",
    ),
]

CHAPTERS["timezones"] = [
    (
        "markdown",
        """# Dataframes and timezones

Spec: "Dataframes" and "Working with timezones".  Naive datetimes show as they are, aware
ones in their own zone with their offset; a frame whose index holds `datetime.date`
objects shows that index.""",
    ),
    (
        "code",
        """%%stapp timezones
import datetime as dt

import pandas as pd

st.title("Timezones")
naive = dt.datetime(2020, 1, 10, 10, 30)
aware = pd.Timestamp(naive).tz_localize("America/New_York")
st.write("Naive:", naive)
st.write("Aware:", aware)
frame = pd.DataFrame(
    {"naive": [naive], "aware": [aware]},
    index=[dt.date(2020, 1, 10)],
)
st.dataframe(frame)
st.time_input("Meeting time", dt.time(10, 30))""",
    ),
]

CHAPTERS["app_testing"] = [
    (
        "markdown",
        """# App testing

Spec: "Get started with app testing".  The app below, then an ordinary cell that tests
the same script headless with `AppTest` -- written as a Streamlit suite would be,
`from streamlit.testing.v1 import AppTest` included (the `nbstream.testing.streamlit_alias`
pytest plugin does the same for test files).""",
    ),
    (
        "code",
        """%%stapp beans
if "beans" not in st.session_state:
    st.session_state.beans = 0
st.title("Bean counter :paw_prints:")
addend = st.number_input("Beans to add", 0, 10)
if st.button("Add"):
    st.session_state.beans += addend
st.markdown(f"Beans counted: {st.session_state.beans}")""",
    ),
    (
        "code",
        """from nbstream.runtime.alias import alias_everywhere

alias_everywhere()  # what the pytest plugin does: `import streamlit` gives nbstream here too
from streamlit.testing.v1 import AppTest  # noqa: E402

SCRIPT = \"\"\"
import streamlit as st
if "beans" not in st.session_state:
    st.session_state.beans = 0
addend = st.number_input("Beans to add", 0, 10)
if st.button("Add"):
    st.session_state.beans += addend
st.markdown(f"Beans counted: {st.session_state.beans}")
\"\"\"

at = AppTest.from_string(SCRIPT).run()
at.number_input[0].increment().run()
at.button[0].click().run()
assert at.markdown[0].value == "Beans counted: 1"
alias_everywhere(False)
print("test passed:", at.markdown[0].value)""",
    ),
]


def notebook(name: str, cells: list[tuple[str, str]]) -> dict:
    cells = [cells[0], ("code", "import nbstream as st"), *cells[1:]]
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
    for name, cells in CHAPTERS.items():
        path = HERE / f"{name}.ipynb"
        path.write_text(json.dumps(notebook(name, cells), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
