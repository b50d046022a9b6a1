// @ts-check
/**
 * Vega-Lite charts: the built-in charts (line, area, bar, scatter), altair_chart and
 * vega_lite_chart.  Props (nbstream/elements/charts/): `spec` (a Vega-Lite spec whose
 * data are named), `datasets` ({name: [Arrow chunk blob, ...]}), `width`, `height`,
 * `theme` ("streamlit" or null), `alt`.
 *
 * Updates keep the drawn view whenever they can:
 * - same spec, a dataset's chunk list grew (`.add_rows()`): only the new chunks are
 *   decoded and inserted into the view;
 * - same spec, other data (a rerun): the dataset's rows are replaced in the view;
 * - a new spec or theme: the new view is drawn off-screen and swapped in when ready,
 *   so the old chart stays until then (no flicker, no height jump).
 *
 * @typedef {import("../../types.js").WireNode} WireNode
 * @typedef {import("../../types.js").ComponentContext} ComponentContext
 * @typedef {import("../../types.js").Mounted} Mounted
 */
import { blobHash, decodeChunks } from "./data.js";
import { fillHeight, filledHeight, watchContainer } from "./sizing.js";
import { themeColors, vegaConfig, watchTheme } from "./theme.js";

/** @type {Promise<{embed: any, changeset: any}> | null} */
let vegaLoading = null;

/**
 * Vega, Vega-Lite and vega-embed (~870 KB minified), evaluated when the first chart
 * draws.  A dynamic import: a bundle built with code splitting moves them into a chunk
 * that only pages with charts download; without splitting they are inlined.
 */
function loadVega() {
  vegaLoading ??= Promise.all([import("vega-embed"), import("vega")]).then(([embedModule, vega]) => ({
    embed: embedModule.default,
    changeset: vega.changeset,
  }));
  return vegaLoading;
}

const BUILT_IN = new Set(["line_chart", "area_chart", "bar_chart", "scatter_chart"]);
const DEFAULT_HEIGHT = 350;
const COMPOSITE = ["hconcat", "vconcat", "concat", "facet", "repeat"];
// Past this many rows a canvas draws faster than SVG.
const SVG_MAX_ROWS = 4000;

/** @param {any} a @param {any} b */
function deepMerge(a, b) {
  if (!a || typeof a !== "object" || Array.isArray(a)) return b === undefined ? a : b;
  if (!b || typeof b !== "object" || Array.isArray(b)) return b === undefined ? a : b;
  /** @type {Record<string, any>} */
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = deepMerge(a[k], v);
  return out;
}

/** Whether the chart follows its container's width. @param {WireNode} node */
export function stretches(node) {
  const { props } = node;
  const spec = props.spec || {};
  if (COMPOSITE.some((k) => k in spec)) return false;
  return props.width === "stretch" || (props.width == null && spec.width === undefined);
}

/** The width a stretching chart gets (jsdom, or a detached element, measure 0). @param {HTMLElement} el */
export function containerWidth(el) {
  return el.clientWidth || el.parentElement?.clientWidth || 600;
}

/**
 * The spec to draw: sizes and theme applied, datasets filled in.
 *
 * A stretching chart gets the container's width in pixels (not Vega's "container",
 * which only follows window resizes); a ResizeObserver keeps it in step.
 * @param {WireNode} node
 * @param {Record<string, Record<string, any>[]>} rows
 * @param {HTMLElement} el
 */
export function finalSpec(node, rows, el) {
  const { props } = node;
  /** @type {Record<string, any>} */
  const spec = structuredClone(props.spec || {});
  if (!COMPOSITE.some((k) => k in spec)) {
    if (typeof props.width === "number") spec.width = props.width;
    else if (stretches(node)) spec.width = containerWidth(el);
    if (typeof props.height === "number") spec.height = props.height;
    else if (props.height === "stretch") spec.height = filledHeight(el, typeof spec.height === "number" ? spec.height : DEFAULT_HEIGHT);
    else if (spec.height === undefined && BUILT_IN.has(node.kind)) spec.height = DEFAULT_HEIGHT;
    if (stretches(node)) spec.autosize = { type: "fit", contains: "padding", ...spec.autosize };
  }
  if (props.theme === "streamlit") spec.config = deepMerge(vegaConfig(themeColors(el)), spec.config || {});
  spec.datasets = { ...(spec.datasets || {}), ...rows };
  delete spec.$schema; // a schema URL is never fetched, and vega-embed need not compare versions
  return spec;
}

