// @ts-check
/**
 * The widget's `_esm`: a small module that loads the bundle (nbstream/render/assets.py).
 *
 * Under a Jupyter server or Voila it imports `app.js` from where the server publishes
 * the package's `share/jupyter/labextensions/nbstream/static` folder (JupyterLab:
 * `lab/extensions/`, Voila: `voila/labextensions/`), so the browser caches it across
 * apps, tabs and reloads; if that fails, or the file there is another build, it asks
 * the kernel for the bundle.  With NBSTREAM_ESM=inline the bundle travels in the
 * widget's state (`_bundle`), for notebooks opened with no server.
 *
 * The kernel replaces __NBSTREAM_BUILD__ with the content hash of its bundle.
 */

import { baseUrl } from "./static_urls.js";

const BUILD = "__NBSTREAM_BUILD__";
const FOLDER = "nbstream/static/";

/** Where this page's server may serve the bundle, most likely first. */
function folders() {
  const base = new URL(baseUrl(), location.href).href;
  const voila = document.body?.dataset?.voila !== undefined;
  const lab = `${base}lab/extensions/${FOLDER}`;
  const voilaDir = `${base}voila/labextensions/${FOLDER}`;
  return voila ? [voilaDir, lab] : [lab, voilaDir];
}

/**
 * Add the bundle's stylesheet; resolves once it applies, so nothing draws unstyled
 * (charts read their colors from the theme's CSS variables when they first draw).
 * @param {string} href
 * @returns {Promise<void>}
 */
function addStylesheet(href) {
  const id = `nbstream-css-${BUILD}`;
  const cache = /** @type {any} */ (globalThis);
  if (!cache[id]) {
    const link = Object.assign(document.createElement("link"), { id, rel: "stylesheet", href });
    cache[id] = new Promise((resolve) => {
      link.addEventListener("load", () => resolve(undefined));
      link.addEventListener("error", () => resolve(undefined));
      setTimeout(resolve, 5_000);
    });
    document.head.append(link);
  }
  return cache[id];
}

/** @param {string} css */
function addStyle(css) {
  const id = `nbstream-css-${BUILD}`;
  if (document.getElementById(id)) return;
  const style = Object.assign(document.createElement("style"), { id, textContent: css });
  document.head.append(style);
}

/** @returns {Promise<any | null>} the bundle's module from the server, or null */
async function fromServer() {
  for (const folder of folders()) {
    try {
      const mod = await import(/* @vite-ignore */ `${folder}app.js?v=${BUILD}`);
      if (mod.BUILD !== BUILD) continue;
      await addStylesheet(`${folder}app.css?v=${BUILD}`);
      return mod;
    } catch {
      /* not served here */
    }
  }
  return null;
}

/** @param {string} js */
function importText(js) {
  const url = URL.createObjectURL(new Blob([js], { type: "text/javascript" }));
  return import(/* @vite-ignore */ url).finally(() => URL.revokeObjectURL(url));
}

/**
 * Ask the kernel for the bundle (its JS and CSS as two buffers).
 * @param {any} model
 * @returns {Promise<any>}
 */
function fromKernel(model) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("nbstream: the kernel did not send the front end")), 60_000);
    /** @param {any} msg @param {DataView[]} buffers */
    const onMessage = (msg, buffers) => {
      if (!msg || msg.t !== "bundle") return;
      model.off("msg:custom", onMessage);
      clearTimeout(timer);
      const decode = (/** @type {DataView} */ b) => new TextDecoder().decode(b);
      addStyle(decode(buffers[1]));
      importText(decode(buffers[0])).then(resolve, reject);
    };
    model.on("msg:custom", onMessage);
    model.send({ t: "bundle" });
  });
}

/**
 * The bundle's module, from the first place that has it: the widget's own state (a
 * notebook saved or exported with no server around), the server, or the kernel.  One
 * load per page serves every app on it.
 * @param {any} model
 * @returns {Promise<any>}
 */
function bundle(model) {
  const cache = /** @type {any} */ (globalThis);
  const key = `__nbstream_bundle_${BUILD}`;
  if (!cache[key]) {
    const inline = model.get("_bundle");
    cache[key] = inline
      ? importText(inline)
      : fromServer().then((mod) => mod || fromKernel(model));
    cache[key].catch(() => delete cache[key]);
  }
  return cache[key];
}

/**
 * anywidget's widget definition.  anywidget gives a model two seconds to initialize
 * and holds its messages until then, so nothing here waits for the bundle: the
 * messages that arrive before it are kept and handed to the app's store when it starts,
 * and each view is drawn once the bundle is there.
 */
export default function load() {
  /** @type {Promise<{widget: any, cleanup: any}> | null} */
  let started = null;
  return {
    /** @param {any} args */
    initialize(args) {
      const { model } = args;
      /** @type {[any, any[]][]} */
      const backlog = [];
      /** @param {any} msg @param {any[]} buffers */
      const keep = (msg, buffers) => backlog.push([msg, buffers]);
      model.on("msg:custom", keep);
      started = bundle(model).then((mod) => {
        model.off("msg:custom", keep);
        const widget = mod.default();
        return { widget, cleanup: widget.initialize({ ...args, backlog }) };
      });
      started.catch((error) => console.error("nbstream: could not load the front end", error));
      return () => started?.then(({ cleanup }) => typeof cleanup === "function" && cleanup());
    },
    /** @param {any} args */
    async render(args) {
      if (!started) throw new Error("nbstream: the widget was not initialized");
      const { widget } = await started;
      return widget.render(args);
    },
  };
}
