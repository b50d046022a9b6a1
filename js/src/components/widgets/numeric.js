// @ts-check
/**
 * st.number_input. Wire value: a number within its bounds, or null.  With `required`,
 * an empty field is not sent (outside a form the last number stays) and holds back the
 * form's submit button.
 */
import { h, icon, labelled, on, uid } from "../_base.js";
import { draft } from "../_editing.js";
import { decimals, formatValue, sprintf } from "../_format.js";
import { REQUIRED_MESSAGE, applyWidth, fieldCheck, iconSlot } from "./_inputs.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").WireNode} WireNode */

/**
 * A typed number: "" is null, anything unparsable is NaN.
 * @param {string} text
 */
function parseNumber(text) {
  const t = text.trim();
  if (!t) return null;
  const cleaned = t.replace(/[^0-9eE+\-.]/g, "");
  return cleaned ? Number(cleaned) : NaN;
}

/** @type {Component} */
export function number_input(node, ctx) {
  const inputId = uid("nbs-input");
  const input = h("input", { id: inputId, type: "text", inputmode: "decimal", role: "spinbutton", class: "nbs-input", autocomplete: "off" });
  const minus = h("button", { type: "button", class: "nbs-step nbs-step-down", "aria-label": "Decrement", tabindex: -1 }, icon("remove"));
  const plus = h("button", { type: "button", class: "nbs-step nbs-step-up", "aria-label": "Increment", tabindex: -1 }, icon("add"));
  const hint = h("span", { class: "nbs-input-instructions", "aria-hidden": "true" });
  const box = h("div", { class: "nbs-input-box" }, input, hint);
  const control = h("div", { class: "nbs-number-control" }, box, minus, plus);
  const frame = labelled("number_input", ctx, { forId: inputId, named: () => [input] });
  frame.el.append(control);
  const setIcon = iconSlot(box, input);
  const check = fieldCheck(frame.el, input, ctx, () => (props.required && !input.value.trim() ? REQUIRED_MESSAGE : null));
  const edit = draft(input);
  let props = node.props;
  /** @type {number | null} */
  let value = props.value;
  let nullable = props.value === null;

  const isInt = () => props.data_type === "int";
  const text = (/** @type {number | null} */ v) => (v === null ? "" : props.format ? sprintf(props.format, v) : String(v));
  /** @param {number} v */
  const clamp = (v) => {
    let out = v;
    if (props.min_value !== null && props.min_value !== undefined) out = Math.max(out, props.min_value);
    if (props.max_value !== null && props.max_value !== undefined) out = Math.min(out, props.max_value);
    return isInt() ? Math.round(out) : out;
  };

  /** Send v (if new) and show it formatted. */
  function commit(/** @type {number | null} */ v) {
    if (props.disabled) return;
    if (v !== value) {
      value = v;
      ctx.setValue(props.id, v);
    }
    edit.settle(text(value));
    refresh();
  }

  function commitTyped() {
    if (!edit.dirty()) return;
    const parsed = parseNumber(input.value);
    if (!check.ok()) return;
    if (parsed === null) commit(nullable ? null : value);
    else if (Number.isNaN(parsed)) commit(value);
    else commit(clamp(parsed));
  }

  /** One step up (+1) or down (-1) from the shown number. */
  function stepped(/** @type {number} */ dir) {
    const current = edit.dirty() ? parseNumber(input.value) : value;
    const base = current === null || Number.isNaN(current) ? (props.min_value ?? 0) : current;
    if (current === null || Number.isNaN(current)) return clamp(base);
    const places = Math.min(Math.max(decimals(props.step), decimals(base)), 15);
    return clamp(Number((base + dir * props.step).toFixed(places)));
  }

  function refresh() {
    const v = value;
    minus.disabled = Boolean(props.disabled) || (v !== null && props.min_value != null && v <= props.min_value);
    plus.disabled = Boolean(props.disabled) || (v !== null && props.max_value != null && v >= props.max_value);
    input.setAttribute("aria-valuenow", v === null ? "" : String(v));
    if (props.min_value != null) input.setAttribute("aria-valuemin", String(props.min_value));
    else input.removeAttribute("aria-valuemin");
    if (props.max_value != null) input.setAttribute("aria-valuemax", String(props.max_value));
    else input.removeAttribute("aria-valuemax");
    hint.textContent = edit.dirty() ? "Press Enter to apply" : "";
  }

  on(input, "input", () => {
    refresh();
    check.clear();
  }, ctx);
  on(input, "blur", commitTyped, ctx);
  on(input, "keydown", (/** @type {KeyboardEvent} */ e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      commitTyped();
    } else if (e.key === "ArrowUp" || e.key === "ArrowDown") {
      e.preventDefault();
      input.value = text(stepped(e.key === "ArrowUp" ? 1 : -1));
      refresh();
    }
  }, ctx);
  on(minus, "click", () => {
    check.clear();
    commit(stepped(-1));
  }, ctx);
  on(plus, "click", () => {
    check.clear();
    commit(stepped(1));
  }, ctx);

  const update = (/** @type {WireNode} */ n) => {
    props = n.props;
    if (props.value === null) nullable = true;
    value = props.value;
    frame.update(props);
    setIcon(props.icon);
    applyWidth(frame.el, props.width);
    input.disabled = Boolean(props.disabled);
    input.placeholder = props.placeholder ?? "";
    edit.show(text(value));
    refresh();
  };
  update(node);
  return { el: frame.el, update };
}
