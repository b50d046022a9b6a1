// @ts-check
/**
 * Selecting: the active cell and the range to its anchor, rows (by their markers) and
 * cells by pointer, and the selection a dataframe with `on_select` sends to the kernel.
 */
import { HEADER_HEIGHT } from "./view.js";

/** @typedef {import("./view.js").GridView} GridView */

/** The cell (or row marker, col -1) an event happened on. @param {MouseEvent} e */
export function cellAt(e) {
  const cell = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (e.target).closest?.(".nbs-df-cell, .nbs-df-marker"));
  const rowEl = cell?.closest?.(".nbs-df-row");
  if (!cell || !rowEl) return null;
  const pos = Number(rowEl.getAttribute("aria-rowindex")) - 2;
  if (cell.classList.contains("nbs-df-marker")) return { pos, col: -1, cell };
  return { pos, col: Number(cell.dataset.col), cell };
}

/** @param {GridView} grid @param {PointerEvent} e */
export function onCellDown(grid, e) {
  const hit = cellAt(e);
  if (!hit) return;
  if (hit.col === -1) {
    const row = grid.store.row(hit.pos);
    if (row) toggleRow(grid, row.id, e.shiftKey || e.ctrlKey || e.metaKey);
    return;
  }
  if (grid.hooks.click?.(hit.pos, hit.col, hit.cell)) return;
  select(grid, hit.pos, hit.col, e.shiftKey);
  grid.grid.focus({ preventScroll: true });
  if (grid.cellSelection()) sendSelection(grid);
}

/**
 * Make a cell active; with `extend`, grow the range to it.
 * @param {GridView} grid
 */
export function select(grid, /** @type {number} */ pos, /** @type {number} */ col, extend = false) {
  grid.active = { pos, col };
  if (!extend) grid.anchor = { pos, col };
  scrollIntoView(grid, pos, col);
  grid.render();
}

/** @param {GridView} grid */
function scrollIntoView(grid, /** @type {number} */ pos, /** @type {number} */ col) {
  const { rh, shift } = grid.viewport();
  const top = pos * rh - shift;
  const viewH = grid.scroller.clientHeight - HEADER_HEIGHT;
  if (viewH > 0) {
    if (top < grid.scroller.scrollTop) grid.scroller.scrollTop = top;
    else if (top + rh > grid.scroller.scrollTop + viewH) grid.scroller.scrollTop = top + rh - viewH;
  }
  let left = 0;
  for (let i = 0; i < col; i++) left += grid.widths[i];
  const w = grid.widths[col] || 0;
  const viewW = grid.scroller.clientWidth;
  if (viewW > 0) {
    if (left < grid.scroller.scrollLeft) grid.scroller.scrollLeft = left;
    else if (left + w > grid.scroller.scrollLeft + viewW) grid.scroller.scrollLeft = left + w - viewW;
  }
}

/** @param {GridView} grid */
export function toggleRow(grid, /** @type {number} */ id, multi = false) {
  const modes = grid.props.selection_mode || [];
  const single = modes.includes("single-row") || modes.includes("single-row-required") || (!grid.rowSelection() && false);
  const had = grid.selectedRows.has(id);
  if (single || (!multi && grid.rowSelection() && !modes.includes("multi-row"))) grid.selectedRows.clear();
  if (had) {
    if (!(modes.includes("single-row-required") && grid.selectedRows.size <= 1)) grid.selectedRows.delete(id);
    else grid.selectedRows.add(id);
  } else grid.selectedRows.add(id);
  grid.render();
  if (grid.rowSelection()) sendSelection(grid);
}

/** @param {GridView} grid */
export function sendSelection(grid) {
  if (!grid.props.id || !(grid.props.selection_mode || []).length) return;
  const r = grid.range();
  /** @type {[number, string][]} */
  const cells = [];
  if (r && grid.cellSelection()) {
    const modes = grid.props.selection_mode;
    const single = modes.includes("single-cell");
    for (let pos = single ? grid.active.pos : r.top; pos <= (single ? grid.active.pos : r.bottom); pos++) {
      const row = grid.store.row(pos);
      if (!row) continue;
      for (let c = single ? grid.active.col : r.left; c <= (single ? grid.active.col : r.right); c++) {
        if (!grid.columns[c].index) cells.push([row.id, grid.columns[c].name]);
      }
    }
  }
  grid.ctx.setValue(grid.props.id, {
    selection: { rows: [...grid.selectedRows].sort((a, b) => a - b), columns: [...grid.selectedColumns], cells },
  });
}
