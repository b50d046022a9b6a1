// @vitest-environment jsdom
import { afterEach, describe, expect, test } from "vitest";
import { key, mount, type, widget } from "./helpers.js";

afterEach(() => document.body.replaceChildren());
const byRole = (el, role) => /** @type {HTMLElement[]} */ ([...el.querySelectorAll(`[role=${role}]`), ...el.querySelectorAll(role === "checkbox" ? "input[type=checkbox]:not([role])" : role === "radio" ? "input[type=radio]" : "x-none")]);

describe("button", () => {
  test("a click is sent as a click of its id", () => {
    const { el, ctx } = mount("button", widget({ label: "Go **now**", type: "primary", icon: ":material/home:", use_container_width: false, value: false }));
    const button = /** @type {HTMLButtonElement} */ (el.querySelector("button"));
    expect(button.textContent).toContain("Go now");
    expect(button.querySelector("strong")).not.toBeNull();
    button.click();
    button.click();
    expect(ctx.clicks).toEqual(["w1", "w1"]);
    expect(ctx.sent).toEqual([]);
  });

  test("disabled sends nothing", () => {
    const { el, ctx } = mount("button", widget({ label: "Go", type: "secondary", icon: null, use_container_width: false, value: false, disabled: true }));
    el.querySelector("button")?.click();
    expect(ctx.clicks).toEqual([]);
  });

  test("help shows as a tooltip describing the button", () => {
    const { el } = mount("button", widget({ label: "Go", type: "secondary", icon: null, use_container_width: false, value: false, help: "Starts **it**" }));
    const button = /** @type {HTMLElement} */ (el.querySelector("button"));
    const tip = document.getElementById(button.getAttribute("aria-describedby") || "");
    expect(tip?.getAttribute("role")).toBe("tooltip");
    expect(tip?.textContent).toContain("Starts it");
  });
});

describe("checkbox and toggle", () => {
  test("clicking sends the new boolean; a kernel value is shown, not sent", () => {
    const { el, ctx, update } = mount("checkbox", widget({ label: "Agree", value: false }));
    const box = /** @type {HTMLInputElement} */ (el.querySelector("input"));
    box.click();
    expect(ctx.sent).toEqual([["w1", true]]);
    update({ value: false }); // a callback reset it
    expect(box.checked).toBe(false);
    expect(ctx.sent).toHaveLength(1);
  });

  test("toggle is a switch", () => {
    const { el, ctx } = mount("toggle", widget({ label: "On", value: true }));
    const sw = /** @type {HTMLInputElement} */ (el.querySelector("[role=switch]"));
    expect(sw.checked).toBe(true);
    sw.click();
    expect(ctx.sent).toEqual([["w1", false]]);
  });

  test("clicking the help icon does not toggle the box", () => {
    const { el, ctx } = mount("checkbox", widget({ label: "Agree", value: false, help: "Why" }));
    /** @type {HTMLElement} */ (el.querySelector(".nbs-help")).click();
    expect(/** @type {HTMLInputElement} */ (el.querySelector("input")).checked).toBe(false);
    expect(ctx.sent).toEqual([]);
  });

  test("disabled sends nothing", () => {
    const { el, ctx } = mount("checkbox", widget({ label: "Agree", value: false, disabled: true }));
    const box = /** @type {HTMLInputElement} */ (el.querySelector("input"));
    expect(box.disabled).toBe(true);
    box.click();
    expect(ctx.sent).toEqual([]);
  });

  test("a hidden label still names the box", () => {
    const { el } = mount("checkbox", widget({ label: "Agree", value: false, label_visibility: "collapsed" }));
    expect(el.dataset.labelVisibility).toBe("collapsed");
    expect(el.querySelector("input")?.getAttribute("aria-label")).toBe("Agree");
  });
});

describe("radio", () => {
  const props = () => widget({ label: "Genre", options: ["Comedy", "**Drama**"], value: 0, horizontal: true, captions: ["Laugh", "Cry"], help: "Pick one" });

  test("a radiogroup named by its label, options with captions", () => {
    const { el } = mount("radio", props());
    const group = /** @type {HTMLElement} */ (el.querySelector("[role=radiogroup]"));
    expect(document.getElementById(group.getAttribute("aria-labelledby") || "")?.textContent).toContain("Genre");
    const radios = /** @type {HTMLInputElement[]} */ ([...el.querySelectorAll("input[type=radio]")]);
    expect(radios.map((r) => r.checked)).toEqual([true, false]);
    expect(el.textContent).toContain("Cry");
    expect(group.classList.contains("nbs-radio-options--horizontal")).toBe(true);
    expect(el.querySelector(".nbs-help [role=tooltip]")?.textContent).toContain("Pick one");
  });

  test("choosing sends the option's index", () => {
    const { el, ctx } = mount("radio", props());
    /** @type {HTMLInputElement} */ (el.querySelectorAll("input[type=radio]")[1]).click();
    expect(ctx.sent).toEqual([["w1", 1]]);
  });

  test("no selection when the value is None", () => {
    const { el } = mount("radio", { ...props(), value: null });
    expect([...el.querySelectorAll("input")].some((r) => /** @type {HTMLInputElement} */ (r).checked)).toBe(false);
  });
});

