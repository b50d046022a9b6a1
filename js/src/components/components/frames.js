// @ts-check
/**
 * Static frames: components.html (srcdoc), components.iframe (src) and st.iframe (either),
 * drawn by elements/components/frames.py and embed_frame.py.  The kernel sets the sandbox flags; they never include
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

/**
 * Added to an st.iframe HTML frame of height "content": the sandboxed frame reports its
 * document's height, as the app cannot look into it.
 */
export const MEASURE =
  "<script>(()=>{const send=()=>parent.postMessage({nbstreamFrameHeight:" +
  "Math.ceil(document.documentElement.getBoundingClientRect().height)},'*');" +
  "new ResizeObserver(send).observe(document.documentElement);addEventListener('load',send);})()</script>";

/** The largest height a frame may ask for (a runaway document must not grow the page forever). */
const MAX_AUTO_HEIGHT = 20000;

/** @type {Component} */
export function iframe(node, ctx) {
  const frame = /** @type {HTMLIFrameElement} */ (h("iframe", { class: "nbs-iframe", title: "st.iframe" }));
  const el = h("div", { class: "nbs-iframe-wrap" }, frame);
  /** @type {Record<string, any>} */
  let last = {};
  window.addEventListener(
    "message",
    (e) => {
      if (!last.auto_height || e.source !== frame.contentWindow) return;
      const height = e.data?.nbstreamFrameHeight;
      if (typeof height === "number" && Number.isFinite(height) && height >= 0)
        frame.style.height = `${Math.min(height, MAX_AUTO_HEIGHT)}px`;
    },
    { signal: ctx.signal },
  );
  /** @param {Record<string, any>} p */
  const update = (p) => {
    frame.setAttribute("sandbox", String(p.sandbox ?? ""));
    frame.title = String(p.title ?? "st.iframe");
    const grown = p.auto_height && last.auto_height && p.srcdoc === last.srcdoc;
    if (!grown) sizeFrame(frame, p);
    if (p.stretch_height) frame.style.height = "100%";
    el.classList.toggle("nbs-iframe-stretch", !!p.stretch_height);
    if (p.srcdoc !== last.srcdoc || p.src !== last.src || p.auto_height !== last.auto_height) {
      if (typeof p.srcdoc === "string") frame.srcdoc = p.auto_height ? p.srcdoc + MEASURE : p.srcdoc;
      else {
        frame.removeAttribute("srcdoc");
        frame.src = String(p.src ?? "about:blank");
      }
    }
    last = p;
  };
  update(node.props);
  return { el, update: (n) => update(n.props) };
}
