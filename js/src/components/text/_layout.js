// @ts-check
/**
 * The layout props text-like elements share (Streamlit 1.67): `width`, `text_alignment`
 * and `wrap`, and the icon a heading may carry.
 */
import { h, propIcon } from "../_base.js";

/**
 * "stretch" (no inline size: the container's width), "content" (fit, at most the
 * container's), "auto" (stretch in a column, content in a horizontal container: the
 * container's CSS decides) or a number of pixels (at most the container's).
 * @param {HTMLElement} el @param {string | number | null | undefined} width
 */
export function applyWidth(el, width) {
  const pixels = typeof width === "number";
  el.dataset.width = pixels ? "pixels" : String(width || "stretch");
  el.style.width = pixels ? `${width}px` : width === "content" ? "fit-content" : "";
  el.style.maxWidth = pixels || width === "content" ? "100%" : "";
}

/** @param {HTMLElement} el @param {string | null | undefined} align */
export function applyTextAlignment(el, align) {
  el.style.textAlign = align && align !== "left" ? align : "";
}

/**
 * `wrap=False`: one line, ellipsized; hovering a truncated line shows it whole (a
 * `title` set only while the text does not fit, so short text gets no tooltip).
 * @param {HTMLElement} el the element that holds the class
 * @param {HTMLElement} line the element that truncates
 * @param {boolean | undefined} wrap
 */
export function applyWrap(el, line, wrap) {
  const nowrap = wrap === false;
  el.classList.toggle("nbs-one-line", nowrap);
  if (nowrap && !line.dataset.truncationTip) {
    line.dataset.truncationTip = "";
    line.addEventListener("mouseenter", () => {
      if (!el.classList.contains("nbs-one-line")) return line.removeAttribute("title");
      if (line.scrollWidth > line.clientWidth) line.title = line.textContent || "";
      else line.removeAttribute("title");
    });
  }
  if (!nowrap) line.removeAttribute("title");
}

/**
 * A heading's icon: an emoji, a Material icon or "spinner"; decorative (hidden from
 * the accessible name, and not part of the anchor, which is made from the text).
 * @param {string | null | undefined} value
 * @returns {HTMLElement | null}
 */
export function headingIcon(value) {
  if (!value) return null;
  const el = value === "spinner" ? h("span", { class: "nbs-spinner-icon nbs-prop-icon" }) : /** @type {HTMLElement} */ (propIcon(value));
  el.classList.add("nbs-heading-icon");
  el.setAttribute("aria-hidden", "true");
  return el;
}
