// @ts-check
/**
 * st.dialog: a modal over the app.  The block's own element is an empty marker where the
 * script called the dialog; the modal itself (backdrop, box, the slot for the dialog's
 * elements) is placed on the app root so it covers the app wherever the call was.  In
 * Voila it covers the window (styles/chat.css).
 *
 * Dismissing (Escape, the close button, a click on the backdrop) hides it here at once;
 * with props.dismiss_id (on_dismiss "rerun" or a callback) the kernel is told, through a
 * click on that hidden trigger.  Each call that opens the dialog has a new
 * props.opening: a dismissed dialog opens again when a later run calls it again.
 *
 * props.position "left"/"right" makes it a full-height drawer on that side of the window,
 * which the user resizes by dragging its inner edge (or with the arrow keys on the edge).
 * props.icon (an emoji, :material/name: or "spinner") shows before the title.
 */
import { h, on, propIcon } from "../_base.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").WireNode} WireNode */

const WIDTHS = { small: "500px", medium: "750px", large: "1280px" };

/** @type {Component} */
export function dialog(node, ctx) {
  const el = h("div", { class: "nbs-dialog-anchor", hidden: true });
  const title = h("h2", { class: "nbs-st-dialog-title" });
  const close = h("button", { type: "button", class: "nbs-st-dialog-close", "aria-label": "Close" }, "×");
  const slot = h("div", { class: "nbs-st-dialog-body nbs-block" });
  const mark = h("span", { class: "nbs-st-dialog-icon" });
  const edge = h("div", { class: "nbs-st-dialog-edge", role: "separator", "aria-orientation": "vertical", "aria-label": "Resize", tabindex: "0", hidden: true });
  const heading = h("div", { class: "nbs-st-dialog-heading" }, mark, title);
  const box = h("div", { class: "nbs-st-dialog", role: "dialog", "aria-modal": "true", tabindex: "-1" }, h("div", { class: "nbs-st-dialog-head" }, heading, close), slot, edge);
  const backdrop = h("div", { class: "nbs-st-dialog-backdrop" }, box);
  /** @type {Record<string, any>} */
  let props = {};
  let dismissed = false;
  /** @type {Element | null} */
  let before = null;

  const dismiss = () => {
    if (!props.dismissible || dismissed) return;
    dismissed = true;
    backdrop.remove();
    if (before instanceof HTMLElement && before.isConnected) before.focus({ preventScroll: true });
    if (props.dismiss_id) ctx.click(props.dismiss_id);
  };
  on(close, "click", dismiss, ctx);
  /** A drawer's width follows its inner edge: dragged, or moved 20px per arrow key. */
  const resize = (/** @type {number} */ px) => {
    const room = backdrop.clientWidth || window.innerWidth;
    box.style.width = `${Math.round(Math.max(200, Math.min(px, room)))}px`;
    box.style.maxWidth = "100%";
  };
  on(edge, "pointerdown", (/** @type {PointerEvent} */ e) => {
    e.preventDefault();
    const startX = e.clientX;
    const startWidth = box.getBoundingClientRect().width;
    const sign = props.position === "right" ? -1 : 1;
    const move = (/** @type {PointerEvent} */ m) => resize(startWidth + sign * (m.clientX - startX));
    const up = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  }, ctx);
  on(edge, "keydown", (/** @type {KeyboardEvent} */ e) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    e.preventDefault();
    const wider = (e.key === "ArrowRight") === (props.position !== "right");
    resize(box.getBoundingClientRect().width + (wider ? 20 : -20));
  }, ctx);
  on(backdrop, "pointerdown", (/** @type {PointerEvent} */ e) => {
    if (e.target === backdrop) dismiss();
  }, ctx);
  on(backdrop, "keydown", (/** @type {KeyboardEvent} */ e) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      dismiss();
    }
  }, ctx);

  /** Put the modal on the app root once the marker is in the page. */
  const open = () => {
    if (dismissed || backdrop.isConnected || ctx.signal.aborted) return;
    const app = el.closest(".nbs-app");
    if (!app) {
      requestAnimationFrame(open);
      return;
    }
    before = document.activeElement;
    app.append(backdrop);
    const first = /** @type {HTMLElement | null} */ (slot.querySelector("input, textarea, select, button, [tabindex='0']"));
    (first || box).focus({ preventScroll: true });
  };

  const update = (/** @type {WireNode} */ n) => {
    if (n.props.opening !== props.opening && dismissed) {
      dismissed = false;
      queueMicrotask(open);
    }
    props = n.props;
    title.replaceChildren(ctx.markdown(String(props.title ?? ""), { inline: true }));
    box.setAttribute("aria-label", title.textContent || "Dialog");
    close.hidden = !props.dismissible;
    const icon = props.icon === "spinner" ? h("span", { class: "nbs-spinner-icon", role: "img", "aria-label": "Loading" }) : propIcon(props.icon);
    mark.replaceChildren(...(icon ? [icon] : []));
    mark.hidden = !icon;
    const position = props.position === "left" || props.position === "right" ? props.position : "center";
    const moved = backdrop.dataset.position !== position;
    backdrop.dataset.position = position;
    edge.hidden = position === "center";
    const width = props.width;
    const size = typeof width === "number" ? `${width}px` : WIDTHS[/** @type {keyof typeof WIDTHS} */ (width)] || WIDTHS.small;
    if (position === "center") {
      box.style.maxWidth = size;
      box.style.width = typeof width === "number" ? `${width}px` : "";
    } else if (moved || !box.style.width) {
      // A drawer starts at the dialog's width; the user's resizing then stays.
      box.style.maxWidth = "100%";
      box.style.width = size;
    }
  };
  update(node);
  queueMicrotask(open);
  return {
    el,
    slot,
    update,
    childrenChanged: () => {
      if (!backdrop.isConnected) open();
    },
    destroy: () => backdrop.remove(),
  };
}

/** The dialog's hidden dismissal trigger: nothing to draw. */
/** @type {Component} */
export function dialog_dismiss() {
  return { el: h("span", { hidden: true }), update() {} };
}
