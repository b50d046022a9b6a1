// @ts-check
/**
 * st.link_button: an <a> that looks like st.button and opens its URL in a new tab.  With
 * on_click "rerun" or a callback it is also a widget (props.id): the click is reported
 * too, and the app reruns.  Its shortcut opens the link as a click would.
 *
 * @typedef {import("../../types.js").WireNode} WireNode
 * @typedef {import("../../types.js").ComponentContext} ComponentContext
 * @typedef {import("../../types.js").Mounted} Mounted
 */
import { h, on, propIcon } from "../_base.js";
import { applyButtonOptions, bindShortcut, overflowTitle } from "../widgets/_button_options.js";

/** @param {WireNode} node @param {ComponentContext} ctx @returns {Mounted} */
export function link_button(node, ctx) {
  const label = h("span", { class: "nbs-button-label" });
  const a = h("a", { class: "nbs-button nbs-link-button", target: "_blank", rel: "noopener noreferrer" }, label);
  const el = h("div", { class: "nbs-button-wrap" }, a);
  /** @type {Record<string, any>} */
  let props = {};
  /** @type {HTMLElement | null} */
  let icon = null;
  on(a, "click", (/** @type {MouseEvent} */ e) => {
    if (!a.hasAttribute("href")) {
      e.preventDefault();
      return;
    }
    if (props.id) ctx.click(props.id);
  }, ctx);
  bindShortcut(a, () => props.shortcut, ctx);
  overflowTitle(el, label, () => props, ctx);
  /** @param {WireNode} next */
  function show(next) {
    const p = next.props;
    if (p.label !== props.label) label.replaceChildren(ctx.markdown(p.label ?? "", { inline: true }));
    if (p.icon !== props.icon) {
      icon?.remove();
      icon = propIcon(p.icon);
    }
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
    else a.removeAttribute("title");
    applyButtonOptions({ el, button: a, label, icon }, p);
    props = p;
  }
  show(node);
  return { el, update: show };
}
