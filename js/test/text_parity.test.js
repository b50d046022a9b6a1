// @vitest-environment jsdom
// Streamlit 1.67's layout arguments of the text group, as the browser shows them.
import { afterEach, describe, expect, test, vi } from "vitest";
import { toastMs } from "../src/components/status/live.js";
import { mount } from "./helpers.js";

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

const md = (extra = {}) => ({ body: "# Title\n\nSome *text*", unsafe_allow_html: false, help: null, ...extra });
const heading = (extra = {}) => ({ body: "Heading", anchor: null, help: null, divider: false, ...extra });

describe("width", () => {
  test("pixels cap at the container, content fits, stretch and auto leave the CSS default", () => {
    const { el, update } = mount("markdown", md({ width: 200 }));
    expect(el.style.width).toBe("200px");
    expect(el.style.maxWidth).toBe("100%");
    update({ width: "content" });
    expect(el.style.width).toBe("fit-content");
    update({ width: "auto" });
    expect(el.style.width).toBe("");
    expect(el.dataset.width).toBe("auto");
    update({ width: "stretch" });
    expect(el.style.width).toBe("");
  });

  test("every element of the group sizes itself", () => {
    const cases = [
      ["caption", md({ width: 120 })],
      ["text", { body: "t", help: null, width: 120 }],
      ["title", heading({ width: 120 })],
      ["code", { body: "x", language: "python", width: 120, height: "content" }],
      ["divider", { width: 120 }],
      ["latex", { body: "x", help: null, width: 120 }],
      ["error", { body: "e", icon: null, width: 120, title: null }],
      ["exception", { type: "ValueError", message: "v", traceback: [], width: 120 }],
      ["progress", { value: 5, text: null, width: 120 }],
      ["spinner", { text: "w", show_time: false, width: 120 }],
      ["status", { label: "s", expanded: false, state: "running", type: "default", width: 120 }],
      ["json", { body: "{}", expanded: true, max_expand_depth: null, width: 120 }],
      ["help", { name: "x", type: "function", signature: "()", doc: "", value: null, members: [], width: 120 }],
    ];
    for (const [kind, props] of cases) {
      expect([kind, mount(/** @type {string} */ (kind), /** @type {any} */ (props)).el.style.width]).toEqual([kind, "120px"]);
    }
  });

  test("st.text fits its content by default", () => {
    expect(mount("text", { body: "t", help: null }).el.style.width).toBe("fit-content");
  });
});

describe("text_alignment and wrap", () => {
  test("alignment goes on the text", () => {
    const { el, update } = mount("markdown", md({ text_alignment: "center" }));
    const body = /** @type {HTMLElement} */ (el.querySelector(".nbs-markdown-body"));
    expect(body.style.textAlign).toBe("center");
    update({ text_alignment: "left" });
    expect(body.style.textAlign).toBe("");
    const h = mount("header", heading({ text_alignment: "justify" })).el;
    expect(/** @type {HTMLElement} */ (h.querySelector("h2")).style.textAlign).toBe("justify");
  });

  test("markdown wrap=False: one line of inline Markdown, block markers literal", () => {
    const { el, update } = mount("markdown", md({ wrap: false }));
    expect(el.classList.contains("nbs-one-line")).toBe(true);
    expect(el.querySelector("h1")).toBeNull();
    expect(el.querySelector(".nbs-markdown-body")?.textContent).toContain("# Title");
    expect(el.querySelector("em")?.textContent).toBe("text");
    update({ wrap: true });
    expect(el.classList.contains("nbs-one-line")).toBe(false);
    expect(el.querySelector("h1")?.textContent).toContain("Title");
  });

  test("a heading with wrap=False keeps its first line only", () => {
    const el = mount("title", heading({ body: "First line\nsecond line", wrap: false })).el;
    expect(el.classList.contains("nbs-one-line")).toBe(true);
    expect(el.querySelector(".nbs-heading-text")?.textContent).toBe("First line");
  });

  test("a truncated line shows whole on hover, a short one gets no tooltip", () => {
    const el = mount("caption", md({ body: "a long caption", wrap: false })).el;
    const body = /** @type {HTMLElement} */ (el.querySelector(".nbs-markdown-body"));
    Object.defineProperty(body, "scrollWidth", { value: 500, configurable: true });
    Object.defineProperty(body, "clientWidth", { value: 100, configurable: true });
    body.dispatchEvent(new MouseEvent("mouseenter"));
    expect(body.title).toBe("a long caption");
    Object.defineProperty(body, "scrollWidth", { value: 100, configurable: true });
    body.dispatchEvent(new MouseEvent("mouseenter"));
    expect(body.hasAttribute("title")).toBe(false);
  });
});

describe("markdown anchors and write_stream's cursor", () => {
  test("headings get a hover link unless anchors=False; the id stays either way", () => {
    const { el, update } = mount("markdown", md());
    expect(el.querySelector("h1")?.id).toBe("title");
    expect(el.querySelector("h1 a.nbs-anchor")?.getAttribute("href")).toBe("#title");
    update({ anchors: false });
    expect(el.querySelector("h1")?.id).toBe("title");
    expect(el.querySelector("a.nbs-anchor")).toBeNull();
  });

  test("the cursor follows the text's last paragraph, and goes with the prop", () => {
    const { el, update } = mount("markdown", { body: "Hello\n\nwor", unsafe_allow_html: false, help: null, cursor: "**▌**" });
    const last = /** @type {HTMLElement} */ (el.querySelectorAll("p")[1]);
    expect(last.querySelector(".nbs-stream-cursor strong")?.textContent).toBe("▌");
    update({ body: "Hello\n\nworld", cursor: "…\nmore *below*" });
    expect(el.querySelector(".nbs-stream-cursor")?.textContent).toBe("…");
    expect(el.querySelector(".nbs-stream-cursor-more em")?.textContent).toBe("below");
    update({ body: "Hello\n\nworld", cursor: undefined });
    expect(el.querySelector(".nbs-stream-cursor")).toBeNull();
  });
});

