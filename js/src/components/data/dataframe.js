// @ts-check
/**
 * Data elements (nbstream/elements/data/: dataframe.py, data_editor.py, metric.py,
 * json_tree.py): dataframe, data_editor, table, metric, json.  The grid is grid.js.
 */
import { h, icon, on, propIcon, syncHelp } from "../_base.js";
import { sparkline } from "./cells.js";
import { editorGrid } from "./edit.js";
import { formatNumber } from "./format.js";
import { Grid } from "./grid.js";
import { decode } from "./store.js";

/** @typedef {import("../../types.js").Component} Component */
/** @typedef {import("../../types.js").WireNode} WireNode */
/** @typedef {import("../../types.js").ComponentContext} ComponentContext */

/** @type {Component} */
export function dataframe(node, ctx) {
  const grid = new Grid(ctx, node);
  grid.el.classList.add("nbs-dataframe");
  /** @type {any} */ (grid.el).__grid = grid; // for tests and debugging
  return { el: grid.el, update: (n) => grid.update(n) };
}

/** @type {Component} */
export function data_editor(node, ctx) {
  const editor = editorGrid(ctx, node);
  Object.assign(editor.el, { __grid: editor.grid, __editor: editor }); // for tests and debugging
  return { el: editor.el, update: (n) => editor.update(n) };
}

/**
 * st.table: every row laid out as an HTML table (no windows).  `border` is "all", "none"
 * or "horizontal"; a pixel height scrolls under a sticky header, a pixel width keeps the
 * index columns in view.
 * @type {Component}
 */
