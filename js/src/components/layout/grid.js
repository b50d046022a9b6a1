// @ts-check
/**
 * grid_container (elements/layout/grid.py) and skeleton (elements/layout/skeleton.py).
 *
 * A grid's slot is a CSS grid: a fixed number of columns, or as many as fit at
 * min_column_width ("auto": 200px); each child fills the next cell.
 */
import { h } from "../_base.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").WireNode} WireNode */

const GAPS = /** @type {Record<string, string>} */ ({
  xxsmall: "0.25rem", xsmall: "0.5rem", small: "1rem", medium: "2rem", large: "4rem", xlarge: "6rem", xxlarge: "8rem",
});

/** @param {string | number | null | undefined} gap */
export function gapLength(gap) {
  if (typeof gap === "number") return `${gap}px`;
  return gap == null ? "0" : GAPS[gap] || "1rem";
}

/** @type {Component} */
export function grid_container(node) {
  const el = h("div", { class: "nbs-grid" });
  let keyClass = "";
  const update = (/** @type {WireNode} */ n) => {
    const p = n.props;
    const min = typeof p.min_column_width === "number" ? `${p.min_column_width}px` : "200px";
    el.style.gridTemplateColumns = typeof p.columns === "number"
      ? (p.wrap ? `repeat(${p.columns}, minmax(min(${min}, 100%), 1fr))` : `repeat(${p.columns}, minmax(0, 1fr))`)
      : `repeat(auto-fill, minmax(min(${min}, 100%), 1fr))`;
    el.style.rowGap = gapLength(p.row_gap);
    el.style.columnGap = gapLength(p.column_gap);
    el.style.gridAutoRows = typeof p.row_height === "number" ? `${p.row_height}px` : "auto";
    el.style.gridAutoFlow = p.dense ? "row dense" : "row";
    el.style.alignItems = { top: "start", center: "center", bottom: "end" }[/** @type {"top"} */ (p.vertical_alignment)] || "start";
    el.style.width = typeof p.width === "number" ? `${p.width}px` : "";
    el.style.height = typeof p.height === "number" ? `${p.height}px` : "";
    el.classList.toggle("nbs-grid--border", Boolean(p.border));
    if (keyClass) el.classList.remove(keyClass);
    keyClass = p.key ? `st-key-${String(p.key).replace(/[^\w-]/g, "-")}` : "";
    if (keyClass) el.classList.add(keyClass);
  };
  update(node);
  return { el, slot: el, update };
}

/** @type {Component} */
export function skeleton(node) {
  const el = h("div", { class: "nbs-skeleton", "aria-busy": "true", "aria-label": "Loading" });
  const update = (/** @type {WireNode} */ n) => {
    const { height, width } = n.props;
    el.style.height = typeof height === "number" ? `${height}px` : height === "stretch" ? "100%" : "";
    el.style.width = typeof width === "number" ? `${width}px` : "";
  };
  update(node);
  return { el, update };
}
