// @ts-check
/**
 * Text widgets: text_input (Enter or blur commits, or a pause in typing with `live`;
 * password show/hide; max_chars counter; an icon; `required` and `validate` checks),
 * text_area (blur or Ctrl/Cmd+Enter commits; height; `required`), color_picker.
 *
 * Wire values: the text, or null while a widget that started empty (value=None) is
 * still empty; color_picker "#rrggbb".
 */
import { h, icon, labelled, on, uid } from "../_base.js";
import { draft, isMac } from "../_editing.js";
import { applyWidth, fieldCheck, iconSlot, inForm, textProblem, validationRule } from "./_inputs.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").ComponentContext} ComponentContext */
/** @typedef {import("../_base.js").WireNode} WireNode */

/**
 * The behaviour text_input and text_area share: show the kernel's text without
 * trampling an edit, commit on blur (and on the key `isCommitKey` names), and show the
 * "Press ... to apply" hint and the max_chars counter.  Text that fails `required` or
 * `validate` is not sent (the last value stays the app's) and blocks the form's submit;
 * with `live` (text_input, outside forms) a pause in typing commits.
 * @param {HTMLInputElement | HTMLTextAreaElement} field
 * @param {ComponentContext} ctx
 * @param {{hintText: string, formHint?: string, isCommitKey: (e: KeyboardEvent) => boolean}} opts
 */
function textEditing(field, ctx, opts) {
  const edit = draft(field);
  const hint = h("span", { class: "nbs-input-instructions", "aria-hidden": "true" });
  /** @type {Record<string, any>} */
  let props = {};
  /** @type {string | null} */
  let value = null;
  /** @type {RegExp | null} */
  let rule = null;
  /** @type {ReturnType<typeof fieldCheck> | null} */
  let check = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const problem = () => textProblem(field.value, { required: props.required, rule, message: props.validate_message });

  function refresh() {
    const parts = [];
    if (edit.dirty()) parts.push(opts.formHint && field.closest(".nbs-form") ? opts.formHint : opts.hintText);
    if (props.max_chars) parts.push(`${field.value.length}/${props.max_chars}`);
    hint.textContent = parts.join("  ");
    hint.classList.toggle("nbs-input-instructions--full", Boolean(props.max_chars) && field.value.length >= props.max_chars);
  }

  function commit() {
    clearTimeout(timer);
    if (props.disabled) return;
    if (!edit.dirty()) {
      check?.clear();
      return;
    }
    if (check && !check.ok()) return;
    const text = field.value;
    edit.settle(text);
    if (text !== value) {
      value = text;
      ctx.setValue(props.id, text);
    }
    refresh();
  }

  on(field, "input", () => {
    refresh();
    check?.clear();
    const pause = props.live_debounce_ms;
    if (typeof pause !== "number" || inForm(field)) return;
    clearTimeout(timer);
    if (pause === 0) commit();
    else timer = setTimeout(commit, pause);
  }, ctx);
  ctx.signal.addEventListener("abort", () => clearTimeout(timer));
  on(field, "blur", commit, ctx);
  on(field, "keydown", (/** @type {KeyboardEvent} */ e) => {
    if (opts.isCommitKey(e)) {
      e.preventDefault();
      commit();
    }
  }, ctx);

  return {
    hint,
    commit,
    /** Show errors under `frame` (after the field's box is in it). @param {HTMLElement} frame */
    checkIn(frame) {
      check = fieldCheck(frame, field, ctx, problem);
    },
    /** @param {Record<string, any>} p */
    update(p) {
      if (p.validate_regex !== props.validate_regex) rule = validationRule(p.validate_regex);
      props = p;
      value = p.value ?? null;
      field.disabled = Boolean(p.disabled);
      field.placeholder = p.placeholder ?? "";
      if (p.max_chars) field.maxLength = p.max_chars;
      else field.removeAttribute("maxlength");
      edit.show(p.value ?? "");
      refresh();
    },
  };
}

// The <input> type of each text_input type.  An email field stays type=text (with an
// email keyboard): type=email has no selection API, which keeps the caret across updates.
/** @type {Record<string, string>} */
const FIELD_TYPES = { url: "url", phone: "tel", search: "search" };

