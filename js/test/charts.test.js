// @vitest-environment jsdom
import { tableFromArrays, tableToIPC } from "apache-arrow";
import { afterEach, describe, expect, test, vi } from "vitest";
import { components } from "../src/components/index.js";
import { decodeRows } from "../src/components/charts/data.js";
import { fitView, latitudeOf, project, tickStep, tileUrl } from "../src/components/charts/map.js";
import { finalFigure, loadPlotly, resetPlotly } from "../src/components/charts/plotly.js";
import { finalSpec } from "../src/components/charts/vega.js";
import { makeCtx } from "./helpers.js";

afterEach(() => {
  document.body.replaceChildren();
  document.body.removeAttribute("style");
});

let counter = 0;

/** A context whose blobs are real buffers, as the shell would pass them. */
function blobCtx() {
  const ctx = makeCtx();
  const store = new Map();
  ctx.blob = (hash) => store.get(hash);
  /** Register bytes; returns the {"$blob": hash} reference a prop would hold. */
  ctx.put = (bytes) => {
    counter += 1;
    const hash = `h${counter}`;
    store.set(hash, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { $blob: hash };
  };
  ctx.arrow = (columns) => ctx.put(tableToIPC(tableFromArrays(columns), "stream"));
  return ctx;
}

function mountWith(ctx, kind, props) {
  const node = { kind, key: kind, props };
  const mounted = components[kind](node, ctx);
  document.body.append(mounted.el);
  return { el: mounted.el, mounted, update: (next) => mounted.update({ ...node, props: { ...props, ...next } }) };
}

async function settled(el) {
  await vi.waitFor(() => {
    if (el.dataset.pending || !el.querySelector("svg.marks, canvas.marks, .nbs-chart-error")) throw new Error("still drawing");
  }, { timeout: 5000, interval: 10 });
  const error = el.querySelector(".nbs-chart-error");
  if (error) throw new Error(error.textContent);
}

const LINE_SPEC = {
  data: { name: "source" },
  mark: { type: "line" },
  encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } },
};

function lineProps(ctx, chunks) {
  return { spec: LINE_SPEC, datasets: { source: chunks }, width: "stretch", height: "content", theme: "streamlit", alt: "A line" };
}

test("decodeRows: integers as numbers, naive timestamps keep their wall-clock time", () => {
  const bytes = tableToIPC(tableFromArrays({ i: BigInt64Array.from([1n, 2n]), s: ["a", "b"] }), "stream");
  expect(decodeRows(bytes)).toEqual([{ i: 1, s: "a" }, { i: 2, s: "b" }]);
});

test("a line chart draws its rows, and add_rows appends in place", async () => {
  const ctx = blobCtx();
  const first = ctx.arrow({ x: Float64Array.from([0, 1, 2]), y: Float64Array.from([3, 1, 2]) });
  const { el, update } = mountWith(ctx, "line_chart", lineProps(ctx, [first]));
  await settled(el);
  const svg = el.querySelector("svg.marks");
  expect(svg).not.toBeNull();
  expect(el.getAttribute("aria-label")).toBe("A line");
  expect(el.dataset.rows).toBe("3");
  const pathBefore = el.querySelector("path.mark-line path, g.mark-line path")?.getAttribute("d");
  // .add_rows(): one more chunk; the same view takes the new rows.
  const more = ctx.arrow({ x: Float64Array.from([3, 4]), y: Float64Array.from([5, 0]) });
  update({ datasets: { source: [first, more] } });
  await settled(el);
  expect(el.querySelector("svg.marks")).toBe(svg); // not redrawn
  expect(el.dataset.rows).toBe("5");
  const pathAfter = el.querySelector("g.mark-line path")?.getAttribute("d");
  expect(pathAfter).not.toBe(pathBefore);
});

test("a rerun with new data swaps the rows in place; a new spec redraws", async () => {
  const ctx = blobCtx();
  const first = ctx.arrow({ x: Float64Array.from([0, 1]), y: Float64Array.from([1, 2]) });
  const { el, update } = mountWith(ctx, "line_chart", lineProps(ctx, [first]));
  await settled(el);
  const svg = el.querySelector("svg.marks");
  const other = ctx.arrow({ x: Float64Array.from([0, 1, 2, 3]), y: Float64Array.from([4, 3, 2, 1]) });
  update({ datasets: { source: [other] } });
  await settled(el);
  expect(el.querySelector("svg.marks")).toBe(svg);
  expect(el.dataset.rows).toBe("4");
  update({ datasets: { source: [other] }, spec: { ...LINE_SPEC, mark: { type: "point" } } });
  await settled(el);
  expect(el.querySelectorAll("svg.marks").length).toBe(1);
  expect(el.querySelector("svg.marks")).not.toBe(svg);
  expect(el.querySelector(".mark-symbol")).not.toBeNull();
});

