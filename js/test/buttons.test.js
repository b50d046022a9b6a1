// @vitest-environment jsdom
// @ts-check
/** Streamlit 1.67's button options (width, icon_position, wrap, shortcut) and the
 * parameters of form, link_button, page_link, pdf and dialog that came with them. */
import { afterEach, describe, expect, test } from "vitest";
import { matchesShortcut, shortcutLabel } from "../src/components/widgets/_button_options.js";
import { mount, widget } from "./helpers.js";

afterEach(() => document.body.replaceChildren());

/** @param {string} key @param {KeyboardEventInit} [init] @param {EventTarget} [target] */
function press(key, init = {}, target = document.body) {
  const event = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

const button = (/** @type {Record<string, any>} */ extra = {}) =>
  mount("button", widget({ label: "Go", type: "secondary", icon: null, icon_position: "left", width: "content", shortcut: null, wrap: null, ...extra }));

describe("button width", () => {
  test("pixels set the wrapper's width, stretch fills, content is neither", () => {
    const m = button({ width: 120 });
    expect(m.el.style.width).toBe("120px");
    expect(m.el.classList.contains("nbs-button-wrap--fixed")).toBe(true);
    m.update({ width: "stretch" });
    expect(m.el.style.width).toBe("");
    expect(m.el.classList.contains("nbs-button-wrap--stretch")).toBe(true);
    m.update({ width: "content" });
    expect(m.el.classList.contains("nbs-button-wrap--stretch")).toBe(false);
    expect(m.el.classList.contains("nbs-button-wrap--fixed")).toBe(false);
  });
});

describe("icon_position", () => {
  test("the icon is before the label, or after it with 'right', and moves on update", () => {
    const m = button({ icon: "🔥" });
    const order = () => [...m.el.querySelector("button").children].map((c) => (c.classList.contains("nbs-prop-icon") ? "icon" : "label"));
    expect(order()).toEqual(["icon", "label"]);
    m.update({ icon: "🔥", icon_position: "right" });
    expect(order()).toEqual(["label", "icon"]);
  });
});

describe("wrap", () => {
  test("True, False and None travel to the wrapper the CSS reads", () => {
    const m = button({ wrap: true });
    expect(m.el.dataset.wrap).toBe("wrap");
    m.update({ wrap: false });
    expect(m.el.dataset.wrap).toBe("nowrap");
    m.update({ wrap: null });
    expect(m.el.dataset.wrap).toBe("auto");
  });
});

describe("shortcut", () => {
  test("shows on the button and a matching key press clicks it", () => {
    const m = button({ shortcut: "ctrl+shift+k" });
    const hint = m.el.querySelector("kbd.nbs-button-shortcut");
    expect(hint?.textContent).toMatch(/^(Ctrl\+Shift\+K|⌘⇧K)$/);
    expect(m.el.querySelector("button").getAttribute("aria-keyshortcuts")).toBe("Control+Shift+K");
    press("k", { ctrlKey: true });
    expect(m.ctx.clicks).toEqual([]);
    const event = press("K", { ctrlKey: true, shiftKey: true });
    expect(m.ctx.clicks).toEqual(["w1"]);
    expect(event.defaultPrevented).toBe(true);
  });

  test("a bare key does not fire while typing, a held key does not repeat, disabled does nothing", () => {
    const m = button({ shortcut: "k" });
    const input = document.createElement("input");
    document.body.append(input);
    press("k", {}, input);
    press("k", { repeat: true });
    expect(m.ctx.clicks).toEqual([]);
    press("k");
    expect(m.ctx.clicks).toEqual(["w1"]);
    m.update({ shortcut: "k", disabled: true });
    press("k");
    expect(m.ctx.clicks).toEqual(["w1"]);
    m.update({ shortcut: null, disabled: false });
    press("k");
    expect(m.ctx.clicks).toEqual(["w1"]);
    expect(m.el.querySelector("kbd")).toBeNull();
  });

  test("fires for a key pressed in the app even though the app stops keys from leaving it; not from the notebook around", () => {
    const app = document.createElement("div");
    app.className = "nbs-app";
    app.addEventListener("keydown", (e) => e.stopPropagation());
    document.body.append(app);
    const m = button({ shortcut: "k" });
    app.append(m.el);
    const inside = document.createElement("div");
    app.append(inside);
    press("k", {}, inside);
    expect(m.ctx.clicks).toEqual(["w1"]);
    const cell = document.createElement("div");
    document.body.append(cell);
    press("k", {}, cell);
    expect(m.ctx.clicks).toEqual(["w1"]);
    press("k", { ctrlKey: true }, cell);
    m.update({ shortcut: "ctrl+k" });
    press("k", { ctrlKey: true }, cell);
    expect(m.ctx.clicks).toEqual(["w1", "w1"]);
  });

  test("Ctrl and Cmd are one modifier; named keys, function keys and Alt by the key's position", () => {
    const ev = (/** @type {string} */ key, /** @type {KeyboardEventInit} */ init = {}) => new KeyboardEvent("keydown", { key, ...init });
    expect(matchesShortcut("cmd+s", ev("s", { ctrlKey: true }))).toBe(true);
    expect(matchesShortcut("ctrl+s", ev("s", { metaKey: true }))).toBe(true);
    expect(matchesShortcut("ctrl+s", ev("s"))).toBe(false);
    expect(matchesShortcut("escape", ev("Escape"))).toBe(true);
    expect(matchesShortcut("space", ev(" "))).toBe(true);
    expect(matchesShortcut("up", ev("ArrowUp"))).toBe(true);
    expect(matchesShortcut("f4", ev("F4"))).toBe(true);
    expect(matchesShortcut("f4", ev("F5"))).toBe(false);
    expect(matchesShortcut("alt+k", ev("˚", { altKey: true, code: "KeyK" }))).toBe(true);
    expect(matchesShortcut("4", ev("4", { shiftKey: true }))).toBe(false);
    expect(shortcutLabel("cmd+alt+enter", false)).toBe("Ctrl+Alt+Enter");
    expect(shortcutLabel("shift+pageup", true)).toBe("⇧PgUp");
  });

  test("a form's submit button keeps its shortcut while a field of the form has focus", () => {
    const m = mount("button", widget({ id: "s1", label: "Send", is_form_submitter: true, shortcut: "ctrl+enter" }));
    const input = document.createElement("textarea");
    document.body.append(input);
    /** @type {string[]} */
    const order = [];
    input.addEventListener("blur", () => order.push(`commit ${m.ctx.clicks.length}`));
    input.focus();
    press("Enter", { ctrlKey: true }, input);
    expect(m.ctx.clicks).toEqual(["s1"]);
    // The field committed (blur) before the click, and has the focus again.
    expect(order).toEqual(["commit 0"]);
    expect(document.activeElement).toBe(input);
  });
});

describe("download_button", () => {
  test("takes the same options", () => {
    const m = mount("download_button", widget({ label: "Save", width: 200, icon: "📄", icon_position: "right", shortcut: "d", wrap: false, file_name: "a.txt", mime: "text/plain", size: 1 }));
    expect(m.el.style.width).toBe("200px");
    expect(m.el.dataset.wrap).toBe("nowrap");
    expect(m.el.querySelector("button > :last-of-type.nbs-prop-icon, .nbs-button-label + .nbs-prop-icon")).not.toBeNull();
    expect(m.el.querySelector("kbd")?.textContent).toBe("D");
  });
});

describe("link_button", () => {
  const props = (/** @type {Record<string, any>} */ extra = {}) => ({ label: "Docs", url: "https://example.com/", help: null, type: "secondary", icon: null, disabled: false, icon_position: "left", width: "content", shortcut: null, wrap: null, ...extra });

  test("a widget link reports its click; a plain one does not", () => {
    const plain = mount("link_button", props());
    plain.el.querySelector("a").addEventListener("click", (e) => e.preventDefault());
    plain.el.querySelector("a").click();
    expect(plain.ctx.clicks).toEqual([]);
    const w = mount("link_button", props({ id: "lb1" }));
    w.el.querySelector("a").addEventListener("click", (e) => e.preventDefault());
    w.el.querySelector("a").click();
    expect(w.ctx.clicks).toEqual(["lb1"]);
  });

  test("the shortcut clicks the link; width, icon side and wrap as on st.button", () => {
    const m = mount("link_button", props({ id: "lb2", shortcut: "l", width: 90, icon: "🔗", icon_position: "right", wrap: true }));
    const a = m.el.querySelector("a");
    let opened = 0;
    a.addEventListener("click", (e) => {
      e.preventDefault();
      opened += 1;
    });
    press("l");
    expect(opened).toBe(1);
    expect(m.ctx.clicks).toEqual(["lb2"]);
    expect(m.el.style.width).toBe("90px");
    expect(a.lastElementChild?.classList.contains("nbs-prop-icon") || a.children[1].classList.contains("nbs-prop-icon")).toBe(true);
    expect(m.el.dataset.wrap).toBe("wrap");
  });

  test("a disabled link neither opens nor reports", () => {
    const m = mount("link_button", props({ id: "lb3", disabled: true, shortcut: "l" }));
    press("l");
    m.el.querySelector("a").click();
    expect(m.ctx.clicks).toEqual([]);
  });
});

describe("page_link", () => {
  test("icon on the right and a width in pixels", () => {
    const m = mount("page_link", { label: "Home", icon: "🏠", icon_position: "right", url: "https://example.com", page: null, disabled: false, current: false, help: null, width: 150, use_container_width: false, query_params: {} });
    const link = m.el.querySelector("a");
    expect([...link.children].map((c) => (c.classList.contains("nbs-prop-icon") ? "icon" : "label"))).toEqual(["label", "icon"]);
    expect(m.el.style.width).toBe("150px");
  });
});

describe("form size", () => {
  test("width and height reach the form element", () => {
    const m = mount("form", { form_id: "f", border: true, enter_to_submit: true, width: 300, height: 200 }, { children: [] });
    expect(m.el.style.width).toBe("300px");
    expect(m.el.style.height).toBe("200px");
    expect(m.el.dataset.height).toBe("pixels");
    m.update({ width: "content", height: "stretch" });
    expect(m.el.dataset.width).toBe("content");
    expect(m.el.dataset.height).toBe("stretch");
    expect(m.el.style.width).toBe("");
  });
});

describe("pdf alt", () => {
  test("names the viewer when given, and leaves it unnamed otherwise", () => {
    const m = mount("pdf", { src: "https://example.com/a.pdf", mime: "application/pdf", height: 500, key: null, alt: "Quarterly report" });
    const frame = m.el.querySelector("iframe");
    expect(frame.getAttribute("aria-label")).toBe("Quarterly report");
    expect(frame.title).toBe("Quarterly report");
    m.update({ alt: null });
    expect(frame.hasAttribute("aria-label")).toBe(false);
    expect(frame.hasAttribute("title")).toBe(false);
  });
});

describe("dialog position and icon", () => {
  async function open(/** @type {Record<string, any>} */ props) {
    const app = document.createElement("div");
    app.className = "nbs-app";
    document.body.append(app);
    const m = mount("dialog", { title: "Edit", width: "small", position: "center", icon: null, dismissible: true, dismiss_id: null, opening: 1, ...props }, { children: [] });
    app.append(m.el);
    await new Promise((r) => requestAnimationFrame(r));
    return { m, app };
  }

  test("a right drawer has a resize edge that arrow keys move", async () => {
    const { app } = await open({ position: "right", width: "medium" });
    const backdrop = app.querySelector(".nbs-st-dialog-backdrop");
    expect(backdrop.dataset.position).toBe("right");
    const box = app.querySelector("[role=dialog]");
    expect(box.style.width).toBe("750px");
    const edge = app.querySelector(".nbs-st-dialog-edge");
    expect(edge.hidden).toBe(false);
    box.getBoundingClientRect = () => /** @type {DOMRect} */ ({ width: 750 });
    edge.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowLeft", bubbles: true }));
    expect(box.style.width).toBe("770px");
  });

  test("centered: no edge; the icon shows before the title, 'spinner' as a spinner", async () => {
    const { m, app } = await open({ icon: "🚨" });
    expect(app.querySelector(".nbs-st-dialog-edge").hidden).toBe(true);
    const mark = app.querySelector(".nbs-st-dialog-icon");
    expect(mark.textContent).toBe("🚨");
    expect(mark.nextElementSibling.classList.contains("nbs-st-dialog-title")).toBe(true);
    m.update({ icon: "spinner" });
    expect(mark.querySelector(".nbs-spinner-icon")).not.toBeNull();
    m.update({ icon: null });
    expect(mark.hidden).toBe(true);
  });
});
