// @vitest-environment jsdom
// Streamlit 1.67's width, wrap, icon, required, filter_mode, accept_new_options and
// select_all arguments of the choice widgets (selection.js, sliders.js, _dropdown.js).
import { afterEach, describe, expect, test } from "vitest";
import { filterOptions } from "../src/components/widgets/_dropdown.js";
import { offersSelectAll } from "../src/components/widgets/selection.js";
import { key, mount, type, widget } from "./helpers.js";

afterEach(() => document.body.replaceChildren());
const combo = (/** @type {HTMLElement} */ el) => /** @type {HTMLInputElement} */ (el.querySelector("[role=combobox]"));
const rows = (/** @type {HTMLElement} */ el) => [...el.querySelectorAll("[role=option]")].map((o) => o.textContent);

describe("width", () => {
  test("checkbox and radio default to their content's width; pixels set an inline width", () => {
    const { el, update } = mount("checkbox", widget({ label: "Agree", value: false, width: "content", wrap: null }));
    expect(el.dataset.width).toBe("content");
    expect(el.style.width).toBe("");
    update({ width: 240 });
    expect(el.dataset.width).toBe("pixels");
    expect(el.style.width).toBe("240px");
    update({ width: "stretch" });
    expect(el.dataset.width).toBe("stretch");
    expect(el.style.width).toBe("");
    const radio = mount("radio", widget({ options: ["a", "b"], value: 0, width: 120 }));
    expect(radio.el.dataset.width).toBe("pixels");
    expect(radio.el.style.width).toBe("120px");
  });

  test("selectbox, multiselect, slider and select_slider stretch unless given pixels", () => {
    for (const [kind, extra] of /** @type {const} */ ([
      ["selectbox", { options: ["a"], value: 0, placeholder: "" }],
      ["multiselect", { options: ["a"], value: [], placeholder: "" }],
      ["slider", { min_value: 0, max_value: 10, step: 1, value: 3, data_type: "int", format: "%d" }],
      ["select_slider", { options: ["a", "b"], value: 0 }],
    ])) {
      const { el, update } = mount(kind, widget({ ...extra, width: "stretch" }));
      expect(el.dataset.width).toBe("stretch");
      update({ width: 300 });
      expect(el.style.width).toBe("300px");
      el.remove();
    }
  });
});

describe("wrap", () => {
  test("checkbox and toggle mark their wrap mode; a cut label shows whole on hover", () => {
    const { el, update } = mount("toggle", widget({ label: "A very long label", value: false, width: "content", wrap: null }));
    expect(el.dataset.wrap).toBe("auto");
    update({ wrap: false });
    expect(el.dataset.wrap).toBe("false");
    const text = /** @type {HTMLElement} */ (el.querySelector(".nbs-widget-label-text"));
    Object.defineProperty(text, "scrollWidth", { value: 300, configurable: true });
    Object.defineProperty(text, "clientWidth", { value: 100, configurable: true });
    text.dispatchEvent(new Event("pointerenter"));
    expect(text.title).toBe("A very long label");
    update({ wrap: true });
    expect(el.dataset.wrap).toBe("true");
  });

  test("multiselect marks whether its chips wrap", () => {
    const { el } = mount("multiselect", widget({ options: ["a", "b"], value: [0, 1], placeholder: "", wrap: false }));
    expect(el.dataset.wrap).toBe("false");
  });
});