test("a bad spec shows an error in place of the chart", async () => {
  const ctx = blobCtx();
  const { el } = mountWith(ctx, "vega_lite_chart", { spec: { mark: "nonsense" }, datasets: {}, theme: null, width: null, height: "content" });
  await vi.waitFor(() => expect(el.querySelector(".nbs-chart-error")).not.toBeNull(), { timeout: 5000 });
});

test("finalSpec: sizes, theme colors from the CSS variables, datasets", () => {
  // (jsdom does not inherit custom properties: set them on the element itself)
  const el = document.createElement("div");
  el.style.setProperty("--nbs-text-color", "#123456");
  el.style.setProperty("--nbs-background-color", "#0e1117");
  document.body.append(el);
  const node = { kind: "bar_chart", key: "b", props: { spec: { mark: "bar" }, width: "stretch", height: "content", theme: "streamlit" } };
  const spec = finalSpec(node, { source: [{ a: 1 }] }, el);
  expect(typeof spec.width).toBe("number");
  expect(spec.height).toBe(350);
  expect(spec.autosize).toMatchObject({ type: "fit" });
  expect(spec.config.axis.labelColor).toBe("#123456");
  expect(spec.config.range.category[0]).toBe("#83c9ff"); // the dark palette
  expect(spec.datasets.source).toEqual([{ a: 1 }]);
  const own = finalSpec({ kind: "altair_chart", key: "a", props: { spec: { mark: "bar", width: 200, config: { axis: { labelColor: "red" } } }, width: null, height: "content", theme: "streamlit" } }, {}, el);
  expect(own.width).toBe(200);
  expect(own.height).toBeUndefined();
  expect(own.config.axis.labelColor).toBe("red"); // the chart's own config wins
  const plain = finalSpec({ kind: "vega_lite_chart", key: "v", props: { spec: { mark: "bar" }, width: 300, height: 120, theme: null } }, {}, el);
  expect(plain).toMatchObject({ width: 300, height: 120 });
  expect(plain.config).toBeUndefined();
});

test("map: Web Mercator math, ticks, tile URLs", () => {
  const [x, y] = project(13.4, 52.5);
  expect(x).toBeCloseTo((13.4 + 180) / 360);
  expect(latitudeOf(y)).toBeCloseTo(52.5, 6);
  expect(project(0, 0)).toEqual([0.5, 0.5]);
  expect(tickStep(360, 6)).toBe(90);
  expect(tickStep(1, 5)).toBe(0.2);
  expect(tileUrl("https://t/{z}/{x}/{y}.png", 3, 4, 5)).toBe("https://t/3/4/5.png");
  const view = fitView([project(0, 0), project(10, 10)], 600, 400, null);
  expect(view.zoom).toBeGreaterThan(3);
  expect(fitView([project(1, 1)], 600, 400, null).zoom).toBe(10);
  expect(fitView([project(1, 1)], 600, 400, 2).zoom).toBe(2);
});

test("map: points over a plain plane with axes, no tiles unless configured", () => {
  const ctx = blobCtx();
  const data = ctx.arrow({ lat: Float64Array.from([52.5, 48.85]), lon: Float64Array.from([13.4, 2.35]) });
  const props = { datasets: { source: [data] }, color: null, size: 100, zoom: null, tiles: null, width: "stretch", height: 400, alt: null };
  const { el, update } = mountWith(ctx, "map", props);
  expect(el.querySelectorAll("circle").length).toBe(2);
  expect(el.querySelectorAll("text.nbs-map-lon").length).toBeGreaterThan(1);
  expect(el.querySelectorAll("text.nbs-map-lat").length).toBeGreaterThan(1);
  expect([...el.querySelectorAll("text")].some((t) => /°[NS]$/.test(t.textContent))).toBe(true);
  expect(el.querySelectorAll("img").length).toBe(0);
  update({ tiles: { url: "http://127.0.0.1:1/{z}/{x}/{y}.png", attribution: "© Tiles" } });
  const imgs = [...el.querySelectorAll(".nbs-map-tiles img")];
  expect(imgs.length).toBeGreaterThan(0);
  expect(imgs[0].getAttribute("src")).toMatch(/^http:\/\/127\.0\.0\.1:1\/\d+\/\d+\/\d+\.png$/);
  expect(el.querySelector(".nbs-map-attribution").textContent).toBe("© Tiles");
});

