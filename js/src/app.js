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
import { Chrome } from "./chrome.js";
import { broken, fallback } from "./fallback.js";
import { applyToTree, nodeAt, PatchMismatch, Reconciler } from "./patch.js";
import { applyTheme, resolveTheme, watchHost } from "./theme.js";

const REQUEST_TIMEOUT_MS = 10_000;
// Keep the saved `_snapshot` current this long after the last patch (saving a
// notebook then stores the app as last shown).
const SAVE_DELAY_MS = 500;
const MAX_OUTPUT_CHARS = 100_000;
// After asking the kernel for a snapshot, how long to wait before asking again.
const RESYNC_WAIT_MS = 2_000;

/** @returns {WireNode} */
function emptyRoot() {
  return {
    kind: "root",
    key: "root",
    props: {},
    children: [
      { kind: "main", key: "main", props: {}, children: [] },
      { kind: "sidebar", key: "sidebar", props: {}, children: [] },
      { kind: "event", key: "event", props: {}, children: [] },
    ],
  };
}

/** @param {any} value */
function asView(value) {
  if (value instanceof DataView) return value;
  if (value instanceof ArrayBuffer) return new DataView(value);
  if (ArrayBuffer.isView(value)) return new DataView(value.buffer, value.byteOffset, value.byteLength);
  return undefined;
}

/**
 * One model's state, shared by its views.
 */
export class AppStore {
  /**
   * @param {any} model  anywidget's model
   * @param {Registry} registry
   * @param {[any, any[]][]} [backlog]  messages that arrived before the store
   */
  constructor(model, registry, backlog = []) {
    this.model = model;
    this.registry = registry;
    /** @type {Set<AppView>} */
    this.views = new Set();
    const snapshot = model.get("_snapshot") || {};
    this.version = typeof snapshot.v === "number" ? snapshot.v : -1;
    /** @type {WireNode} */
    this.tree = snapshot.tree || emptyRoot();
    /** @type {RunState} */
    this.run = snapshot.run || null;
    /** @type {Map<string, DataView>} */
    this.blobs = new Map();
    for (const [hash, value] of Object.entries(model.get("_blobs") || {})) {
      const view = asView(value);
      if (view) this.blobs.set(hash, view);
    }
    /** @type {Record<string, any>} */
    this.config = model.get("_config") || {};
    this.settings = { theme: "system", wide: /** @type {boolean | null} */ (null) };
    this.output = /** @type {{stream: string, text: string}[]} */ ([]);
    this.setOutput(snapshot.out);
    /** @type {Map<string, {resolve: (v: any) => void, reject: (e: Error) => void, timer: any}>} */
    this.pending = new Map();
    this.requestCounter = 0;
    this.seq = 0;
    /** @type {Map<string, number>} widget ID -> the seq of the user's last value for it */
    this.sentSeq = new Map();
    /** @type {Map<string, any>} widget ID -> the user's last value for it */
    this.sentValue = new Map();
    this.askedAt = -Infinity;
    this.saveTimer = /** @type {any} */ (0);
    this.abort = new AbortController();
    const signal = this.abort.signal;
    /** @param {any} msg @param {any[]} buffers */
    const onMessage = (msg, buffers) => this.onMessage(msg, buffers || []);
    model.on("msg:custom", onMessage);
    const onSnapshot = () => this.onSnapshotTrait();
    model.on("change:_snapshot", onSnapshot);
    const onConfig = () => {
      this.config = model.get("_config") || {};
      for (const view of this.views) view.configure();
    };
    model.on("change:_config", onConfig);
    signal.addEventListener("abort", () => {
      model.off("msg:custom", onMessage);
      model.off("change:_snapshot", onSnapshot);
      model.off("change:_config", onConfig);
    });
    for (const [msg, buffers] of backlog) this.onMessage(msg, buffers || []);
    this.hello();
  }