describe("selectbox", () => {
  const props = (extra = {}) => widget({ label: "Contact", options: ["Email", "Home phone", "Mobile phone"], value: 0, placeholder: "Choose an option", ...extra });
  const combo = (el) => /** @type {HTMLInputElement} */ (el.querySelector("[role=combobox]"));

  test("shows the selected option; the label names the combobox", () => {
    const { el } = mount("selectbox", props());
    expect(combo(el).value).toBe("Email");
    expect(el.querySelector("label")?.getAttribute("for")).toBe(combo(el).id);
  });

  test("placeholder when the value is None", () => {
    const { el } = mount("selectbox", props({ value: null, placeholder: "Pick..." }));
    expect(combo(el).value).toBe("");
    expect(combo(el).placeholder).toBe("Pick...");
  });

  test("typing filters, Enter picks: the option's index is sent", () => {
    const { el, ctx } = mount("selectbox", props());
    const input = combo(el);
    input.click();
    expect(input.getAttribute("aria-expanded")).toBe("true");
    type(input, "phone");
    const options = [...el.querySelectorAll("[role=option]")].map((o) => o.textContent);
    expect(options).toEqual(["Home phone", "Mobile phone"]);
    key(input, "ArrowDown");
    key(input, "Enter");
    expect(ctx.sent).toEqual([["w1", 2]]);
    expect(input.getAttribute("aria-expanded")).toBe("false");
    expect(input.value).toBe("Mobile phone");
  });

  test("an update from the kernel keeps the list open and the typed filter", () => {
    const { el, update } = mount("selectbox", props());
    const input = combo(el);
    input.click();
    type(input, "mob");
    update({ value: 0, label: "Contact!" });
    expect(input.getAttribute("aria-expanded")).toBe("true");
    expect(input.value).toBe("mob");
    expect(document.activeElement).toBe(input);
  });

  test("clicking an option sends its index; disabled cannot open", () => {
    const { el, ctx } = mount("selectbox", props());
    combo(el).click();
    /** @type {HTMLElement} */ (el.querySelectorAll("[role=option]")[1]).click();
    expect(ctx.sent).toEqual([["w1", 1]]);
    const other = mount("selectbox", props({ disabled: true }));
    combo(other.el).click();
    expect(combo(other.el).getAttribute("aria-expanded")).toBe("false");
  });
});

describe("multiselect", () => {
  const props = (extra = {}) => widget({ label: "Colors", options: ["Green", "Yellow", "Red", "Blue"], value: [2], max_selections: null, placeholder: "Choose an option", select_all: false, ...extra });

  test("tags for the selection; picking adds an index in order", () => {
    const { el, ctx } = mount("multiselect", props());
    expect([...el.querySelectorAll(".nbs-tag-label")].map((t) => t.textContent)).toEqual(["Red"]);
    const input = /** @type {HTMLInputElement} */ (el.querySelector("[role=combobox]"));
    input.click();
    expect([...el.querySelectorAll("[role=option]")].map((o) => o.textContent)).toEqual(["Green", "Yellow", "Blue"]);
    /** @type {HTMLElement} */ (el.querySelectorAll("[role=option]")[0]).click();
    expect(ctx.sent).toEqual([["w1", [2, 0]]]);
    expect(input.getAttribute("aria-expanded")).toBe("true");
  });

  test("remove buttons and Backspace remove options", () => {
    const { el, ctx } = mount("multiselect", props({ value: [0, 3] }));
    /** @type {HTMLElement} */ (el.querySelector("[aria-label='Remove Green']")).click();
    expect(ctx.sent).toEqual([["w1", [3]]]);
    const input = /** @type {HTMLInputElement} */ (el.querySelector("[role=combobox]"));
    key(input, "Backspace");
    expect(ctx.sent[1]).toEqual(["w1", []]);
  });

  test("max_selections: a full selection offers no more options", () => {
    const { el, ctx } = mount("multiselect", props({ value: [0], max_selections: 1 }));
    const input = /** @type {HTMLInputElement} */ (el.querySelector("[role=combobox]"));
    input.click();
    expect(el.querySelectorAll("[role=option]")).toHaveLength(0);
    expect(el.querySelector("[role=listbox]")?.textContent).toContain("You can only select up to 1 options");
    key(input, "Enter");
    expect(ctx.sent).toEqual([]);
  });
});
