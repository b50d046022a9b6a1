import { afterEach, describe, expect, it, vi } from "vitest";
import { RETRY_MAX_MS, RETRY_MIN_MS, SocketModel, decodeFrame, encodeFrame } from "../src/serve.js";

/** A WebSocket double: records what was sent, lets the test play the server. */
class FakeSocket {
  static made = [];
  constructor(url) {
    this.url = url;
    this.readyState = 1;
    this.sent = [];
    FakeSocket.made.push(this);
  }
  send(data) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
    this.onclose?.();
  }
  serve(msg, buffers) {
    const frame = encodeFrame(msg, buffers);
    this.onmessage({ data: typeof frame === "string" ? frame : frame.buffer });
  }
}

function model() {
  FakeSocket.made = [];
  return new SocketModel("ws://host/_nbstream/ws", { WebSocket: FakeSocket, search: "?who=ann&page=two" });
}

describe("frames", () => {
  it("round-trip a message with buffers through the binary form", () => {
    const frame = encodeFrame({ t: "upload", rid: "r" }, [new Uint8Array([1, 2, 3]), new Uint8Array([9])]);
    expect(frame).toBeInstanceOf(Uint8Array);
    const [msg, buffers] = decodeFrame(frame.buffer);
    expect(msg).toEqual({ t: "upload", rid: "r" });
    expect(buffers.map((b) => [...new Uint8Array(b.buffer, b.byteOffset, b.byteLength)])).toEqual([[1, 2, 3], [9]]);
  });

  it("send a message without buffers as JSON text", () => {
    expect(encodeFrame({ t: "rerun" })).toBe('{"t":"rerun"}');
  });
});

