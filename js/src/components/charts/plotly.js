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
import { fillHeight, filledHeight, watchContainer } from "./sizing.js";
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
  else if (props.height === "stretch") layout.height = filledHeight(el, typeof layout.height === "number" ? layout.height : 450);
  else if (layout.height === undefined) layout.height = 450;
  const config = { displaylogo: false, responsive: props.width === "stretch", ...(props.config || {}) };
  if (props.id) {
    // A chart with on_select: box or lasso dragging selects (box first), clicks pick points.
    const modes = props.selection_mode || [];
    if (layout.dragmode === undefined) layout.dragmode = modes.includes("box") ? "select" : modes.includes("lasso") ? "lasso" : "zoom";
    if (layout.clickmode === undefined && modes.includes("points")) layout.clickmode = "event+select";
  }
  return { data: figure.data || [], layout, frames: figure.frames, config };
}

/**
 * A plotly.js selection event as the selection state's wire form (Streamlit's fields).
 * @param {any} event plotly_selected's or plotly_click's event data (null: cleared)
 * @param {string[]} modes the chart's selection modes
 * @returns {{points: any[], point_indices: number[], box: any[], lasso: any[]}}
 */
export function selectionOf(event, modes) {
  const points = (event?.points || []).map((/** @type {any} */ p) => {
    /** @type {Record<string, any>} */
    const point = { curve_number: p.curveNumber, point_number: p.pointNumber, point_index: p.pointIndex ?? p.pointNumber };
    for (const field of ["x", "y", "z", "lat", "lon", "label", "value"]) {
      const v = p[field];
      if (v === null || ["string", "number", "boolean"].includes(typeof v)) point[field] = v;
    }
    return point;
  });
  const axes = { xref: "x", yref: "y" };
  const box = event?.range && modes.includes("box") ? [{ ...axes, x: event.range.x, y: event.range.y }] : [];
  const lasso = event?.lassoPoints && modes.includes("lasso") ? [{ ...axes, x: event.lassoPoints.x, y: event.lassoPoints.y }] : [];
  const indices = [...new Set(points.map((/** @type {any} */ p) => p.point_index).filter((/** @type {any} */ i) => Number.isInteger(i) && i >= 0))];
  return { points, point_indices: indices, box, lasso };
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
    fillHeight(el, next.props.height === "stretch");
    const key = JSON.stringify([hash, final.layout.template, next.props.width, final.layout.height, next.props.config]);
    if (key === drawn) return;
    el.style.minHeight = `${final.layout.height}px`; // hold the space while plotly.js loads
    Plotly = Plotly || (await loadPlotly(ctx));
    if (ctx.signal.aborted || latest !== next) return;
    await Plotly.react(plot, final.data, final.layout, final.config);
    if (next.props.id && !listening) listen();
    drawn = key;
    el.dataset.drawn = "1";
  }

  let listening = false;
  /** Send selections of a chart with on_select (plotly.js's events on the plot). */
  function listen() {
    listening = true;
    const p = /** @type {any} */ (plot);
    const send = (/** @type {any} */ event) => {
      const props = latest.props;
      if (props.id) ctx.setValue(props.id, selectionOf(event, props.selection_mode || []));
    };
    p.on("plotly_selected", (/** @type {any} */ event) => send(event));
    p.on("plotly_deselect", () => send(null));
    p.on("plotly_click", (/** @type {any} */ event) => {
      if ((latest.props.selection_mode || []).includes("points")) send({ points: event?.points || [] });
    });
  }

  let attempts = 0;
  /** @param {WireNode} next */
  function schedule(next) {
    draw(next).catch((err) => {
      if (ctx.signal.aborted) return;
      // plotly.js did not come (no answer in time, or the app that asked first for the page
      // closed meanwhile): this chart asks again, through its own app, a few times.
      if (!Plotly && attempts < 3) {
        attempts += 1;
        setTimeout(() => schedule(latest), 1000 * attempts);
        return;
      }
      plot.textContent = `Plotly chart error: ${err?.message || err}`;
      plot.className = "nbs-chart-error";
    });
  }

  watchTheme(el, () => schedule(latest), ctx.signal);
  const unwatch = watchContainer(el, () => latest.props.height === "stretch" && schedule(latest));
  ctx.signal.addEventListener("abort", unwatch);
  queueMicrotask(() => schedule(node));
  return {
    el,
    update: schedule,
    destroy() {
      if (Plotly && plot.isConnected) Plotly.purge(plot);
    },
  };
}
