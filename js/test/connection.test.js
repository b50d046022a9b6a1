// @vitest-environment jsdom
// The connection watch: a dropped websocket shows "Connecting…" and reconnects at once
// on the browser's online event; a silent kernel under a live server, or a status the
// server reports (dead, restarting), stops the app; reconnecting that fails for long
// means the server is gone.
import { afterEach, describe, expect, test, vi } from "vitest";
import { banner, Connection, GONE_MS, PING_MS, SILENT_MS } from "../src/connection.js";

/** A fake @jupyterlab/services kernel connection. */
function fakeKernel() {
  const slots = new Set();
  return {
    connectionStatus: "connected",
    status: "idle",
    reconnects: 0,
    reconnect() {
      this.reconnects += 1;
      return Promise.resolve();
    },
    statusChanged: { connect: (f) => slots.add(f), disconnect: (f) => slots.delete(f) },
    emit(status) {
      this.status = status;
      for (const f of slots) f(this, status);
    },
  };
}

function watch(kernel) {
  let now = 0;
  const sent = [];
  const states = [];
  const conn = new Connection(
    (msg) => (sent.push(msg), true),
    kernel,
    (s) => states.push(s),
    { now: () => now },
  );
  const advance = (ms, answer = true) => {
    for (let t = 0; t < ms; t += 250) {
      now += 250;
      const before = sent.length;
      conn.check();
      if (answer && sent.length > before) conn.pong();
    }
  };
  return { conn, sent, states, advance };
}

let made = [];
afterEach(() => {
  made.forEach((c) => c.dispose());
  made = [];
});

describe("Connection", () => {
  test("what was held before the websocket first opened is sent once it is open", () => {
    const kernel = fakeKernel();
    kernel.connectionStatus = "connecting";
    let ups = 0;
    const conn = new Connection(() => true, kernel, () => {}, { now: () => 0, up: () => (ups += 1) });
    made.push(conn);
    kernel.connectionStatus = "connected"; // opened before the first check saw it closed
    conn.check();
    expect(ups).toBeGreaterThanOrEqual(1);
  });

  test("pings every second and stays ok while answered", () => {
    const { conn, sent, states, advance } = watch(fakeKernel());
    made.push(conn);
    advance(5_000);
    expect(sent.filter((m) => m.t === "ping").length).toBeGreaterThanOrEqual(4);
    expect(new Set(sent.map((m) => m.n)).size).toBe(sent.length);
    expect(states).toEqual([]);
  });

  test("a dropped websocket is 'connecting' at once and online retries at once", () => {
    const kernel = fakeKernel();
    const { conn, states, advance } = watch(kernel);
    made.push(conn);
    kernel.connectionStatus = "connecting";
    advance(250, false);
    expect(states).toEqual(["connecting"]);
    const before = kernel.reconnects;
    window.dispatchEvent(new Event("online"));
    expect(kernel.reconnects).toBe(before + 1);
    advance(3_000, false);
    expect(kernel.reconnects).toBeGreaterThanOrEqual(before + 3); // about every second, no back-off
    kernel.connectionStatus = "connected";
    advance(PING_MS);
    expect(states).toEqual(["connecting", "ok"]);
  });

  test("a silent kernel under a live server stops the app; answers bring it back", () => {
    const { conn, states, advance } = watch(fakeKernel());
    made.push(conn);
    advance(SILENT_MS + 1_000, false);
    expect(states).toEqual(["dead"]);
    expect(conn.final).toBe(false);
    advance(PING_MS);
    expect(states).toEqual(["dead", "ok"]);
  });

  test("a busy kernel (a cell executing) is waited for", () => {
    const kernel = fakeKernel();
    kernel.status = "busy";
    const { conn, states, advance } = watch(kernel);
    made.push(conn);
    advance(5_000, false);
    expect(states).toEqual([]);
  });

  test("a restart or death the server reports is final", () => {
    const kernel = fakeKernel();
    const { conn, states, advance } = watch(kernel);
    made.push(conn);
    kernel.emit("restarting");
    kernel.emit("idle");
    advance(2_000);
    expect(states).toEqual(["dead"]);
    expect(conn.final).toBe(true);
  });

  test("reconnecting that fails for long means the server is gone", () => {
    const kernel = fakeKernel();
    const { conn, states, advance } = watch(kernel);
    made.push(conn);
    kernel.connectionStatus = "connecting";
    advance(GONE_MS + 500, false);
    expect(states).toEqual(["connecting", "gone"]);
  });

  test("with no kernel object, silence counts only after a first answer", () => {
    const { conn, states, advance } = watch(null);
    made.push(conn);
    advance(5_000, false);
    expect(states).toEqual([]);
    conn.pong();
    advance(SILENT_MS + 1_000, false);
    expect(states).toEqual(["connecting"]);
  });
});

describe("banner", () => {
  test("says what happened and how to get the app back, per host", () => {
    expect(banner("ok", {}, 0)).toBeNull();
    expect(banner("connecting", {}, 0)).toMatchObject({ level: "info", disable: false });
    expect(banner("connecting", {}, 0).text).toMatch(/^Connecting…/);
    const lab = banner("dead", { host: "lab" }, 0);
    expect(lab.text).toMatch(/This app stopped: its Python kernel died/);
    expect(lab.text).toMatch(/Run the app's cell again/);
    expect(lab).toMatchObject({ restart: false, disable: true });
    expect(banner("dead", { host: "voila" }, 0)).toMatchObject({ restart: true, disable: true });
    expect(banner("gone", { host: "voila" }, 0).text).toMatch(/server cannot be reached/);
    expect(banner("ok", {}, 1).text).toMatch(/earlier run is still finishing/);
  });
});

describe("input made while the websocket is down", () => {
  test("is held by the store and sent exactly once when it is back", async () => {
    const { AppStore } = await import("../src/store.js");
    const kernel = fakeKernel();
    const sent = [];
    const model = {
      widget_manager: { kernel },
      get: (k) => ({ _config: { host: "voila" } })[k],
      set() {},
      send: (msg) => sent.push(msg),
      on() {},
      off() {},
    };
    const store = new AppStore(model, { components: {}, markdown: () => document.createElement("div") });
    try {
      kernel.connectionStatus = "connecting";
      store.connection.check();
      store.click("b1");
      store.setValue("s1", 4);
      expect(sent.filter((m) => m.t === "click" || m.t === "set")).toEqual([]);
      kernel.connectionStatus = "connected";
      store.connection.check();
      store.connection.check();
      const input = sent.filter((m) => m.t === "click" || m.t === "set");
      expect(input.map((m) => [m.t, m.id || Object.keys(m.values)[0]])).toEqual([["click", "b1"], ["set", "s1"]]);
      expect(store.connection.state).toBe("ok");
    } finally {
      store.dispose();
    }
  });
});
