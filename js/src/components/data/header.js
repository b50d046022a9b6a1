// @ts-check
/**
 * The header row: column labels and help, a click to sort (ascending, descending, off;
 * done by the kernel) or to select a column, and dragging a header's right edge to resize.
 */
import { h, icon, on } from "../_base.js";
import { sendSelection } from "./selection.js";

/** @typedef {import("./view.js").GridView} GridView */
/** @typedef {import("./cells.js").Column} Column */

/** @param {GridView} grid */
export function renderHeader(grid) {
  const cells = [];
  if (grid.hasRowMarkers()) cells.push(h("div", { class: "nbs-df-marker nbs-df-hcell", role: "columnheader", "aria-label": "Row selection" }));
  grid.columns.forEach((col, i) => {
    const sorted = grid.sort?.[0] === col.field ? grid.sort[1] : null;
    const label = h("span", { class: "nbs-df-hlabel" }, col.label ?? col.name);
    const cell = h(
      "div",
      {
        class: `nbs-df-hcell${col.index ? " nbs-df-index" : ""}${col.pinned ? " nbs-df-pinned" : ""}`,
        role: "columnheader",
        "aria-colindex": i + 1,
        "aria-sort": sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none",
        "aria-selected": grid.columnSelection() ? String(grid.selectedColumns.has(col.name)) : null,
        title: col.help || null,
        "data-field": col.field,
      },
      label,
    );
    if (grid.hooks.editable?.(col)) cell.prepend(h("span", { class: "nbs-df-editable", title: "Editable column" }, icon("edit")));
    if (col.help) cell.append(h("span", { class: "nbs-df-help", "aria-hidden": "true" }, icon("help")));
    if (sorted) cell.append(h("span", { class: "nbs-df-sort" }, icon(sorted === "asc" ? "arrow_upward" : "arrow_downward")));
    const grip = h("span", { class: "nbs-df-resize", "aria-hidden": "true" });
    cell.append(grip);
    cell.style.width = `${grid.widths[i]}px`;
    on(cell, "click", (/** @type {MouseEvent} */ e) => {
      if (e.target === grip) return;
      if (grid.columnSelection() && !col.index) toggleColumn(grid, col.name, e.shiftKey || e.ctrlKey || e.metaKey);
      else cycleSort(grid, col);
    }, grid.ctx);
    on(grip, "pointerdown", (/** @type {PointerEvent} */ e) => startResize(grid, e, i), grid.ctx);
    cells.push(cell);
  });
  grid.header.replaceChildren(...cells);
  grid.positionPinned(grid.header);
  grid.grid.setAttribute("aria-colcount", String(grid.columns.length));
}

/** @param {GridView} grid @param {Column} col */
function cycleSort(grid, col) {
  if (grid.props.num_rows === "dynamic") return; // as Streamlit: no sorting while rows can be added
  const now = grid.sort?.[0] === col.field ? grid.sort[1] : null;
  grid.sort = now === null ? [col.field, "asc"] : now === "asc" ? [col.field, "desc"] : null;
  renderHeader(grid);
  grid.setView();
}

/** @param {GridView} grid @param {PointerEvent} e @param {number} i */
function startResize(grid, e, i) {
  e.preventDefault();
  e.stopPropagation();
  const startX = e.clientX, startW = grid.widths[i];
  const move = (/** @type {PointerEvent} */ ev) => {
    grid.resized = true;
    grid.widths[i] = Math.max(40, Math.round(startW + ev.clientX - startX));
    renderHeader(grid);
    grid.clearRows();
    grid.render();
  };
  const up = () => {
    window.removeEventListener("pointermove", move);
    window.removeEventListener("pointerup", up);
  };
  window.addEventListener("pointermove", move);
  window.addEventListener("pointerup", up);
}

/** @param {GridView} grid */
function toggleColumn(grid, /** @type {string} */ name, multi = false) {
  const modes = grid.props.selection_mode || [];
  const had = grid.selectedColumns.has(name);
  if (modes.includes("single-column") || !multi) {
    if (!modes.includes("multi-column") || !multi) grid.selectedColumns.clear();
  }
  if (!had) grid.selectedColumns.add(name);
  renderHeader(grid);
  grid.render();
  sendSelection(grid);
}