describe("selectbox", () => {
  const props = (extra = {}) => widget({ label: "Fruit", options: ["Apple", "Banana", "Cherry", "Grape"], value: 0, placeholder: "Choose an option", filter_mode: "fuzzy", accept_new_options: false, required: false, icon: null, width: "stretch", ...extra });

  test("an icon shows in the field before the value: emoji, Material icon or spinner", () => {
    const { el, update } = mount("selectbox", props({ icon: "🔥" }));
    const control = /** @type {HTMLElement} */ (el.querySelector(".nbs-select-control"));
    expect(control.firstElementChild?.classList.contains("nbs-select-icon")).toBe(true);
    expect(control.querySelector(".nbs-select-icon")?.textContent).toBe("🔥");
    update({ icon: ":material/search:" });
    expect(control.querySelectorAll(".nbs-select-icon")).toHaveLength(1);
    expect(control.querySelector(".nbs-select-icon .nbs-icon")).not.toBeNull();
    update({ icon: "spinner" });
    expect(control.querySelector(".nbs-select-icon .nbs-spinner-icon")).not.toBeNull();
    update({ icon: null });
    expect(control.querySelector(".nbs-select-icon")).toBeNull();
  });

  test("required: an empty selectbox, once chosen, cannot be cleared", () => {
    const free = mount("selectbox", props({ value: null }));
    free.update({ value: 1 });
    expect(/** @type {HTMLElement} */ (free.el.querySelector(".nbs-select-clear")).hidden).toBe(false);
    const { el, update } = mount("selectbox", props({ value: null, required: true }));
    update({ value: 1 });
    expect(/** @type {HTMLElement} */ (el.querySelector(".nbs-select-clear")).hidden).toBe(true);
    expect(combo(el).hasAttribute("aria-required")).toBe(true);
  });

  test("required inside a form: the submit button does nothing until an option is chosen", () => {
    const { el, ctx, update } = mount("selectbox", props({ value: null, required: true }));
    const form = document.createElement("form");
    form.className = "nbs-form";
    const submit = document.createElement("button");
    submit.setAttribute("data-form-submitter", "");
    let submitted = 0;
    submit.addEventListener("click", () => submitted++);
    form.append(el, submit);
    document.body.append(form);
    submit.click();
    expect(submitted).toBe(0);
    expect(combo(el).getAttribute("aria-invalid")).toBe("true");
    combo(el).click();
    /** @type {HTMLElement} */ (el.querySelectorAll("[role=option]")[1]).click();
    expect(ctx.sent).toEqual([["w1", 1]]);
    expect(combo(el).hasAttribute("aria-invalid")).toBe(false);
    submit.click();
    expect(submitted).toBe(1);
    update({ required: false, value: null });
    submit.click();
    expect(submitted).toBe(2);
  });

  test("filter_mode: prefix, contains and fuzzy filter the list differently", () => {
    const { el, update } = mount("selectbox", props({ filter_mode: "prefix" }));
    combo(el).click();
    type(combo(el), "a");
    expect(rows(el)).toEqual(["Apple"]);
    update({ filter_mode: "contains" });
    type(combo(el), "ap");
    expect(rows(el)).toEqual(["Apple", "Grape"]);
    update({ filter_mode: "fuzzy" });
    type(combo(el), "ae");
    // "ae" in order: Apple (a..e) and Grape (a, e); Banana and Cherry lack one of them.
    expect(rows(el)).toEqual(["Grape", "Apple"]);
  });

  test("filter_mode None: no typing, the arrows still pick", () => {
    const { el, ctx } = mount("selectbox", props({ filter_mode: null }));
    expect(combo(el).readOnly).toBe(true);
    combo(el).click();
    key(combo(el), "ArrowDown");
    key(combo(el), "Enter");
    expect(ctx.sent).toEqual([["w1", 1]]);
  });

  test("accept_new_options: Enter on text naming no option sends the text", () => {
    const { el, ctx, update } = mount("selectbox", props({ accept_new_options: true }));
    combo(el).click();
    type(combo(el), "Mango");
    expect(rows(el)).toEqual(["Add: Mango"]);
    key(combo(el), "Enter");
    expect(ctx.sent).toEqual([["w1", "Mango"]]);
    update({ value: "Mango" });
    expect(combo(el).value).toBe("Mango");
  });

  test("accept_new_options: text naming an option in another case picks the option", () => {
    const { el, ctx } = mount("selectbox", props({ accept_new_options: true, filter_mode: "prefix" }));
    combo(el).click();
    type(combo(el), "cherry");
    expect(rows(el)).toEqual(["Cherry"]);
    key(combo(el), "Enter");
    expect(ctx.sent).toEqual([["w1", 2]]);
  });

  test("without accept_new_options typed text adds nothing", () => {
    const { el, ctx } = mount("selectbox", props());
    combo(el).click();
    type(combo(el), "Mango");
    expect(rows(el)).toEqual([]);
    key(combo(el), "Enter");
    expect(ctx.sent).toEqual([]);
  });
});

