// @ts-check
/**
 * Alerts: success, info, warning, error callouts, and exception (type, message and a
 * collapsible traceback).
 */
import { h, propIcon } from "../_base.js";
import { codeBlock } from "../text/text.js";
import { applyWidth } from "../text/_layout.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").WireNode} WireNode */

/**
 * @param {"success" | "info" | "warning" | "error"} level
 * @returns {Component}
 */
function alert(level) {
  return (node, ctx) => {
    const title = h("div", { class: "nbs-alert-title" });
    const body = h("div", { class: "nbs-alert-body" });
    const content = h("div", { class: "nbs-alert-content" }, title, body);
    const el = h("div", { class: `nbs-alert nbs-alert--${level}`, role: "alert" }, content);
    /** @type {Record<string, any>} */
    let last = {};
    const update = (/** @type {WireNode} */ n) => {
      const p = n.props;
      if (p.icon !== last.icon) {
        el.querySelector(".nbs-alert-icon")?.remove();
        const icon = propIcon(p.icon);
        if (icon) el.prepend(h("span", { class: "nbs-alert-icon" }, icon));
      }
      if (p.body !== last.body) body.replaceChildren(ctx.markdown(p.body ?? ""));
      if (p.title !== last.title) {
        // The title: bold, inline Markdown only (as a widget label), above the body.
        const none = p.title == null || p.title === "";
        title.replaceChildren(none ? "" : ctx.markdown(String(p.title), { inline: true }));
        title.hidden = none;
      }
      applyWidth(el, p.width);
      last = p;
    };
    update(node);
    return { el, update };
  };
}

/** @type {Component} */
export const success = alert("success");
/** @type {Component} */
export const info = alert("info");
/** @type {Component} */
export const warning = alert("warning");
/** @type {Component} */
export const error = alert("error");

/** @type {Component} */
export function exception(node, ctx) {
  const el = h("div", { class: "nbs-alert nbs-alert--error nbs-exception", role: "alert" });
  let open = true; // the traceback starts open, then keeps what the user chose
  const update = (/** @type {WireNode} */ n) => {
    const p = n.props;
    const details = /** @type {HTMLDetailsElement | null} */ (el.querySelector("details"));
    if (details) open = details.open;
    el.replaceChildren(message(p, ctx));
    const trace = /** @type {string[]} */ (p.traceback || []);
    if (trace.length) el.append(traceback(trace, open));
    applyWidth(el, p.width);
  };
  update(node);
  return { el, update };
}

/**
 * "TypeError: message" (API errors' messages are markdown, others plain text).
 * @param {Record<string, any>} p @param {import("../_base.js").ComponentContext} ctx
 */
function message(p, ctx) {
  const line = h("div", { class: "nbs-exception-message" });
  if (p.type) line.append(h("strong", { class: "nbs-exception-type" }, `${p.type}: `));
  if (p.is_api_error) line.append(ctx.markdown(p.message ?? "", { inline: true }));
  else line.append(h("span", { class: "nbs-exception-text" }, p.message ?? ""));
  return line;
}

/** @param {string[]} lines @param {boolean} open */
function traceback(lines, open) {
  const details = h("details", { class: "nbs-exception-trace", open }, h("summary", {}, "Traceback"));
  details.append(codeBlock(lines.join("").replace(/\n$/, ""), null, {}));
  return details;
}
