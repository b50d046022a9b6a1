// @ts-check
/**
 * st.chat_input: a message box.  Enter sends (Shift+Enter is a new line), the box empties
 * and keeps focus; the text travels with the event (ctx.click(id, text)), never as a
 * value the kernel would show back.  position "bottom" pins it to the bottom of the app
 * (styles/chat.css), "inline" draws it where it was called.
 */
import { h, icon, on } from "../_base.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").WireNode} WireNode */

const MAX_ROWS = 8;

/** @type {Component} */
export function chat_input(node, ctx) {
  const field = h("textarea", { class: "nbs-chat-textarea", rows: 1 });
  const send = h("button", { type: "button", class: "nbs-chat-send", "aria-label": "Send message" }, icon("send"));
  const count = h("span", { class: "nbs-chat-count", "aria-hidden": "true" });
  const box = h("div", { class: "nbs-chat-box" }, field, count, send);
  const el = h("div", { class: "nbs-chat-input" }, box);
  /** @type {Record<string, any>} */
  let props = node.props;

  const fit = () => {
    field.style.height = "auto";
    const line = parseFloat(getComputedStyle(field).lineHeight) || 24;
    field.style.height = `${Math.min(field.scrollHeight || line, line * MAX_ROWS)}px`;
  };
  const refresh = () => {
    send.disabled = Boolean(props.disabled) || field.value.trim() === "";
    count.textContent = props.max_chars && field.value ? `${field.value.length}/${props.max_chars}` : "";
  };
  const submit = () => {
    const text = field.value;
    if (props.disabled || text.trim() === "") return;
    ctx.click(props.id, text);
    field.value = "";
    refresh();
    fit();
    field.focus({ preventScroll: true });
  };

  on(field, "input", () => {
    refresh();
    fit();
  }, ctx);
  on(field, "keydown", (/** @type {KeyboardEvent} */ e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      submit();
    }
  }, ctx);
  on(send, "click", submit, ctx);

  const update = (/** @type {WireNode} */ n) => {
    props = n.props;
    field.placeholder = props.placeholder ?? "";
    field.setAttribute("aria-label", props.placeholder || "Chat input");
    field.disabled = Boolean(props.disabled);
    if (props.max_chars) field.maxLength = props.max_chars;
    else field.removeAttribute("maxlength");
    el.classList.toggle("nbs-chat-input--bottom", props.position === "bottom");
    el.style.width = typeof props.width === "number" ? `${props.width}px` : "";
    refresh();
  };
  update(node);
  return { el, update };
}
