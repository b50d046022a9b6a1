// @ts-check
/**
 * The front end of `nbstream serve`: the same app shell, over the server's websocket
 * instead of an ipywidgets model (nbstream/serve/relay.py, protocol.py).
 *
 * `SocketModel` is the part of anywidget's model the shell uses (`get`, `set`, `on`,
 * `off`, `send`, and `widget_manager.kernel` for connection.js) over one websocket to
 * the tab's own session.  The server answers a new connection with `{t: "session", id,
 * resumed}`; a dropped websocket, a reload or a reopened tab reconnects with that id
 * (kept in the tab's sessionStorage) and finds its session as it was, within the
 * server's grace period.  When the server says the session is gone
 * (`{t: "ended"}`: its kernel died, or the id was too old), the page starts a fresh
 * session and draws the app anew: `serveApp` disposes the old store and view and makes
 * new ones once the new session's `init` (its display settings) arrives.
 *
 * Behind a proxy with several replicas, a replica that stops closes its tabs'
 * websockets; their reconnects reach another replica through the proxy, which does not
 * know the id and starts a fresh session: the page draws the app anew.  The model
 * reconnects on its own after any drop, with a growing, jittered delay
 * (`RETRY_MIN_MS` to `RETRY_MAX_MS`): it goes on after the page's connection banner
 * has given up (a proxy answering 503 while no replica is up, a rolling deploy), and a
 * replica's worth of tabs does not reconnect to the next one in the same instant.
 */

export const RETRY_MIN_MS = 500;
export const RETRY_MAX_MS = 10_000;

/** @typedef {(msg: any, buffers: DataView[]) => void} Listener */

/**
 * A message as the server expects it: JSON text, or a binary frame when it has buffers.
 * @param {Record<string, any>} msg
 * @param {ArrayBuffer[] | ArrayBufferView[] | undefined} buffers
 * @returns {string | Uint8Array}
 */
export function encodeFrame(msg, buffers) {
  if (!buffers || buffers.length === 0) return JSON.stringify(msg);
  const parts = buffers.map((b) => (b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength)));
  const head = new TextEncoder().encode(JSON.stringify({ msg, sizes: parts.map((p) => p.byteLength) }));
  const out = new Uint8Array(4 + head.byteLength + parts.reduce((n, p) => n + p.byteLength, 0));
  new DataView(out.buffer).setUint32(0, head.byteLength);
  out.set(head, 4);
  let at = 4 + head.byteLength;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/**
 * A frame from the server as [message, buffers].
 * @param {string | ArrayBuffer} data
 * @returns {[any, DataView[]]}
 */
export function decodeFrame(data) {
  if (typeof data === "string") return [JSON.parse(data), []];
  const view = new DataView(data);
  const size = view.getUint32(0);
  const head = JSON.parse(new TextDecoder().decode(new Uint8Array(data, 4, size)));
  /** @type {DataView[]} */
  const buffers = [];
  let at = 4 + size;
  for (const n of head.sizes) {
    buffers.push(new DataView(data, at, n));
    at += n;
  }
  return [head.msg, buffers];
}

/** @param {string} key */
function readStored(key) {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/** @param {string} key @param {string} value */
function store(key, value) {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    /* no storage (a sandboxed frame): a reload starts a fresh session */
  }
}

export class SocketModel {
  /**
   * @param {string} url  the websocket's URL (ws: or wss:)
   * @param {{search?: string, WebSocket?: typeof WebSocket}} [opts]
   */
  constructor(url, opts = {}) {
    this.url = url;
    this.search = opts.search ?? (typeof location !== "undefined" ? location.search : "");
    this.WebSocket = opts.WebSocket || WebSocket;
    /** @type {Record<string, any>} */
    this.state = { _snapshot: {}, _blobs: {}, _config: {} };
    /** @type {Map<string, Set<Listener>>} */
    this.listeners = new Map();
    // The tab's session survives a reload (and a reopened tab) within the server's grace
    // period: its id is kept in the tab's sessionStorage.
    this.storageKey = `nbstream-session:${url}`;
    /** @type {string | null} */
    this.sessionId = readStored(this.storageKey);
    this.closed = false;
    /** Called with the new session's config when a session starts (the first, or a fresh one). */
    this.onInit = (/** @type {Record<string, any>} */ _config) => {};
    /** Called when the server says the session is gone: the page will get a fresh one. */
    this.onEnded = (/** @type {string} */ _reason) => {};
    /** @type {{connect: (slot: any) => void, disconnect: (slot: any) => void}} */
    const statusChanged = { connect: () => {}, disconnect: () => {} };
    const model = this;
    // What connection.js watches: the websocket's state, and a way to reconnect.
    this.kernel = {
      connectionStatus: "connecting",
      status: "idle",
      isDisposed: false,
      statusChanged,
      reconnect: () => {
        model.connect();
        return Promise.resolve();
      },
    };
    this.widget_manager = { kernel: this.kernel };
    /** @type {string | null} the session whose settings started the page's store */
    this.initFor = null;
    /** @type {WebSocket | null} */
    this.ws = null;
    this.retryDelay = RETRY_MIN_MS;
    /** @type {ReturnType<typeof setTimeout> | null} */
    this.retryTimer = null;
    this.random = Math.random;
    this.connect();
  }

