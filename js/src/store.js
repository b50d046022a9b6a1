// @ts-check
/**
 * AppStore: one model's state, shared by its views -- the tree (from the saved
 * `_snapshot`, then kept current by the kernel's patches), the binary buffers, the
 * printed output, the session's Settings, and the messages to and from the kernel
 * (nbstream/render/stream.py and bridge.py describe them).
 */
/**
 * @typedef {import("./types.js").WireNode} WireNode
 * @typedef {import("./types.js").Component} Component
 * @typedef {import("./types.js").ComponentContext} ComponentContext
 * @typedef {import("./types.js").Mounted} Mounted
 * @typedef {import("./patch.js").Op} Op
 * @typedef {import("./patch.js").Entry} Entry
 * @typedef {import("./app.js").Registry} Registry
 * @typedef {import("./app.js").RunState} RunState
 * @typedef {import("./view.js").AppView} AppView
 */
import { Connection, kernelOf } from "./connection.js";
import { applyToTree, PatchMismatch } from "./patch.js";
import { UserValues } from "./user_values.js";
import { onVoilaPage, pageHref } from "./voila.js";
import { clientInfo } from "./client.js";
import { resolveTheme } from "./theme.js";

const REQUEST_TIMEOUT_MS = 10_000;
const UPLOAD_TIMEOUT_MS = 60_000;
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
      { kind: "bottom", key: "bottom", props: {}, children: [] },
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
    this.page = Math.random().toString(36).slice(2, 14);
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
    this.userValues = new UserValues();
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
    /** Earlier runs the kernel gave up on that are still finishing (blocked in C code). */
    this.lingering = 0;
    /** @type {Record<string, any>[]} messages made while the websocket was down, in order */
    this.held = [];
    this.connection = new Connection((msg) => this.send(msg), kernelOf(model), () => this.connectionChanged(), {
      up: () => this.sendHeld(),
    });
    for (const [msg, buffers] of backlog) this.onMessage(msg, buffers || []);
    this.hello();
    this.sendClient();
  }

  sendHeld() {
    const held = this.held;
    this.held = [];
    for (const msg of held) this.send(msg);
  }

  /** The connection's state or the lingering runs changed: every view shows it. */
  connectionChanged() {
    for (const view of this.views) view.showConnection();
  }

  /** False once the app stopped (its kernel died, its server is gone): input goes nowhere. */
  get alive() {
    return this.connection.state !== "dead" && this.connection.state !== "gone";
  }

  dispose() {
    this.abort.abort();
    this.connection.dispose();
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

  /**
   * Send now, or -- while the websocket is down -- hold the message and send it once the
   * connection is back (exactly once: the kernel connection's own queue is not used).
   * @param {Record<string, any>} msg
   */
  send(msg) {
    if (this.connection && !this.connection.socketUp()) {
      if (msg.t !== "ping") this.held.push(msg);
      return true;
    }
    try {
      this.model.send(msg);
      return true;
    } catch (error) {
      // No kernel (a saved notebook, exported HTML): the app is shown read-only.
      return false;
    }
  }

  /**
   * Tell the kernel how many views of the app this page shows: with none anywhere, the
   * app's run_every fragments pause.  `page` tells this page's count from another's.
   */
  viewsChanged() {
    this.send({ t: "views", page: this.page, n: this.views.size });
  }

  /** Tell the kernel which version this model shows; it answers with a snapshot if another. */
  hello() {
    this.askedAt = Date.now();
    this.send({ t: "hello", v: this.version });
  }

  /** Tell the kernel about this page for st.context (only what changed reruns the app). */
  sendClient() {
    if (!this.interactive) return;
    const base = resolveTheme(/** @type {any} */ (this.settings.theme), this.config.theme || {}).base;
    this.send({ t: "client", info: clientInfo(base) });
  }

  /** Out of step with the kernel: ask again, unless an answer is already on its way. */
  resyncSoon() {
    if (Date.now() - this.askedAt > RESYNC_WAIT_MS) this.hello();
  }

  /**
   * A widget's new value.  With `defer` (its `on_change="ignore"`) it waits here, shown
   * as the user left it, and goes with the next message that starts a run.
   * @param {string} id @param {any} value @param {boolean} [defer]
   */
  setValue(id, value, defer = false) {
    if (!this.interactive || !id || !this.alive) return;
    if (defer) {
      this.userValues.hold(id, value);
      return;
    }
    const seq = ++this.seq;
    const values = this.userValues.release(seq);
    values[id] = value;
    this.userValues.sent(id, value, seq);
    this.send({ t: "set", values, seq, page: this.page });
  }

  /** Rerun the app (the menu, key R): the deferred values, if any, ride with it. */
  rerun() {
    if (!this.interactive) return;
    if (!this.userValues.held.size) {
      this.send({ t: "rerun" });
      return;
    }
    const seq = ++this.seq;
    this.send({ t: "set", values: this.userValues.release(seq), seq, page: this.page });
  }

  /**
   * Show another page of a multipage app.  In Voila the URL follows at once (`push`: a new
   * history entry; Back/Forward already moved the URL).
   * @param {string} path  the page's URL pathname ("" for the default page)
   * @param {Record<string, string[]>} [query]  the query parameters the page starts with
   */
  navigate(path, query, push = true) {
    if (!this.interactive) return;
    if (push && this.config.host === "voila" && onVoilaPage()) {
      history.pushState(history.state, "", pageHref(path, query || {}));
    }
    this.send(query ? { t: "page", path, query } : { t: "page", path });
  }

  /**
   * A click; `value` rides with a trigger that carries one (chat_input's submitted text).
   * @param {string} id @param {any} [value]
   */
  click(id, value) {
    if (!this.interactive || !id || !this.alive) return;
    const seq = ++this.seq;
    /** @type {Record<string, any>} */
    const msg = { t: "click", id, seq, page: this.page };
    if (this.userValues.held.size) msg.values = this.userValues.release(seq);
    if (value !== undefined) msg.value = value;
    this.send(msg);
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

  /**
   * Send one chunk of an uploaded file (a binary buffer, never base64); resolves with
   * the kernel's answer `{received}` or rejects with its refusal.
   * @param {Record<string, any>} msg  the "upload" message without `t` and `rid`
   * @param {ArrayBuffer | null} chunk
   * @param {number} [timeoutMs]
   * @returns {Promise<{content: any, buffers: DataView[]}>}
   */
  upload(msg, chunk, timeoutMs = UPLOAD_TIMEOUT_MS) {
    const rid = `u${++this.requestCounter}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(rid);
        reject(new Error("the upload stalled: no answer from the kernel"));
      }, timeoutMs);
      this.pending.set(rid, { resolve, reject, timer });
      try {
        this.model.send({ t: "upload", rid, ...msg }, undefined, chunk ? [chunk] : []);
      } catch (error) {
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
    else if (msg.t === "pong") this.connection.pong();
    else if (msg.t === "lingering" && Number.isInteger(msg.n) && msg.n >= 0) {
      this.lingering = msg.n;
      this.connectionChanged();
    }
  }

  /**
   * @param {{v: number, base: number, ops: Op[], run: RunState, blobs: string[], drop: string[], seq?: Record<string, number>}} msg
   * @param {any[]} buffers
   */
  onPatch(msg, buffers) {
    if (msg.base !== this.version) {
      if (msg.v > this.version) this.resyncSoon();
      return;
    }
    this.addBlobs(msg.blobs, buffers);
    // Each page numbers its own value messages: read what the kernel had seen of ours.
    const ops = this.userValues.keep(msg.ops, msg.seq?.[this.page], this.tree);
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
    if (change.theme) this.sendClient();
  }
}
