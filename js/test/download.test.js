// @vitest-environment jsdom
// @ts-check
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { fileTimeout } from "../src/components/widgets/download.js";
import { mount, widget } from "./helpers.js";

/** @type {{name: string, type: string, blob: Blob}[]} */
let saved = [];

/** @param {Blob} blob @returns {Promise<Uint8Array>} */
function bytesOf(blob) {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(/** @type {ArrayBuffer} */ (reader.result)));
    reader.readAsArrayBuffer(blob);
  });
}

beforeEach(() => {
  saved = [];
  /** @type {Map<string, Blob>} */
  const urls = new Map();
  URL.createObjectURL = (/** @type {any} */ blob) => {
    const url = `blob:test/${urls.size}`;
    urls.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function () {
    // @ts-ignore -- `this` is the link the component clicked
    const link = /** @type {HTMLAnchorElement} */ (this);
    const blob = /** @type {Blob} */ (urls.get(link.href));
    saved.push({ name: link.download, type: blob.type, blob });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

/** @param {Record<string, any>} props @param {(payload: any) => Promise<any>} answer */
function downloadButton(props, answer) {
  const m = mount("download_button", widget({ label: "Get it", type: "secondary", file_name: "a.csv", mime: "text/csv", size: 3, ignore_click: false, ...props }));
  /** @type {any[]} */
  const asked = [];
  m.ctx.request = (payload) => {
    asked.push(payload);
    return answer(payload);
  };
  return { ...m, asked, button: /** @type {HTMLButtonElement} */ (m.el.querySelector("button")) };
}

const flush = () => new Promise((r) => setTimeout(r, 20));

describe("st.download_button", () => {
  test("a click fetches the file, saves it under its name and type, then reruns", async () => {
    const bytes = new Uint8Array([0, 255, 65]);
    const { button, asked, ctx } = downloadButton({}, async () => ({
      content: { file_name: "a.csv", mime: "text/csv", size: 3 },
      buffers: [new DataView(bytes.buffer)],
    }));
    expect(button.textContent).toContain("Get it");
    button.click();
    await flush();
    expect(asked).toEqual([{ file: true }]);
    expect(saved.map((s) => [s.name, s.type])).toEqual([["a.csv", "text/csv"]]);
    expect(await bytesOf(saved[0].blob)).toEqual(bytes);
    expect(ctx.clicks).toEqual(["w1"]);
  });

  test('on_click="ignore" downloads without a rerun', async () => {
    const { button, ctx } = downloadButton({ ignore_click: true }, async () => ({
      content: { file_name: "a.csv", mime: "text/csv", size: 1 },
      buffers: [new DataView(new Uint8Array([7]).buffer)],
    }));
    button.click();
    await flush();
    expect(saved.map((s) => s.name)).toEqual(["a.csv"]);
    expect(ctx.clicks).toEqual([]);
  });

  test("a disabled button asks for nothing", async () => {
    const { button, asked } = downloadButton({ disabled: true }, async () => ({ content: {}, buffers: [] }));
    expect(button.disabled).toBe(true);
    button.click();
    await flush();
    expect(asked).toEqual([]);
  });

  test("a refused request says so and does not rerun", async () => {
    const { button, el, ctx } = downloadButton({}, async () => {
      throw new Error("no kernel");
    });
    button.click();
    await flush();
    expect(saved).toEqual([]);
    expect(ctx.clicks).toEqual([]);
    expect(el.querySelector("[role=alert]")?.textContent).toContain("could not be downloaded: no kernel");
  });

  test("big files get more time", () => {
    expect(fileTimeout(null)).toBe(60_000);
    expect(fileTimeout(20_000_000)).toBe(80_000);
  });
});
