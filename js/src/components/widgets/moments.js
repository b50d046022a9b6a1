// @ts-check
/**
 * datetime_input (elements/widgets/moments.py): a date and a time of day.
 *
 * Wire value: a naive ISO datetime "YYYY-MM-DDTHH:MM" (":SS" when the step needs
 * seconds) or null.  The browser's own datetime-local field does the picking; min, max
 * and step bound it, and a value outside them is not sent.
 */
import { h, labelled, on, uid } from "../_base.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").WireNode} WireNode */

/**
 * The field's text as the wire value, or undefined when it is not one to send.
 * @param {string} text @param {string} min @param {string} max
 * @returns {string | null | undefined}
 */
export function wireValue(text, min, max) {
  if (text === "") return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) return undefined;
  const value = text.endsWith(":00") && text.length === 19 ? text.slice(0, 16) : text;
  // ISO strings of one shape compare as their moments do.
  const pad = (/** @type {string} */ s) => (s.length === 16 ? `${s}:00` : s);
  if ((min && pad(value) < pad(min)) || (max && pad(value) > pad(max))) return undefined;
  return value;
}

/** @type {Component} */
export function datetime_input(node, ctx) {
  const inputId = uid("nbs-input");
  const input = /** @type {HTMLInputElement} */ (h("input", { id: inputId, type: "datetime-local", class: "nbs-datetime-field" }));
  const frame = labelled("datetime_input", ctx, { forId: inputId, named: () => [input] });
  frame.el.append(input);
  let props = node.props;
  on(input, "change", () => {
    const wire = wireValue(input.value, props.min_value, props.max_value);
    if (wire === undefined) {
      input.value = props.value ?? "";
      return;
    }
    if (wire === null && props.required && props.value !== null) {
      input.value = props.value;
      return;
    }
    if (wire !== props.value) {
      props = { ...props, value: wire };
      ctx.setValue(props.id, wire);
    }
  }, ctx);
  const update = (/** @type {WireNode} */ n) => {
    props = n.props;
    frame.update(props);
    input.min = props.min_value || "";
    input.max = props.max_value || "";
    input.step = String(props.step || 900);
    input.disabled = Boolean(props.disabled);
    input.required = Boolean(props.required);
    if (document.activeElement !== input) input.value = props.value ?? "";
    frame.el.style.width = typeof props.width === "number" ? `${props.width}px` : "";
  };
  update(node);
  return { el: frame.el, update };
}
