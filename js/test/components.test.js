// @vitest-environment jsdom
import { afterEach, describe, expect, test } from "vitest";
import { frameUrl, resolveBlobs, toWire } from "../src/components/components/declare.js";
import { makeModel } from "../src/components/components/esm.js";
import { sanitize } from "../src/components/components/html.js";
import { makeCtx, mount } from "./helpers.js";

afterEach(() => document.body.replaceChildren());

/** Deliver a message as if `source` had posted it. */
function post(source, data) {
  window.dispatchEvent(new MessageEvent("message", { data, source }));
}

describe("custom components", () => {
  test("components.html: a sandboxed srcdoc frame, never same-origin", () => {
    const sandbox = "allow-forms allow-scripts";
    const { el } = mount("iframe", { srcdoc: "<p>x</p>", height: 80, width: null, scrolling: true, tab_index: -1, sandbox });
    const frame = /** @type {HTMLIFrameElement} */ (el.querySelector("iframe"));
    expect(frame.getAttribute("sandbox")).toBe(sandbox);
    expect(frame.srcdoc).toBe("<p>x</p>");
    expect(frame.style.height).toBe("80px");
    expect(frame.style.width).toBe("100%");
    expect(frame.getAttribute("scrolling")).toBe("auto");
    expect(frame.tabIndex).toBe(-1);
  });

  test("st.html drops scripts and handlers, keeps CSS", () => {
    const out = sanitize("<style>p{color:red}</style><p onclick='x()' style='margin:1px'>hi</p><script>bad()</script><img src=x onerror=bad()>");
    expect(out).toContain("<style>p{color:red}</style>");
    expect(out).toContain('style="margin:1px"');
    expect(out).not.toContain("script");
    expect(out).not.toContain("onclick");
    expect(out).not.toContain("onerror");
    const { el } = mount("html", { body: "<b>bold</b><script>bad()</script>", width: "stretch" });
    expect(el.innerHTML).toBe("<b>bold</b>");
  });

  test("frame URLs: a registered build folder under the base URL, or the dev server", () => {
    expect(frameUrl({ cid: "0123456789abcdef" })).toMatch(/^\/nbstream\/components\/0123456789abcdef\/index.html\?streamlitUrl=/);
    expect(frameUrl({ cid: "../../etc" })).toMatch(/^about:blank\?/);
    expect(frameUrl({ url: "http://localhost:3001" })).toMatch(/^http:\/\/localhost:3001\?streamlitUrl=/);
    expect(frameUrl({ url: "http://localhost:3001/?a=1" })).toMatch(/\?a=1&streamlitUrl=/);
  });

  test("values sent back: JSON, bytes and Arrow in envelopes; anything else dropped", () => {
    expect(toWire({ a: [1, null] }, "json")).toEqual({ json: { a: [1, null] } });
    expect(toWire(undefined, undefined)).toEqual({ json: null });
    expect(toWire(new Uint8Array([1, 2, 250]), "bytes")).toEqual({ bytes: "AQL6" });
    expect(toWire({ data: new Uint8Array([1]) }, "dataframe")).toEqual({ dataframe: "AQ==" });
    expect(toWire({ x: 1 }, "pickle")).toBeUndefined();
    expect(toWire("x", "bytes")).toBeUndefined();
    const cyclic = {};
    cyclic.self = cyclic;
    expect(toWire(cyclic, "json")).toBeUndefined();
    expect(toWire("x".repeat(8_000_000), "json")).toBeUndefined();
  });

  test("args: kernel blobs become Uint8Arrays", () => {
    const ctx = { ...makeCtx(), blob: () => new Uint8Array([7, 8]).buffer };
    expect(resolveBlobs({ a: 1, raw: { $blob: "h" }, list: [{ $blob: "h" }] }, ctx)).toEqual({
      a: 1,
      raw: new Uint8Array([7, 8]),
      list: [new Uint8Array([7, 8])],
    });
  });

  test("only the component's own frame is heard, and only Streamlit's messages", () => {
    const { el, ctx } = mount("component_instance", {
      id: "$$WID-c", name: "c", source: { url: "http://localhost:3001" }, args: { n: 1 }, dfs: [], disabled: false, tab_index: null,
    });
    const frame = /** @type {HTMLIFrameElement} */ (el.querySelector("iframe"));
    expect(frame.getAttribute("sandbox")).not.toContain("allow-same-origin");
    const own = frame.contentWindow;
    const stranger = /** @type {any} */ ({});
    post(own, { isStreamlitMessage: true, type: "streamlit:componentReady", apiVersion: 1 });
    post(stranger, { isStreamlitMessage: true, type: "streamlit:setComponentValue", value: 1, dataType: "json" });
    post(own, { type: "streamlit:setComponentValue", value: 2, dataType: "json" });
    post(own, { isStreamlitMessage: true, type: "streamlit:setComponentValue", value: 3, dataType: "json", id: "$$WID-other" });
    expect(ctx.sent).toEqual([["$$WID-c", { json: 3 }]]);
    post(own, { isStreamlitMessage: true, type: "streamlit:setFrameHeight", height: 1e12 });
    expect(frame.style.height).toBe("100000px");
    post(own, { isStreamlitMessage: true, type: "streamlit:setFrameHeight", height: "9px; evil" });
    expect(frame.style.height).toBe("100000px");
    post(own, { isStreamlitMessage: true, type: "streamlit:setFrameHeight", height: 42.2 });
    expect(frame.style.height).toBe("43px");
  });

  test("a disabled component sends nothing", () => {
    const { el, ctx } = mount("component_instance", {
      id: "$$WID-d", name: "d", source: { url: "http://localhost:3001" }, args: {}, dfs: [], disabled: true, tab_index: null,
    });
    const own = /** @type {HTMLIFrameElement} */ (el.querySelector("iframe")).contentWindow;
    post(own, { isStreamlitMessage: true, type: "streamlit:componentReady", apiVersion: 1 });
    post(own, { isStreamlitMessage: true, type: "streamlit:setComponentValue", value: 1, dataType: "json" });
    expect(ctx.sent).toEqual([]);
  });

  test("ES-module components: the model reads args and value, saves values, tells changes", () => {
    const ctx = makeCtx();
    let props = { id: "$$WID-e", args: { label: "a" }, value: { json: 1 } };
    const { model, changed } = makeModel(() => props, ctx);
    expect(model.get("label")).toBe("a");
    expect(model.get("value")).toBe(1);
    model.set("value", 2);
    expect(model.get("value")).toBe(2);
    model.save_changes();
    expect(ctx.sent).toEqual([["$$WID-e", { json: 2 }]]);
    const cyclic = {};
    cyclic.self = cyclic;
    model.set("value", cyclic);
    model.save_changes();
    expect(ctx.sent.length).toBe(1);
    const seen = [];
    model.on("change:label", () => seen.push("label"));
    model.on("change:value", () => seen.push("value"));
    const before = props;
    props = { ...props, args: { label: "b" }, value: { json: 3 } };
    changed(before, props);
    expect(seen).toEqual(["label", "value"]);
    expect(model.get("label")).toBe("b");
  });
});
