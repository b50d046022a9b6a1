// @ts-check
/**
 * ES-module components (elements/components/esm.py): an anywidget-style module
 * (`export default { render({ model, el }) }`) drawn in the page, without an iframe.
 *
 * The module's `model` reads the call's args (`model.get(name)`) and the component's
 * value (`model.get("value")`); `model.set("value", v)` + `model.save_changes()` commits
 * the value through the same validated path as a declared component's.  `change:<name>`
 * listeners fire when a rerun brings new args or a new value.
 */
import { h } from "../_base.js";
import { toWire } from "./declare.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").ComponentContext} ComponentContext */

/** @type {Map<string, Promise<any>>} */
const modules = new Map();

/** Import a module from its source, once per source text. @param {string} esm */
function load(esm) {
  let found = modules.get(esm);
  if (!found) {
    const blob = typeof URL.createObjectURL === "function";
    const url = blob
      ? URL.createObjectURL(new Blob([esm], { type: "text/javascript" }))
      : `data:text/javascript;charset=utf-8,${encodeURIComponent(esm)}`;
    found = import(/* webpackIgnore: true */ url).finally(() => blob && URL.revokeObjectURL(url));
    modules.set(esm, found);
  }
  return found;
}

/** @param {Record<string, any>} props */
function valueOf(props) {
  const wire = props.value;
  return wire && typeof wire === "object" && "json" in wire ? wire.json : null;
}

/**
 * The `model` an anywidget-style module sees.
 * @param {() => Record<string, any>} props  the current props
 * @param {ComponentContext} ctx
 */
export function makeModel(props, ctx) {
  /** @type {Map<string, Set<Function>>} */
  const listeners = new Map();
  /** @type {Record<string, any>} */
  let pending = {};
  const model = {
    /** @param {string} name */
    get(name) {
      if (name in pending) return pending[name];
      return name === "value" ? valueOf(props()) : props().args?.[name];
    },
    /** @param {string} name @param {any} value */
    set(name, value) {
      if (name === "value") pending.value = value;
    },
    save_changes() {
      if (!("value" in pending)) return;
      const wire = toWire(pending.value, "json");
      pending = {};
      if (wire !== undefined) ctx.setValue(props().id, wire);
    },
    /** @param {string} event @param {Function} fn */
    on(event, fn) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)?.add(fn);
    },
    /** @param {string} [event] @param {Function} [fn] */
    off(event, fn) {
      if (!event) listeners.clear();
      else if (!fn) listeners.delete(event);
      else listeners.get(event)?.delete(fn);
    },
    send() {
      /* custom messages: not part of a component's protocol */
    },
  };
  /** Tell listeners what a rerun changed. @param {Record<string, any>} before @param {Record<string, any>} after */
  const changed = (before, after) => {
    const names = new Set([...Object.keys(before.args ?? {}), ...Object.keys(after.args ?? {})]);
    const diff = [...names].filter((n) => JSON.stringify(before.args?.[n]) !== JSON.stringify(after.args?.[n]));
    if (JSON.stringify(valueOf(before)) !== JSON.stringify(valueOf(after))) diff.push("value");
    for (const name of diff) for (const fn of listeners.get(`change:${name}`) ?? []) fn();
    if (diff.length) for (const fn of listeners.get("change") ?? []) fn();
  };
  return { model, changed };
}

/** @type {Component} */
export function anywidget_component(node, ctx) {
  const el = h("div", { class: "nbs-anywidget" });
  const style = h("style", {});
  const host = h("div", { class: "nbs-anywidget-host" });
  el.append(style, host);
  let props = node.props;
  const { model, changed } = makeModel(() => props, ctx);
  /** @type {any} */
  let cleanup;
  let gone = false;
  style.textContent = String(props.css ?? "");
  load(String(props.esm ?? ""))
    .then(async (mod) => {
      const def = typeof mod.default === "function" ? await mod.default() : mod.default;
      if (gone || !def || typeof def.render !== "function") return;
      cleanup = await def.render({ model, el: host });
    })
    .catch((/** @type {any} */ err) => {
      host.replaceChildren(h("pre", { class: "nbs-anywidget-error" }, `Component failed: ${err?.message ?? err}`));
    });
  ctx.signal.addEventListener("abort", () => {
    gone = true;
    if (typeof cleanup === "function") cleanup();
  });
  return {
    el,
    update(n) {
      const before = props;
      props = n.props;
      style.textContent = String(props.css ?? "");
      changed(before, props);
    },
  };
}