/** @type {Component} */
export function text_input(node, ctx) {
  const inputId = uid("nbs-input");
  const input = h("input", { id: inputId, type: "text", class: "nbs-input" });
  const editing = textEditing(input, ctx, {
    hintText: "Press Enter to apply",
    formHint: "Press Enter to submit form",
    isCommitKey: (e) => e.key === "Enter",
  });
  const box = h("div", { class: "nbs-input-box" }, input, editing.hint);
  const frame = labelled("text_input", ctx, { forId: inputId, named: () => [input] });
  frame.el.append(box);
  editing.checkIn(frame.el);
  const setIcon = iconSlot(box, input);
  // A search field commits when it is cleared (its own x button, or emptied by typing).
  on(input, "input", () => {
    if (input.type === "search" && input.value === "") editing.commit();
  }, ctx);
  let reveal = false;
  /** @type {HTMLButtonElement | null} */
  let eye = null;

  function passwordToggle() {
    const button = h("button", { type: "button", class: "nbs-input-eye" });
    on(button, "pointerdown", (e) => e.preventDefault(), ctx); // keep the caret in the field
    on(button, "click", () => {
      reveal = !reveal;
      input.type = reveal ? "text" : "password";
      setEye(button);
    }, ctx);
    setEye(button);
    return button;
  }
  /** @param {HTMLButtonElement} button */
  function setEye(button) {
    button.setAttribute("aria-label", reveal ? "Hide password" : "Show password");
    button.replaceChildren(icon(reveal ? "visibility_off" : "visibility"));
  }

  const update = (/** @type {WireNode} */ n) => {
    const p = n.props;
    frame.update(p);
    editing.update(p);
    setIcon(p.icon);
    applyWidth(frame.el, p.width);
    input.autocomplete = p.autocomplete || "";
    const password = p.type === "password";
    if (password && !eye) box.append((eye = passwordToggle()));
    if (!password && eye) {
      eye.remove();
      eye = null;
      reveal = false;
    }
    const type = password && !reveal ? "password" : FIELD_TYPES[p.type] || "text";
    if (input.type !== type) input.type = type;
    if (p.type === "email") input.inputMode = "email";
    else input.removeAttribute("inputmode");
  };
  update(node);
  return { el: frame.el, update };
}

/** @type {Component} */
export function text_area(node, ctx) {
  const inputId = uid("nbs-input");
  const area = h("textarea", { id: inputId, class: "nbs-input nbs-textarea" });
  const editing = textEditing(area, ctx, {
    hintText: isMac() ? "Press ⌘+Enter to apply" : "Press Ctrl+Enter to apply",
    isCommitKey: (e) => e.key === "Enter" && (e.ctrlKey || e.metaKey),
  });
  const frame = labelled("text_area", ctx, { forId: inputId, named: () => [area] });
  frame.el.append(h("div", { class: "nbs-input-box nbs-input-box--area" }, area, editing.hint));
  editing.checkIn(frame.el);
  const update = (/** @type {WireNode} */ n) => {
    frame.update(n.props);
    editing.update(n.props);
    applyWidth(frame.el, n.props.width);
    area.style.height = n.props.height ? `${n.props.height}px` : "";
  };
  update(node);
  return { el: frame.el, update };
}

/** "#abc" -> "#aabbcc", lower case (what a color input holds). */
export function fullHex(/** @type {string} */ color) {
  const c = String(color || "#000000").toLowerCase();
  return c.length === 4 ? `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}` : c;
}

/** @type {Component} */
export function color_picker(node, ctx) {
  const inputId = uid("nbs-input");
  const input = h("input", { id: inputId, type: "color", class: "nbs-color-input" });
  const frame = labelled("color_picker", ctx, { forId: inputId, named: () => [input] });
  frame.el.append(h("div", { class: "nbs-color-control" }, input));
  let props = node.props;
  let value = fullHex(props.value);
  // The picker reports every move with "input"; the value commits on "change", when it closes.
  on(input, "change", () => {
    if (props.disabled || input.value === value) return;
    value = input.value;
    ctx.setValue(props.id, value);
  }, ctx);
  const update = (/** @type {WireNode} */ n) => {
    props = n.props;
    frame.update(props);
    applyWidth(frame.el, props.width || "content");
    value = fullHex(props.value);
    if (input.value !== value) input.value = value;
    input.disabled = Boolean(props.disabled);
    input.title = value;
  };
  update(node);
  return { el: frame.el, update };
}