/** What decides whether a view can be kept: everything but the data. @param {WireNode} node */
function shapeKey(node, /** @type {HTMLElement} */ el) {
  const { spec, width, height, theme } = node.props;
  const colors = theme === "streamlit" && el.isConnected ? themeColors(el) : null;
  return JSON.stringify([spec, width, height, theme, colors]);
}

/** @param {WireNode} node @returns {Record<string, string[]>} */
function chunkHashes(node) {
  /** @type {Record<string, string[]>} */
  const out = {};
  for (const [name, refs] of Object.entries(node.props.datasets || {})) out[name] = refs.map(blobHash);
  return out;
}

/** Resolves once the shell has put `el` in the page (or after ~1 s anyway). @param {HTMLElement} el */
function whenConnected(el) {
  if (el.isConnected || typeof requestAnimationFrame !== "function") return Promise.resolve();
  return new Promise((resolve) => {
    let frames = 0;
    const check = () => (el.isConnected || (frames += 1) > 60 ? resolve(undefined) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  });
}

/** @param {string[]} a @param {string[]} b */
function isPrefix(a, b) {
  return a.length <= b.length && a.every((h, i) => h === b[i]);
}

/** @param {any} v a selected value: dates as epoch milliseconds, as Vega-Lite keeps them @returns {any} */
const plain = (v) => (v instanceof Date ? v.getTime() : Array.isArray(v) ? v.map(plain) : v);

/**
 * A selection parameter's value, read from its store: an interval's {field: [low, high]},
 * a point selection's list of {field: value} (one per selected point); {} while empty.
 * @param {any} view @param {string} name
 * @returns {Record<string, any> | Record<string, any>[]}
 */
export function selectionValue(view, name) {
  /** @type {any[]} */
  let tuples = [];
  try {
    tuples = view.data(`${name}_store`) || [];
  } catch {
    return {};
  }
  if (!tuples.length) return {};
  const fields = (/** @type {any} */ t) => /** @type {any[]} */ (t.fields || []);
  if (fields(tuples[0]).some((f) => String(f.type || "").startsWith("R"))) {
    /** @type {Record<string, any>} */
    const range = {};
    fields(tuples[0]).forEach((f, i) => { range[f.field] = plain(tuples[0].values[i]); });
    return range;
  }
  return tuples.map((t) => {
    /** @type {Record<string, any>} */
    const point = {};
    fields(t).forEach((f, i) => { if (f.field !== "_vgsid_") point[f.field] = plain(t.values[i]); });
    return point;
  }).filter((point) => Object.keys(point).length);
}

/**
 * @param {WireNode} node
 * @param {ComponentContext} ctx
 * @returns {Mounted}
 */
export function vegaChart(node, ctx) {
  const el = document.createElement("div");
  el.className = "nbs-chart nbs-vega-chart";
  el.setAttribute("role", "figure");
  if (node.props.alt) el.setAttribute("aria-label", node.props.alt);
  /** @type {Map<string, Record<string, any>[]>} */
  const cache = new Map();
  /** @type {{view: any, finalize: () => void} | null} */
  let current = null;
  let currentKey = "";
  /** @type {Record<string, string[]>} */
  let currentChunks = {};
  let latest = node;
  let queue = Promise.resolve();

  /** @param {WireNode} next */
  async function draw(next) {
    await whenConnected(el);
    if (ctx.signal.aborted) return;
    const key = shapeKey(next, el);
    const chunks = chunkHashes(next);
    if (current && key === currentKey) {
      await changeData(next, chunks);
    } else {
      await redraw(next, chunks);
      currentKey = key;
    }
    currentChunks = chunks;
    const live = new Set(Object.values(chunks).flat());
    for (const hash of cache.keys()) if (!live.has(hash)) cache.delete(hash); // rows of an earlier run
    el.dataset.rows = String(Object.values(chunks).length ? countRows(next) : 0);
  }

  /** @param {WireNode} next */
  function countRows(next) {
    let n = 0;
    for (const refs of Object.values(next.props.datasets || {})) {
      for (const ref of refs) n += cache.get(blobHash(ref))?.length || 0;
    }
    return n;
  }

  /** @param {WireNode} next @param {Record<string, string[]>} chunks */
  async function changeData(next, chunks) {
    const { changeset } = await loadVega();
    const view = /** @type {any} */ (current).view;
    let changed = false;
    for (const [name, hashes] of Object.entries(chunks)) {
      const before = currentChunks[name] || [];
      if (before.length === hashes.length && isPrefix(before, hashes)) continue;
      const refs = next.props.datasets[name];
      if (isPrefix(before, hashes)) {
        view.change(name, changeset().insert(decodeChunks(refs.slice(before.length), ctx, cache)));
      } else {
        view.change(name, changeset().remove(() => true).insert(decodeChunks(refs, ctx, cache)));
      }
      changed = true;
    }
    if (changed) await view.runAsync();
  }

  /** @param {WireNode} next @param {Record<string, string[]>} chunks */
  async function redraw(next, chunks) {
    /** @type {Record<string, Record<string, any>[]>} */
    const rows = {};
    let total = 0;
    for (const name of Object.keys(chunks)) {
      rows[name] = decodeChunks(next.props.datasets[name], ctx, cache);
      total += rows[name].length;
    }
    const spec = finalSpec(next, rows, el);
    const holder = document.createElement("div");
    holder.className = "nbs-vega-view";
    if (current) {
      holder.style.position = "absolute";
      holder.style.visibility = "hidden";
      holder.style.inset = "0 0 auto 0";
    }
    el.append(holder);
    const colors = themeColors(el);
    const { embed } = await loadVega();
    const result = await embed(holder, /** @type {any} */ (spec), {
      mode: "vega-lite",
      renderer: total > SVG_MAX_ROWS ? "canvas" : "svg",
      actions: { export: true, source: false, compiled: false, editor: false },
      tooltip: { theme: colors.dark ? "dark" : "light" },
      downloadFileName: next.kind,
    });
    if (ctx.signal.aborted) {
      result.finalize();
      return;
    }
    for (const old of [...el.children]) if (old !== holder) old.remove();
    holder.style.position = "";
    holder.style.visibility = "";
    holder.style.inset = "";
    current?.finalize();
    current = { view: result.view, finalize: result.finalize };
    if (next.props.id) listenSelections(result.view);
  }

  /** A chart with on_select sends its selection parameters' values when they change. @param {any} view */
  function listenSelections(view) {
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const send = () => {
      clearTimeout(timer);
      // An interval changes on every pointer move while dragging: send once it rests.
      timer = setTimeout(() => {
        const props = latest.props;
        if (!props.id || ctx.signal.aborted || current?.view !== view) return;
        /** @type {Record<string, any>} */
        const selection = {};
        for (const name of props.selection_params || []) selection[name] = selectionValue(view, name);
        ctx.setValue(props.id, selection);
      }, 150);
    };
    for (const name of latest.props.selection_params || []) {
      try {
        view.addSignalListener(name, send);
      } catch {
        // a parameter the compiled view does not have (a typo in selection_mode is caught in Python)
      }
    }
  }

  /** Serialize draws: each waits for the one before, the newest node wins. @param {WireNode} next */
  function schedule(next) {
    latest = next;
    fillHeight(el, next.props.height === "stretch");
    queue = queue
      .then(() => (latest === next ? draw(next) : undefined))
      .catch((err) => showError(err));
    el.dataset.pending = "1";
    queue.then(() => {
      if (latest === next) delete el.dataset.pending;
    });
  }

  /** @param {any} err */
  function showError(err) {
    const box = document.createElement("div");
    box.className = "nbs-chart-error";
    box.textContent = `Chart error: ${err?.message || err}`;
    for (const old of [...el.children]) old.remove();
    el.append(box);
    current?.finalize();
    current = null;
    currentKey = "";
  }

  watchTheme(el, () => schedule(latest), ctx.signal);
  // height="stretch": follow the container's height (components/charts/sizing.js).
  let filled = 0;
  const unwatch = watchContainer(el, () => {
    if (!current || latest.props.height !== "stretch" || COMPOSITE.some((k) => k in (latest.props.spec || {}))) return;
    const h = filledHeight(el, DEFAULT_HEIGHT);
    if (h === filled) return;
    filled = h;
    current.view.height(h).runAsync();
  });
  ctx.signal.addEventListener("abort", unwatch);
  if (typeof ResizeObserver === "function") {
    let width = 0;
    const observer = new ResizeObserver(() => {
      const w = el.clientWidth;
      if (!current || !w || w === width || !stretches(latest)) return;
      width = w;
      current.view.width(w).runAsync();
    });
    observer.observe(el);
    ctx.signal.addEventListener("abort", () => observer.disconnect());
  }
  ctx.signal.addEventListener("abort", () => current?.finalize());
  queueMicrotask(() => schedule(node));
  return {
    el,
    update(next) {
      if (next.props.alt) el.setAttribute("aria-label", next.props.alt);
      schedule(next);
    },
    destroy() {
      current?.finalize();
      current = null;
    },
  };
}
