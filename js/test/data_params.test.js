// @vitest-environment jsdom
// Streamlit 1.67 arguments of the data group: metric, table, dataframe, data_editor, image,
// audio, video, chat_input.
import { tableFromArrays, tableToIPC } from "apache-arrow";
import { afterEach, describe, expect, test } from "vitest";
import { metricText } from "../src/components/data/dataframe.js";
import { formatNumber } from "../src/components/data/format.js";
import { safeLink } from "../src/components/media/image.js";
import { components } from "../src/components/index.js";
import { key, makeCtx, mount, type } from "./helpers.js";

afterEach(() => document.body.replaceChildren());

const METRIC = { label: "Revenue", body: "1234.567", delta: "-12.3", delta_color: "normal", direction: "down", color: "red", help: null, label_visibility: "visible", border: false };

describe("metric", () => {
  test("format applies to a numeric value and delta, never to text", () => {
    const { el } = mount("metric", { ...METRIC, format: "dollar" });
    expect(el.querySelector(".nbs-metric-value").textContent).toBe("$1,234.57");
    expect(el.querySelector(".nbs-metric-delta-text").textContent).toBe("-$12.30");
    expect(metricText("70 °F", "dollar")).toBe("70 °F");
    expect(metricText("+5", "%d")).toBe("+5");
    expect(metricText("1234.567", null)).toBe("1234.567");
    expect(metricText("1234", "%,d")).toBe("1,234");
    expect(formatNumber(1234.567, "bytes")).toBe("1.2KB");
    expect(formatNumber(3e9, "bytes")).toBe("3GB");
  });

  test("an icon before the label; a spinner; none by default", () => {
    const { el, update } = mount("metric", { ...METRIC, icon: "🔥" });
    expect(el.querySelector(".nbs-metric-label .nbs-prop-icon").textContent).toBe("🔥");
    expect(el.querySelector(".nbs-metric-label").textContent.startsWith("🔥")).toBe(true);
    update({ icon: "spinner" });
    expect(el.querySelector(".nbs-metric-label .nbs-spinner-icon")).not.toBeNull();
    update({ icon: null });
    expect(el.querySelector(".nbs-metric-label .nbs-prop-icon, .nbs-metric-label .nbs-spinner-icon")).toBeNull();
  });

  test("delta description beside the delta; hidden without one", () => {
    const { el, update } = mount("metric", { ...METRIC, delta_description: "month over month" });
    const note = el.querySelector(".nbs-metric-delta-description");
    expect(note.textContent).toBe("month over month");
    expect(note.hidden).toBe(false);
    update({ delta_description: null });
    expect(note.hidden).toBe(true);
  });

  test("a forced arrow points where asked; 'none' draws no arrow but keeps the delta", () => {
    const { el, update } = mount("metric", { ...METRIC, direction: "up" });
    expect(el.querySelector(".nbs-metric-delta svg, .nbs-metric-delta .nbs-icon")).not.toBeNull();
    update({ direction: "none" });
    expect(el.querySelector(".nbs-metric-delta svg, .nbs-metric-delta .nbs-icon")).toBeNull();
    expect(el.querySelector(".nbs-metric-delta").textContent).toBe("-12.3");
  });

  test("chart_data draws a sparkline of its kind in the delta's color", () => {
    const { el, update } = mount("metric", { ...METRIC, chart_data: [1, 3, 2], chart_type: "line" });
    const chart = el.querySelector(".nbs-metric-chart");
    expect(chart.hidden).toBe(false);
    expect(chart.querySelector("polyline").getAttribute("points").split(" ")).toHaveLength(3);
    expect(el.dataset.color).toBe("red");
    update({ chart_data: [1, 3, 2], chart_type: "bar" });
    expect(chart.querySelectorAll("rect")).toHaveLength(3);
    update({ chart_data: [1, 3, 2], chart_type: "area" });
    expect(chart.querySelector(".nbs-df-spark-area")).not.toBeNull();
    update({ chart_data: null });
    expect(chart.hidden).toBe(true);
  });

  test("width and height: pixels, content, stretch", () => {
    const { el, update } = mount("metric", { ...METRIC, width: 240, height: 120 });
    expect([el.style.width, el.style.height, el.style.overflow]).toEqual(["240px", "120px", "auto"]);
    update({ width: "content", height: "stretch" });
    expect([el.style.width, el.style.height]).toEqual(["fit-content", "100%"]);
    update({ width: "stretch", height: "content" });
    expect([el.style.width, el.style.height]).toEqual(["", ""]);
  });
});

