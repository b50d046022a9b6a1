// @ts-check
/**
 * st.graphviz_chart: DOT laid out by Graphviz compiled to WebAssembly (@hpcc-js/wasm-graphviz,
 * Apache-2.0, ~800 KB with the wasm inlined), loaded on demand like Vega: a page without a
 * graph never downloads it.  Props: `spec` (DOT text), `engine`, `width`, `height`, `alt`.
 *
 * The SVG Graphviz makes from a user's DOT carries the user's labels, URLs and image
 * references: it is shown as an <img> of a blob, where an SVG runs no script, follows no
 * link and fetches nothing.
 *
 * @typedef {import("../../types.js").WireNode} WireNode
 * @typedef {import("../../types.js").ComponentContext} ComponentContext
 * @typedef {import("../../types.js").Mounted} Mounted
 */
import { fillHeight } from "./sizing.js";

/** @typedef {{layout: (dot: string, format: string, engine: string) => string}} Graphviz */

/** @type {Promise<Graphviz> | null} */
let graphvizLoading = null;

/** The Graphviz instance, loaded (and its wasm compiled) when the first graph draws. @returns {Promise<Graphviz>} */
export function loadGraphviz() {
  graphvizLoading ??= import("@hpcc-js/wasm-graphviz").then((m) => /** @type {Graphviz} */ (/** @type {unknown} */ (m.Graphviz.load())));
  return graphvizLoading;
}

/** A URL for SVG text: an object URL (a data: URL where there is none, as in jsdom). @param {string} svg */
export function svgUrl(svg) {
  if (typeof URL.createObjectURL === "function") return URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The width and height (CSS pixels) an SVG declares: Graphviz writes points (1pt = 4/3 px). @param {string} svg */
export function svgSize(svg) {
  const open = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const read = (/** @type {string} */ name) => {
    const m = new RegExp(`\\b${name}="([\\d.]+)(pt|px)?"`).exec(open);
    if (!m) return 0;
    return parseFloat(m[1]) * (m[2] === "pt" ? 4 / 3 : 1);
  };
  return { width: read("width"), height: read("height") };
}

/** @param {WireNode} node @param {ComponentContext} ctx @returns {Mounted} */
export function graphvizChart(node, ctx) {
  const el = document.createElement("div");
  el.className = "nbs-chart nbs-graphviz stGraphVizChart";
  el.dataset.testid = "stGraphVizChart";
  const img = document.createElement("img");
  img.className = "nbs-graphviz-image";
  const error = document.createElement("div");
  error.className = "nbs-chart-error";
  error.hidden = true;
  el.append(img, error);
  let drawn = "";
  let url = "";
  let generation = 0;
  let props = node.props;
  let natural = { width: 0, height: 0 };

  const size = (/** @type {{width: number, height: number}} */ natural) => {
    const { width, height } = props;
    img.style.width = width === "stretch" ? "100%" : typeof width === "number" ? `${width}px` : natural.width ? `${natural.width}px` : "";
    img.style.height = typeof height === "number" ? `${height}px` : height === "stretch" ? "100%" : "auto";
    img.style.objectFit = "contain";
    fillHeight(el, height === "stretch");
  };

  /** @param {WireNode} next */
  function show(next) {
    props = next.props;
    img.alt = props.alt || "Graph";
    const key = JSON.stringify([props.spec, props.engine]);
    size(natural);
    if (key === drawn) return;
    drawn = key;
    const mine = ++generation;
    loadGraphviz()
      .then((graphviz) => {
        if (mine !== generation || ctx.signal?.aborted) return;
        const svg = graphviz.layout(String(props.spec ?? ""), "svg", props.engine || "dot");
        const nextUrl = svgUrl(svg);
        natural = svgSize(svg);
        size(natural);
        img.src = nextUrl;
        if (url.startsWith("blob:")) URL.revokeObjectURL(url);
        url = nextUrl;
        error.hidden = true;
        img.hidden = false;
        el.dataset.drawn = "true";
      })
      .catch((/** @type {unknown} */ e) => {
        if (mine !== generation) return;
        error.textContent = `Graphviz could not draw this graph: ${e instanceof Error ? e.message : String(e)}`;
        error.hidden = false;
        img.hidden = true;
      });
  }

  show(node);
  return {
    el,
    update: show,
    destroy() {
      generation += 1;
      if (url.startsWith("blob:")) URL.revokeObjectURL(url);
    },
  };
}