describe("multiselect", () => {
  const props = (extra = {}) => widget({ label: "Colors", options: ["Green", "Yellow", "Red", "Blue"], value: [], max_selections: null, placeholder: "Choose options", filter_mode: "fuzzy", accept_new_options: false, select_all: 1000, width: "stretch", wrap: null, ...extra });

  test("Select all comes first and selects every option on offer", () => {
    const { el, ctx } = mount("multiselect", props({ value: [2] }));
    combo(el).click();
    expect(rows(el)).toEqual(["Select all", "Green", "Yellow", "Blue"]);
    key(combo(el), "Enter");
    expect(ctx.sent).toEqual([["w1", [2, 0, 1, 3]]]);
  });

  test("while searching it selects the matches; max_selections caps it", () => {
    const { el, ctx } = mount("multiselect", props({ max_selections: 2 }));
    combo(el).click();
    type(combo(el), "e");
    expect(rows(el)[0]).toBe("Select 4 matches");
    type(combo(el), "re");
    // Fuzzy: "Red" holds "re" at its start, "Green" one letter in.
    expect(rows(el)).toEqual(["Select 2 matches", "Red", "Green"]);
    /** @type {HTMLElement} */ (el.querySelector(".nbs-dropdown-select-all")).click();
    expect(ctx.sent).toEqual([["w1", [2, 0]]]);
  });

  test("select_all False or a lower threshold hides it; it needs two options", () => {
    expect(offersSelectAll(false, 5)).toBe(false);
    expect(offersSelectAll(true, 5000)).toBe(true);
    expect(offersSelectAll(1000, 1001)).toBe(false);
    expect(offersSelectAll(3, 3)).toBe(true);
    expect(offersSelectAll(true, 1)).toBe(false);
    const { el } = mount("multiselect", props({ select_all: 3 }));
    combo(el).click();
    expect(rows(el)).not.toContain("Select all");
  });

  test("accept_new_options adds typed values, once, whatever their case", () => {
    const { el, ctx, update } = mount("multiselect", props({ accept_new_options: true, select_all: false }));
    combo(el).click();
    type(combo(el), "Purple");
    expect(rows(el)).toEqual(["Add: Purple"]);
    key(combo(el), "Enter");
    expect(ctx.sent).toEqual([["w1", ["Purple"]]]);
    update({ value: ["Purple"] });
    expect([...el.querySelectorAll(".nbs-tag-label")].map((t) => t.textContent)).toEqual(["Purple"]);
    type(combo(el), "purple");
    key(combo(el), "Enter");
    expect(ctx.sent).toHaveLength(1);
    type(combo(el), "BLUE");
    key(combo(el), "Enter");
    expect(ctx.sent[1]).toEqual(["w1", ["Purple", 3]]);
  });
});

describe("filterOptions", () => {
  const opts = ["Banana", "Bandana", "Cabana"].map((label) => ({ label }));
  test("fuzzy ranks substrings first, by position, then scattered matches", () => {
    expect(filterOptions(opts, "ana", "fuzzy").map((o) => o.label)).toEqual(["Banana", "Cabana", "Bandana"]);
    expect(filterOptions(opts, "bdn", "fuzzy").map((o) => o.label)).toEqual(["Bandana"]);
    expect(filterOptions(opts, "CAB", "prefix").map((o) => o.label)).toEqual(["Cabana"]);
    expect(filterOptions(opts, "nda", "contains").map((o) => o.label)).toEqual(["Bandana"]);
    expect(filterOptions(opts, "", "prefix")).toHaveLength(3);
  });
});
