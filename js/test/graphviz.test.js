// @vitest-environment jsdom
import { afterEach, expect, test, vi } from "vitest";
import { components } from "../src/components/index.js";
import { loadGraphviz, svgSize } from "../src/components/charts/graphviz.js";
import { makeCtx } from "./helpers.js";

afterEach(() => document.body.replaceChildren());

function mountGraph(props) {
  const node = { kind: "graphviz_chart", key: "g", props: { engine: "dot", width: "content", height: "content", alt: null, ...props } };
  const mounted = components.graphviz_chart(node, makeCtx());
  document.body.append(mounted.el);
  return { el: mounted.el, update: (next) => mounted.update({ ...node, props: { ...node.props, ...next } }) };
}

test("the bundled Graphviz lays DOT out as SVG with the labels", async () => {
  const graphviz = await loadGraphviz();
  const svg = graphviz.layout("digraph { run -> intr }", "svg", "dot");
  expect(svg).toContain("<svg");
  expect(svg).toContain(">run<");
  expect(svg).toContain(">intr<");
  const size = svgSize(svg);
  expect(size.width).toBeGreaterThan(20);
  expect(size.height).toBeGreaterThan(size.width); // two nodes stacked top to bottom
});

test("svgSize reads points as 4/3 pixels", () => {
  expect(svgSize('<svg width="75pt" height="30pt">')).toEqual({ width: 100, height: 40 });
  expect(svgSize('<svg width="10px" height="20">')).toEqual({ width: 10, height: 20 });
});

test("a graph is shown as an image of its SVG, sized as asked", async () => {
  const { el, update } = mountGraph({ spec: "digraph { a -> b }", alt: "two nodes" });
  const img = el.querySelector("img");
  await vi.waitFor(() => expect(el.dataset.drawn).toBe("true"));
  // An <img> never runs script or fetches from the SVG: the user's DOT cannot inject.
  expect(img.src.startsWith("data:image/svg+xml") || img.src.startsWith("blob:")).toBe(true);
  expect(decodeURIComponent(img.src)).toContain(">a<");
  expect(img.alt).toBe("two nodes");
  expect(img.style.width).toMatch(/px$/); // "content": the graph's own width
  update({ width: "stretch", height: "stretch" });
  expect(img.style.width).toBe("100%");
  expect(el.classList.contains("nbs-fill-height")).toBe(true);
  update({ width: 250, height: 120 });
  expect([img.style.width, img.style.height]).toEqual(["250px", "120px"]);
  expect(el.classList.contains("nbs-fill-height")).toBe(false);
});

test("a script in a label stays text inside the image", async () => {
  const { el } = mountGraph({ spec: 'digraph { a [label="<script>alert(1)</script>"] }' });
  await vi.waitFor(() => expect(el.dataset.drawn).toBe("true"));
  expect(document.querySelector("script")).toBeNull();
  expect(el.querySelector("svg")).toBeNull();
});

test("DOT that does not parse shows Graphviz's error", async () => {
  const { el } = mountGraph({ spec: "digraph { a -> }" });
  const error = el.querySelector(".nbs-chart-error");
  await vi.waitFor(() => expect(error.hidden).toBe(false));
  expect(error.textContent).toMatch(/Graphviz could not draw this graph/);
  expect(el.querySelector("img").hidden).toBe(true);
});
