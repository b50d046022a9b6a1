// @ts-check
/**
 * st.help: an object's name, signature, type, value, docstring and public members.
 */
import { h } from "../_base.js";
import { applyWidth } from "./_layout.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").WireNode} WireNode */

/** @param {Record<string, any>} p */
function helpContent(p) {
  const head = h("div", { class: "nbs-help-head" },
    h("span", { class: "nbs-help-name" }, p.name || ""),
    p.signature ? h("span", { class: "nbs-help-signature" }, p.signature) : null,
    p.type ? h("span", { class: "nbs-help-type" }, p.type) : null);
  /** @type {HTMLElement[]} */
  const parts = [head];
  if (p.value) parts.push(h("pre", { class: "nbs-help-value" }, p.value));
  parts.push(h("pre", { class: "nbs-help-doc" }, p.doc || "No docs available"));
  const members = /** @type {{name: string, type: string, doc: string}[]} */ (p.members || []);
  if (members.length) {
    const rows = members.map((m) => h("tr", {},
      h("td", { class: "nbs-help-member-name" }, m.name),
      h("td", { class: "nbs-help-member-type" }, m.type),
      h("td", { class: "nbs-help-member-doc" }, m.doc || "")));
    parts.push(h("table", { class: "nbs-help-members" },
      h("thead", {}, h("tr", {}, h("th", {}, "Name"), h("th", {}, "Type"), h("th", {}, "Description"))),
      h("tbody", {}, ...rows)));
  }
  return parts;
}

/** @type {Component} */
export function help(node) {
  const el = h("div", { class: "nbs-help-element" });
  let last = "";
  const update = (/** @type {WireNode} */ n) => {
    const key = JSON.stringify(n.props);
    if (key === last) return;
    last = key;
    applyWidth(el, n.props.width);
    el.replaceChildren(...helpContent(n.props));
  };
  update(node);
  return { el, update };
}
