// @ts-check
/**
 * The app shell: one anywidget model per app, any number of views of it.
 *
 * `createWidget(registry)` returns anywidget's {initialize, render}.  `initialize`
 * makes the model's AppStore: the tree (from the saved `_snapshot`, then kept current
 * by the kernel's patches), the binary buffers, the session's Settings, and the
 * messages to the kernel.  `render` makes an AppView: the chrome, the sidebar and main
 * area, and the elements, mounted by the Reconciler (patch.js) with the components of
 * the registry.  Messages: nbstream/render/stream.py (kernel -> browser) and
 * nbstream/render/bridge.py (browser -> kernel).
 *
 * @typedef {import("./types.js").WireNode} WireNode
 * @typedef {import("./types.js").Component} Component
 * @typedef {import("./types.js").ComponentContext} ComponentContext
 * @typedef {import("./types.js").Mounted} Mounted
 * @typedef {import("./patch.js").Op} Op
 * @typedef {import("./patch.js").Entry} Entry
 *
 * @typedef {Object} Registry
 * @property {Record<string, Component>} components
 * @property {(text: string, opts?: {inline?: boolean, allowHtml?: boolean}) => HTMLElement} markdown
 *
 * @typedef {{fresh: [string[], number][]} | null} RunState
 */
import { AppStore } from "./store.js";
import { AppView } from "./view.js";

export { AppStore } from "./store.js";
export { AppView } from "./view.js";

/**
 * anywidget's widget definition for one model.
 * @param {Registry} registry
 */
export function createWidget(registry) {
  /** @type {AppStore | undefined} */
  let store;
  return {
    /** @param {{model: any, backlog?: [any, any[]][]}} args  `backlog`: messages the loader kept */
    initialize({ model, backlog }) {
      store = new AppStore(model, registry, backlog);
      return () => store?.dispose();
    },
    /** @param {{model: any, el: HTMLElement}} args */
    render({ model, el }) {
      if (!store) store = new AppStore(model, registry);
      const view = new AppView(store, el);
      return () => view.dispose();
    },
  };
}
