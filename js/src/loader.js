// @ts-check
/**
 * The widget's `_esm` when the bundle is served as a static file (NBSTREAM_ESM=static,
 * the default under a Jupyter server or Voila): a few hundred bytes per app instead of
 * the whole bundle, and the browser caches the bundle across apps, tabs and reloads.
 *
 * It imports `app.js` from where the server publishes the package's
 * `share/jupyter/labextensions/nbstream/static` folder (JupyterLab:
 * `lab/extensions/`, Voila: `voila/labextensions/`).  If that fails, or the file there
 * is another build, it asks the kernel for the bundle once per page.
 *
 * The kernel replaces __NBSTREAM_BUILD__ with the content hash of its bundle.
 */

const BUILD = "__NBSTREAM_BUILD__";
const FOLDER = "nbstream/static/";

/** The server's base URL, from the page config every Jupyter page carries. */
function baseUrl() {
  try {
    const data = document.getElementById("jupyter-config-data");
    const base = JSON.parse(data?.textContent || "{}").baseUrl;
    if (typeof base === "string" && base) return base.endsWith("/") ? base : `${base}/`;
  } catch {
    /* no page config: the server root */
  }
  return "/";
}

/** Where this page's server may serve the bundle, most likely first. */
function folders() {
  const base = new URL(baseUrl(), location.href).href;
  const voila = document.body?.dataset?.voila !== undefined;
  const lab = `${base}lab/extensions/${FOLDER}`;
  const voilaDir = `${base}voila/labextensions/${FOLDER}`;
  return voila ? [voilaDir, lab] : [lab, voilaDir];
}

/** @param {string} href */
function addStylesheet(href) {
  const id = `nbstream-css-${BUILD}`;
  if (document.getElementById(id)) return;
  const link = Object.assign(document.createElement("link"), { id, rel: "stylesheet", href });
  document.head.append(link);
}

/** @param {string} css */
function addStyle(css) {
  const id = `nbstream-css-${BUILD}`;
  if (document.getElementById(id)) return;
  const style = Object.assign(document.createElement("style"), { id, textContent: css });
  document.head.append(style);
}

/** @returns {Promise<any | null>} the bundle's module, or null */
async function fromServer() {
  for (const folder of folders()) {
    try {
      const mod = await import(/* @vite-ignore */ `${folder}app.js?v=${BUILD}`);
      if (mod.BUILD !== BUILD) continue;
      addStylesheet(`${folder}app.css?v=${BUILD}`);
      return mod;
    } catch {
      /* not served here */
    }
  }
  return null;
}

/**
 * Ask the kernel for the bundle (its JS and CSS as two buffers).
 * @param {any} model
 * @returns {Promise<any>}
 */
function fromKernel(model) {
  const cache = /** @type {any} */ (globalThis);
  const key = `__nbstream_bundle_${BUILD}`;
  if (!cache[key]) {
    cache[key] = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("nbstream: the kernel did not send the front end")), 30_000);
      /** @param {any} msg @param {DataView[]} buffers */
      const onMessage = async (msg, buffers) => {
        if (!msg || msg.t !== "bundle") return;
        model.off("msg:custom", onMessage);
        clearTimeout(timer);
        try {
          const decode = (/** @type {DataView} */ b) => new TextDecoder().decode(b);
          addStyle(decode(buffers[1]));
          const url = URL.createObjectURL(new Blob([decode(buffers[0])], { type: "text/javascript" }));
          resolve(await import(/* @vite-ignore */ url));
        } catch (error) {
          reject(error);
        }
      };
      model.on("msg:custom", onMessage);
      model.send({ t: "bundle" });
    });
  }
  return cache[key];
}

/**
 * The widget definition when the bundle comes from the kernel.  anywidget holds a
 * model's messages until `initialize` returns, so the bundle cannot be awaited there:
 * `initialize` only asks for it, and the bundle's own widget starts when it arrives.
 */
function viaKernel() {
  /** @type {Promise<{widget: any, cleanup: any}> | null} */
  let started = null;
  return {
    /** @param {any} args */
    initialize(args) {
      started = fromKernel(args.model).then(async (mod) => {
        const widget = mod.default();
        return { widget, cleanup: await widget.initialize?.(args) };
      });
      started.catch((error) => console.error(error));
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

export default async function load() {
  const mod = await fromServer();
  return mod ? mod.default() : viaKernel();
}
