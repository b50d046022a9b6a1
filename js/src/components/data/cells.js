// @ts-check
/**
 * What one grid cell shows: formatted text with search matches marked, checkboxes,
 * progress bars, sparklines, images, links and list chips, and a Styler's safe CSS.
 */
import { h, on } from "../_base.js";
import { cellText, linkText, plainNumber } from "./format.js";

/** @typedef {import("../../types.js").ComponentContext} ComponentContext */
/** @typedef {import("./store.js").Row} Row */

/**
 * A column as the kernel describes it (`resolve_columns` in table_columns.py).
 * @typedef {Object} Column
 * @property {string} field
 * @property {string} name
 * @property {string} label
 * @property {boolean} index
 * @property {string} kind
 * @property {string} type
 * @property {Record<string, any>} config
 * @property {any} width
 * @property {string | null} help
 * @property {boolean} disabled
 * @property {boolean} required
 * @property {boolean} pinned
 * @property {string | null} alignment
 * @property {any} default
 */

/** Safe CSS from a Styler: colors, background, weight, style and decoration only. */
function applyStyle(/** @type {HTMLElement} */ cell, /** @type {string} */ css) {
  for (const part of css.split(";")) {
    const [prop, ...rest] = part.split(":");
    const name = (prop || "").trim().toLowerCase();
    const value = rest.join(":").trim();
    if (!value || /url\(|expression|javascript:/i.test(value)) continue;
    if (["color", "background-color", "background", "font-weight", "font-style", "text-decoration"].includes(name)) {
      cell.style.setProperty(name === "background" ? "background-color" : name, value);
    }
  }
}

/** A safe URL for links and images (http, https, mailto; data:image for images). */
function safeUrl(/** @type {string} */ url, image = false) {
  const u = String(url).trim();
  if (/^(https?:|mailto:)/i.test(u) || (image && /^data:image\//i.test(u))) return u;
  if (/^[/.]/.test(u)) return u;
  return null;
}

/** A small SVG chart of a list of numbers. */
function sparkline(/** @type {string} */ type, /** @type {any[]} */ values, /** @type {Record<string, any>} */ conf) {
  const nums = values.map(Number).filter((v) => Number.isFinite(v));
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("class", "nbs-df-spark");
  svg.setAttribute("viewBox", "0 0 100 24");
  svg.setAttribute("preserveAspectRatio", "none");
  if (!nums.length) return svg;
  const lo = conf.y_min ?? Math.min(...nums), hi = conf.y_max ?? Math.max(...nums);
  const span = hi - lo || 1;
  const y = (/** @type {number} */ v) => 22 - ((Math.min(hi, Math.max(lo, v)) - lo) / span) * 20;
  const step = nums.length > 1 ? 100 / (nums.length - 1) : 0;
  if (type === "bar_chart") {
    const w = 100 / nums.length;
    nums.forEach((v, i) => {
      const r = document.createElementNS(svg.namespaceURI, "rect");
      r.setAttribute("x", String(i * w + w * 0.1));
      r.setAttribute("width", String(w * 0.8));
      r.setAttribute("y", String(y(v)));
      r.setAttribute("height", String(Math.max(0.5, 22 - y(v))));
      svg.append(r);
    });
    return svg;
  }
  const points = nums.map((v, i) => `${i * step},${y(v)}`).join(" ");
  if (type === "area_chart") {
    const area = document.createElementNS(svg.namespaceURI, "polygon");
    area.setAttribute("points", `0,22 ${points} ${(nums.length - 1) * step},22`);
    area.setAttribute("class", "nbs-df-spark-area");
    svg.append(area);
  }
  const line = document.createElementNS(svg.namespaceURI, "polyline");
  line.setAttribute("points", points);
  svg.append(line);
  if (conf.color) svg.style.color = conf.color;
  return svg;
}

/** Mark the matches of `search` in a text. */
function highlighted(/** @type {string} */ text, /** @type {string} */ search) {
  if (!search) return document.createTextNode(text);
  const frag = document.createDocumentFragment();
  const lower = text.toLowerCase(), q = search.toLowerCase();
  let at = 0;
  for (let i = lower.indexOf(q); i >= 0; i = lower.indexOf(q, at)) {
    frag.append(text.slice(at, i), h("mark", {}, text.slice(i, i + q.length)));
    at = i + q.length;
  }
  frag.append(text.slice(at));
  return frag;
}

/**
 * The text a cell shows (a Styler's display text if it has one).
 * @param {Column} col @param {Row} row
 */
export function displayText(col, row) {
  const display = row.values[`d${col.field.slice(1)}`];
  if (display !== undefined && display !== null) return String(display);
  const value = row.values[col.field];
  if (value === null || value === undefined) return "None";
  return cellText(col, value, row.values[`o${col.field.slice(1)}`] ?? null);
}

/**
 * Draw a value into an empty cell element, as its column type shows it; `search` marks matches.
 * @param {HTMLElement} cell @param {Column} col @param {Row} row @param {string} search
 * @param {ComponentContext} ctx
 */
export function fillCell(cell, col, row, search, ctx) {
  const value = row.values[col.field];
  const css = row.values[`s${col.field.slice(1)}`];
  if (css) applyStyle(cell, css);
  if (value === null || value === undefined) {
    const display = row.values[`d${col.field.slice(1)}`];
    if (display) cell.textContent = display;
    else cell.append(h("span", { class: "nbs-df-none" }, "None"));
    return;
  }
  const conf = col.config || {};
  switch (col.type) {
    case "checkbox":
      cell.append(h("span", { class: "nbs-df-check", role: "checkbox", "aria-checked": String(Boolean(value)), "aria-label": String(value) }));
      return;
    case "progress": {
      const lo = conf.min_value ?? 0, hi = conf.max_value ?? 100;
      const frac = Math.max(0, Math.min(1, (Number(value) - lo) / (hi - lo || 1)));
      const bar = h("span", { class: "nbs-df-progress", role: "progressbar", "aria-valuenow": Number(value), "aria-valuemin": lo, "aria-valuemax": hi });
      bar.append(h("span", { class: "nbs-df-progress-fill", style: `width:${(frac * 100).toFixed(1)}%` }));
      cell.append(bar, h("span", { class: "nbs-df-progress-text" }, displayText(col, row)));
      return;
    }
    case "line_chart":
    case "bar_chart":
    case "area_chart":
      if (Array.isArray(value)) {
        cell.append(sparkline(col.type, value, conf));
        cell.setAttribute("aria-label", value.map((v) => plainNumber(Number(v))).join(", "));
        return;
      }
      break;
    case "image": {
      const src = safeUrl(String(value), true);
      if (src) {
        cell.append(h("img", { class: "nbs-df-image", src, alt: "", loading: "lazy" }));
        return;
      }
      break;
    }
    case "link": {
      const href = safeUrl(String(value));
      if (href) {
        const a = h("a", { href, target: "_blank", rel: "noopener noreferrer" }, highlighted(linkText(String(value), conf.display_text), search));
        on(a, "pointerdown", (/** @type {Event} */ e) => e.stopPropagation(), ctx);
        cell.append(a);
        return;
      }
      break;
    }
    case "list":
      if (Array.isArray(value)) {
        for (const item of value) cell.append(h("span", { class: "nbs-df-chip" }, typeof item === "number" ? plainNumber(item) : String(item)));
        return;
      }
      break;
    default:
  }
  cell.append(h("span", { class: "nbs-df-text" }, highlighted(displayText(col, row), search)));
}
