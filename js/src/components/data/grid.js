// @ts-check
/**
 * The virtualized grid of st.dataframe and st.data_editor: the view (view.js) with what
 * users do with it wired on.
 *
 * UI: sort by a click on a header (ascending, descending, off; done by the kernel),
 * resize columns by dragging a header's right edge, resize the table by its corner,
 * search (Ctrl/Cmd+F, in the kernel), copy cells (Ctrl/Cmd+C, tab-separated), CSV
 * download, fullscreen, keyboard navigation, and row / column / cell selection when
 * the element has `selection_mode`.  Editing (data_editor) plugs in through `hooks`.
 *
 * The parts: view.js (DOM, state, the rows in view), cells.js (what a cell shows),
 * header.js (sort, resize), selection.js, keys.js (keyboard, clipboard), toolbar.js.
 */
import { on } from "../_base.js";
import { renderHeader } from "./header.js";
import { copyText, onCopy, onKey } from "./keys.js";
import { cellAt, onCellDown, select } from "./selection.js";
import { Toolbar } from "./toolbar.js";
import { GridView } from "./view.js";

/** @typedef {import("../../types.js").ComponentContext} ComponentContext */
/** @typedef {import("./cells.js").Column} Column */
/** @typedef {import("./store.js").Row} Row */

/**
 * What an editor plugs into the grid: the view's hooks, and `init`, called with the grid
 * before its first render.
 * @typedef {import("./view.js").ViewHooks & {init?: (grid: Grid) => void}} Hooks
 */

export class Grid extends GridView {
  /**
   * @param {ComponentContext} ctx
   * @param {{kind: string, key: string, props: Record<string, any>}} node
   * @param {Hooks} [hooks]
   */
  constructor(ctx, node, hooks = {}) {
    super(ctx, node, hooks);
    this.toolbar = new Toolbar(this);
    this.build();
    hooks.init?.(this);
    this.update(node);
  }

  /** Route the grid's pointer, keyboard and clipboard events to the parts that handle them. */
  build() {
    const ctx = this.ctx;
    on(this.grid, "keydown", (/** @type {KeyboardEvent} */ e) => onKey(this, e), ctx);
    on(this.grid, "copy", (/** @type {ClipboardEvent} */ e) => onCopy(this, e), ctx);
    on(this.grid, "paste", (/** @type {ClipboardEvent} */ e) => this.hooks.paste?.(e), ctx);
    on(this.body, "pointerdown", (/** @type {PointerEvent} */ e) => onCellDown(this, e), ctx);
    on(this.body, "dblclick", (/** @type {MouseEvent} */ e) => {
      const hit = cellAt(e);
      if (hit && this.hooks.edit) this.hooks.edit(hit.pos, hit.col);
    }, ctx);
  }

  /** @param {{props: Record<string, any>}} node */
  update(node) {
    const p = node.props;
    const columnsChanged =
      JSON.stringify([p.columns, p.placeholder]) !== JSON.stringify([this.props.columns, this.props.placeholder]) || !this.columns.length;
    this.props = p;
    this.store.reset(p, (b) => this.readBlob(b));
    if (p.alt) this.grid.setAttribute("aria-label", p.alt);
    else this.grid.removeAttribute("aria-label");
    if (columnsChanged) {
      // `placeholder`: the text of a missing value in every column (None: "None").
      this.columns = (p.columns || []).map((/** @type {any} */ c) => ({ ...c, placeholder: p.placeholder ?? null }));
      this.natural = this.columns.map((c) => this.initialWidth(c));
      this.resized = false;
      if (this.sort && !this.columns.some((c) => c.field === this.sort?.[0])) this.sort = null;
    }
    this.applySize();
    const refit = this.fit();
    if (columnsChanged || refit) renderHeader(this);
    const sel = p.value?.selection;
    if (sel && this.rowSelection()) this.selectedRows = new Set(sel.rows);
    if (sel && this.columnSelection()) this.selectedColumns = new Set(sel.columns);
    if (sel?.cells?.length && this.cellSelection() && this.active.pos < 0 && !this.sort && !this.search) {
      // The kernel's cells (`selection_default`) before any click: the range they span.
      const at = (/** @type {[number, string]} */ [row, name]) => ({ pos: row, col: this.columns.findIndex((c) => c.name === name && !c.index) });
      const first = at(sel.cells[0]);
      const last = at(sel.cells[sel.cells.length - 1]);
      if (first.col >= 0 && last.col >= 0) Object.assign(this, { anchor: first, active: last });
    }
    this.clearRows();
    this.render();
  }

  relayout() {
    renderHeader(this);
    this.clearRows();
  }

  /** Make a cell active; with `extend`, grow the range to it. */
  select(/** @type {number} */ pos, /** @type {number} */ col, extend = false) {
    select(this, pos, col, extend);
  }

  /** The cell (or row marker, col -1) an event happened on. @param {MouseEvent} e */
  cellAt(e) {
    return cellAt(e);
  }

  /** A cell as copied text. @param {Column} col @param {Row} row */
  copyText(col, row) {
    return copyText(col, row);
  }
}
