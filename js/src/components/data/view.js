// @ts-check
/**
 * The grid's DOM, state and rows: only the rows in view exist in the DOM (and only the
 * pages near them in memory), so a table of any length scrolls smoothly.  What users do
 * with it (header, selection, keys, toolbar) is wired on top by grid.js.
 */
import { h, on } from "../_base.js";
import { displayText, fillCell } from "./cells.js";
import { RowStore } from "./store.js";

/** @typedef {import("../../types.js").ComponentContext} ComponentContext */
/** @typedef {import("./store.js").Row} Row */
/** @typedef {import("./cells.js").Column} Column */

export const ROW_HEIGHT = 35;
export const HEADER_HEIGHT = 35;
/** Element heights browsers handle; taller tables map their scroll range onto this. */
const MAX_SCROLL_PX = 8_000_000;
const OVERSCAN = 6;
const WIDTHS = { small: 75, medium: 200, large: 400 };
const CELL_PADDING = 10;

/** @type {CanvasRenderingContext2D | null | undefined} */
let measurer;

/**
 * A text's width in pixels in the grid's font (7.5 px a character where no canvas is).
 * @param {string} text @param {HTMLElement} el
 */
export function textWidth(text, el) {
  if (measurer === undefined) {
    try {
      measurer = document.createElement("canvas").getContext("2d") || null;
    } catch {
      measurer = null;
    }
  }
  if (!measurer) return text.length * 7.5;
  const style = el.isConnected ? getComputedStyle(el) : null;
  measurer.font = `${style?.fontSize || "14px"} ${style?.fontFamily || "sans-serif"}`;
  return measurer.measureText(text).width;
}

/**
 * Give a cell whose text is cut a tooltip with all of it (and take it off when it fits).
 * @param {HTMLElement} target
 */
function showFullText(target) {
  const cell = /** @type {HTMLElement | null} */ (target.closest?.(".nbs-df-cell"));
  const text = cell?.querySelector(".nbs-df-text");
  if (!cell || !text) return;
  const cut = text.scrollWidth > text.clientWidth + 1 || cell.scrollWidth > cell.clientWidth + 1;
  if (cut) cell.title = text.textContent || "";
  else cell.removeAttribute("title");
}

/**
 * What an editor (data_editor) plugs into the grid.
 * @typedef {Object} ViewHooks
 * @property {(pos: number, col: number, text?: string) => void} [edit]   start editing a cell
 * @property {(col: Column) => boolean} [editable]   whether a column takes edits (its header shows a pencil)
 * @property {(event: KeyboardEvent) => boolean} [key]   editing keys; true when handled
 * @property {(event: ClipboardEvent) => void} [paste]
 * @property {(pos: number, col: number, cell: HTMLElement) => boolean} [click]  a click on a cell; true when handled
 * @property {(cell: HTMLElement, pos: number, col: number, row: Row) => void} [decorate]
 * @property {HTMLElement[]} [tools]   extra toolbar buttons
 * @property {() => HTMLElement | null} [footer]
 */

export class GridView {
  /**
   * @param {ComponentContext} ctx
   * @param {{kind: string, key: string, props: Record<string, any>}} node
   * @param {ViewHooks} hooks
   */
  constructor(ctx, node, hooks) {
    this.ctx = ctx;
    this.hooks = hooks;
    this.props = node.props;
    /** @type {Column[]} */
    this.columns = [];
    /** @type {number[]} the columns' widths as drawn */
    this.widths = [];
    /** @type {number[]} the widths their content asks for (before stretching) */
    this.natural = [];
    /** True once the user dragged a column's edge: widths stay as they left them. */
    this.resized = false;
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
    this.status = h("div", { class: "nbs-df-status", "aria-live": "polite" });
    this.grid = h("div", { class: "nbs-df-grid", role: "grid", tabindex: 0, "aria-multiselectable": "true" }, this.scroller);
    this.el = h("div", { class: "nbs-df" }, this.grid, this.status);
    /** @type {number} */
    this.frame = 0;
    on(this.scroller, "scroll", () => this.schedule(), ctx, { passive: true });
    // A cell whose text is cut shows all of it on hover, as Streamlit's grid does.
    on(this.body, "pointerover", (/** @type {PointerEvent} */ e) => showFullText(/** @type {HTMLElement} */ (e.target)), ctx);
    if (typeof ResizeObserver !== "undefined") {
      const ro = new ResizeObserver(() => {
        if (this.fit()) this.relayout();
        this.schedule();
      });
      ro.observe(this.scroller);
      ctx.signal.addEventListener("abort", () => ro.disconnect());
    }
  }

