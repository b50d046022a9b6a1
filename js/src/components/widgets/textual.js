// @ts-check
/**
 * Text widgets: text_input (Enter or blur commits; password show/hide; max_chars
 * counter), text_area (blur or Ctrl/Cmd+Enter commits; height), color_picker.
 *
 * Wire values: the text, or null while a widget that started empty (value=None) is
 * still empty; color_picker "#rrggbb".
 */
import { h, icon, labelled, on, uid } from "../_base.js";
import { draft, isMac } from "../_editing.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").ComponentContext} ComponentContext */
/** @typedef {import("../_base.js").WireNode} WireNode */

/**
 * The behaviour text_input and text_area share: show the kernel's text without
 * trampling an edit, commit on blur (and on the key `isCommitKey` names), and show the
 * "Press ... to apply" hint and the max_chars counter.
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

  function refresh() {
    const parts = [];
    if (edit.dirty()) parts.push(opts.formHint && field.closest(".nbs-form") ? opts.formHint : opts.hintText);
    if (props.max_chars) parts.push(`${field.value.length}/${props.max_chars}`);
    hint.textContent = parts.join("  ");
    hint.classList.toggle("nbs-input-instructions--full", Boolean(props.max_chars) && field.value.length >= props.max_chars);
  }

  function commit() {
    if (!edit.dirty() || props.disabled) return;
    const text = field.value;
    edit.settle(text);
    if (text !== value) {
      value = text;
      ctx.setValue(props.id, text);
    }
    refresh();
  }

  on(field, "input", refresh, ctx);
  on(field, "blur", commit, ctx);
  on(field, "keydown", (/** @type {KeyboardEvent} */ e) => {
    if (opts.isCommitKey(e)) {
      e.preventDefault();
      commit();
    }
  }, ctx);

  return {
    hint,
    /** @param {Record<string, any>} p */
    update(p) {
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
    input.autocomplete = p.autocomplete || "";
    const password = p.type === "password";
    if (password && !eye) box.append((eye = passwordToggle()));
    if (!password && eye) {
      eye.remove();
      eye = null;
      reveal = false;
    }
    const type = password && !reveal ? "password" : "text";
    if (input.type !== type) input.type = type;
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
  const update = (/** @type {WireNode} */ n) => {
    frame.update(n.props);
    editing.update(n.props);
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
    value = fullHex(props.value);
    if (input.value !== value) input.value = value;
    input.disabled = Boolean(props.disabled);
    input.title = value;
  };
  update(node);
  return { el: frame.el, update };
}
