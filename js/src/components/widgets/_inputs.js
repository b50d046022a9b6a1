// @ts-check
/**
 * What the input widgets (text_input, text_area, number_input, date_input, time_input,
 * color_picker, camera_input) share: their `width`, an `icon` inside the field, and the
 * `required`/`validate` checks.  A failing check keeps the value from the kernel, shows
 * why under the field, and keeps the form's submit button from submitting.
 */
import { h, on, propIcon, uid } from "../_base.js";

/** @typedef {import("../_base.js").ComponentContext} ComponentContext */

export const REQUIRED_MESSAGE = "This field is required.";
export const INVALID_MESSAGE = "The value does not match the required format.";

/**
 * `width`: "stretch" (the container's), "content" or a number of pixels (at most the
 * container's: styles/inputs.css caps it).
 * @param {HTMLElement} el @param {number | string | null | undefined} width
 */
export function applyWidth(el, width) {
  const pixels = typeof width === "number";
  el.dataset.width = pixels ? "pixels" : width || "stretch";
  el.style.width = pixels ? `${width}px` : "";
}

/**
 * The element an `icon` prop shows in a field: an emoji, a Material icon, or a spinner.
 * @param {string | null | undefined} value
 */
export function fieldIcon(value) {
  if (!value) return null;
  if (value === "spinner") return h("span", { class: "nbs-input-icon nbs-input-spinner", role: "progressbar", "aria-label": "Loading" });
  const el = /** @type {HTMLElement} */ (propIcon(value));
  el.classList.add("nbs-input-icon");
  // Decoration: the field is named by its label, not by its icon.
  el.removeAttribute("role");
  el.removeAttribute("aria-label");
  el.setAttribute("aria-hidden", "true");
  return el;
}

/**
 * Keeps the field's icon in `box`, before `before`, as the `icon` prop changes.
 * @param {HTMLElement} box @param {HTMLElement} before
 */
export function iconSlot(box, before) {
  /** @type {HTMLElement | null} */
  let shown = null;
  /** @type {string | null | undefined} */
  let last;
  return (/** @type {string | null | undefined} */ value) => {
    if (value === last) return;
    last = value;
    shown?.remove();
    shown = fieldIcon(value);
    if (shown) box.insertBefore(shown, before);
    box.classList.toggle("nbs-input-box--icon", Boolean(shown));
  };
}

/**
 * text_input's `validate` rule as a test of non-empty text; null when there is none (or
 * the pattern is not a JavaScript regular expression).
 * @param {string | null | undefined} pattern
 * @returns {RegExp | null}
 */
export function validationRule(pattern) {
  if (!pattern) return null;
  try {
    return new RegExp(pattern);
  } catch {
    return null;
  }
}

/**
 * The message for text that must not be submitted, or null: required and blank, or
 * not matching the rule (empty text is never validated).
 * @param {string} text @param {{required?: boolean, rule?: RegExp | null, message?: string | null}} opts
 */
export function textProblem(text, opts) {
  if (!text.trim()) return opts.required ? REQUIRED_MESSAGE : null;
  if (opts.rule && !opts.rule.test(text)) return opts.message || INVALID_MESSAGE;
  return null;
}

/**
 * The error line under a field.  `problem(submitting)` names what is wrong with the
 * shown value (null: nothing); a form's submit button is held back while it does.
 * @param {HTMLElement} frame the widget's element
 * @param {HTMLElement} field the control that gets aria-invalid
 * @param {ComponentContext} ctx
 * @param {(submitting: boolean) => string | null} problem
 */
export function fieldCheck(frame, field, ctx, problem) {
  const error = h("div", { class: "nbs-input-error", id: uid("nbs-error"), role: "alert" });
  error.hidden = true;
  frame.append(error);

  /** @param {string | null} message */
  function show(message) {
    error.hidden = !message;
    error.textContent = message || "";
    frame.classList.toggle("nbs-invalid", Boolean(message));
    if (message) {
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-errormessage", error.id);
    } else {
      field.removeAttribute("aria-invalid");
      field.removeAttribute("aria-errormessage");
    }
  }

  // Capture at the document runs before the submit button's own click handler.
  on(document, "click", (/** @type {MouseEvent} */ e) => {
    const target = e.target instanceof Element ? e.target : null;
    const submit = target?.closest("[data-form-submitter]");
    const form = frame.closest(".nbs-form");
    if (!submit || !form || submit.closest(".nbs-form") !== form) return;
    const message = problem(true);
    if (!message) return;
    e.preventDefault();
    e.stopPropagation();
    show(message);
  }, ctx, { capture: true });

  return {
    /** Check the shown value now: true if it may be sent. */
    ok() {
      const message = problem(false);
      show(message);
      return !message;
    },
    clear: () => show(null),
  };
}

/** True inside an st.form, where values wait for the submit button. @param {Element} el */
export const inForm = (el) => Boolean(el.closest(".nbs-form"));
