// @ts-check
/**
 * The `width` and `wrap` arguments of the choice widgets, as attributes widgets.css
 * styles: data-width "content" | "stretch" | "pixels" (with an inline width, never wider
 * than the container) and data-wrap "true" | "false" | "auto" (auto: one line in a
 * horizontal container or directly in a column, wrapping elsewhere).
 */
import { on } from "../_base.js";

/** @typedef {import("../_base.js").ComponentContext} ComponentContext */

/**
 * @param {HTMLElement} el @param {string | number | null | undefined} width
 * @param {"content" | "stretch"} fallback  the widget's default width
 */
export function setWidth(el, width, fallback) {
  const pixels = typeof width === "number";
  el.dataset.width = pixels ? "pixels" : width || fallback;
  el.style.width = pixels ? `${width}px` : "";
}

/** @param {HTMLElement} el @param {boolean | null | undefined} wrap */
export function setWrap(el, wrap) {
  el.dataset.wrap = wrap === true ? "true" : wrap === false ? "false" : "auto";
}

/**
 * Hovering a label cut short with an ellipsis shows the whole label as its title.
 * @param {HTMLElement} text @param {ComponentContext} ctx
 */
export function titleWhenCut(text, ctx) {
  on(text, "pointerenter", () => {
    if (text.scrollWidth > text.clientWidth) text.title = text.textContent || "";
    else text.removeAttribute("title");
  }, ctx);
}