export function table(node, ctx) {
  const el = h("div", { class: "nbs-table-wrap" });
  let last = "";
  const update = (/** @type {WireNode} */ n) => {
    const p = n.props;
    el.dataset.border = p.border || "all";
    el.classList.toggle("nbs-table-wrap--scroll-x", typeof p.width === "number");
    el.classList.toggle("nbs-table-wrap--scroll-y", typeof p.height === "number" || p.height === "stretch");
    size(el, p.width, p.height);
    const stamp = JSON.stringify([p.data, p.tail, p.columns, p.hide_header, p.alt]);
    if (stamp === last) return;
    last = stamp;
    const grid = new Grid(ctx, { ...n, props: { ...p, rows: 0 } });
    const read = (/** @type {any} */ ref) => grid.readBlob(ref);
    const rows = [];
    for (const ref of [p.data, ...(p.tail || [])]) {
      const bytes = read(ref);
      if (bytes) rows.push(...decode(bytes));
    }
    const columns = /** @type {import("./grid.js").Column[]} */ (p.columns || []);
    const head = h("tr", {}, ...columns.map((c) => h("th", { scope: "col", class: c.index ? "nbs-table-index" : null }, c.label ?? c.name)));
    const body = h("tbody");
    for (const row of rows) {
      const tr = h("tr");
      for (const col of columns) {
        const cell = h(col.index ? "th" : "td", { scope: col.index ? "row" : null, class: col.type === "number" ? "nbs-table-number" : null });
        grid.fillCell(cell, col, row);
        tr.append(cell);
      }
      body.append(tr);
    }
    const parts = p.hide_header ? [body] : [h("thead", {}, head), body];
    el.replaceChildren(h("table", { class: "nbs-table", "aria-label": p.alt || null }, ...parts));
  };
  update(node);
  return { el, update };
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const CHARTS = { line: "line_chart", bar: "bar_chart", area: "area_chart" };

/** A metric's value or delta through its `format`; text that is not a number as it is. */
export function metricText(/** @type {string} */ text, /** @type {string | null | undefined} */ format) {
  const t = (text ?? "").trim();
  if (!format || !NUMERIC.test(t)) return text ?? "";
  const out = formatNumber(Number(t), format);
  return t.startsWith("+") && !out.startsWith("+") ? `+${out}` : out;
}

/** Width and height: "stretch", "content" or pixels (capped at the parent's size). */
function size(/** @type {HTMLElement} */ el, /** @type {any} */ width, /** @type {any} */ height) {
  el.style.width = typeof width === "number" ? `${width}px` : width === "content" ? "fit-content" : "";
  el.style.maxWidth = typeof width === "number" || width === "content" ? "100%" : "";
  el.style.height = typeof height === "number" ? `${height}px` : height === "stretch" ? "100%" : "";
  el.style.overflow = typeof height === "number" ? "auto" : "";
}

/** @type {Component} */
export function metric(node, ctx) {
  const text = h("span", { class: "nbs-metric-label-text" });
  const label = h("div", { class: "nbs-metric-label" }, text);
  const value = h("div", { class: "nbs-metric-value" });
  const deltaText = h("span", { class: "nbs-metric-delta-text" });
  const delta = h("div", { class: "nbs-metric-delta" });
  const note = h("span", { class: "nbs-metric-delta-description" });
  const deltaRow = h("div", { class: "nbs-metric-delta-row" }, delta, note);
  const chart = h("div", { class: "nbs-metric-chart" });
  const el = h("div", { class: "nbs-metric", role: "group" }, label, value, deltaRow, chart);
  /** @type {Record<string, any>} */
  let last = {};
  const update = (/** @type {WireNode} */ n) => {
    const p = n.props;
    el.classList.toggle("nbs-metric--border", Boolean(p.border));
    el.dataset.labelVisibility = p.label_visibility || "visible";
    el.dataset.color = p.color || "gray";
    size(el, p.width, p.height);
    if (p.label !== last.label || p.icon !== last.icon) {
      const mark = p.icon === "spinner" ? h("span", { class: "nbs-spinner-icon nbs-metric-icon", "aria-hidden": "true" }) : propIcon(p.icon);
      text.replaceChildren(ctx.markdown(p.label || "", { inline: true }));
      label.replaceChildren(...(mark ? [mark] : []), text);
    }
    syncHelp(label, p.help, ctx);
    el.setAttribute("aria-label", (text.textContent || "").trim());
    value.textContent = metricText(p.body ?? "", p.format);
    delta.hidden = !p.delta;
    delta.dataset.color = p.color || "gray";
    deltaText.textContent = metricText(p.delta || "", p.format);
    const arrow = p.direction === "up" ? "arrow_upward" : p.direction === "down" ? "arrow_downward" : null;
    delta.replaceChildren(...(arrow ? [icon(arrow)] : []), deltaText);
    note.textContent = p.delta_description || "";
    note.hidden = !p.delta_description;
    deltaRow.hidden = !p.delta && !p.delta_description;
    if (JSON.stringify([p.chart_data, p.chart_type]) !== JSON.stringify([last.chart_data, last.chart_type])) {
      const values = Array.isArray(p.chart_data) ? p.chart_data : [];
      chart.replaceChildren(...(values.length ? [sparkline(CHARTS[/** @type {"line"} */ (p.chart_type)] || "line_chart", values, {})] : []));
      chart.dataset.type = p.chart_type || "line";
    }
    chart.hidden = !Array.isArray(p.chart_data) || !p.chart_data.length;
    last = p;
  };
  update(node);
  return { el, update };
}

/**
 * st.json: a tree of <details>; `expanded` opens it all, `max_expand_depth` that many
 * levels.  A body that is not JSON shows as a JSON string.
 * @type {Component}
 */
export function json(node, ctx) {
  const el = h("div", { class: "nbs-json", role: "tree" });
  let last = "";
  const update = (/** @type {WireNode} */ n) => {
    const p = n.props;
    // width: "stretch" (the container's) or pixels, at most the container's.
    el.style.width = typeof p.width === "number" ? `${p.width}px` : "";
    el.style.maxWidth = typeof p.width === "number" ? "100%" : "";
    const stamp = JSON.stringify([p.body, p.expanded, p.max_expand_depth]);
    if (stamp === last) return;
    last = stamp;
    let data;
    try {
      data = JSON.parse(p.body);
    } catch {
      data = String(p.body);
    }
    const depth = p.expanded === false ? 0 : p.max_expand_depth ?? Infinity;
    el.replaceChildren(jsonNode(data, null, 0, depth, ctx));
  };
  update(node);
  return { el, update };
}

/**
 * @param {any} value @param {string | null} name @param {number} level @param {number} depth
 * @param {ComponentContext} ctx
 * @returns {HTMLElement}
 */
function jsonNode(value, name, level, depth, ctx) {
  const key = name === null ? null : h("span", { class: "nbs-json-key" }, `${JSON.stringify(name)}: `);
  if (value === null || typeof value !== "object") {
    const kind = value === null ? "null" : typeof value;
    return h("div", { class: "nbs-json-row", role: "treeitem" }, key, h("span", { class: `nbs-json-${kind}` }, JSON.stringify(value)));
  }
  const isArray = Array.isArray(value);
  const entries = isArray ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  const [open, close] = isArray ? ["[", "]"] : ["{", "}"];
  const details = /** @type {HTMLDetailsElement} */ (h("details", { class: "nbs-json-node", role: "treeitem", open: level < depth }));
  const count = h("span", { class: "nbs-json-count" }, `${entries.length} ${isArray ? "items" : "keys"}`);
  details.append(h("summary", {}, key, h("span", { class: "nbs-json-bracket" }, open), count));
  const children = h("div", { class: "nbs-json-children", role: "group" });
  for (const [k, v] of entries) children.append(jsonNode(v, isArray ? null : k, level + 1, depth, ctx));
  details.append(children, h("span", { class: "nbs-json-bracket" }, close));
  void on;
  return details;
}
