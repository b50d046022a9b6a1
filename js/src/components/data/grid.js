// @ts-check
/**
 * A virtualized grid over a RowStore: only the rows in view exist in the DOM (and only
 * the pages near them in memory), so a table of any length scrolls smoothly.
 *
 * UI: sort by a click on a header (ascending, descending, off; done by the kernel),
 * resize columns by dragging a header's right edge, resize the table by its corner,
 * search (Ctrl/Cmd+F, in the kernel), copy cells (Ctrl/Cmd+C, tab-separated), CSV
 * download, fullscreen, keyboard navigation, and row / column / cell selection when
 * the element has `selection_mode`.  Editing (data_editor) plugs in through `hooks`.
 */
import { h, icon, on } from "../_base.js";
import { cellText, linkText, plainNumber } from "./format.js";
import { RowStore } from "./store.js";

/** @typedef {import("../../types.js").ComponentContext} ComponentContext */
/** @typedef {import("./store.js").Row} Row */

export const ROW_HEIGHT = 35;
const HEADER_HEIGHT = 35;
/** Element heights browsers handle; taller tables map their scroll range onto this. */
const MAX_SCROLL_PX = 8_000_000;
const OVERSCAN = 6;
const WIDTHS = { small: 75, medium: 200, large: 400 };

/**
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

/**
 * @typedef {Object} Hooks
 * @property {(pos: number, col: number, text?: string) => void} [edit]   start editing a cell
 * @property {(event: KeyboardEvent) => boolean} [key]   editing keys; true when handled
 * @property {(event: ClipboardEvent) => void} [paste]
 * @property {(pos: number, col: number, cell: HTMLElement) => boolean} [click]  a click on a cell; true when handled
 * @property {(cell: HTMLElement, pos: number, col: number, row: Row) => void} [decorate]
 * @property {HTMLElement[]} [tools]   extra toolbar buttons
 * @property {() => HTMLElement | null} [footer]
 * @property {(grid: Grid) => void} [init]   called with the grid before its first render
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

export class Grid {
  /**
   * @param {ComponentContext} ctx
   * @param {{kind: string, key: string, props: Record<string, any>}} node
   * @param {Hooks} [hooks]
   */
  constructor(ctx, node, hooks = {}) {
    this.ctx = ctx;
    this.hooks = hooks;
    this.props = node.props;
    /** @type {Column[]} */
    this.columns = [];
    /** @type {number[]} */
    this.widths = [];
    /** @type {[string, "asc" | "desc"] | null} */
    this.sort = null;
    this.search = "";
    /** The active cell and the other corner of the selected range. */
    this.active = { pos: -1, col: -1 };
    this.anchor = { pos: -1, col: -1 };
    /** @type {Set<number>} row numbers (`_row`) of selected rows */
    this.selectedRows = new Set();
    /** @type {Set<string>} */
    this.selectedColumns = new Set();
    /** @type {Map<number, HTMLElement>} */
    this.rowEls = new Map();
    this.lastCopied = "";
    this.store = new RowStore(
      (payload) => ctx.request(payload, 30000),
      () => this.render(),
    );
    this.header = h("div", { class: "nbs-df-header", role: "row", "aria-rowindex": 1 });
    this.body = h("div", { class: "nbs-df-body", role: "rowgroup" });
    this.scroller = h("div", { class: "nbs-df-scroller" }, this.header, this.body);
    this.searchInput = h("input", { class: "nbs-df-search-input", type: "search", placeholder: "Search", "aria-label": "Search" });
    this.searchBox = h("div", { class: "nbs-df-search", hidden: true }, icon("search"), this.searchInput);
    this.status = h("div", { class: "nbs-df-status", "aria-live": "polite" });
    const button = (/** @type {string} */ name, /** @type {string} */ label, /** @type {() => void} */ fn) => {
      const b = h("button", { type: "button", class: "nbs-df-tool", "aria-label": label, title: label }, icon(name));
      on(b, "click", fn, ctx);
      return b;
    };
    this.fullscreenButton = button("fullscreen", "Fullscreen", () => this.toggleFullscreen());
    this.toolbar = h(
      "div",
      { class: "nbs-df-toolbar", role: "toolbar", "aria-label": "Table toolbar" },
      ...(hooks.tools || []),
      button("download", "Download as CSV", () => this.downloadCsv()),
      button("search", "Search", () => this.openSearch()),
      this.fullscreenButton,
    );
    this.grid = h("div", { class: "nbs-df-grid", role: "grid", tabindex: 0, "aria-multiselectable": "true" }, this.scroller);
    this.el = h("div", { class: "nbs-df" }, this.toolbar, this.searchBox, this.grid, this.status);
    /** @type {number} */
    this.frame = 0;
    this.build();
    hooks.init?.(this);
    this.update(node);
  }

  // ---- DOM ----------------------------------------------------------------------------------

  build() {
    const ctx = this.ctx;
    on(this.scroller, "scroll", () => this.schedule(), ctx, { passive: true });
    on(this.grid, "keydown", (/** @type {KeyboardEvent} */ e) => this.onKey(e), ctx);
    on(this.el, "keydown", (/** @type {KeyboardEvent} */ e) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "f" && this.el.contains(/** @type {Node} */ (document.activeElement))) {
        e.preventDefault();
        this.openSearch();
      } else if (e.key === "Escape" && this.el.classList.contains("nbs-df--fullscreen")) {
        this.toggleFullscreen();
      }
    }, ctx);
    on(this.grid, "copy", (/** @type {ClipboardEvent} */ e) => this.onCopy(e), ctx);
    on(this.grid, "paste", (/** @type {ClipboardEvent} */ e) => this.hooks.paste?.(e), ctx);
    on(this.body, "pointerdown", (/** @type {PointerEvent} */ e) => this.onCellDown(e), ctx);
    on(this.body, "dblclick", (/** @type {MouseEvent} */ e) => {
      const hit = this.cellAt(e);
      if (hit && this.hooks.edit) this.hooks.edit(hit.pos, hit.col);
    }, ctx);
    let timer = 0;
    on(this.searchInput, "input", () => {
      clearTimeout(timer);
      timer = window.setTimeout(() => this.setSearch(this.searchInput.value), 250);
    }, ctx);
    on(this.searchInput, "keydown", (/** @type {KeyboardEvent} */ e) => {
      if (e.key === "Escape") {
        this.searchInput.value = "";
        this.setSearch("");
        this.searchBox.hidden = true;
        this.grid.focus();
      } else if (e.key === "Enter") this.setSearch(this.searchInput.value);
    }, ctx);
    if (typeof ResizeObserver !== "undefined") {
      const ro = new ResizeObserver(() => this.schedule());
      ro.observe(this.scroller);
      ctx.signal.addEventListener("abort", () => ro.disconnect());
    }
  }

  /** @param {{props: Record<string, any>}} node */
  update(node) {
    const p = node.props;
    const columnsChanged = JSON.stringify(p.columns) !== JSON.stringify(this.props.columns) || !this.columns.length;
    this.props = p;
    this.store.reset(p, (b) => this.readBlob(b));
    if (columnsChanged) {
      this.columns = p.columns || [];
      this.widths = this.columns.map((c) => this.initialWidth(c));
      if (this.sort && !this.columns.some((c) => c.field === this.sort?.[0])) this.sort = null;
    }
    if (columnsChanged) this.renderHeader();
    const sel = p.value?.selection;
    if (sel && this.rowSelection()) this.selectedRows = new Set(sel.rows);
    if (sel && this.columnSelection()) this.selectedColumns = new Set(sel.columns);
    this.applySize();
    this.clearRows();
    this.render();
  }

  /** @param {any} ref */
  readBlob(ref) {
    if (!ref) return null;
    if (ref instanceof ArrayBuffer || ArrayBuffer.isView(ref)) return ref;
    if (typeof ref === "object" && ref.$blob) return this.ctx.blob(ref.$blob) || null;
    return null;
  }

  applySize() {
    const p = this.props;
    const rows = Math.max(1, this.store.count() + (this.hooks.footer ? 1 : 0));
    let height = typeof p.height === "number" ? p.height : Math.min(rows, 10) * ROW_HEIGHT + HEADER_HEIGHT + 3;
    if (p.row_height) height = typeof p.height === "number" ? p.height : Math.min(rows, 10) * p.row_height + HEADER_HEIGHT + 3;
    this.scroller.style.height = `${height}px`;
    this.el.style.width = typeof p.width === "number" ? `${p.width}px` : p.width === "content" ? "fit-content" : "";
    this.el.style.maxWidth = "100%";
    this.el.style.setProperty("--nbs-df-row", `${this.rowHeight()}px`);
  }

  rowHeight() {
    return this.props.row_height || ROW_HEIGHT;
  }

  /** @param {Column} col */
  initialWidth(col) {
    if (typeof col.width === "number") return col.width;
    if (col.width && col.width in WIDTHS) return WIDTHS[/** @type {"small"} */ (col.width)];
    let chars = String(col.label ?? "").length + 2;
    const sample = this.store?.local?.length ? this.store.local : [];
    for (const row of sample.slice(0, 50)) chars = Math.max(chars, this.text(col, row).length);
    if (col.type === "checkbox") chars = Math.max(chars, 6);
    if (["line_chart", "bar_chart", "area_chart", "progress"].includes(col.type)) chars = Math.max(chars, 18);
    return Math.round(Math.min(400, Math.max(60, chars * 8 + 24)));
  }

  // ---- header ---------------------------------------------------------------------------------

  rowSelection() {
    return (this.props.selection_mode || []).some((/** @type {string} */ m) => m.includes("row"));
  }

  columnSelection() {
    return (this.props.selection_mode || []).some((/** @type {string} */ m) => m.includes("column"));
  }

  cellSelection() {
    return (this.props.selection_mode || []).some((/** @type {string} */ m) => m.includes("cell"));
  }

  /** Whether rows get a leading checkbox (row selection, or deleting rows in an editor). */
  hasRowMarkers() {
    return this.rowSelection() || Boolean(this.props.num_rows === "dynamic" || this.props.num_rows === "delete");
  }

  renderHeader() {
    const cells = [];
    if (this.hasRowMarkers()) cells.push(h("div", { class: "nbs-df-marker nbs-df-hcell", role: "columnheader", "aria-label": "Row selection" }));
    this.columns.forEach((col, i) => {
      const sorted = this.sort?.[0] === col.field ? this.sort[1] : null;
      const label = h("span", { class: "nbs-df-hlabel" }, col.label ?? col.name);
      const cell = h(
        "div",
        {
          class: `nbs-df-hcell${col.index ? " nbs-df-index" : ""}${col.pinned ? " nbs-df-pinned" : ""}`,
          role: "columnheader",
          "aria-colindex": i + 1,
          "aria-sort": sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none",
          "aria-selected": this.columnSelection() ? String(this.selectedColumns.has(col.name)) : null,
          title: col.help || null,
          "data-field": col.field,
        },
        label,
      );
      if (col.help) cell.append(h("span", { class: "nbs-df-help", "aria-hidden": "true" }, icon("help")));
      if (sorted) cell.append(h("span", { class: "nbs-df-sort" }, icon(sorted === "asc" ? "arrow_upward" : "arrow_downward")));
      const grip = h("span", { class: "nbs-df-resize", "aria-hidden": "true" });
      cell.append(grip);
      cell.style.width = `${this.widths[i]}px`;
      on(cell, "click", (/** @type {MouseEvent} */ e) => {
        if (e.target === grip) return;
        if (this.columnSelection() && !col.index) this.toggleColumn(col.name, e.shiftKey || e.ctrlKey || e.metaKey);
        else this.cycleSort(col);
      }, this.ctx);
      on(grip, "pointerdown", (/** @type {PointerEvent} */ e) => this.startResize(e, i), this.ctx);
      cells.push(cell);
    });
    this.header.replaceChildren(...cells);
    this.positionPinned(this.header);
    this.grid.setAttribute("aria-colcount", String(this.columns.length));
  }

  /** @param {Column} col */
  cycleSort(col) {
    if (this.props.num_rows === "dynamic") return; // as Streamlit: no sorting while rows can be added
    const now = this.sort?.[0] === col.field ? this.sort[1] : null;
    this.sort = now === null ? [col.field, "asc"] : now === "asc" ? [col.field, "desc"] : null;
    this.renderHeader();
    this.setView();
  }

  setSearch(/** @type {string} */ text) {
    if (text === this.search) return;
    this.search = text;
    this.setView();
  }

  setView() {
    this.store.setView({ sort: this.sort, search: this.search });
    this.scroller.scrollTop = 0;
    this.clearRows();
    this.render();
  }

  openSearch() {
    this.searchBox.hidden = false;
    this.searchInput.focus();
    this.searchInput.select();
  }

  /** @param {PointerEvent} e @param {number} i */
  startResize(e, i) {
    e.preventDefault();
    e.stopPropagation();
    const startX = e.clientX, startW = this.widths[i];
    const move = (/** @type {PointerEvent} */ ev) => {
      this.widths[i] = Math.max(40, Math.round(startW + ev.clientX - startX));
      this.renderHeader();
      this.clearRows();
      this.render();
    };
    const up = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  }

  /** Pinned columns stick to the left while scrolling sideways. */
  positionPinned(/** @type {HTMLElement} */ rowEl) {
    let left = this.hasRowMarkers() ? 34 : 0;
    const cells = [...rowEl.children].filter((c) => !c.classList.contains("nbs-df-marker"));
    this.columns.forEach((col, i) => {
      const cell = /** @type {HTMLElement | undefined} */ (cells[i]);
      if (cell && col.pinned) {
        cell.style.left = `${left}px`;
        left += this.widths[i];
      }
    });
  }

  // ---- rows ------------------------------------------------------------------------------------

  schedule() {
    if (this.frame) return;
    const raf = typeof requestAnimationFrame === "function" ? requestAnimationFrame : (/** @type {() => void} */ f) => Number(setTimeout(f, 0));
    this.frame = raf(() => {
      this.frame = 0;
      this.render();
    });
  }

  clearRows() {
    for (const el of this.rowEls.values()) el.remove();
    this.rowEls.clear();
  }

  /** Which rows are in view, and how scroll pixels map to row positions. */
  viewport() {
    const rh = this.rowHeight();
    const total = this.store.count() + (this.hooks.footer ? 1 : 0);
    const full = total * rh;
    const bodyPx = Math.min(full, MAX_SCROLL_PX);
    const viewH = Math.max(this.scroller.clientHeight - HEADER_HEIGHT, rh * 10);
    const top = this.scroller.scrollTop;
    const ratio = full > bodyPx && bodyPx > viewH ? (full - viewH) / (bodyPx - viewH) : 1;
    const virtualTop = top * ratio;
    const first = Math.max(0, Math.floor(virtualTop / rh) - OVERSCAN);
    const last = Math.min(total, Math.ceil((virtualTop + viewH) / rh) + OVERSCAN);
    return { rh, bodyPx, first, last, shift: virtualTop - top, total };
  }

  render() {
    const { rh, bodyPx, first, last, shift } = this.viewport();
    this.body.style.height = `${bodyPx}px`;
    this.grid.setAttribute("aria-rowcount", String(this.store.total + 1));
    const dataRows = this.store.count();
    this.store.ensure(first, Math.min(last, this.store.total));
    for (const [pos, el] of this.rowEls) {
      if (pos < first || pos >= last) {
        el.remove();
        this.rowEls.delete(pos);
      }
    }
    for (let pos = first; pos < last; pos++) {
      const row = pos < dataRows ? this.store.row(pos) : undefined;
      let el = this.rowEls.get(pos);
      const state = pos >= dataRows ? "footer" : row ? `r${row.id}` : "loading";
      if (!el || el.dataset.state !== state || el.dataset.stamp !== this.stamp()) {
        const fresh = pos >= dataRows ? this.hooks.footer?.() ?? h("div") : this.renderRow(pos, row);
        fresh.dataset.state = state;
        fresh.dataset.stamp = this.stamp();
        if (el) el.replaceWith(fresh);
        else this.body.append(fresh);
        el = fresh;
        this.rowEls.set(pos, el);
      }
      el.style.top = `${pos * rh - shift}px`;
    }
    this.renderStatus();
  }

  /** Changes when anything drawn in rows changes (selection, search, widths). */
  stamp() {
    return `${this.active.pos},${this.active.col},${this.anchor.pos},${this.anchor.col},${this.search},${[...this.selectedRows].join(".")},${[...this.selectedColumns].join(".")},${this.widths.join(".")},${this.props.version}`;
  }

  renderStatus() {
    const s = this.store;
    if (s.error) this.status.textContent = `Could not load rows: ${s.error}`;
    else if (this.search) this.status.textContent = `${s.total.toLocaleString("en-US")} ${s.total === 1 ? "row matches" : "rows match"} "${this.search}"`;
    else this.status.textContent = "";
  }

  /** @param {Column} col @param {Row} row */
  text(col, row) {
    const display = row.values[`d${col.field.slice(1)}`];
    if (display !== undefined && display !== null) return String(display);
    const value = row.values[col.field];
    if (value === null || value === undefined) return "None";
    return cellText(col, value, row.values[`o${col.field.slice(1)}`] ?? null);
  }

  /** @param {number} pos @param {Row | undefined} row */
  renderRow(pos, row) {
    const el = h("div", { class: "nbs-df-row", role: "row", "aria-rowindex": pos + 2 });
    if (!row) {
      el.classList.add("nbs-df-row--loading");
      el.setAttribute("aria-busy", "true");
    }
    if (row) el.dataset.row = String(row.id);
    if (this.hasRowMarkers()) {
      const checked = row ? this.selectedRows.has(row.id) : false;
      const marker = h("div", { class: "nbs-df-marker", role: "gridcell" }, h("span", { class: "nbs-df-check", role: "checkbox", "aria-checked": String(checked), "aria-label": `Select row ${pos + 1}` }));
      el.append(marker);
      if (checked) el.classList.add("nbs-df-row--selected");
    }
    const range = this.range();
    this.columns.forEach((col, i) => {
      const inRange = range && pos >= range.top && pos <= range.bottom && i >= range.left && i <= range.right;
      const cell = h("div", {
        class: `nbs-df-cell nbs-df-type-${col.type}${col.index ? " nbs-df-index" : ""}${col.pinned ? " nbs-df-pinned" : ""}`,
        role: "gridcell",
        "aria-colindex": i + 1,
        "aria-selected": inRange || this.selectedColumns.has(col.name) ? "true" : null,
        "data-col": i,
      });
      cell.style.width = `${this.widths[i]}px`;
      if (col.alignment) cell.style.textAlign = col.alignment;
      if (this.active.pos === pos && this.active.col === i) cell.classList.add("nbs-df-active");
      if (row) this.fillCell(cell, col, row);
      if (row && this.hooks.decorate) this.hooks.decorate(cell, pos, i, row);
      el.append(cell);
    });
    el.style.height = `${this.rowHeight()}px`;
    this.positionPinned(el);
    return el;
  }

  /** @param {HTMLElement} cell @param {Column} col @param {Row} row */
  fillCell(cell, col, row) {
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
        cell.append(bar, h("span", { class: "nbs-df-progress-text" }, this.text(col, row)));
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
          const a = h("a", { href, target: "_blank", rel: "noopener noreferrer" }, highlighted(linkText(String(value), conf.display_text), this.search));
          on(a, "pointerdown", (/** @type {Event} */ e) => e.stopPropagation(), this.ctx);
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
    cell.append(h("span", { class: "nbs-df-text" }, highlighted(this.text(col, row), this.search)));
  }

  // ---- selection, keyboard, clipboard ---------------------------------------------------------

  /** The selected rectangle of cells, or null. */
  range() {
    if (this.active.pos < 0) return null;
    return {
      top: Math.min(this.active.pos, this.anchor.pos),
      bottom: Math.max(this.active.pos, this.anchor.pos),
      left: Math.min(this.active.col, this.anchor.col),
      right: Math.max(this.active.col, this.anchor.col),
    };
  }

  /** @param {MouseEvent} e */
  cellAt(e) {
    const cell = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (e.target).closest?.(".nbs-df-cell, .nbs-df-marker"));
    const rowEl = cell?.closest?.(".nbs-df-row");
    if (!cell || !rowEl) return null;
    const pos = Number(rowEl.getAttribute("aria-rowindex")) - 2;
    if (cell.classList.contains("nbs-df-marker")) return { pos, col: -1, cell };
    return { pos, col: Number(cell.dataset.col), cell };
  }

  /** @param {PointerEvent} e */
  onCellDown(e) {
    const hit = this.cellAt(e);
    if (!hit) return;
    if (hit.col === -1) {
      const row = this.store.row(hit.pos);
      if (row) this.toggleRow(row.id, e.shiftKey || e.ctrlKey || e.metaKey);
      return;
    }
    if (this.hooks.click?.(hit.pos, hit.col, hit.cell)) return;
    this.select(hit.pos, hit.col, e.shiftKey);
    this.grid.focus({ preventScroll: true });
    if (this.cellSelection()) this.sendSelection();
  }

  /** Make a cell active; with `extend`, grow the range to it. */
  select(/** @type {number} */ pos, /** @type {number} */ col, extend = false) {
    this.active = { pos, col };
    if (!extend) this.anchor = { pos, col };
    this.scrollIntoView(pos, col);
    this.render();
  }

  scrollIntoView(/** @type {number} */ pos, /** @type {number} */ col) {
    const { rh, shift } = this.viewport();
    const top = pos * rh - shift;
    const viewH = this.scroller.clientHeight - HEADER_HEIGHT;
    if (viewH > 0) {
      if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
      else if (top + rh > this.scroller.scrollTop + viewH) this.scroller.scrollTop = top + rh - viewH;
    }
    let left = 0;
    for (let i = 0; i < col; i++) left += this.widths[i];
    const w = this.widths[col] || 0;
    const viewW = this.scroller.clientWidth;
    if (viewW > 0) {
      if (left < this.scroller.scrollLeft) this.scroller.scrollLeft = left;
      else if (left + w > this.scroller.scrollLeft + viewW) this.scroller.scrollLeft = left + w - viewW;
    }
  }

  /** @param {KeyboardEvent} e */
  onKey(e) {
    if (this.hooks.key?.(e)) return;
    const mod = e.ctrlKey || e.metaKey;
    const { pos, col } = this.active;
    const last = this.store.count() - 1, lastCol = this.columns.length - 1;
    const page = Math.max(1, Math.floor((this.scroller.clientHeight - HEADER_HEIGHT) / this.rowHeight()));
    /** @type {Record<string, () => [number, number]>} */
    const moves = {
      ArrowDown: () => [mod ? last : pos + 1, col],
      ArrowUp: () => [mod ? 0 : pos - 1, col],
      ArrowRight: () => [pos, mod ? lastCol : col + 1],
      ArrowLeft: () => [pos, mod ? 0 : col - 1],
      PageDown: () => [pos + page, col],
      PageUp: () => [pos - page, col],
      Home: () => (mod ? [0, 0] : [pos, 0]),
      End: () => (mod ? [last, lastCol] : [pos, lastCol]),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      if (pos < 0) return this.select(0, 0);
      const [p, c] = move();
      this.select(Math.max(0, Math.min(last, p)), Math.max(0, Math.min(lastCol, c)), e.shiftKey);
      if (this.cellSelection()) this.sendSelection();
      return;
    }
    if (mod && e.key.toLowerCase() === "c") this.copySelection();
    if (e.key === " " && this.rowSelection() && pos >= 0) {
      e.preventDefault();
      const row = this.store.row(pos);
      if (row) this.toggleRow(row.id, true);
    }
  }

  /** The selected cells as tab-separated text (the rows in memory). */
  selectionText() {
    const r = this.range();
    if (!r) return "";
    const lines = [];
    for (let pos = r.top; pos <= r.bottom; pos++) {
      const row = this.store.row(pos);
      if (!row) return null;
      const cells = [];
      for (let c = r.left; c <= r.right; c++) cells.push(this.copyText(this.columns[c], row));
      lines.push(cells.join("\t"));
    }
    return lines.join("\n");
  }

  /** @param {Column} col @param {Row} row */
  copyText(col, row) {
    const value = row.values[col.field];
    if (value === null || value === undefined) return "";
    return this.text(col, row).replace(/[\t\n]/g, " ");
  }

  /** @param {ClipboardEvent} e */
  onCopy(e) {
    if (/** @type {HTMLElement} */ (e.target).closest?.("input, textarea")) return;
    const text = this.selectionText();
    if (text === null) return this.copySelection();
    if (!text) return;
    e.preventDefault();
    e.clipboardData?.setData("text/plain", text);
    this.lastCopied = text;
  }

  /** Copy through the Clipboard API (fetching rows not in memory first). */
  async copySelection() {
    const r = this.range();
    if (!r) return;
    let text = this.selectionText();
    if (text === null) {
      const rows = await this.store.range(r.top, r.bottom + 1);
      text = rows.map((row) => this.columns.slice(r.left, r.right + 1).map((c) => this.copyText(c, row)).join("\t")).join("\n");
    }
    this.lastCopied = text;
    try {
      await navigator.clipboard?.writeText(text);
    } catch {
      /* the copy event path has already put it there, or the page may not use the clipboard */
    }
  }

  // ---- selections sent to the kernel -----------------------------------------------------------

  toggleRow(/** @type {number} */ id, multi = false) {
    const modes = this.props.selection_mode || [];
    const single = modes.includes("single-row") || modes.includes("single-row-required") || (!this.rowSelection() && false);
    const had = this.selectedRows.has(id);
    if (single || (!multi && this.rowSelection() && !modes.includes("multi-row"))) this.selectedRows.clear();
    if (had) {
      if (!(modes.includes("single-row-required") && this.selectedRows.size <= 1)) this.selectedRows.delete(id);
      else this.selectedRows.add(id);
    } else this.selectedRows.add(id);
    this.render();
    if (this.rowSelection()) this.sendSelection();
  }

  toggleColumn(/** @type {string} */ name, multi = false) {
    const modes = this.props.selection_mode || [];
    const had = this.selectedColumns.has(name);
    if (modes.includes("single-column") || !multi) {
      if (!modes.includes("multi-column") || !multi) this.selectedColumns.clear();
    }
    if (!had) this.selectedColumns.add(name);
    this.renderHeader();
    this.render();
    this.sendSelection();
  }

  sendSelection() {
    if (!this.props.id || !(this.props.selection_mode || []).length) return;
    const r = this.range();
    /** @type {[number, string][]} */
    const cells = [];
    if (r && this.cellSelection()) {
      const modes = this.props.selection_mode;
      const single = modes.includes("single-cell");
      for (let pos = single ? this.active.pos : r.top; pos <= (single ? this.active.pos : r.bottom); pos++) {
        const row = this.store.row(pos);
        if (!row) continue;
        for (let c = single ? this.active.col : r.left; c <= (single ? this.active.col : r.right); c++) {
          if (!this.columns[c].index) cells.push([row.id, this.columns[c].name]);
        }
      }
    }
    this.ctx.setValue(this.props.id, {
      selection: { rows: [...this.selectedRows].sort((a, b) => a - b), columns: [...this.selectedColumns], cells },
    });
  }

  // ---- toolbar actions ---------------------------------------------------------------------------

  toggleFullscreen() {
    const on = !this.el.classList.contains("nbs-df--fullscreen");
    this.el.classList.toggle("nbs-df--fullscreen", on);
    this.fullscreenButton.setAttribute("aria-pressed", String(on));
    this.fullscreenButton.replaceChildren(icon(on ? "fullscreen_exit" : "fullscreen"));
    this.scroller.style.height = on ? "" : this.scroller.style.height;
    if (on) this.scroller.dataset.height = this.scroller.style.height;
    this.scroller.style.height = on ? "calc(100vh - 80px)" : this.scroller.dataset.height || "";
    this.render();
  }

  /** Download the (sorted, searched) table as CSV, fetched from the kernel in chunks. */
  async downloadCsv() {
    /** @type {BlobPart[]} */
    const parts = [];
    let start = 0;
    for (;;) {
      const { content, buffers } = await this.ctx.request({ op: "csv", start, stop: start + 200_000, sort: this.sort, search: this.search }, 120000);
      if (buffers[0]) parts.push(/** @type {BlobPart} */ (buffers[0]));
      start += 200_000;
      if (start >= content.rows) break;
    }
    const blob = new Blob(parts, { type: "text/csv;charset=utf-8" });
    const stamp = new Date().toISOString().slice(0, 19).replace(/[T:]/g, "-");
    const a = h("a", { download: `${stamp}_export.csv`, href: URL.createObjectURL(blob) });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }
}

export { RowStore };
