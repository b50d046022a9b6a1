// Dev page: every chart kind drawn from fixtures.json (see make_fixtures.py).
import * as charts from "../../src/components/charts/index.js";
import { tableFromArrays, tableToIPC } from "apache-arrow";

const params = new URLSearchParams(location.search);
const app = document.getElementById("root");
app.className = "nbs-app";
app.dataset.theme = params.get("theme") || "light";

const fixtures = await (await fetch("fixtures.json")).json();
const blobs = new Map(Object.entries(fixtures.blobs).map(([h, b64]) => [h, Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
let extra = 0;
const ctx = {
  blob: (h) => { const b = blobs.get(h); return b && new DataView(b.buffer); },
  signal: new AbortController().signal,
  setValue() {}, click() {},
  markdown: (t) => Object.assign(document.createElement("div"), { textContent: t }),
  // plotly.js as the kernel would send it (the dev server serves the plotly package's copy)
  request: async () => ({ content: {}, buffers: [new DataView(await (await fetch("dist/plotly.min.js")).arrayBuffer())] }),
};
const mounted = [];
for (const node of fixtures.nodes) {
  const m = charts[node.kind](node, ctx);
  m.el.dataset.kind = node.kind;
  const box = document.createElement("section");
  box.append(Object.assign(document.createElement("h2"), { textContent: node.kind }), m.el);
  app.append(box);
  mounted.push({ node, m });
}
// window.addRows(): what .add_rows() sends the first line chart: one more chunk.
window.addRows = (n = 5) => {
  const { node, m } = mounted[0];
  const last = Math.max(...[...document.querySelectorAll("[data-kind=line_chart]")].map(() => 19)) + extra;
  const x = Float64Array.from({ length: n }, (_, i) => last + 1 + i);
  extra += n;
  const cols = { "index--nbs": [], "series--nbs": [], "value--nbs": [] };
  for (const s of ["A", "B", "C"]) for (const xi of x) { cols["index--nbs"].push(xi); cols["series--nbs"].push(s); cols["value--nbs"].push(Math.random() * 4 - 2); }
  const bytes = tableToIPC(tableFromArrays({ "index--nbs": Float64Array.from(cols["index--nbs"]), "series--nbs": cols["series--nbs"], "value--nbs": Float64Array.from(cols["value--nbs"]) }), "stream");
  const hash = `added${extra}`;
  blobs.set(hash, bytes);
  node.props = { ...node.props, datasets: { source: [...node.props.datasets.source, { $blob: hash }] } };
  m.update(node);
};
window.setTheme = (t) => { app.dataset.theme = t; };
document.body.dataset.ready = "1";
