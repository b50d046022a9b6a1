// @ts-check
/**
 * st.widget (elements/components/jupyter.py): a Jupyter widget (ipywidgets, anywidget,
 * ipyleaflet, bqplot, ...) drawn inside the app as a child view, by the page's own
 * widget manager (the one the app's anywidget model belongs to), as ipywidgets' Box
 * draws its children.  No iframe: the widget's model syncs its traits with the kernel
 * itself; the app only places the view and removes it when the element goes.
 */
import { h } from "../_base.js";

/** @typedef {import("../_base.js").Component} Component */

/** How long to wait for a model the kernel just opened to reach the widget manager. */
export const MODEL_WAIT_MS = 15000;
const POLL_MS = 50;

/**
 * The widget manager's model for an ID, waiting for the kernel's comm_open to arrive
 * (an app's patch may come first); ipywidgets 7 answers undefined, 8 rejects, until then.
 * @param {any} manager @param {string} modelId @param {AbortSignal} signal
 */
export async function waitModel(manager, modelId, signal, timeoutMs = MODEL_WAIT_MS) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (signal.aborted) throw new Error("removed");
    try {
      const known = typeof manager.has_model !== "function" || manager.has_model(modelId);
      const model = known ? await manager.get_model(modelId) : undefined;
      if (model) return model;
    } catch {
      /* not there yet */
    }
    if (Date.now() > until) throw new Error(`no widget model ${modelId} in this page`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** A Lumino message (the widget's layout hooks: attach, detach, resize). @param {string} type */
const message = (type) => ({ type, isConflatable: false, width: -1, height: -1 });

/**
 * Put a view into `host` the way Lumino's Widget.attach does, so widgets that lay
 * themselves out on attach and resize (maps, plots, grids) draw; plain views just go in.
 * @param {any} view @param {HTMLElement} host
 */
export function attachView(view, host) {
  const lumino = view.luminoWidget ?? view.pWidget;
  if (lumino && typeof lumino.processMessage === "function" && lumino.node) {
    lumino.processMessage(message("before-attach"));
    host.append(lumino.node);
    lumino.processMessage(message("after-attach"));
    return () => lumino.processMessage(message("resize"));
  }
  host.append(view.el);
  view.trigger?.("displayed");
  return () => view.trigger?.("resize");
}

/** Remove a view (its model stays: the kernel closes it). @param {any} view */
export function removeView(view) {
  const node = (view.luminoWidget ?? view.pWidget)?.node ?? view.el;
  try {
    view.remove?.();
  } catch {
    /* a view half made */
  }
  node?.remove?.();
}

/** @type {Component} */
export function jupyter_widget(node, ctx) {
  const host = h("div", { class: "nbs-jupyter-widget-host" });
  const status = h("div", { class: "nbs-jupyter-widget-status", role: "status", hidden: true });
  const el = h("div", { class: "nbs-jupyter-widget" }, host, status);
  /** @type {any} */
  let view = null;
  /** @type {(() => void) | null} */
  let resize = null;
  let shown = "";
  let token = 0;
  const resizes = typeof ResizeObserver === "function" ? new ResizeObserver(() => resize?.()) : null;
  resizes?.observe(host);

  const drop = () => {
    if (view) removeView(view);
    view = null;
    resize = null;
  };
  /** @param {string} text */
  const say = (text) => {
    status.textContent = text;
    status.hidden = !text;
  };
  /** @param {string} modelId */
  const show = async (modelId) => {
    const mine = ++token;
    drop();
    shown = modelId;
    const manager = ctx.widgetManager?.();
    if (!manager || typeof manager.create_view !== "function") {
      say("This Jupyter widget is shown only while the app's kernel is connected.");
      return;
    }
    try {
      const model = await waitModel(manager, modelId, ctx.signal);
      if (mine !== token || ctx.signal.aborted) return;
      const made = await manager.create_view(model, {});
      if (mine !== token || ctx.signal.aborted) {
        removeView(made);
        return;
      }
      view = made;
      say("");
      resize = attachView(made, host);
    } catch (err) {
      if (mine === token && !ctx.signal.aborted)
        say(`The Jupyter widget could not be shown: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  ctx.signal.addEventListener("abort", () => {
    token += 1;
    resizes?.disconnect();
    drop();
  });
  /** @param {Record<string, any>} p */
  const update = (p) => {
    el.dataset.widgetClass = String(p.widget_class ?? "");
    if (typeof p.model_id === "string" && p.model_id !== shown) void show(p.model_id);
  };
  update(node.props);
  return { el, update: (n) => update(n.props) };
}
