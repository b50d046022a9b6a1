// @ts-check
/**
 * pagination and menu_button (elements/widgets/menus.py).
 *
 * pagination's wire value is the page number (1-based); menu_button sends the chosen
 * entry's index with a click event (ctx.click(id, index)) and shows no value.
 */
import { h, icon, on } from "../_base.js";
import { buttonLook } from "./buttons.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").WireNode} WireNode */

/**
 * The page numbers to show around `page` (null for a gap "…"): the first, the last, and
 * a window around the current page, at most `max` numbers in all (all when max is null).
 * @param {number} page @param {number} pages @param {number | null} max
 * @returns {(number | null)[]}
 */
export function visiblePages(page, pages, max) {
  const all = Array.from({ length: pages }, (_, i) => i + 1);
  if (max == null || pages <= max) return all;
  const room = Math.max(max - 2, 1); // besides the first and the last
  let start = Math.max(2, page - Math.floor((room - 1) / 2));
  const end = Math.min(pages - 1, start + room - 1);
  start = Math.max(2, end - room + 1);
  /** @type {(number | null)[]} */
  const out = [1];
  if (start > 2) out.push(null);
  for (let p = start; p <= end; p++) out.push(p);
  if (end < pages - 1) out.push(null);
  if (pages > 1) out.push(pages);
  return out.slice(0, Math.max(max, 3) + 2);
}

/** @type {Component} */
export function pagination(node, ctx) {
  const nav = h("nav", { class: "nbs-pagination", "aria-label": "Pagination" });
  const el = h("div", { class: "nbs-widget nbs-pagination-widget" }, nav);
  let props = node.props;
  const go = (/** @type {number} */ p) => {
    if (props.disabled || p < 1 || p > props.num_pages || p === props.value) return;
    props = { ...props, value: p };
    draw();
    ctx.setValue(props.id, p);
  };
  function draw() {
    const page = props.value ?? props.default ?? 1;
    const prev = h("button", { type: "button", class: "nbs-page nbs-page-step", "aria-label": "Previous page", disabled: props.disabled || page <= 1 }, icon("chevron_left"));
    const next = h("button", { type: "button", class: "nbs-page nbs-page-step", "aria-label": "Next page", disabled: props.disabled || page >= props.num_pages }, icon("chevron_right"));
    on(prev, "click", () => go(page - 1), ctx);
    on(next, "click", () => go(page + 1), ctx);
    const numbers = visiblePages(page, props.num_pages, props.max_visible_pages ?? null).map((p) => {
      if (p === null) return h("span", { class: "nbs-page-gap", "aria-hidden": "true" }, "…");
      const b = h("button", { type: "button", class: "nbs-page", "aria-label": `Page ${p}`, disabled: Boolean(props.disabled) }, String(p));
      if (p === page) b.setAttribute("aria-current", "page");
      on(b, "click", () => go(p), ctx);
      return b;
    });
    nav.replaceChildren(prev, ...numbers, next);
  }
  const update = (/** @type {WireNode} */ n) => {
    props = n.props;
    el.style.width = typeof props.width === "number" ? `${props.width}px` : "";
    draw();
  };
  update(node);
  return { el, update };
}

/** @type {Component} */
export function menu_button(node, ctx) {
  const look = buttonLook(ctx, { trailing: h("span", { class: "nbs-popover-chevron" }, icon("expand_more")) });
  const menu = h("div", { class: "nbs-menu", role: "menu", hidden: true });
  const el = h("div", { class: "nbs-menu-button" }, look.el, menu);
  look.button.setAttribute("aria-haspopup", "menu");
  look.button.setAttribute("aria-expanded", "false");
  let props = node.props;
  const setOpen = (/** @type {boolean} */ open) => {
    menu.hidden = !open;
    look.button.setAttribute("aria-expanded", String(open));
    if (open) /** @type {HTMLElement | null} */ (menu.querySelector("[role=menuitem]"))?.focus();
  };
  on(look.button, "click", () => setOpen(menu.hidden && !props.disabled), ctx);
  on(document, "pointerdown", (/** @type {PointerEvent} */ e) => {
    if (!menu.hidden && !el.contains(/** @type {Node} */ (e.target))) setOpen(false);
  }, ctx);
  on(el, "keydown", (/** @type {KeyboardEvent} */ e) => {
    if (e.key === "Escape" && !menu.hidden) {
      setOpen(false);
      look.button.focus();
    }
  }, ctx);
  const update = (/** @type {WireNode} */ n) => {
    props = n.props;
    look.update({ ...props, use_container_width: props.width === "stretch" });
    menu.replaceChildren(...(props.options || []).map((/** @type {string} */ label, /** @type {number} */ i) => {
      const item = h("button", { type: "button", role: "menuitem", class: "nbs-menu-item" }, ctx.markdown(label, { inline: true }));
      on(item, "click", () => {
        setOpen(false);
        if (!props.disabled) ctx.click(props.id, i);
      }, ctx);
      return item;
    }));
    if (props.disabled) setOpen(false);
  };
  update(node);
  return { el, update };
}
