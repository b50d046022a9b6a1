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
 */
import { h, on } from "../_base.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").WireNode} WireNode */

const WIDTHS = { small: "500px", medium: "750px", large: "1280px" };

/** @type {Component} */
export function dialog(node, ctx) {
  const el = h("div", { class: "nbs-dialog-anchor", hidden: true });
  const title = h("h2", { class: "nbs-st-dialog-title" });
  const close = h("button", { type: "button", class: "nbs-st-dialog-close", "aria-label": "Close" }, "×");
  const slot = h("div", { class: "nbs-st-dialog-body nbs-block" });
  const box = h("div", { class: "nbs-st-dialog", role: "dialog", "aria-modal": "true", tabindex: "-1" }, h("div", { class: "nbs-st-dialog-head" }, title, close), slot);
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
    const width = props.width;
    box.style.maxWidth = typeof width === "number" ? `${width}px` : WIDTHS[/** @type {keyof typeof WIDTHS} */ (width)] || WIDTHS.small;
    box.style.width = typeof width === "number" ? `${width}px` : "";
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
