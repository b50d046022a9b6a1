// @ts-check
/**
 * st.link_button: an <a> that looks like st.button and opens its URL in a new tab.
 *
 * @typedef {import("../../types.js").WireNode} WireNode
 * @typedef {import("../../types.js").ComponentContext} ComponentContext
 * @typedef {import("../../types.js").Mounted} Mounted
 */
import { h, propIcon } from "../_base.js";

/** @param {WireNode} node @param {ComponentContext} ctx @returns {Mounted} */
export function link_button(node, ctx) {
  const label = h("span", { class: "nbs-button-label" });
  const a = h("a", { class: "nbs-button nbs-link-button", target: "_blank", rel: "noopener noreferrer" }, label);
  const el = h("div", { class: "nbs-button-wrap" }, a);
  /** @param {WireNode} next */
  function show(next) {
    const p = next.props;
    label.replaceChildren(ctx.markdown(p.label ?? "", { inline: true }));
    a.querySelector(":scope > .nbs-prop-icon")?.remove();
    const icon = propIcon(p.icon);
    if (icon) a.prepend(icon);
    a.className = `nbs-button nbs-link-button nbs-button--${p.type || "secondary"}`;
    const url = String(p.url || "");
    if (p.disabled || /^\s*(javascript|data|vbscript):/i.test(url)) {
      a.removeAttribute("href");
      a.setAttribute("aria-disabled", "true");
    } else {
      a.setAttribute("href", url);
      a.removeAttribute("aria-disabled");
    }
    if (p.help) a.title = p.help;
    el.classList.toggle("nbs-button-wrap--stretch", Boolean(p.use_container_width));
  }
  show(node);
  return { el, update: show };
}
