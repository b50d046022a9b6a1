// @vitest-environment jsdom
import { afterEach, describe, expect, test } from "vitest";
import { key, mount, type, widget } from "./helpers.js";

afterEach(() => document.body.replaceChildren());
const box = (el) => /** @type {HTMLInputElement} */ (el.querySelector("input, textarea"));

describe("text_input", () => {
  const props = (extra = {}) => widget({ label: "Name", max_chars: null, type: "default", placeholder: null, autocomplete: "", value: "Ann", ...extra });

  test("the label names the textbox; typing sends nothing until Enter", () => {
    const { el, ctx } = mount("text_input", props());
    const input = box(el);
    expect(el.querySelector("label")?.getAttribute("for")).toBe(input.id);
    type(input, "Bob");
    expect(ctx.sent).toEqual([]);
    expect(el.textContent).toContain("Press Enter to apply");
    key(input, "Enter");
    expect(ctx.sent).toEqual([["w1", "Bob"]]);
    expect(el.textContent).not.toContain("Press Enter to apply");
  });

  test("blur commits; an unchanged field sends nothing", () => {
    const { el, ctx } = mount("text_input", props());
    const input = box(el);
    input.focus();
    input.dispatchEvent(new FocusEvent("blur"));
    expect(ctx.sent).toEqual([]);
    type(input, "Cy");
    input.dispatchEvent(new FocusEvent("blur"));
    expect(ctx.sent).toEqual([["w1", "Cy"]]);
  });

  test("an update while typing keeps the text, focus and caret; later the kernel's text shows", () => {
    const { el, ctx, update } = mount("text_input", props());
    const input = box(el);
    type(input, "Annabel");
    input.setSelectionRange(3, 3);
    update({ value: "Ann", label: "Your name" });
    expect(input.value).toBe("Annabel");
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([3, 3]);
    expect(el.querySelector("label")?.textContent).toContain("Your name");
    key(input, "Enter");
    update({ value: "Annabel" });
    update({ value: "Reset by app" });
    expect(input.value).toBe("Reset by app");
    expect(ctx.sent).toEqual([["w1", "Annabel"]]);
  });

  test("password: masked, with a show/hide button", () => {
    const { el } = mount("text_input", props({ type: "password" }));
    const input = box(el);
    expect(input.type).toBe("password");
    const eye = /** @type {HTMLButtonElement} */ (el.querySelector("[aria-label='Show password']"));
    eye.click();
    expect(input.type).toBe("text");
    expect(eye.getAttribute("aria-label")).toBe("Hide password");
  });

  test("max_chars limits and counts", () => {
    const { el } = mount("text_input", props({ max_chars: 5, value: "abc" }));
    expect(box(el).maxLength).toBe(5);
    expect(el.textContent).toContain("3/5");
  });

  test("label_visibility: hidden keeps the space, collapsed removes it; the input stays named", () => {
    const hidden = mount("text_input", props({ label_visibility: "hidden" }));
    expect(hidden.el.dataset.labelVisibility).toBe("hidden");
    expect(box(hidden.el).getAttribute("aria-label")).toBe("Name");
    const collapsed = mount("text_input", props({ label_visibility: "collapsed" }));
    expect(collapsed.el.dataset.labelVisibility).toBe("collapsed");
    expect(box(collapsed.el).getAttribute("aria-label")).toBe("Name");
    const visible = mount("text_input", props());
    expect(box(visible.el).hasAttribute("aria-label")).toBe(false);
  });

  test("help: a ? icon with the help text as a tooltip", () => {
    const { el } = mount("text_input", props({ help: "Your **full** name" }));
    const help = /** @type {HTMLElement} */ (el.querySelector(".nbs-help"));
    expect(help.getAttribute("tabindex")).toBe("0");
    const tip = document.getElementById(help.getAttribute("aria-describedby") || "");
    expect(tip?.querySelector("strong")?.textContent).toBe("full");
  });

  test("disabled: no typing, nothing sent", () => {
    const { el, ctx } = mount("text_input", props({ disabled: true }));
    expect(box(el).disabled).toBe(true);
    expect(el.classList.contains("nbs-disabled")).toBe(true);
    box(el).dispatchEvent(new FocusEvent("blur"));
    expect(ctx.sent).toEqual([]);
  });

  test("a None value shows the placeholder", () => {
    const { el } = mount("text_input", props({ value: null, placeholder: "Type here" }));
    expect(box(el).value).toBe("");
    expect(box(el).placeholder).toBe("Type here");
  });

  test("label markdown is inline and its HTML escaped", () => {
    const { el } = mount("text_input", props({ label: "**Bold** <i>no</i> :material/home:" }));
    const label = /** @type {HTMLElement} */ (el.querySelector("label"));
    expect(label.querySelector("strong")).not.toBeNull();
    expect(label.querySelector("i")).toBeNull();
    expect(label.querySelector("p")).toBeNull();
    expect(label.querySelector("[role=img]")?.getAttribute("aria-label")).toBe("home");
  });
});

describe("text_area", () => {
  const props = (extra = {}) => widget({ label: "Notes", height: 150, max_chars: null, placeholder: null, value: "", ...extra });

  test("Enter is a new line; Ctrl/Cmd+Enter or blur commits", () => {
    const { el, ctx } = mount("text_area", props());
    const area = box(el);
    expect(area.tagName).toBe("TEXTAREA");
    expect(area.style.height).toBe("150px");
    type(area, "line 1");
    key(area, "Enter");
    expect(ctx.sent).toEqual([]);
    key(area, "Enter", { ctrlKey: true });
    expect(ctx.sent).toEqual([["w1", "line 1"]]);
    type(area, "line 1\nline 2");
    key(area, "Enter", { metaKey: true });
    expect(ctx.sent.at(-1)).toEqual(["w1", "line 1\nline 2"]);
    type(area, "x");
    area.dispatchEvent(new FocusEvent("blur"));
    expect(ctx.sent.at(-1)).toEqual(["w1", "x"]);
  });
});

describe("color_picker", () => {
  test("shows #RGB as #rrggbb; a change sends the color", () => {
    const { el, ctx } = mount("color_picker", widget({ label: "Color", value: "#F00" }));
    const input = /** @type {HTMLInputElement} */ (el.querySelector("input[type=color]"));
    expect(input.value).toBe("#ff0000");
    input.value = "#00ff00";
    input.dispatchEvent(new Event("change", { bubbles: true }));
    expect(ctx.sent).toEqual([["w1", "#00ff00"]]);
  });
});