  dispose() {
    this.abort.abort();
    clearTimeout(this.saveTimer);
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer);
      reject(new Error("the app was closed"));
    }
    this.pending.clear();
  }

  get interactive() {
    return this.config.interactive !== false;
  }

  // ---- to the kernel ----------------------------------------------------------------------

  /** @param {Record<string, any>} msg */
  send(msg) {
    try {
      this.model.send(msg);
      return true;
    } catch (error) {
      // No kernel (a saved notebook, exported HTML): the app is shown read-only.
      return false;
    }
  }

  /** Tell the kernel which version this model shows; it answers with a snapshot if another. */
  hello() {
    this.askedAt = Date.now();
    this.send({ t: "hello", v: this.version });
  }

  /** Out of step with the kernel: ask again, unless an answer is already on its way. */
  resyncSoon() {
    if (Date.now() - this.askedAt > RESYNC_WAIT_MS) this.hello();
  }

  /** @param {string} id @param {any} value */
  setValue(id, value) {
    if (!this.interactive || !id) return;
    const seq = ++this.seq;
    this.sentSeq.set(id, seq);
    this.sentValue.set(id, value);
    this.send({ t: "set", values: { [id]: value }, seq });
  }

  /** @param {string} id */
  click(id) {
    if (this.interactive && id) this.send({ t: "click", id, seq: ++this.seq });
  }

  /**
   * A widget's value is the user's until the kernel has seen it: a patch made before
   * the kernel saw the user's last value for a widget (`seen` is the last value message
   * the kernel had then) carries the user's value instead, so a slider moved twice
   * never jumps back.
   * @param {Op[]} ops
   * @param {number | undefined} seen
   * @returns {Op[]}
   */
  keepUserValues(ops, seen) {
    if (this.sentSeq.size === 0) return ops;
    return ops.map((op) => {
      if (op.op !== "props" || !("value" in op.set)) return op;
      const id = nodeAt(this.tree, op.at)?.props?.id;
      const mine = typeof id === "string" ? this.sentSeq.get(id) : undefined;
      if (mine === undefined) return op;
      if (mine <= (seen ?? -1)) {
        this.sentSeq.delete(/** @type {string} */ (id));
        this.sentValue.delete(/** @type {string} */ (id));
        return op;
      }
      return { ...op, set: { ...op.set, value: this.sentValue.get(/** @type {string} */ (id)) } };
    });
  }

  /**
   * @param {string[]} at
   * @param {Record<string, any>} payload
   * @param {number} [timeoutMs]
   * @returns {Promise<{content: any, buffers: DataView[]}>}
   */
  request(at, payload, timeoutMs = REQUEST_TIMEOUT_MS) {
    const rid = `r${++this.requestCounter}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(rid);
        reject(new Error(`no answer from the kernel within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(rid, { resolve, reject, timer });
      if (!this.send({ t: "request", rid, at, payload })) {
        clearTimeout(timer);
        this.pending.delete(rid);
        reject(new Error("no kernel"));
      }
    });
  }

  // ---- from the kernel --------------------------------------------------------------------

  /**
   * @param {any} msg
   * @param {any[]} buffers
   */
  onMessage(msg, buffers) {
    if (!msg || typeof msg !== "object") return;
    if (msg.t === "patch") this.onPatch(msg, buffers);
    else if (msg.t === "snapshot") this.onSnapshot(msg, buffers);
    else if (msg.t === "out") this.onOutput(msg);
    else if (msg.t === "response") this.onResponse(msg, buffers);
  }

  /**
   * @param {{v: number, base: number, ops: Op[], run: RunState, blobs: string[], drop: string[], seq?: number}} msg
   * @param {any[]} buffers
   */
  onPatch(msg, buffers) {
    if (msg.base !== this.version) {
      if (msg.v > this.version) this.resyncSoon();
      return;
    }
    this.addBlobs(msg.blobs, buffers);
    const ops = this.keepUserValues(msg.ops, msg.seq);
    try {
      this.tree = applyToTree(this.tree, ops);
    } catch (error) {
      this.resync(error);
      return;
    }
    for (const hash of msg.drop || []) this.blobs.delete(hash);
    this.version = msg.v;
    this.run = msg.run || null;
    for (const view of this.views) {
      try {
        view.patch(ops);
      } catch (error) {
        view.rebuild();
        if (!(error instanceof PatchMismatch)) console.error("nbstream: patching the view failed", error);
      }
    }
    this.scheduleSave();
  }

  /**
   * @param {{v: number, tree: WireNode, run: RunState, blobs: string[], out?: [string, string][]}} msg
   * @param {any[]} buffers
   */
  onSnapshot(msg, buffers) {
    this.blobs.clear();
    this.addBlobs(msg.blobs, buffers);
    this.setOutput(msg.out);
    this.replace(msg.v, msg.tree, msg.run || null);
  }

  onSnapshotTrait() {
    const snapshot = this.model.get("_snapshot") || {};
    if (typeof snapshot.v !== "number" || snapshot.v <= this.version || !snapshot.tree) return;
    for (const [hash, value] of Object.entries(this.model.get("_blobs") || {})) {
      const view = asView(value);
      if (view) this.blobs.set(hash, view);
    }
    this.replace(snapshot.v, snapshot.tree, snapshot.run || null);
  }

  /**
   * @param {number} version
   * @param {WireNode} tree
   * @param {RunState} run
   */
  replace(version, tree, run) {
    this.version = version;
    this.tree = tree;
    this.run = run;
    for (const view of this.views) view.rebuild();
  }

  /** @param {unknown} error */
  resync(error) {
    console.warn("nbstream: out of step with the kernel, asking for the whole app", error);
    this.askedAt = -Infinity;
    this.version = -1;
    this.hello();
  }

  /**
   * @param {string[] | undefined} hashes
   * @param {any[]} buffers
   */
  addBlobs(hashes, buffers) {
    (hashes || []).forEach((hash, i) => {
      const view = asView(buffers[i]);
      if (view) this.blobs.set(hash, view);
    });
  }

  /** @param {[string, string][] | undefined} parts  printed output, as [stream, text] */
  setOutput(parts) {
    this.output = (parts || []).map(([stream, text]) => ({ stream: stream === "stderr" ? "stderr" : "stdout", text: String(text) }));
  }

  /** @param {{text: string, stream: string, clear: boolean}} msg */
  onOutput(msg) {
    if (msg.clear) this.output = [];
    if (msg.text) this.output.push({ stream: msg.stream === "stderr" ? "stderr" : "stdout", text: String(msg.text) });
    let total = this.output.reduce((n, part) => n + part.text.length, 0);
    while (total > MAX_OUTPUT_CHARS && this.output.length > 1) total -= /** @type {any} */ (this.output.shift()).text.length;
    for (const view of this.views) view.showOutput();
  }

  /**
   * @param {{rid: string, content?: any, error?: string}} msg
   * @param {any[]} buffers
   */
  onResponse(msg, buffers) {
    const waiting = this.pending.get(msg.rid);
    if (!waiting) return;
    this.pending.delete(msg.rid);
    clearTimeout(waiting.timer);
    if (msg.error !== undefined) waiting.reject(new Error(msg.error));
    else waiting.resolve({ content: msg.content, buffers: buffers.map(asView).filter(Boolean) });
  }

  scheduleSave() {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      // Only the browser's copy of the model: a notebook saved with widget state then
      // shows the app as it was last drawn.  Never sent to the kernel.
      try {
        const out = this.output.map((part) => [part.stream, part.text]);
        this.model.set("_snapshot", { v: this.version, tree: this.tree, run: null, out });
      } catch {
        /* a read-only model */
      }
    }, SAVE_DELAY_MS);
  }

  // ---- the session's settings ---------------------------------------------------------------

  /** @param {{theme?: string, wide?: boolean}} change */
  changeSettings(change) {
    if (change.theme === "system" || change.theme === "light" || change.theme === "dark") this.settings.theme = change.theme;
    if (typeof change.wide === "boolean") this.settings.wide = change.wide;
    for (const view of this.views) view.configure();
  }
}

