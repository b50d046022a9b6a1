// @ts-check
/**
 * st.html (elements/components/html.py): HTML inserted into the page, not a frame.
 * DOMPurify removes scripts and event handlers; CSS (<style>, style="") is kept, as
 * Streamlit documents.
 */
import DOMPurify from "dompurify";
import { h } from "../_base.js";

/** @typedef {import("../_base.js").Component} Component */

/** @param {string} body */
export function sanitize(body) {
  return DOMPurify.sanitize(body, { FORCE_BODY: true, ADD_TAGS: ["style"] });
}

/** @type {Component} */
export function html(node) {
  const el = h("div", { class: "nbs-html" });
  /** @type {string | undefined} */
  let last;
  /** @param {Record<string, any>} p */
  const update = (p) => {
    if (p.body !== last) el.innerHTML = sanitize(String(p.body ?? ""));
    last = p.body;
    el.style.width = typeof p.width === "number" ? `${p.width}px` : p.width === "content" ? "fit-content" : "";
  };
  update(node.props);
  return { el, update: (n) => update(n.props) };
}
