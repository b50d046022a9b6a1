// @ts-check
/**
 * What every component shares: a small element builder, the widget label (markdown,
 * help tooltip, label_visibility, disabled) and the help tooltip itself.
 *
 * @typedef {import("../types.js").WireNode} WireNode
 * @typedef {import("../types.js").ComponentContext} ComponentContext
 * @typedef {import("../types.js").Mounted} Mounted
 * @typedef {import("../types.js").Component} Component
 */
import { iconElement, materialIconHtml } from "../markdown.js";

let counter = 0;

/** A document-unique id for wiring labels, listboxes and tooltips. */
export function uid(prefix = "nbs") {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * Create an element: `h("div", {class: "x", "aria-label": "y"}, child, "text")`.
 * Attributes that are null, undefined or false are left out; true sets an empty one.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attrs]
 * @param {...(Node | string | null | undefined | false)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

/** A Material icon (from the bundled subset) as an element. */
export function icon(/** @type {string} */ name, cls = "") {
  const wrap = document.createElement("span");
  wrap.innerHTML = materialIconHtml(name);
  const el = /** @type {HTMLElement} */ (wrap.firstElementChild);
  if (cls) el.classList.add(cls);
  el.setAttribute("aria-hidden", "true");
  el.removeAttribute("role");
  el.removeAttribute("aria-label");
  return el;
}

/** An element's `icon` prop (emoji or :material/name:) as a decorative element. */
export function propIcon(/** @type {string | null | undefined} */ value) {
  if (!value) return null;
  const el = iconElement(value);
  el.classList.add("nbs-prop-icon");
  return el;
}

/** True when two JSON-able values are the same. */
export function same(/** @type {any} */ a, /** @type {any} */ b) {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

// ---- help tooltip --------------------------------------------------------------------------

/**
 * The "?" icon that shows `text` (markdown) in a tooltip on hover and focus.
 * @param {string} text
 * @param {ComponentContext} ctx
 * @returns {HTMLElement}
 */
export function helpIcon(text, ctx) {
  const tipId = uid("nbs-tip");
  const tip = h("div", { class: "nbs-tooltip", role: "tooltip", id: tipId });
  tip.append(ctx.markdown(text));
  const el = h("span", { class: "nbs-help", tabindex: 0, "aria-label": "Help", "aria-describedby": tipId }, icon("help"), tip);
  // Inside a <label>, a click on the icon must not toggle or focus the labelled control.
  el.addEventListener("click", (e) => e.preventDefault(), { signal: ctx.signal });
  const place = () => keepInView(tip);
  el.addEventListener("pointerenter", place, { signal: ctx.signal });
  el.addEventListener("focus", place, { signal: ctx.signal });
  return el;
}

/**
 * Tooltips sit above their anchor, centred; shift one sideways if it would leave the
 * window (a label at the app's left edge).
 * @param {HTMLElement} tip
 */
function keepInView(tip) {
  tip.style.setProperty("--nbs-tip-shift", "0px");
  const rect = tip.getBoundingClientRect();
  const width = document.documentElement.clientWidth || window.innerWidth;
  if (rect.width === 0) return;
  if (rect.left < 8) tip.style.setProperty("--nbs-tip-shift", `${8 - rect.left}px`);
  else if (rect.right > width - 8) tip.style.setProperty("--nbs-tip-shift", `${width - 8 - rect.right}px`);
}

/**
 * Keep a help icon in `host` in step with `help` (added, changed or removed).
 * @param {HTMLElement} host
 * @param {string | null | undefined} help
 * @param {ComponentContext} ctx
 */
export function syncHelp(host, help, ctx) {
  const old = /** @type {HTMLElement | null} */ (host.querySelector(":scope > .nbs-help"));
  if (old && old.dataset.text === (help || "")) return;
  old?.remove();
  if (!help) return;
  const el = helpIcon(help, ctx);
  el.dataset.text = help;
  host.append(el);
}

// ---- the widget label ------------------------------------------------------------------------

/**
 * @typedef {Object} Labelled
 * @property {HTMLElement} el       the widget's root: label row, then the control
 * @property {HTMLElement} label    the label row
 * @property {(props: Record<string, any>) => void} update  label, help, visibility, disabled
 * @property {() => string} text    the label as plain text (the control's accessible name)
 */

/**
 * The frame of a labelled widget: `label` (inline markdown) with its help icon above
 * the control.  label_visibility "hidden" keeps the label's space, "collapsed" removes
 * it; either way the control keeps the label as its accessible name (aria-label).
 *
 * @param {string} kind         the widget kind, for the CSS class `nbs-<kind>`
 * @param {ComponentContext} ctx
 * @param {{forId?: string, labelId?: string, named?: () => HTMLElement[]}} [opts]
 *   forId: the input the label is for; labelId: an id for the label (radiogroups are
 *   labelled by it); named: the elements that take the label as aria-label when hidden
 * @returns {Labelled}
 */
export function labelled(kind, ctx, opts = {}) {
  const label = h(opts.forId ? "label" : "div", { class: "nbs-widget-label", for: opts.forId, id: opts.labelId });
  const text = h("span", { class: "nbs-widget-label-text" });
  label.append(text);
  const el = h("div", { class: `nbs-widget nbs-${kind.replace(/_/g, "-")}` }, label);
  /** @type {Record<string, any>} */
  let last = {};
  const plain = () => (text.textContent || "").trim();
  return {
    el,
    label,
    text: plain,
    update(props) {
      if (props.label !== last.label) text.replaceChildren(ctx.markdown(props.label || "", { inline: true }));
      syncHelp(label, props.help, ctx);
      const visibility = props.label_visibility || "visible";
      el.dataset.labelVisibility = visibility;
      el.classList.toggle("nbs-disabled", Boolean(props.disabled));
      for (const target of opts.named ? opts.named() : []) {
        if (visibility === "visible" && opts.forId) target.removeAttribute("aria-label");
        else target.setAttribute("aria-label", plain());
      }
      last = props;
    },
  };
}

/**
 * Listen on `target` until the element is removed (ctx.signal).
 * @param {EventTarget} target
 * @param {string} type
 * @param {(event: any) => void} fn
 * @param {ComponentContext} ctx
 * @param {AddEventListenerOptions} [opts]
 */
export function on(target, type, fn, ctx, opts = {}) {
  target.addEventListener(type, fn, { ...opts, signal: ctx.signal });
}
