// @ts-check
/**
 * st.form: a bordered block whose widgets' values the kernel holds until the form's
 * submit button (a `button` with is_form_submitter) is clicked.  With
 * enter_to_submit, Enter in a single-line field of the form commits the field and
 * then submits, as in Streamlit.  `width` ("stretch", "content" or pixels, at most the
 * parent's width) and `height` ("content", "stretch": at least the parent's height, or
 * pixels, scrolling what does not fit) size the form.
 */
import { h } from "../_base.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").WireNode} WireNode */

/** @type {Component} */
export function form(node, ctx) {
  const el = h("form", { class: "nbs-form nbs-block", novalidate: true });
  let props = node.props;
  // A form element must never navigate or reload the page.
  el.addEventListener("submit", (e) => e.preventDefault(), { signal: ctx.signal });
  el.addEventListener("keydown", (e) => {
    const target = /** @type {HTMLElement} */ (e.target);
    if (e.key !== "Enter" || !props.enter_to_submit || !(target instanceof HTMLInputElement)) return;
    if (target.getAttribute("role") === "combobox" || target.closest(".nbs-form") !== el) return;
    const submit = /** @type {HTMLButtonElement | null} */ (el.querySelector("[data-form-submitter]"));
    if (submit && !submit.disabled) submit.click(); // the field committed first: its own handler ran at the target
  }, { signal: ctx.signal });
  const update = (/** @type {WireNode} */ n) => {
    props = n.props;
    el.classList.toggle("nbs-bordered", Boolean(props.border));
    el.dataset.formId = props.form_id;
    const { width, height } = props;
    el.dataset.width = typeof width === "number" ? "pixels" : width || "stretch";
    el.style.width = typeof width === "number" ? `${width}px` : "";
    el.dataset.height = typeof height === "number" ? "pixels" : height || "content";
    el.style.height = typeof height === "number" ? `${height}px` : "";
  };
  update(node);
  return { el, slot: el, update };
}