test("pyplot shows the PNG blob at its natural width or stretched", () => {
  const ctx = blobCtx();
  const png = ctx.put(new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]));
  const { el, update } = mountWith(ctx, "pyplot", { image: png, natural_width: 320, width: "content", alt: "fig" });
  const img = el.querySelector("img");
  expect(img.getAttribute("alt")).toBe("fig");
  expect(img.style.width).toBe("320px");
  expect(img.src).toMatch(/^(blob:|data:image\/png)/);
  update({ width: "stretch" });
  expect(img.style.width).toBe("100%");
});

test("plotly: the library comes from the kernel once, the figure gets the app's theme", async () => {
  resetPlotly();
  const ctx = blobCtx();
  const calls = [];
  const code = "module.exports = { react: (...a) => { globalThis.__plotlyCalls.push(a); return Promise.resolve(); }, purge() {} };";
  globalThis.__plotlyCalls = calls;
  ctx.request = vi.fn(async () => ({ content: { version: "x" }, buffers: [new DataView(new TextEncoder().encode(code).buffer)] }));
  const figure = ctx.put(new TextEncoder().encode(JSON.stringify({ data: [{ type: "bar", y: [1, 2] }], layout: { title: { text: "T" } } })));
  const { el, update } = mountWith(ctx, "plotly_chart", { figure, config: {}, theme: "streamlit", width: "stretch", height: "content", alt: null });
  await vi.waitFor(() => expect(el.dataset.drawn).toBe("1"));
  expect(calls.length).toBe(1);
  const [, data, layout, config] = calls[0];
  expect(data[0].type).toBe("bar");
  expect(layout.title.text).toBe("T");
  expect(layout.template.layout.paper_bgcolor).toBe("rgba(0,0,0,0)");
  expect(config.displaylogo).toBe(false);
  update({ height: 300 });
  await vi.waitFor(() => expect(calls.length).toBe(2));
  expect(calls[1][2].height).toBe(300);
  expect(ctx.request).toHaveBeenCalledTimes(1);
  await loadPlotly(ctx);
  expect(ctx.request).toHaveBeenCalledTimes(1);
  const plain = finalFigure({ kind: "plotly_chart", key: "p", props: { theme: null, width: 500, height: "content" } }, { data: [], layout: {} }, el);
  expect(plain.layout.template).toBeUndefined();
  expect(plain.layout.width).toBe(500);
});

describe("plotly selections", () => {
  test("plotly.js events become Streamlit's selection fields", async () => {
    const { selectionOf } = await import("../src/components/charts/plotly.js");
    const event = {
      points: [{ curveNumber: 0, pointNumber: 2, pointIndex: 2, x: 3, y: 6, data: { huge: true } }],
      range: { x: [1, 3], y: [4, 6] },
    };
    expect(selectionOf(event, ["points", "box"])).toEqual({
      points: [{ curve_number: 0, point_number: 2, point_index: 2, x: 3, y: 6 }],
      point_indices: [2],
      box: [{ xref: "x", yref: "y", x: [1, 3], y: [4, 6] }],
      lasso: [],
    });
    expect(selectionOf(null, ["points"])).toEqual({ points: [], point_indices: [], box: [], lasso: [] });
    expect(selectionOf({ lassoPoints: { x: [1, 2, 3], y: [1, 2, 1] } }, ["points", "box"]).lasso).toEqual([]);
  });
});

describe("vega selections", () => {
  test("a parameter's store as the app's selection value", async () => {
    const { selectionValue } = await import("../src/components/charts/vega.js");
    const stores = {
      brush_store: [{ unit: "", fields: [{ field: "a", type: "R" }, { field: "b", type: "R" }], values: [[1, 2], [3, 4]] }],
      pick_store: [
        { unit: "", fields: [{ field: "a", type: "E" }, { field: "when", type: "E" }], values: [1, new Date(5)] },
        { unit: "", fields: [{ field: "_vgsid_", type: "E" }], values: [7] },
      ],
      none_store: [],
    };
    const view = { data: (/** @type {string} */ name) => { if (!(name in stores)) throw new Error("no such data"); return stores[name]; } };
    expect(selectionValue(view, "brush")).toEqual({ a: [1, 2], b: [3, 4] });
    expect(selectionValue(view, "pick")).toEqual([{ a: 1, when: 5 }]); // row ids alone say nothing
    expect(selectionValue(view, "none")).toEqual({});
    expect(selectionValue(view, "missing")).toEqual({});
  });
});