const COL = { label: "", config: {}, width: null, help: null, disabled: true, required: false, pinned: false, alignment: null, default: null };
const TABLE = {
  columns: [
    { ...COL, field: "f0", name: "", index: true, kind: "integer", type: "number", pinned: true },
    { ...COL, field: "f1", name: "n", label: "n", index: false, kind: "integer", type: "number" },
  ],
  rows: 2,
  data: tableToIPC(tableFromArrays({ _row: Int32Array.from([0, 1]), f0: Int32Array.from([0, 1]), f1: Float64Array.from([5, 7]) }), "stream"),
  whole: true,
  tail: [],
  version: 0,
  styled: false,
  border: "all",
  width: "stretch",
  height: "content",
  hide_header: false,
  alt: null,
};

describe("table", () => {
  test("border all / horizontal / none", () => {
    const { el, update } = mount("table", TABLE);
    expect(el.dataset.border).toBe("all");
    update({ border: "horizontal" });
    expect(el.dataset.border).toBe("horizontal");
    update({ border: "none" });
    expect(el.dataset.border).toBe("none");
  });

  test("hide_header drops the header row; alt names the table", () => {
    const { el, update } = mount("table", { ...TABLE, alt: "Monthly sales" });
    expect(el.querySelector("table").getAttribute("aria-label")).toBe("Monthly sales");
    expect(el.querySelectorAll("thead th")).toHaveLength(2);
    update({ hide_header: true, alt: null });
    expect(el.querySelector("thead")).toBeNull();
    expect(el.querySelector("table").hasAttribute("aria-label")).toBe(false);
    expect([...el.querySelectorAll("tbody tr")].map((r) => r.textContent)).toEqual(["05", "17"]);
  });

  test("a pixel height scrolls under a sticky header; a pixel width keeps the index in view", () => {
    const { el, update } = mount("table", { ...TABLE, width: 300, height: 120 });
    expect([el.style.width, el.style.height]).toEqual(["300px", "120px"]);
    expect(el.classList.contains("nbs-table-wrap--scroll-y")).toBe(true);
    expect(el.classList.contains("nbs-table-wrap--scroll-x")).toBe(true);
    update({ width: "content", height: "content" });
    expect([el.style.width, el.style.height]).toEqual(["fit-content", ""]);
    expect(el.classList.contains("nbs-table-wrap--scroll-y")).toBe(false);
  });
});

const IMG = { src: "https://example.com/a.png", mime: null, size: null, caption: null, alt: null };

describe("image", () => {
  test("alt: text, decorative empty, or no attribute at all; never the caption", () => {
    const { el, update } = mount("image", { images: [{ ...IMG, alt: "A red square", caption: "Sunset" }], width: "content", link: null });
    const img = el.querySelector("img");
    expect(img.getAttribute("alt")).toBe("A red square");
    update({ images: [{ ...IMG, alt: "" }] });
    expect(img.getAttribute("alt")).toBe("");
    update({ images: [{ ...IMG, caption: "Sunset" }] });
    expect(img.hasAttribute("alt")).toBe(false);
  });

  test("link wraps the image in an anchor; external links open a new tab; unsafe schemes are dropped", () => {
    const { el, update } = mount("image", { images: [IMG], width: "content", link: "https://streamlit.io" });
    let a = el.querySelector("a");
    expect(a.getAttribute("href")).toBe("https://streamlit.io");
    expect(a.getAttribute("target")).toBe("_blank");
    expect(a.querySelector("img")).not.toBeNull();
    update({ link: "/my_page" });
    a = el.querySelector("a");
    expect(a.getAttribute("href")).toBe("/my_page");
    expect(a.hasAttribute("target")).toBe(false);
    update({ link: "javascript:alert(1)" });
    expect(el.querySelector("a")).toBeNull();
    expect(el.querySelector("figure > img")).not.toBeNull();
    expect(safeLink("data:text/html,x")).toBeNull();
    expect(safeLink("my_page")).toBe("my_page");
  });
});

describe("audio and video", () => {
  test("alt is the player's accessible name", () => {
    for (const kind of ["audio", "video"]) {
      const { el, update } = mount(kind, { src: "https://example.com/m", mime: null, start_time: 0, end_time: null, loop: false, autoplay: false, muted: false, width: "stretch", subtitles: [], alt: "Birdsong" });
      const media = el.querySelector(kind);
      expect(media.getAttribute("aria-label")).toBe("Birdsong");
      update({ alt: null });
      expect(media.hasAttribute("aria-label")).toBe(false);
    }
  });
});

