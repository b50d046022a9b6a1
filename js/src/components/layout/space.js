// @ts-check
/**
 * space (elements/layout/space.py): empty space along the container's direction, a
 * named size, "stretch" (grows into what is left) or pixels.  containers.css turns
 * --nbs-space-size into a height, or into a width in a horizontal container.
 */
import { h } from "../_base.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").WireNode} WireNode */

/** The named sizes, as Streamlit's spacing scale. */
export const SPACE_SIZES = /** @type {Record<string, string>} */ ({
  xxsmall: "0.25rem",
  xsmall: "0.5rem",
  small: "0.75rem",
  medium: "2.5rem",
  large: "4.25rem",
  xlarge: "6rem",
  xxlarge: "8rem",
});

/** @type {Component} */
export function space(node) {
  const el = h("div", { class: "nbs-space", "aria-hidden": "true" });
  const update = (/** @type {WireNode} */ n) => {
    const size = n.props.size;
    el.dataset.size = typeof size === "number" ? "pixels" : String(size);
    const length = typeof size === "number" ? `${size}px` : SPACE_SIZES[size] || "";
    el.style.setProperty("--nbs-space-size", length);
  };
  update(node);
  return { el, update };
}
