// @ts-check
/**
 * The keyboard and the clipboard: moving the active cell (arrows, Page Up/Down, Home,
 * End; Shift extends the range), Space to select a row, and copying the selected cells
 * as tab-separated text.
 */
import { displayText } from "./cells.js";
import { select, sendSelection, toggleRow } from "./selection.js";
import { HEADER_HEIGHT } from "./view.js";

/** @typedef {import("./view.js").GridView} GridView */
/** @typedef {import("./cells.js").Column} Column */
/** @typedef {import("./store.js").Row} Row */

/** @param {GridView} grid @param {KeyboardEvent} e */
export function onKey(grid, e) {
  if (grid.hooks.key?.(e)) return;
  const mod = e.ctrlKey || e.metaKey;
  const { pos, col } = grid.active;
  const last = grid.store.count() - 1, lastCol = grid.columns.length - 1;
  const page = Math.max(1, Math.floor((grid.scroller.clientHeight - HEADER_HEIGHT) / grid.rowHeight()));
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
    if (pos < 0) return select(grid, 0, 0);
    const [p, c] = move();
    select(grid, Math.max(0, Math.min(last, p)), Math.max(0, Math.min(lastCol, c)), e.shiftKey);
    if (grid.cellSelection()) sendSelection(grid);
    return;
  }
  if (mod && e.key.toLowerCase() === "c") copySelection(grid);
  if (e.key === " " && grid.rowSelection() && pos >= 0) {
    e.preventDefault();
    const row = grid.store.row(pos);
    if (row) toggleRow(grid, row.id, true);
  }
}

/**
 * The selected cells as tab-separated text (the rows in memory).
 * @param {GridView} grid
 */
function selectionText(grid) {
  const r = grid.range();
  if (!r) return "";
  const lines = [];
  for (let pos = r.top; pos <= r.bottom; pos++) {
    const row = grid.store.row(pos);
    if (!row) return null;
    const cells = [];
    for (let c = r.left; c <= r.right; c++) cells.push(copyText(grid.columns[c], row));
    lines.push(cells.join("\t"));
  }
  return lines.join("\n");
}

/** A cell as copied text (tabs and newlines become spaces). @param {Column} col @param {Row} row */
export function copyText(col, row) {
  const value = row.values[col.field];
  if (value === null || value === undefined) return "";
  return displayText(col, row).replace(/[\t\n]/g, " ");
}

/** @param {GridView} grid @param {ClipboardEvent} e */
export function onCopy(grid, e) {
  if (/** @type {HTMLElement} */ (e.target).closest?.("input, textarea")) return;
  const text = selectionText(grid);
  if (text === null) return copySelection(grid);
  if (!text) return;
  e.preventDefault();
  e.clipboardData?.setData("text/plain", text);
  grid.lastCopied = text;
}

/**
 * Copy through the Clipboard API (fetching rows not in memory first).
 * @param {GridView} grid
 */
async function copySelection(grid) {
  const r = grid.range();
  if (!r) return;
  let text = selectionText(grid);
  if (text === null) {
    const rows = await grid.store.range(r.top, r.bottom + 1);
    text = rows.map((row) => grid.columns.slice(r.left, r.right + 1).map((c) => copyText(c, row)).join("\t")).join("\n");
  }
  grid.lastCopied = text;
  try {
    await navigator.clipboard?.writeText(text);
  } catch {
    /* the copy event path has already put it there, or the page may not use the clipboard */
  }
}