describe("chat_input submit_mode and height", () => {
  const CHAT = { id: "c1", placeholder: "Say", max_chars: null, disabled: false, position: "inline", width: "stretch", value: null, accept_file: false, submit_mode: "submit", height: "content" };

  /** A chat input whose ctx reports run states (`run(true/false)`) and records stops. */
  function chat(extra) {
    const ctx = makeCtx();
    const events = [];
    let stops = 0;
    /** @type {(running: boolean) => void} */
    let watcher = () => {};
    ctx.click = (id, value) => events.push([id, value]);
    ctx.onRunState = (fn) => (watcher = fn);
    ctx.stop = () => (stops += 1);
    const node = { kind: "chat_input", key: "c1", props: { ...CHAT, ...extra } };
    const m = components.chat_input(node, ctx);
    document.body.append(m.el);
    const field = m.el.querySelector("textarea");
    const send = m.el.querySelector(".nbs-chat-send");
    return { m, node, field, send, events, run: (r) => watcher(r), stops: () => stops };
  }

  test("'submit' stays enabled while the run goes on", () => {
    const c = chat({});
    type(c.field, "one");
    key(c.field, "Enter");
    c.run(true);
    expect(c.field.disabled).toBe(false);
    type(c.field, "two");
    key(c.field, "Enter");
    expect(c.events).toEqual([["c1", "one"], ["c1", "two"]]);
  });

  test("'disable' locks the box from a submission until the run ends, even across a redraw", () => {
    const c = chat({ submit_mode: "disable" });
    type(c.field, "one");
    key(c.field, "Enter");
    expect(c.field.disabled).toBe(true);
    expect(c.send.disabled).toBe(true);
    c.run(true);
    c.m.update(c.node); // the rerun redraws the widget
    expect(c.field.disabled).toBe(true);
    type(c.field, "sneaky");
    key(c.field, "Enter");
    expect(c.events).toEqual([["c1", "one"]]);
    c.run(false);
    expect(c.field.disabled).toBe(false);
  });

  test("'stop' turns send into a stop button that stops the run", () => {
    const c = chat({ submit_mode: "stop" });
    type(c.field, "go");
    key(c.field, "Enter");
    expect(c.field.disabled).toBe(true);
    expect(c.send.getAttribute("aria-label")).toBe("Stop");
    expect(c.send.disabled).toBe(false);
    c.send.click();
    expect(c.stops()).toBe(1);
    expect(c.events).toEqual([["c1", "go"]]);
    c.run(false);
    expect(c.send.getAttribute("aria-label")).toBe("Send message");
    expect(c.field.disabled).toBe(false);
  });

  test("height: a least height in pixels, or stretch", () => {
    const c = chat({ height: 120 });
    expect(c.m.el.querySelector(".nbs-chat-box").style.minHeight).toBe("120px");
    expect(c.m.el.dataset.height).toBe("pixels");
    c.m.update({ ...c.node, props: { ...c.node.props, height: "stretch" } });
    expect(c.m.el.dataset.height).toBe("stretch");
    expect(c.m.el.querySelector(".nbs-chat-box").style.minHeight).toBe("");
  });
});

describe("dataframe and data_editor placeholder and alt", () => {
  const withNull = {
    ...TABLE,
    columns: [TABLE.columns[0], { ...COL, field: "f1", name: "s", label: "s", index: false, kind: "string", type: "text" }],
    data: tableToIPC(tableFromArrays({ _row: Int32Array.from([0, 1]), f0: Int32Array.from([0, 1]), f1: ["x", null] }), "stream"),
    selection_mode: [],
    key: null,
    row_height: null,
  };

  test("missing values show the placeholder ('None' without one); alt names the grid", () => {
    for (const kind of ["dataframe", "data_editor"]) {
      const { el, update } = mount(kind, { ...withNull, placeholder: "-", alt: "Customers", editable: true, num_rows: "fixed", base_rows: 2 });
      expect(el.querySelector("[role=grid]").getAttribute("aria-label")).toBe("Customers");
      expect(el.querySelector(".nbs-df-none")?.textContent).toBe("-");
      update({ placeholder: null, alt: null });
      expect(el.querySelector(".nbs-df-none")?.textContent).toBe("None");
      expect(el.querySelector("[role=grid]").hasAttribute("aria-label")).toBe(false);
      update({ placeholder: "" });
      expect(el.querySelector(".nbs-df-none")?.textContent).toBe("");
      document.body.replaceChildren();
    }
  });
});