/**
 * One view of an app (a notebook output, a Voila page).
 */
export class AppView {
  /**
   * @param {AppStore} store
   * @param {HTMLElement} host
   */
  constructor(store, host) {
    this.store = store;
    this.host = host;
    this.abort = new AbortController();
    const signal = this.abort.signal;
    /** @type {Set<HTMLElement>} */
    this.stale = new Set();

    this.root = document.createElement("div");
    this.root.className = "nbs-app";
    this.root.tabIndex = -1;
    // JupyterLab ignores its keyboard shortcuts for keys pressed in here.
    this.root.setAttribute("data-lm-suppress-shortcuts", "true");
    this.body = document.createElement("div");
    this.body.className = "nbs-body";
    this.outputEl = document.createElement("pre");
    this.outputEl.className = "nbs-output";
    this.outputEl.hidden = true;
    this.chrome = new Chrome(
      this.root,
      {
        rerun: () => this.store.interactive && this.store.send({ t: "rerun" }),
        clearCache: () => this.store.interactive && this.store.send({ t: "clear_cache" }),
        stop: () => this.store.send({ t: "stop" }),
        settings: () => ({ theme: store.settings.theme, wide: this.wide() }),
        changeSettings: (change) => store.changeSettings(change),
        markdown: (text) => store.registry.markdown(text),
      },
      signal,
    );
    this.root.append(this.chrome.el, this.body, this.outputEl);
    host.replaceChildren(this.root);

    this.reconciler = new Reconciler(
      (kind) => AREAS[kind] || store.registry.components[kind] || fallback,
      (entry, entrySignal) => this.contextFor(entry, entrySignal),
      broken,
    );
    this.root.addEventListener("keydown", (e) => this.onKey(e), { signal });
    watchHost(() => this.configure(), signal);
    store.views.add(this);
    this.rebuild();
    if (store.config.host === "voila") prepareVoilaPage(signal);
  }

