"""Write dev/charts/fixtures.json: every chart kind as the kernel sends it (dev only).

Run from js/: /work/venv/bin/python dev/charts/make_fixtures.py
The props come from the real element functions (through AppTest), bytes as base64 blobs.
"""

import base64
import hashlib
import json
import pathlib

from nbstream.testing import AppTest

SCRIPT = """
import nbstream as st
import numpy as np
import pandas as pd
import altair as alt
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import plotly.express as px

rng = np.random.default_rng(7)
wide = pd.DataFrame(rng.standard_normal((20, 3)).cumsum(axis=0), columns=["A", "B", "C"])
long = pd.DataFrame(
    {"x": np.tile(np.arange(10), 3), "y": rng.random(30) * 10, "g": np.repeat(["one", "two", "three"], 10)}
)
st.line_chart(wide)
st.area_chart(wide.abs(), stack=True)
st.bar_chart(long, x="x", y="y", color="g")
fruit = pd.DataFrame({"fruit": ["apple", "kiwi", "plum"], "n": [5, 3, 8]})
st.bar_chart(fruit, x="fruit", y="n", horizontal=True)
sized = long.assign(s=rng.random(30) * 200)
st.scatter_chart(sized, x="x", y="y", color="g", size="s", x_label="step", y_label="amount")
st.altair_chart(alt.Chart(long).mark_circle().encode(x="x", y="y", color="g").properties(title="Altair"))
box = {"x": {"field": "g", "type": "nominal"}, "y": {"field": "y", "type": "quantitative"}}
st.vega_lite_chart(long, {"mark": {"type": "boxplot"}, "encoding": box})
fig, ax = plt.subplots(figsize=(5, 2.5))
ax.hist(rng.standard_normal(500), bins=30)
st.pyplot(fig)
st.plotly_chart(px.scatter(long, x="x", y="y", color="g"))
cities = pd.DataFrame(
    {"lat": [52.52, 48.86, 51.51, 40.42, 41.90, 59.33], "lon": [13.40, 2.35, -0.13, -3.70, 12.50, 18.07]}
)
st.map(cities, size=20000)
"""


def to_wire(value, blobs):
    if isinstance(value, bytes):
        h = hashlib.blake2b(value, digest_size=16).hexdigest()
        blobs[h] = base64.b64encode(value).decode()
        return {"$blob": h}
    if isinstance(value, dict):
        return {k: to_wire(v, blobs) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_wire(v, blobs) for v in value]
    return value


at = AppTest.from_string(SCRIPT, default_timeout=60).run()
assert not at.exception, at.exception
blobs = {}
children = at.main.children
elements = list(children.values()) if isinstance(children, dict) else list(children)
nodes = [
    {"kind": e.type, "key": f"{e.type}#{i}", "props": to_wire(e.proto, blobs)} for i, e in enumerate(elements)
]
out = pathlib.Path(__file__).with_name("fixtures.json")
out.write_text(json.dumps({"nodes": nodes, "blobs": blobs}))
print(out, len(nodes), "nodes", sum(len(b) for b in blobs.values()), "base64 bytes")
