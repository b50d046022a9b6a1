// @ts-check
/**
 * st.html (elements/components/html.py): HTML inserted into the page, not a frame.
 * DOMPurify removes scripts and event handlers; CSS (<style>, style="") is kept, as
 * Streamlit documents.  With `unsafe_allow_javascript` the HTML goes in as it is and
 * its scripts run (the app's explicit choice).
 */
import DOMPurify from "dompurify";
import { h } from "../_base.js";

/** @typedef {import("../_base.js").Component} Component */

/** @param {string} body */
export function sanitize(body) {
  return DOMPurify.sanitize(body, { FORCE_BODY: true, ADD_TAGS: ["style"] });
}

/**
 * Insert HTML unsanitized and run its scripts, in document order (a script set through
 * innerHTML never runs: each is replaced by a fresh copy, which does).
 * @param {HTMLElement} el @param {string} body
 */
export function insertWithScripts(el, body) {
  el.innerHTML = body;
  for (const old of Array.from(el.querySelectorAll("script"))) {
    const script = document.createElement("script");
    for (const attr of Array.from(old.attributes)) script.setAttribute(attr.name, attr.value);
    script.async = false;
    script.textContent = old.textContent;
    old.replaceWith(script);
  }
}

/** @type {Component} */
export function html(node) {
  const el = h("div", { class: "nbs-html" });
  /** @type {Record<string, any>} */
  let last = {};
  /** @param {Record<string, any>} p */
  const update = (p) => {
    if (p.body !== last.body || Boolean(p.unsafe_allow_javascript) !== Boolean(last.unsafe_allow_javascript)) {
      if (p.unsafe_allow_javascript) insertWithScripts(el, String(p.body ?? ""));
      else el.innerHTML = sanitize(String(p.body ?? ""));
    }
    last = p;
    el.style.width = typeof p.width === "number" ? `${p.width}px` : p.width === "content" ? "fit-content" : "";
  };
  update(node.props);
  return { el, update: (n) => update(n.props) };
}