  dispose() {
    this.abort.abort();
    this.store.views.delete(this);
    if (this.reconciler.root) this.reconciler.destroy(this.reconciler.root);
    this.root.remove();
  }

  rebuild() {
    const entry = this.reconciler.mountRoot(this.store.tree);
    this.body.replaceChildren(entry.mounted.el);
    this.stale.clear();
    this.configure();
    this.markStale();
    this.showOutput();
  }

  /** @param {Op[]} ops */
  patch(ops) {
    this.reconciler.apply(ops, this.store.tree);
    if (ops.some((op) => op.at.length === 0)) this.configure();
    this.markStale();
  }

  /** The page config the script set, from the root's props. */
  pageConfig() {
    return this.store.tree.props?.page_config || {};
  }

  wide() {
    const chosen = this.store.settings.wide;
    if (chosen !== null) return chosen;
    return Boolean(this.store.config.wide) || this.pageConfig().layout === "wide";
  }

  configure() {
    const { config, settings } = this.store;
    applyTheme(this.root, resolveTheme(/** @type {any} */ (settings.theme), config.theme || {}));
    this.root.classList.toggle("nbs-wide", this.wide());
    this.root.classList.toggle("nbs-voila", config.host === "voila");
    this.root.classList.toggle("nbs-readonly", !this.store.interactive);
    if (config.height) {
      this.root.style.height = `${Number(config.height)}px`;
      this.root.classList.add("nbs-fixed-height");
    } else {
      this.root.style.removeProperty("height");
      this.root.classList.remove("nbs-fixed-height");
    }
    const page = this.pageConfig();
    this.chrome.configure(config, page);
    if (config.host === "voila" && typeof page.page_title === "string" && page.page_title) document.title = page.page_title;
  }

  /** Dim the elements a running script has not redrawn yet. */
  markStale() {
    const run = this.store.run;
    this.chrome.setRunning(Boolean(run));
    /** @type {Set<HTMLElement>} */
    const now = new Set();
    if (run && this.reconciler.root) {
      const fresh = new Map(run.fresh.map(([path, n]) => [path.join("\u0000"), n]));
      /** @param {Entry} entry @param {string[]} path */
      const walk = (entry, path) => {
        const n = fresh.get(path.join("\u0000"));
        entry.order.forEach((key, i) => {
          const child = /** @type {Entry} */ (entry.children.get(key));
          if (n !== undefined && i >= n) now.add(child.mounted.el);
          else if (child.children.size) walk(child, [...path, key]);
        });
      };
      walk(this.reconciler.root, []);
    }
    for (const el of this.stale) if (!now.has(el)) el.classList.remove("nbs-stale");
    for (const el of now) el.classList.add("nbs-stale");
    this.stale = now;
  }

  showOutput() {
    const parts = this.store.output;
    this.outputEl.hidden = parts.length === 0 || this.store.config.host === "voila";
    this.outputEl.replaceChildren(
      ...parts.map((part) => {
        const span = document.createElement("span");
        span.className = `nbs-output-${part.stream}`;
        span.textContent = part.text;
        return span;
      }),
    );
  }