  /** The bytes of a table buffer in the props (inline, or a blob of the wire message). @param {any} ref */
  readBlob(ref) {
    if (!ref) return null;
    if (ref instanceof ArrayBuffer || ArrayBuffer.isView(ref)) return ref;
    if (typeof ref === "object" && ref.$blob) return this.ctx.blob(ref.$blob) || null;
    return null;
  }

  // ---- sizes ------------------------------------------------------------------------------------

  applySize() {
    const p = this.props;
    const rows = Math.max(1, this.store.count() + (this.hooks.footer ? 1 : 0));
    let height = typeof p.height === "number" ? p.height : Math.min(rows, 10) * ROW_HEIGHT + HEADER_HEIGHT;
    if (p.row_height) height = typeof p.height === "number" ? p.height : Math.min(rows, 10) * p.row_height + HEADER_HEIGHT;
    this.scroller.style.height = `${height}px`;
    this.el.style.width = typeof p.width === "number" ? `${p.width}px` : p.width === "content" ? "fit-content" : "";
    this.el.style.maxWidth = "100%";
    this.el.style.setProperty("--nbs-df-row", `${this.rowHeight()}px`);
  }

  rowHeight() {
    return this.props.row_height || ROW_HEIGHT;
  }

  /**
   * Stretch the columns over the grid's width, as Streamlit's grid does: the space the
   * content leaves is shared equally by the columns without a width of their own (not the
   * index).  A grid sized to its content ("content") and one whose columns the user
   * resized keep their widths.  Returns whether a width changed.
   */
  fit() {
    if (this.resized) return false;
    const before = this.widths.join(",");
    this.widths = [...this.natural];
    const room = this.scroller.clientWidth - (this.hasRowMarkers() ? 34 : 0) - this.natural.reduce((a, b) => a + b, 0);
    const growing = this.columns.flatMap((c, i) => (c.index || c.width != null ? [] : [i]));
    if (this.props.width !== "content" && room > 0 && growing.length) {
      const share = Math.floor(room / growing.length);
      for (const i of growing) this.widths[i] += share;
      this.widths[growing[growing.length - 1]] += room - share * growing.length;
    }
    return this.widths.join(",") !== before;
  }

  /** Redraw the header and rows after the widths changed (the grid adds the header). */
  relayout() {
    this.clearRows();
  }

  /** @param {Column} col */
  initialWidth(col) {
    if (typeof col.width === "number") return col.width;
    if (col.width && col.width in WIDTHS) return WIDTHS[/** @type {"small"} */ (col.width)];
    // Sized to the header and the first rows' text, as measured in the grid's font (an image
    // column's URLs are not shown, so they do not count).
    const texts = [String(col.label ?? col.name ?? "")];
    const sample = this.store?.local?.length ? this.store.local : [];
    if (col.type !== "image") for (const row of sample.slice(0, 50)) texts.push(displayText(col, row));
    let px = Math.max(...texts.map((t) => textWidth(t, this.el)));
    if (col.type === "checkbox") px = Math.max(px, 40);
    if (col.type === "image") px = Math.max(px, this.rowHeight() * 2);
    if (["line_chart", "bar_chart", "area_chart", "progress"].includes(col.type)) px = Math.max(px, 130);
    return Math.round(Math.min(400, Math.max(50, px + 2 * CELL_PADDING + (col.help ? 16 : 0))));
  }

  // ---- what is selected ----------------------------------------------------------------------------

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

  // ---- rows ------------------------------------------------------------------------------------

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

  /** Show the rows of the current sort and search, from the top. */
  setView() {
    this.store.setView({ sort: this.sort, search: this.search });
    this.scroller.scrollTop = 0;
    this.clearRows();
    this.render();
  }

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

  /**
   * Draw a row's value into an empty cell element (search matches marked).
   * @param {HTMLElement} cell @param {Column} col @param {Row} row
   */
  fillCell(cell, col, row) {
    fillCell(cell, col, row, this.search, this.ctx);
  }
}