describe("SocketModel", () => {
  it("connects with the page's query, then takes the session's settings and messages", () => {
    const m = model();
    const ws = FakeSocket.made[0];
    expect(new URL(ws.url).searchParams.get("search")).toBe("?who=ann&page=two");
    expect(new URL(ws.url).searchParams.has("session")).toBe(false);
    const inits = [];
    m.onInit = (config) => inits.push(config);
    const got = [];
    m.on("msg:custom", (msg) => got.push(msg.t));
    ws.serve({ t: "session", id: "abc", resumed: false });
    expect(m.kernel.connectionStatus).toBe("connected");
    ws.serve({ t: "init", config: { host: "voila" } });
    ws.serve({ t: "patch", v: 1 });
    expect(inits).toEqual([{ host: "voila" }]);
    expect(m.get("_config")).toEqual({ host: "voila" });
    expect(got).toEqual(["patch"]);
    m.send({ t: "rerun" });
    expect(ws.sent).toEqual(['{"t":"rerun"}']);
  });

  it("takes a session's settings once: a reconnect that gets them again goes on", () => {
    const m = model();
    const inits = [];
    m.onInit = (config) => inits.push(config);
    const ws = FakeSocket.made[0];
    ws.serve({ t: "session", id: "abc", resumed: false });
    ws.serve({ t: "init", config: { a: 1 } });
    ws.serve({ t: "session", id: "abc", resumed: true });
    ws.serve({ t: "init", config: { a: 1 } });
    expect(inits).toHaveLength(1);
    ws.serve({ t: "session", id: "new", resumed: false });
    ws.serve({ t: "init", config: { a: 2 } });
    expect(inits).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it("reconnects with its session's id after a drop", async () => {
    const m = model();
    FakeSocket.made[0].serve({ t: "session", id: "abc", resumed: false });
    FakeSocket.made[0].close();
    expect(m.kernel.connectionStatus).toBe("disconnected");
    expect(() => m.send({ t: "rerun" })).toThrow();
    await m.kernel.reconnect();
    expect(new URL(FakeSocket.made[1].url).searchParams.get("session")).toBe("abc");
  });

  it("starts a fresh session when the server says the old one ended", () => {
    const m = model();
    const ended = [];
    m.onEnded = (reason) => ended.push(reason);
    FakeSocket.made[0].serve({ t: "session", id: "abc", resumed: false });
    FakeSocket.made[0].serve({ t: "ended", reason: "kernel" });
    expect(ended).toEqual(["kernel"]);
    expect(FakeSocket.made).toHaveLength(2);
    expect(new URL(FakeSocket.made[1].url).searchParams.has("session")).toBe(false);
  });

  describe("a replica gone behind a proxy", () => {
    afterEach(() => vi.useRealTimers());

    /** A model whose every retry waits its full delay (no jitter). */
    function patient() {
      vi.useFakeTimers();
      const m = model();
      m.random = () => 1;
      return m;
    }

    it("reconnects on its own after a drop, waiting longer each time up to a bound", () => {
      const m = patient();
      FakeSocket.made[0].serve({ t: "session", id: "abc", resumed: false });
      FakeSocket.made[0].close();
      const waits = [];
      let at = 0;
      for (let n = 1; n <= 8; n++) {
        // Each attempt fails as a proxy's 503 does: the websocket closes without opening.
        while (FakeSocket.made.length === n) {
          vi.advanceTimersByTime(50);
          at += 50;
        }
        waits.push(at);
        at = 0;
        expect(new URL(FakeSocket.made[n].url).searchParams.get("session")).toBe("abc");
        FakeSocket.made[n].close();
      }
      expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
      expect(RETRY_MIN_MS).toBe(500);
      expect(RETRY_MAX_MS).toBe(10_000);
      expect(m.kernel.connectionStatus).toBe("disconnected");
    });

    it("spreads a replica's tabs' reconnects over time instead of sending them at once", () => {
      vi.useFakeTimers();
      const m = model();
      m.random = () => 0;
      FakeSocket.made[0].close();
      vi.advanceTimersByTime(RETRY_MIN_MS / 2 - 1);
      expect(FakeSocket.made).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(FakeSocket.made).toHaveLength(2);
    });

    it("waits the shortest delay again once a session answers", () => {
      const m = patient();
      for (const ms of [500, 1000]) {
        FakeSocket.made.at(-1).close();
        vi.advanceTimersByTime(ms);
      }
      FakeSocket.made.at(-1).serve({ t: "session", id: "abc", resumed: true });
      const before = FakeSocket.made.length;
      FakeSocket.made.at(-1).close();
      vi.advanceTimersByTime(RETRY_MIN_MS);
      expect(FakeSocket.made).toHaveLength(before + 1);
      expect(m.retryDelay).toBe(RETRY_MIN_MS * 2);
    });

    it("gets a fresh session from the replica the proxy sends it to and draws the app anew", () => {
      const m = patient();
      const inits = [];
      m.onInit = (config) => inits.push(config);
      FakeSocket.made[0].serve({ t: "session", id: "on-a", resumed: false });
      FakeSocket.made[0].serve({ t: "init", config: { replica: "a" } });
      FakeSocket.made[0].close();
      vi.advanceTimersByTime(RETRY_MIN_MS);
      const next = FakeSocket.made[1];
      expect(new URL(next.url).searchParams.get("session")).toBe("on-a");
      // Replica b does not know "on-a": it answers with a session of its own.
      next.serve({ t: "session", id: "on-b", resumed: false });
      next.serve({ t: "init", config: { replica: "b" } });
      expect(inits).toEqual([{ replica: "a" }, { replica: "b" }]);
      expect(m.sessionId).toBe("on-b");
      expect(m.kernel.connectionStatus).toBe("connected");
      m.send({ t: "rerun" });
      expect(next.sent).toEqual(['{"t":"rerun"}']);
    });

    it("retries nothing once closed", () => {
      const m = patient();
      FakeSocket.made[0].close();
      m.close();
      vi.advanceTimersByTime(RETRY_MAX_MS * 2);
      expect(FakeSocket.made).toHaveLength(1);
    });
  });
});
