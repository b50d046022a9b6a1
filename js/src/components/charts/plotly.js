// @ts-check
/**
 * st.plotly_chart.  Props: `figure` (blob: the figure's JSON), `config`, `theme`,
 * `width`, `height`, `alt`.
 *
 * plotly.js is not in nbstream's bundle: the first Plotly chart of a page asks the
 * kernel for it (ctx.request({asset: "plotly.js"})); the kernel answers with the copy its
 * `plotly` package ships (version-matched to the figure, no outside request).  It is
 * evaluated once per page as a CommonJS module, so it neither needs nor sets a global.
 * A page that already has `window.Plotly` uses that.
 *
 * Reruns call Plotly.react, which updates the drawn chart in place.
 *
 * @typedef {import("../../types.js").WireNode} WireNode
 * @typedef {import("../../types.js").ComponentContext} ComponentContext
 * @typedef {import("../../types.js").Mounted} Mounted
 */
import { blobBytes, blobHash } from "./data.js";
import { plotlyTemplate, themeColors, watchTheme } from "./theme.js";

/** @type {Promise<any> | null} */
let loading = null;

/**
 * plotly.js source text as a module's exports.
 * @param {string} code
 */
export function evaluatePlotly(code) {
  const module = { exports: /** @type {any} */ ({}) };
  // eslint-disable-next-line no-new-func
  new Function("module", "exports", "define", code)(module, module.exports, undefined);
  return module.exports;
}

/** @param {ComponentContext} ctx @returns {Promise<any>} */
export function loadPlotly(ctx) {
  const existing = /** @type {any} */ (globalThis).Plotly;
  if (existing?.react) return Promise.resolve(existing);
  if (!loading) {
    loading = ctx
      .request({ asset: "plotly.js" }, 60000)
      .then(({ buffers }) => {
        const buf = buffers[0];
        return evaluatePlotly(new TextDecoder().decode(buf));
      })
      .catch((err) => {
        loading = null; // try again next time
        throw err;
      });
  }
  return loading;
}

/** For tests: forget the loaded library. */
export function resetPlotly() {
  loading = null;
}

/**
 * The figure to draw: theme and sizes applied.
 * @param {WireNode} node
 * @param {Record<string, any>} figure
 * @param {HTMLElement} el
 */
export function finalFigure(node, figure, el) {
  const { props } = node;
  const layout = { ...(figure.layout || {}) };
  if (props.theme === "streamlit") layout.template = plotlyTemplate(themeColors(el));
  if (typeof props.width === "number") layout.width = props.width;
  else if (props.width === "stretch") {
    delete layout.width;
    layout.autosize = true;
  }
  if (typeof props.height === "number") layout.height = props.height;
  else if (layout.height === undefined) layout.height = 450;
  const config = { displaylogo: false, responsive: props.width === "stretch", ...(props.config || {}) };
  return { data: figure.data || [], layout, frames: figure.frames, config };
}

/** @param {WireNode} node @param {ComponentContext} ctx @returns {Mounted} */
export function plotlyChart(node, ctx) {
  const el = document.createElement("div");
  el.className = "nbs-chart nbs-plotly-chart";
  el.setAttribute("role", "figure");
  const plot = document.createElement("div");
  plot.className = "nbs-plotly-plot";
  el.append(plot);
  let latest = node;
  let drawn = "";
  /** @type {Record<string, any> | null} */
  let figure = null;
  let figureHash = "";
  /** @type {any} */
  let Plotly = null;

  /** @param {WireNode} next */
  async function draw(next) {
    latest = next;
    if (next.props.alt) el.setAttribute("aria-label", next.props.alt);
    const hash = blobHash(next.props.figure);
    if (hash !== figureHash) {
      figure = JSON.parse(new TextDecoder().decode(blobBytes(next.props.figure, ctx)));
      figureHash = hash;
    }
    const final = finalFigure(next, /** @type {any} */ (figure), el);
    const key = JSON.stringify([hash, final.layout.template, next.props.width, next.props.height, next.props.config]);
    if (key === drawn) return;
    el.style.minHeight = `${final.layout.height}px`; // hold the space while plotly.js loads
    Plotly = Plotly || (await loadPlotly(ctx));
    if (ctx.signal.aborted || latest !== next) return;
    await Plotly.react(plot, final.data, final.layout, final.config);
    drawn = key;
    el.dataset.drawn = "1";
  }

  /** @param {WireNode} next */
  function schedule(next) {
    draw(next).catch((err) => {
      plot.textContent = `Plotly chart error: ${err?.message || err}`;
      plot.className = "nbs-chart-error";
    });
  }

  watchTheme(el, () => schedule(latest), ctx.signal);
  queueMicrotask(() => schedule(node));
  return {
    el,
    update: schedule,
    destroy() {
      if (Plotly && plot.isConnected) Plotly.purge(plot);
    },
  };
}
