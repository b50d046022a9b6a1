// @ts-check
/** Test helpers: a ComponentContext that records what a component sends, and mounting. */
import { components } from "../src/components/index.js";
import { renderMarkdown } from "../src/markdown.js";

/**
 * Requests fail, as they would with no kernel behind the page; `requests` counts them.
 * @returns {import("../src/types.js").ComponentContext & {sent: any[], clicks: string[], requests: any[], abort: () => void}}
 */
export function makeCtx() {
  const controller = new AbortController();
  /** @type {any[]} */
  const sent = [];
  /** @type {string[]} */
  const clicks = [];
  /** @type {any[]} */
  const requests = [];
  return {
    sent,
    clicks,
    requests,
    request: (payload) => {
      requests.push(payload);
      // Fails a moment later, as a kernel's error answer would (not in the same microtask).
      return new Promise((_, reject) => setTimeout(() => reject(new Error("no kernel in this test")), 1));
    },
    setValue: (id, value) => sent.push([id, value]),
    click: (id) => clicks.push(id),
    markdown: (text, opts) => renderMarkdown(text, opts),
    blob: () => undefined,
    navigate: (path, query) => sent.push(["navigate", path, query]),
    signal: controller.signal,
    abort: () => controller.abort(),
  };
}

/**
 * Mount a kind with props into the document, as the shell would.
 * @param {string} kind
 * @param {Record<string, any>} props
 * @param {{children?: any[]}} [extra]
 */
export function mount(kind, props, extra = {}) {
  const ctx = makeCtx();
  const node = { kind, key: props.id || kind, props, ...extra };
  const mounted = components[kind](node, ctx);
  mounted.el.dataset.kind = kind;
  document.body.append(mounted.el);
  /** @param {Record<string, any>} next */
  const update = (next) => mounted.update({ ...node, props: { ...props, ...next } });
  return { ctx, el: mounted.el, mounted, update };
}

/** Widget props as the Python widget_props helper makes them. */
export function widget(extra = {}) {
  return { id: "w1", label: "Pick", help: null, disabled: false, label_visibility: "visible", ...extra };
}

/** @param {Element} el @param {string} key @param {Record<string, any>} [init] */
export function key(el, keyName, init = {}) {
  el.dispatchEvent(new KeyboardEvent("keydown", { key: keyName, bubbles: true, cancelable: true, ...init }));
  el.dispatchEvent(new KeyboardEvent("keyup", { key: keyName, bubbles: true, cancelable: true, ...init }));
}

/** Type text into a field as a user would (value + input event). */
export function type(/** @type {HTMLInputElement | HTMLTextAreaElement} */ field, text) {
  field.focus();
  field.value = text;
  field.dispatchEvent(new Event("input", { bubbles: true }));
}
