// @ts-check
/**
 * Whether the kernel behind an app can be reached, shown on the page.
 *
 * Two sources, because neither alone is quick and sure:
 *
 * - the kernel connection of the page (`model.widget_manager.kernel`, a
 *   @jupyterlab/services KernelConnection): its websocket's state (a network drop, a
 *   server gone) and the kernel status the server reports ("dead", "restarting" --
 *   final for this app: its session lived in that kernel);
 * - a heartbeat: the store pings the app's kernel side every second and it answers
 *   (render/bridge.py).  A kernel killed with its server still up keeps the websocket
 *   open; only the missing answers tell, within `SILENT_MS`.
 *
 * States: "ok"; "connecting" (the websocket is down: input made meanwhile is queued by
 * the store and sent once the websocket is back -- the kernel connection's own queue
 * would wait for a kernel_info reply that can take seconds after a reconnect); "dead" (the kernel died, or does
 * not answer); "gone" (reconnecting failed for `GONE_MS`: the server is gone).  In
 * "dead" and "gone" the app's widgets are disabled and the page says how to get the
 * app back.  While down, reconnecting is retried every `RETRY_MS` and at once on the
 * browser's `online` event and when the page gets focus, instead of the connection's
 * own back-off (which waits up to a minute).
 */

export const PING_MS = 1_000;
export const SILENT_MS = 1_500;
export const RETRY_MS = 500;
export const GONE_MS = 15_000;
const CHECK_MS = 250;
// Kernel statuses after which the app's session is gone for good.
const FINAL = new Set(["dead", "restarting", "autorestarting"]);

/** @typedef {"ok" | "connecting" | "dead" | "gone"} ConnectionState */

/**
 * The part of a @jupyterlab/services KernelConnection used here.
 * @typedef {Object} KernelLike
 * @property {string} [connectionStatus]
 * @property {string} [status]
 * @property {boolean} [isDisposed]
 * @property {() => Promise<void>} [reconnect]
 * @property {{connect: (slot: (sender: any, status: string) => void) => void, disconnect: (slot: (sender: any, status: string) => void) => void}} [statusChanged]
 */

export class Connection {
  /**
   * @param {(msg: Record<string, any>) => boolean} send  to the app's kernel side; false if it cannot
   * @param {KernelLike | null} kernel
   * @param {(state: ConnectionState) => void} changed
   * @param {{now?: () => number, up?: () => void}} [opts]  `up`: the websocket is back
   */
  constructor(send, kernel, changed, opts = {}) {
    this.send = send;
    this.up = opts.up || (() => {});
    this.kernel = kernel;
    this.changed = changed;
    this.now = opts.now || (() => Date.now());
    /** @type {ConnectionState} */
    this.state = "ok";
    this.final = false;
    // With no kernel object to watch, silence means something only once the kernel side
    // has answered (a saved notebook or an exported page has no kernel at all).
    this.armed = kernel !== null;
    this.n = 0;
    this.lastPong = this.now();
    this.lastPing = -Infinity;
    this.downSince = /** @type {number | null} */ (null);
    this.lastRetry = -Infinity;
    this.abort = new AbortController();
    const signal = this.abort.signal;
    if (typeof window !== "undefined") {
      const retry = () => this.retry(true);
      window.addEventListener("online", retry, { signal });
      window.addEventListener("focus", retry, { signal });
      document.addEventListener("visibilitychange", retry, { signal });
    }
    // A status seen only in passing (a restart from Lab's menu) still ends the app.
    /** @param {any} _sender @param {string} status */
    const onStatus = (_sender, status) => {
      if (FINAL.has(status)) this.finish("dead");
    };
    try {
      kernel?.statusChanged?.connect(onStatus);
      signal.addEventListener("abort", () => kernel?.statusChanged?.disconnect(onStatus));
    } catch {
      /* a kernel object without signals: the heartbeat still tells */
    }
    this.timer = setInterval(() => this.check(), CHECK_MS);
  }

  dispose() {
    this.abort.abort();
    clearInterval(this.timer);
  }

  /** The kernel side answered a ping. */
  pong() {
    this.armed = true;
    this.lastPong = this.now();
    if (!this.final && this.state !== "ok" && this.socketUp()) this.set("ok");
  }

  socketUp() {
    const status = this.kernel?.connectionStatus;
    return status === undefined || status === "connected";
  }

