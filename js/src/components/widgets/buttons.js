// @ts-check
/**
 * Buttons: st.button (and the button look that popover and form_submit_button share).
 */
import { h, on, propIcon, uid } from "../_base.js";
import { applyButtonOptions, bindShortcut, overflowTitle } from "./_button_options.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").ComponentContext} ComponentContext */
/** @typedef {import("../_base.js").WireNode} WireNode */

/**
 * A Streamlit-looking button whose label, icon (and its side), type, width, wrapping,
 * shortcut, help and disabled state follow the props.  The help text shows as a tooltip
 * when hovering the button; the shortcut clicks the button from anywhere on the page.
 * @param {ComponentContext} ctx
 * @param {{trailing?: HTMLElement}} [opts]  e.g. the popover's chevron
 */
export function buttonLook(ctx, opts = {}) {
  const label = h("span", { class: "nbs-button-label" });
  const button = h("button", { type: "button", class: "nbs-button" }, label);
  if (opts.trailing) button.append(opts.trailing);
  const el = h("div", { class: "nbs-button-wrap" }, button);
  /** @type {Record<string, any>} */
  let last = {};
  /** @type {HTMLElement | null} */
  let icon = null;
  bindShortcut(button, () => last.shortcut, ctx);
  overflowTitle(el, label, () => last, ctx);
  /** @param {Record<string, any>} p */
  const update = (p) => {
    if (p.label !== last.label) label.replaceChildren(ctx.markdown(p.label ?? "", { inline: true }));
    if (p.icon !== last.icon) {
      icon?.remove();
      icon = propIcon(p.icon);
    }
    button.className = `nbs-button nbs-button--${p.type || "secondary"}`;
    applyButtonOptions({ el, button, label, icon }, p);
    button.disabled = Boolean(p.disabled);
    button.toggleAttribute("data-form-submitter", Boolean(p.is_form_submitter));
    if (p.help !== last.help) setTooltip(el, button, p.help, ctx);
    last = p;
  };
  return { el, button, update };
}

/**
 * @param {HTMLElement} el @param {HTMLElement} button
 * @param {string | null | undefined} help @param {ComponentContext} ctx
 */
function setTooltip(el, button, help, ctx) {
  el.querySelector(":scope > .nbs-tooltip")?.remove();
  button.removeAttribute("aria-describedby");
  if (!help) return;
  const tip = h("div", { class: "nbs-tooltip", role: "tooltip", id: uid("nbs-tip") });
  tip.append(ctx.markdown(help));
  button.setAttribute("aria-describedby", tip.id);
  el.append(tip);
  el.classList.add("nbs-has-tooltip");
}

/** @type {Component} */
export function button(node, ctx) {
  const look = buttonLook(ctx);
  let id = node.props.id;
  on(look.button, "click", () => {
    if (!look.button.disabled) ctx.click(id);
  }, ctx);
  look.update(node.props);
  return {
    el: look.el,
    update(n) {
      id = n.props.id;
      look.update(n.props);
    },
  };
}
