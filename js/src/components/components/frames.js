// @ts-check
/**
 * Static frames: components.html (srcdoc) and components.iframe (src), drawn by
 * elements/components/frames.py.  The kernel sets the sandbox flags; they never include
 * allow-same-origin, so the frame's scripts cannot reach this page.
 */
import { h } from "../_base.js";

/** @typedef {import("../_base.js").Component} Component */

/**
 * Apply a frame's size, scrolling and tab order props.
 * @param {HTMLIFrameElement} frame @param {Record<string, any>} p
 */
export function sizeFrame(frame, p) {
  frame.style.width = typeof p.width === "number" ? `${p.width}px` : "100%";
  if (typeof p.height === "number") frame.style.height = `${p.height}px`;
  frame.setAttribute("scrolling", p.scrolling ? "auto" : "no");
  if (typeof p.tab_index === "number") frame.tabIndex = p.tab_index;
  else frame.removeAttribute("tabindex");
}

/** @type {Component} */
export function iframe(node, ctx) {
  const frame = /** @type {HTMLIFrameElement} */ (h("iframe", { class: "nbs-iframe", title: "st.iframe" }));
  const el = h("div", { class: "nbs-iframe-wrap" }, frame);
  /** @type {Record<string, any>} */
  let last = {};
  /** @param {Record<string, any>} p */
  const update = (p) => {
    frame.setAttribute("sandbox", String(p.sandbox ?? ""));
    sizeFrame(frame, p);
    if (p.srcdoc !== last.srcdoc || p.src !== last.src) {
      if (typeof p.srcdoc === "string") frame.srcdoc = p.srcdoc;
      else {
        frame.removeAttribute("srcdoc");
        frame.src = String(p.src ?? "about:blank");
      }
    }
    last = p;
  };
  update(node.props);
  void ctx;
  return { el, update: (n) => update(n.props) };
}