  /**
   * @param {Entry} entry
   * @param {AbortSignal} signal
   * @returns {ComponentContext}
   */
  contextFor(entry, signal) {
    const store = this.store;
    return {
      setValue: (id, value) => store.setValue(id, value),
      click: (id) => store.click(id),
      markdown: (text, opts) => store.registry.markdown(text, opts),
      blob: (hash) => store.blobs.get(hash),
      signal,
      request: (payload, timeoutMs) => store.request(pathOf(entry), payload, timeoutMs),
    };
  }

  /**
   * R reruns and C clears the cache when focus is in the app but not in an input.
   * No key pressed in the app reaches the notebook around it.
   * @param {KeyboardEvent} e
   */
  onKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    e.stopPropagation();
    if (isEditable(e.target) || e.repeat) return;
    const key = e.key.toLowerCase();
    if (key === "r") {
      e.preventDefault();
      if (this.store.interactive) this.store.send({ t: "rerun" });
    } else if (key === "c" && this.chrome.developer) {
      e.preventDefault();
      if (this.store.interactive) this.store.send({ t: "clear_cache" });
    }
  }
}

/** @param {EventTarget | null} target */
function isEditable(target) {
  const el = /** @type {HTMLElement | null} */ (target);
  if (!el || !el.tagName) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  if (tag !== "input") return el.getAttribute("role") === "textbox" || el.getAttribute("role") === "combobox";
  const type = /** @type {HTMLInputElement} */ (el).type;
  return !["button", "checkbox", "radio", "range", "submit", "reset", "color", "file"].includes(type);
}

/** @param {Entry} entry */
function pathOf(entry) {
  /** @type {string[]} */
  const path = [];
  for (let e = /** @type {Entry | null} */ (entry); e && e.parent; e = e.parent) path.unshift(e.key);
  return path;
}

// ---- the page's areas: drawn by the shell itself ---------------------------------------------

/** @type {Record<string, Component>} */
const AREAS = {
  root: () => {
    const el = document.createElement("div");
    el.className = "nbs-areas";
    return { el, update() {} };
  },
  main: () => {
    const el = document.createElement("section");
    el.className = "nbs-main";
    el.setAttribute("aria-label", "App");
    return { el, update() {} };
  },
  sidebar: (node, ctx) => {
    const el = document.createElement("aside");
    el.className = "nbs-sidebar";
    el.setAttribute("aria-label", "Sidebar");
    const toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "nbs-sidebar-toggle";
    const slot = document.createElement("div");
    slot.className = "nbs-sidebar-content";
    el.append(toggle, slot);
    const show = (/** @type {boolean} */ open) => {
      el.classList.toggle("nbs-collapsed", !open);
      toggle.setAttribute("aria-expanded", String(open));
      toggle.setAttribute("aria-label", open ? "Close sidebar" : "Open sidebar");
      toggle.textContent = open ? "«" : "»";
    };
    show(true);
    toggle.addEventListener("click", () => show(el.classList.contains("nbs-collapsed")), { signal: ctx.signal });
    return {
      el,
      slot,
      update() {},
      childrenChanged(children) {
        el.hidden = children.length === 0;
      },
    };
  },
};

/** Voila shows the notebook's outputs in a page: make it the app's page. */
function prepareVoilaPage(/** @type {AbortSignal} */ signal) {
  document.body.classList.add("nbs-voila-page");
  ensureXsrfCookie();
  signal.addEventListener("abort", () => document.body.classList.remove("nbs-voila-page"));
}

/**
 * Voila shuts a tab's kernel down with a beacon that carries the `_xsrf` cookie, but
 * its page never sets that cookie, so the server refuses the beacon and the kernel
 * leaks (voila#1458).  Set a random token, as the server would: the beacon's argument
 * then matches the cookie and the XSRF check passes with protection left on.
 */
export function ensureXsrfCookie() {
  if (/(^|;\s*)_xsrf=/.test(document.cookie)) return;
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const token = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  let base = "/";
  try {
    const data = document.getElementById("jupyter-config-data");
    base = JSON.parse(data?.textContent || "{}").baseUrl || "/";
  } catch {
    base = "/";
  }
  document.cookie = `_xsrf=${token}; path=${base}; SameSite=Strict`;
}

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
