// @vitest-environment jsdom
import { afterEach, describe, expect, test } from "vitest";
import { components } from "../src/components/index.js";
import { makeCtx, mount } from "./helpers.js";

afterEach(() => document.body.replaceChildren());

/** Mount a block and put children in its slot, as the shell does. */
function block(kind, props, children) {
  const m = mount(kind, props, { children });
  const slot = m.mounted.slot || m.el;
  const mountedChildren = children.map((c) => components[c.kind](c, makeCtx()));
  for (const c of mountedChildren) slot.append(c.el);
  m.mounted.childrenChanged?.(children);
  return { ...m, children: mountedChildren };
}
const md = (body, key) => ({ kind: "markdown", key, props: { body, unsafe_allow_html: false, help: null } });

describe("tabs", () => {
  const tabs = () => block("tab_container", { labels: ["Cat", "**Dog**"] }, [
    { kind: "tab", key: "t0", props: { label: "Cat" }, children: [] },
    { kind: "tab", key: "t1", props: { label: "Dog" }, children: [] },
  ]);

  test("a tablist; the first tab's panel shows", () => {
    const { el, children } = tabs();
    const tabEls = [...el.querySelectorAll("[role=tab]")];
    expect(tabEls.map((t) => t.textContent)).toEqual(["Cat", "Dog"]);
    expect(tabEls[1].querySelector("strong")).not.toBeNull();
    expect(tabEls.map((t) => t.getAttribute("aria-selected"))).toEqual(["true", "false"]);
    expect(children.map((c) => c.el.hidden)).toEqual([false, true]);
    expect(children[0].el.getAttribute("role")).toBe("tabpanel");
    expect(children[0].el.getAttribute("aria-labelledby")).toBe(tabEls[0].id);
  });

  test("switching is client-only and keeps every panel's content mounted", () => {
    const { el, ctx, children } = tabs();
    children[0].el.append(document.createTextNode("cat content"));
    /** @type {HTMLElement} */ (el.querySelectorAll("[role=tab]")[1]).click();
    expect(children.map((c) => c.el.hidden)).toEqual([true, false]);
    expect(children[0].el.isConnected && children[0].el.textContent).toBe("cat content");
    expect(ctx.sent).toEqual([]);
    expect(ctx.clicks).toEqual([]);
  });

  test("arrow keys move between tabs", () => {
    const { el, children } = tabs();
    const first = /** @type {HTMLElement} */ (el.querySelector("[role=tab]"));
    first.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    expect(children.map((c) => c.el.hidden)).toEqual([true, false]);
    expect(document.activeElement).toBe(el.querySelectorAll("[role=tab]")[1]);
  });

  test("the selected tab stays selected across updates", () => {
    const { el, update, children } = tabs();
    /** @type {HTMLElement} */ (el.querySelectorAll("[role=tab]")[1]).click();
    update({ labels: ["Cat", "Dog!"] });
    expect(children.map((c) => c.el.hidden)).toEqual([true, false]);
    expect(el.querySelectorAll("[role=tab]")[1].textContent).toBe("Dog!");
  });
});

describe("expander", () => {
  test("collapsible, label in markdown, starts as `expanded` says, keeps the user's choice", () => {
    const { el, update, mounted } = mount("expander", { label: "More **info**", expanded: false, icon: "🔥" });
    const details = /** @type {HTMLDetailsElement} */ (el);
    expect(details.open).toBe(false);
    expect(el.querySelector("summary strong")?.textContent).toBe("info");
    expect(el.querySelector("summary")?.textContent).toContain("🔥");
    expect(el.contains(mounted.slot || null)).toBe(true);
    details.open = true;
    update({ label: "More **info**!" });
    expect(details.open).toBe(true);
  });
});

describe("popover", () => {
  test("a button that opens a floating panel; Escape and outside clicks close it", () => {
    const { el, ctx, mounted } = mount("popover", { label: "Settings", help: null, icon: null, disabled: false, use_container_width: false });
    const button = /** @type {HTMLButtonElement} */ (el.querySelector("button"));
    const panel = /** @type {HTMLElement} */ (el.querySelector("[role=dialog]"));
    expect(panel.contains(mounted.slot || null)).toBe(true);
    expect(panel.hidden).toBe(true);
    button.click();
    expect(panel.hidden).toBe(false);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    panel.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect(panel.hidden).toBe(true);
    button.click();
    document.body.dispatchEvent(new MouseEvent("pointerdown", { bubbles: true }));
    expect(panel.hidden).toBe(true);
    expect(ctx.clicks).toEqual([]);
  });

  test("disabled does not open", () => {
    const { el } = mount("popover", { label: "Settings", help: null, icon: null, disabled: true, use_container_width: false });
    /** @type {HTMLButtonElement} */ (el.querySelector("button")).click();
    expect(/** @type {HTMLElement} */ (el.querySelector("[role=dialog]")).hidden).toBe(true);
  });
});

describe("columns, container, empty", () => {
  test("columns share the width by weight, with the gap and alignment asked for", () => {
    const { el, children } = block("columns", { gap: "large", vertical_alignment: "bottom", border: false }, [
      { kind: "column", key: "c0", props: { weight: 0.25, gap: "large", border: true }, children: [] },
      { kind: "column", key: "c1", props: { weight: 0.75, gap: "large", border: true }, children: [] },
    ]);
    expect(el.dataset.gap).toBe("large");
    expect(el.dataset.valign).toBe("bottom");
    expect(children.map((c) => c.el.style.flexGrow)).toEqual(["0.25", "0.75"]);
    expect(children[0].el.classList.contains("nbs-bordered")).toBe(true);
  });

  test("a container with a height scrolls; border and key class", () => {
    const { el } = block("container", { height: 300, border: true, key: "my box" }, [md("a", "m0")]);
    expect(el.style.height).toBe("300px");
    expect(el.classList.contains("nbs-container--scroll")).toBe(true);
    expect(el.classList.contains("nbs-bordered")).toBe(true);
    expect(el.classList.contains("st-key-my-box")).toBe(true);
  });

  test("empty draws nothing", () => {
    const { el } = mount("empty", {});
    expect(el.childElementCount).toBe(0);
  });
});
