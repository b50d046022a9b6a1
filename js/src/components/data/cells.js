// @ts-check
/**
 * What one grid cell shows: formatted text with search matches marked, checkboxes,
 * progress bars, sparklines, images, audio and video players, links, list and
 * multiselect chips, Markdown (rendered in an overlay on a click), and a Styler's safe CSS.
 */
import { h, on } from "../_base.js";
import { themeColors } from "../charts/theme.js";
import { cellText, linkText, optionLabel, plainNumber } from "./format.js";

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

/**
 * A safe URL for links and media (http, https, mailto; `data:<media>/` for a medium).
 * @param {string} url @param {"image" | "audio" | "video" | false} [media]
 */
function safeUrl(url, media = false) {
  const u = String(url).trim();
  if (/^(https?:|mailto:)/i.test(u) || (media && u.toLowerCase().startsWith(`data:${media}/`))) return u;
  if (/^[/.]/.test(u)) return u;
  return null;
}

/** @type {WeakMap<object, string[]>} a multiselect column's "auto" palette, read once */
const palettes = new WeakMap();

/**
 * The color of an option's chip (`color` of MultiselectColumn), or null for none.
 * @param {Record<string, any>} conf @param {string} option
 */
export function chipColor(conf, option) {
  const color = conf.color;
  if (!color) return null;
  const at = Math.max(0, (conf.options || []).indexOf(option));
  if (color === "auto") {
    let palette = palettes.get(conf);
    if (!palette) {
      palette = themeColors(document.querySelector(".nbs-app") || document.documentElement).category;
      palettes.set(conf, palette);
    }
    return palette[at % palette.length];
  }
  const pick = Array.isArray(color) ? color[at % color.length] : color;
  return pick === "primary" ? "var(--nbs-primary-color)" : String(pick);
}

/** @type {HTMLElement | null} the Markdown overlay open now (one at a time) */
let overlay = null;

/** Close the Markdown overlay, if one is open. */
export function closeOverlay() {
  overlay?.remove();
  overlay = null;
}

/**
 * Show a Markdown cell's text rendered, over the grid next to the cell.
 * @param {HTMLElement} cell @param {string} text @param {ComponentContext} ctx
 */
function showMarkdown(cell, text, ctx) {
  closeOverlay();
  const box = h("div", { class: "nbs-df-overlay", role: "dialog", "aria-label": "Cell content", tabindex: "-1" });
  box.append(ctx.markdown(text));
  const rect = cell.getBoundingClientRect();
  box.style.left = `${Math.round(rect.left)}px`;
  box.style.top = `${Math.round(rect.bottom + 2)}px`;
  (cell.closest(".nbs-app") || document.body).append(box);
  overlay = box;
  const away = (/** @type {Event} */ e) => {
    if (e instanceof KeyboardEvent ? e.key === "Escape" : !box.contains(/** @type {Node} */ (e.target))) {
      closeOverlay();
      document.removeEventListener("pointerdown", away, true);
      document.removeEventListener("keydown", away, true);
    }
  };
  document.addEventListener("pointerdown", away, true);
  document.addEventListener("keydown", away, true);
  ctx.signal?.addEventListener("abort", closeOverlay);
  box.focus({ preventScroll: true });
}

/** A small SVG chart of a list of numbers (column_config charts, st.metric's chart_data). */
export function sparkline(/** @type {string} */ type, /** @type {any[]} */ values, /** @type {Record<string, any>} */ conf) {
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

/** The text of a missing value: the table's `placeholder`, else "None". @param {Column} col */
function missing(col) {
  const text = /** @type {any} */ (col).placeholder;
  return typeof text === "string" ? text : "None";
}

/**
 * The text a cell shows (a Styler's display text if it has one).
 * @param {Column} col @param {Row} row
 */
export function displayText(col, row) {
  const display = row.values[`d${col.field.slice(1)}`];
  if (display !== undefined && display !== null) return String(display);
  const value = row.values[col.field];
  if (value === null || value === undefined) return missing(col);
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
    else cell.append(h("span", { class: "nbs-df-none" }, missing(col)));
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
      const src = safeUrl(String(value), "image");
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
    case "audio":
    case "video": {
      const src = safeUrl(String(value), col.type);
      if (src) {
        const player = h(col.type, { class: `nbs-df-${col.type}`, src, controls: true, preload: "none", "aria-label": col.label });
        // Playing is not selecting the cell.
        on(player, "pointerdown", (/** @type {Event} */ e) => e.stopPropagation(), ctx);
        cell.append(player);
        return;
      }
      break;
    }
    case "button": {
      const label = String(value);
      const button = h("button", { type: "button", class: `nbs-button nbs-button--${conf.button_type || "secondary"} nbs-df-button` });
      button.append(ctx.markdown(label, { inline: true }));
      button.disabled = !conf.widget_id; // without a key the button has nothing to run
      on(button, "pointerdown", (/** @type {Event} */ e) => e.stopPropagation(), ctx);
      on(button, "click", (/** @type {Event} */ e) => {
        e.stopPropagation();
        if (conf.widget_id) ctx.click(conf.widget_id, { row: Number(row.values._row ?? row.id), label });
      }, ctx);
      cell.append(button);
      return;
    }
    case "markdown": {
      const text = String(value);
      cell.append(h("span", { class: "nbs-df-text nbs-df-markdown" }, highlighted(text, search)));
      // pointerup: a pointerdown selects the cell and the grid redraws it (a click would
      // land on the cell drawn before).
      on(cell, "pointerup", (/** @type {PointerEvent} */ e) => {
        if (e.button === 0 && !cell.classList.contains("nbs-df-editing")) showMarkdown(cell, text, ctx);
      }, ctx);
      return;
    }
    case "multiselect":
      if (Array.isArray(value)) {
        for (const item of value) {
          const chip = h("span", { class: "nbs-df-chip" }, optionLabel(conf, String(item)));
          const color = chipColor(conf, String(item));
          if (color) {
            chip.classList.add("nbs-df-chip-colored");
            chip.style.setProperty("--nbs-chip", color);
          }
          cell.append(chip);
        }
        return;
      }
      break;
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
