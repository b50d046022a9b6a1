// @ts-check
/**
 * Live status elements: progress, spinner, status (an expander with a state icon),
 * toast (in the page's event area), and balloons and snow (drawn where called, floating over the app).
 */
import { h, icon, propIcon } from "../_base.js";
import { applyWidth } from "../text/_layout.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").WireNode} WireNode */

/** @type {Component} */
export function progress(node, ctx) {
  const text = h("div", { class: "nbs-progress-text" });
  const fill = h("div", { class: "nbs-progress-fill" });
  const bar = h("div", { class: "nbs-progress-bar", role: "progressbar", "aria-valuemin": 0, "aria-valuemax": 100 }, fill);
  const el = h("div", { class: "nbs-progress" }, text, bar);
  /** @type {string | null} */
  let lastText = null;
  const update = (/** @type {WireNode} */ n) => {
    const value = Math.min(Math.max(Number(n.props.value) || 0, 0), 100);
    fill.style.width = `${value}%`;
    applyWidth(el, n.props.width);
    bar.setAttribute("aria-valuenow", String(value));
    if (n.props.text !== lastText) {
      text.replaceChildren(n.props.text ? ctx.markdown(n.props.text, { inline: true }) : "");
      text.hidden = !n.props.text;
      if (n.props.text) bar.setAttribute("aria-label", text.textContent || "");
      else bar.removeAttribute("aria-label");
      lastText = n.props.text;
    }
  };
  update(node);
  return { el, update };
}

/** @type {Component} */
export function spinner(node, ctx) {
  const text = h("span", { class: "nbs-spinner-text" });
  const time = h("span", { class: "nbs-spinner-time" });
  const el = h("div", { class: "nbs-spinner", role: "status" }, h("span", { class: "nbs-spinner-icon", "aria-hidden": "true" }), text, time);
  const since = Date.now();
  /** @type {ReturnType<typeof setInterval> | null} */
  let timer = null;
  const tick = () => (time.textContent = `(${((Date.now() - since) / 1000).toFixed(1)} seconds)`);
  const update = (/** @type {WireNode} */ n) => {
    text.replaceChildren(ctx.markdown(n.props.text ?? "", { inline: true }));
    if (n.props.show_time && !timer) {
      tick();
      timer = setInterval(tick, 100);
      ctx.signal.addEventListener("abort", () => timer && clearInterval(timer));
    }
    time.hidden = !n.props.show_time;
    applyWidth(el, n.props.width ?? "content");
  };
  update(node);
  return { el, update, destroy: () => timer && clearInterval(timer) };
}

const STATUS_ICONS = { complete: "check", error: "error" };

/** @type {Component} */
export function status(node, ctx) {
  const state = h("span", { class: "nbs-status-icon" });
  const label = h("span", { class: "nbs-expander-label" });
  const summary = h("summary", { class: "nbs-expander-summary" }, state, label, h("span", { class: "nbs-expander-chevron" }, icon("expand_more")));
  const slot = h("div", { class: "nbs-expander-content nbs-block" });
  const el = h("details", { class: "nbs-expander nbs-status-box" }, summary, slot);
  /** @type {Record<string, any>} */
  let last = {};
  const update = (/** @type {WireNode} */ n) => {
    const p = n.props;
    if (p.label !== last.label) label.replaceChildren(ctx.markdown(p.label ?? "", { inline: true }));
    if (p.state !== last.state) {
      el.dataset.state = p.state;
      const name = STATUS_ICONS[/** @type {"complete" | "error"} */ (p.state)];
      state.replaceChildren(name ? icon(name) : h("span", { class: "nbs-spinner-icon" }));
      state.setAttribute("aria-label", p.state === "running" ? "Running" : p.state === "error" ? "Error" : "Complete");
    }
    if (p.expanded !== last.expanded) el.open = Boolean(p.expanded);
    // type: "default" (a bordered box), "compact" (an inline toggle), "step" (a timeline step).
    el.dataset.type = p.type || "default";
    applyWidth(el, p.width);
    last = p;
  };
  update(node);
  return { el, slot, update };
}

// ---- the event area and what floats in it ---------------------------------------------------

/**
 * The page's event area (toasts, balloons, snow): a layer over the app that lets
 * clicks through.
 * @type {Component}
 */
export function event() {
  const el = h("div", { class: "nbs-event-area" });
  return { el, slot: el, update() {} };
}

/** How long a toast shows, in ms: "short" 4 s, "long" 10 s, a number of seconds; "infinite": null (until closed). */
export function toastMs(/** @type {string | number | null | undefined} */ duration) {
  if (duration === "infinite") return null;
  if (duration === "long") return 10000;
  if (typeof duration === "number" && duration > 0) return duration * 1000;
  return 4000;
}

/** A message in the bottom-right corner that goes away after a few seconds. @type {Component} */
export function toast(node, ctx) {
  const body = h("div", { class: "nbs-toast-body" });
  const close = h("button", { type: "button", class: "nbs-toast-close", "aria-label": "Close" }, icon("close"));
  const el = h("div", { class: "nbs-toast", role: "status" }, body, close);
  /** @type {ReturnType<typeof setTimeout> | null} */
  let timer = null;
  const dismiss = () => el.classList.add("nbs-toast--gone");
  close.addEventListener("click", dismiss, { signal: ctx.signal });
  ctx.signal.addEventListener("abort", () => timer && clearTimeout(timer));
  let nonce = -1;
  const update = (/** @type {WireNode} */ n) => {
    const p = n.props;
    el.querySelector(":scope > .nbs-prop-icon")?.remove();
    const i = propIcon(p.icon);
    if (i) el.prepend(i);
    body.replaceChildren(ctx.markdown(p.body ?? ""));
    if (p.nonce !== nonce) {
      nonce = p.nonce;
      el.classList.remove("nbs-toast--gone");
      if (timer) clearTimeout(timer);
      const ms = toastMs(p.duration);
      timer = ms === null ? null : setTimeout(dismiss, ms);
    }
  };
  update(node);
  return { el, update, destroy: () => timer && clearTimeout(timer) };
}

/**
 * An animation of emoji crossing the page once per call (a new nonce replays it).
 * @param {string} cls @param {string[]} glyphs @param {number} count
 * @returns {Component}
 */
function celebration(cls, glyphs, count) {
  return (node) => {
    const el = h("div", { class: `nbs-celebration ${cls}`, "aria-hidden": "true" });
    let nonce = -1;
    const update = (/** @type {WireNode} */ n) => {
      if (n.props.nonce === nonce) return;
      nonce = n.props.nonce;
      el.replaceChildren(...Array.from({ length: count }, (_, i) => {
        const span = h("span", { class: "nbs-celebration-item" }, glyphs[i % glyphs.length]);
        span.style.left = `${Math.random() * 100}%`;
        span.style.animationDelay = `${Math.random() * 1.5}s`;
        span.style.fontSize = `${1.5 + Math.random() * 1.5}rem`;
        return span;
      }));
    };
    update(node);
    return { el, update };
  };
}

/** @type {Component} */
export const balloons = celebration("nbs-balloons", ["🎈", "🎈", "🎈", "🎉"], 30);
/** @type {Component} */
export const snow = celebration("nbs-snow", ["❄️", "❅", "❆"], 40);