describe("heading icons", () => {
  test("emoji, Material icon and spinner come before the text, outside the anchor", () => {
    const fire = mount("title", heading({ body: "Fire", icon: "🔥" })).el;
    const h1 = /** @type {HTMLElement} */ (fire.querySelector("h1"));
    expect(h1.firstElementChild?.classList.contains("nbs-heading-icon")).toBe(true);
    expect(h1.firstElementChild?.textContent).toBe("🔥");
    expect(h1.id).toBe("fire");
    const home = mount("header", heading({ icon: ":material/home:" })).el;
    expect(home.querySelector(".nbs-heading-icon svg, .nbs-heading-icon.nbs-icon")).not.toBeNull();
    const spin = mount("subheader", heading({ icon: "spinner" })).el;
    expect(spin.querySelector(".nbs-heading-icon.nbs-spinner-icon")).not.toBeNull();
    expect(mount("title", heading({ icon: null })).el.querySelector(".nbs-heading-icon")).toBeNull();
  });
});

describe("code height", () => {
  test("pixels fix the height (scrolling), content leaves it to the code", () => {
    const { el, update } = mount("code", { body: "x = 1", language: "python", height: 80, width: "stretch" });
    expect(el.style.height).toBe("80px");
    expect(el.dataset.height).toBe("pixels");
    update({ height: "stretch" });
    expect(el.style.height).toBe("");
    expect(el.dataset.height).toBe("stretch");
  });
});

describe("alerts", () => {
  test("a bold inline title above the body", () => {
    const { el, update } = mount("warning", { body: "Body", icon: null, width: "stretch", title: "Careful *now*" });
    const title = /** @type {HTMLElement} */ (el.querySelector(".nbs-alert-title"));
    expect(title.hidden).toBe(false);
    expect(title.querySelector("em")?.textContent).toBe("now");
    expect(title.nextElementSibling?.classList.contains("nbs-alert-body")).toBe(true);
    update({ title: null });
    expect(title.hidden).toBe(true);
    update({ title: "" });
    expect(title.hidden).toBe(true);
  });
});

describe("status and expander type", () => {
  test("the type is on the element for the CSS", () => {
    expect(mount("status", { label: "s", expanded: false, state: "running", type: "step", width: "stretch" }).el.dataset.type).toBe("step");
    expect(mount("expander", { label: "e", expanded: false, icon: null, type: "compact", width: "stretch" }).el.dataset.type).toBe("compact");
    expect(mount("expander", { label: "e", expanded: false, icon: null, width: "stretch" }).el.dataset.type).toBe("default");
    expect(mount("expander", { label: "e", expanded: false, icon: null, type: "step", width: 300 }).el.style.width).toBe("300px");
  });
});

describe("toast duration", () => {
  test("short, long, seconds and infinite", () => {
    expect([toastMs("short"), toastMs("long"), toastMs(7), toastMs("infinite")]).toEqual([4000, 10000, 7000, null]);
  });

  test("an infinite toast stays until closed; a timed one goes", () => {
    vi.useFakeTimers();
    const stay = mount("toast", { body: "stay", icon: null, duration: "infinite", nonce: 1 }).el;
    const go = mount("toast", { body: "go", icon: null, duration: 2, nonce: 2 }).el;
    vi.advanceTimersByTime(60000);
    expect(stay.classList.contains("nbs-toast--gone")).toBe(false);
    expect(go.classList.contains("nbs-toast--gone")).toBe(true);
    /** @type {HTMLElement} */ (stay.querySelector(".nbs-toast-close")).click();
    expect(stay.classList.contains("nbs-toast--gone")).toBe(true);
  });
});

describe("popover wrap", () => {
  test("true, false and None (the layout decides) reach the CSS", () => {
    const base = { label: "A long label", help: null, icon: null, disabled: false, type: "secondary", width: "content" };
    const { el, update } = mount("popover", { ...base, wrap: false });
    expect(el.dataset.wrap).toBe("false");
    update({ wrap: true });
    expect(el.dataset.wrap).toBe("true");
    update({ wrap: null });
    expect(el.dataset.wrap).toBe("auto");
  });
});

describe("st.html unsafe_allow_javascript", () => {
  // jsdom runs no scripts here: that they run is checked in the browser (tests/e2e/test_text_parity.py).
  test("scripts and handlers are removed by default, kept as live scripts when allowed", () => {
    const body = '<b id="b" onclick="go()">x</b><script data-n="1">window.__nbsRan = 1</script>';
    const safe = mount("html", { body, width: "stretch", unsafe_allow_javascript: false }).el;
    expect(safe.querySelector("script")).toBeNull();
    expect(safe.querySelector("#b")?.hasAttribute("onclick")).toBe(false);
    const { el, update } = mount("html", { body, width: "stretch", unsafe_allow_javascript: true });
    expect(el.querySelector("#b")?.getAttribute("onclick")).toBe("go()");
    const script = /** @type {HTMLScriptElement} */ (el.querySelector("script"));
    expect(script.dataset.n).toBe("1");
    expect(script.textContent).toBe("window.__nbsRan = 1");
    expect(script.async).toBe(false);
    update({ unsafe_allow_javascript: false });
    expect(el.querySelector("script")).toBeNull();
  });
});