  /** Called every CHECK_MS (and by tests): decide the state, ping, retry. */
  check() {
    if (this.final) return;
    const now = this.now();
    const kernel = this.kernel;
    if (kernel && (kernel.isDisposed || FINAL.has(kernel.status || ""))) {
      this.finish("dead");
      return;
    }
    if (this.kernel && this.downSince !== null && this.socketUp()) {
      // Back up: ask at once, and give the kernel its time to answer before judging it.
      this.downSince = null;
      this.lastPong = now;
      this.lastPing = -Infinity;
      this.set("ok");
      this.up();
    } else if (this.socketUp()) {
      // Messages held while the websocket was not open yet (a kernel still connecting when
      // the app first drew) go out too, not only those held through a drop.
      this.up();
    }
    if (now - this.lastPing >= PING_MS) {
      this.lastPing = now;
      if (this.socketUp()) this.send({ t: "ping", n: ++this.n });
    }
    if (!this.armed) return;
    if (!this.socketUp()) {
      this.down(now);
      return;
    }
    // Open websocket, no answer: the kernel died under a live server, or is stuck in C.
    // A busy kernel (a cell executing in JupyterLab) handles no app message until done.
    const silent = now - this.lastPong > SILENT_MS && now - this.lastPing < PING_MS * 2;
    if (silent && kernel?.status !== "busy") {
      if (kernel) this.set("dead");
      else this.down(now);
    } else if (!silent && this.state !== "ok" && now - this.lastPong <= SILENT_MS) {
      this.set("ok");
    }
  }

  /** @param {number} now */
  down(now) {
    if (this.downSince === null) this.downSince = now;
    if (now - this.downSince >= GONE_MS) {
      this.finish("gone");
      return;
    }
    this.set("connecting");
    this.retry(false);
  }

  /** Reconnect now (a browser event) or once RETRY_MS passed since the last try. */
  retry(force = false) {
    if (this.final || this.socketUp() || !this.kernel?.reconnect) return;
    const now = this.now();
    if (!force && now - this.lastRetry < RETRY_MS) return;
    this.lastRetry = now;
    this.kernel.reconnect().catch(() => {
      /* retried on the next check */
    });
  }

  /** @param {ConnectionState} state */
  set(state) {
    if (state === "ok") this.downSince = null;
    if (state === this.state) return;
    this.state = state;
    this.changed(state);
  }

  /** @param {ConnectionState} state */
  finish(state) {
    this.final = true;
    this.set(state);
    clearInterval(this.timer);
  }
}

/**
 * What a view shows for a connection state and the earlier runs still finishing.
 * @param {ConnectionState} state
 * @param {{host?: string}} config
 * @param {number} lingering
 * @returns {{text: string, level: "info" | "error", restart: boolean, disable: boolean} | null}
 */
export function banner(state, config, lingering) {
  const voila = config.host === "voila";
  const again = voila ? "Restart the app to start it afresh." : "Run the app's cell again to restart it.";
  if (state === "connecting") {
    return { text: "Connecting… The connection to the app was lost; input you make now is sent once it is back.", level: "info", restart: false, disable: false };
  }
  if (state === "dead") {
    return { text: `This app stopped: its Python kernel died or is not responding. ${again}`, level: "error", restart: voila, disable: true };
  }
  if (state === "gone") {
    return { text: `This app stopped: its server cannot be reached. ${again}`, level: "error", restart: voila, disable: true };
  }
  if (lingering > 0) {
    return { text: "An earlier run is still finishing (blocked outside Python); its output will not be shown.", level: "info", restart: false, disable: false };
  }
  return null;
}

/** The banner element of one view. */
export class Banner {
  /** @param {() => void} restart */
  constructor(restart) {
    this.text = document.createElement("span");
    this.button = document.createElement("button");
    this.button.type = "button";
    this.button.className = "nbs-restart-button";
    this.button.textContent = "Restart";
    this.button.addEventListener("click", restart);
    this.el = document.createElement("div");
    this.el.className = "nbs-connection";
    this.el.setAttribute("role", "status");
    this.el.setAttribute("aria-live", "polite");
    this.el.hidden = true;
    this.el.append(this.text, this.button);
  }

  /** @param {ReturnType<typeof banner>} shown */
  show(shown) {
    this.el.hidden = !shown;
    this.text.textContent = shown ? shown.text : "";
    this.el.dataset.level = shown ? shown.level : "";
    this.button.hidden = !shown?.restart;
  }
}

/**
 * The page's kernel connection, when the widget manager exposes it.
 * @param {any} model  anywidget's model
 * @returns {KernelLike | null}
 */
export function kernelOf(model) {
  try {
    const kernel = model?.widget_manager?.kernel;
    return kernel && typeof kernel === "object" ? kernel : null;
  } catch {
    return null;
  }
}