  /** Reconnect after a drop, once the current delay (jittered) has passed; doubling it. */
  later() {
    if (this.closed || this.retryTimer !== null) return;
    const delay = this.retryDelay * (0.5 + this.random() / 2);
    this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  /** Open the websocket (again): with the session's id, the server gives it back. */
  connect() {
    if (this.closed || (this.ws && this.ws.readyState <= 1)) return;
    const params = new URLSearchParams({ search: this.search });
    if (this.sessionId) params.set("session", this.sessionId);
    const ws = new this.WebSocket(`${this.url}?${params}`);
    ws.binaryType = "arraybuffer";
    this.ws = ws;
    this.kernel.connectionStatus = "connecting";
    ws.onmessage = (event) => {
      if (ws === this.ws) this.receive(...decodeFrame(event.data));
    };
    ws.onclose = () => {
      if (ws !== this.ws) return;
      this.kernel.connectionStatus = "disconnected";
      this.later();
    };
  }

  /** @param {any} msg @param {DataView[]} buffers */
  receive(msg, buffers) {
    if (msg?.t === "session") {
      this.kernel.connectionStatus = "connected";
      this.retryDelay = RETRY_MIN_MS;
      this.sessionId = msg.id;
      store(this.storageKey, msg.id);
      return;
    }
    if (msg?.t === "ended") {
      this.sessionId = null;
      this.onEnded(String(msg.reason || ""));
      const old = this.ws;
      this.ws = null; // its close is not a drop to retry: a fresh session is asked for now
      old?.close();
      this.kernel.connectionStatus = "disconnected";
      this.connect();
      return;
    }
    if (msg?.t === "init") {
      // Sent again when a session is found again: a page that shows it already goes on.
      if (this.initFor === this.sessionId) return;
      this.initFor = this.sessionId;
      this.state = { _snapshot: {}, _blobs: {}, _config: msg.config || {} };
      this.onInit(this.state._config);
      return;
    }
    this.emit("msg:custom", msg, buffers);
  }

  /** @param {string} name */
  get(name) {
    return this.state[name];
  }

  /** @param {string} name @param {any} value */
  set(name, value) {
    this.state[name] = value;
  }

  save_changes() {}

  /** @param {string} event @param {Listener} listener */
  on(event, listener) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)?.add(listener);
  }

  /** @param {string} event @param {Listener} listener */
  off(event, listener) {
    this.listeners.get(event)?.delete(listener);
  }

  /** @param {string} event @param {any} msg @param {DataView[]} buffers */
  emit(event, msg, buffers) {
    for (const listener of [...(this.listeners.get(event) || [])]) listener(msg, buffers);
  }

  /**
   * To the session (only its app's messages: the server relays nothing else).
   * @param {Record<string, any>} msg @param {any} [_callbacks] @param {any[]} [buffers]
   */
  send(msg, _callbacks, buffers) {
    if (!this.ws || this.ws.readyState !== 1) throw new Error("not connected");
    this.ws.send(encodeFrame(msg, buffers));
  }

  close() {
    this.closed = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.kernel.isDisposed = true;
    this.ws?.close();
  }
}

/**
 * Serve the app into `el`: a store and a view per session, made once its settings arrive.
 * @param {HTMLElement} el
 * @param {{socket: string, WebSocket?: typeof WebSocket, search?: string}} opts  `socket`: the websocket's path
 * @param {() => {initialize: (args: any) => any, render: (args: any) => any}} makeWidget
 * @returns {SocketModel}
 */
export function serveApp(el, opts, makeWidget) {
  const url = new URL(opts.socket, typeof location !== "undefined" ? location.href : "http://localhost/");
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  const model = new SocketModel(url.href, opts);
  /** @type {(() => void)[]} */
  let cleanups = [];
  const dispose = () => {
    for (const cleanup of cleanups.reverse()) cleanup();
    cleanups = [];
  };
  const holder = document.createElement("div");
  el.replaceChildren(holder);
  model.onInit = () => {
    dispose();
    const widget = makeWidget();
    const init = widget.initialize({ model, backlog: [] });
    const view = widget.render({ model, el: holder });
    cleanups = [
      () => typeof init === "function" && init(),
      () => typeof view === "function" && view(),
    ];
  };
  model.onEnded = () => {
    el.dataset.nbsSession = "ended";
  };
  return model;
}
