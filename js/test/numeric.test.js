// @vitest-environment jsdom
import { afterEach, describe, expect, test } from "vitest";
import { key, mount, type, widget } from "./helpers.js";

afterEach(() => document.body.replaceChildren());
const thumbs = (el) => /** @type {HTMLElement[]} */ ([...el.querySelectorAll("[role=slider]")]);
const down = (el, k) => el.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
const up = (el, k) => el.dispatchEvent(new KeyboardEvent("keyup", { key: k, bubbles: true }));

describe("slider", () => {
  const props = (extra = {}) => widget({ label: "Age", min_value: 0, max_value: 100, step: 5, format: "%d years", data_type: "int", value: 20, ...extra });

  test("one thumb, named by the label, value and ends formatted", () => {
    const { el } = mount("slider", props());
    const [thumb] = thumbs(el);
    expect(thumb.getAttribute("aria-label")).toBe("Age");
    expect(thumb.getAttribute("aria-valuenow")).toBe("20");
    expect(thumb.getAttribute("aria-valuetext")).toBe("20 years");
    expect(el.querySelector(".nbs-slider-min")?.textContent).toBe("0 years");
    expect(el.querySelector(".nbs-slider-max")?.textContent).toBe("100 years");
  });

  test("arrow keys move the thumb and commit once, on release", () => {
    const { el, ctx } = mount("slider", props());
    const [thumb] = thumbs(el);
    down(thumb, "ArrowRight");
    down(thumb, "ArrowRight");
    expect(ctx.sent).toEqual([]);
    expect(thumb.getAttribute("aria-valuenow")).toBe("30");
    up(thumb, "ArrowRight");
    expect(ctx.sent).toEqual([["w1", 30]]);
    key(thumb, "End");
    key(thumb, "Home");
    expect(ctx.sent.slice(1)).toEqual([["w1", 100], ["w1", 0]]);
  });

  test("a kernel update while the thumb moves does not move it back", () => {
    const { el, ctx, update } = mount("slider", props());
    const [thumb] = thumbs(el);
    down(thumb, "ArrowRight");
    update({ value: 20, label: "Age!" });
    expect(thumb.getAttribute("aria-valuenow")).toBe("25");
    up(thumb, "ArrowRight");
    expect(ctx.sent).toEqual([["w1", 25]]);
    update({ value: 25 });
    expect(ctx.sent).toHaveLength(1);
  });

  test("dragging commits on release only, snapped to the step", () => {
    const { el, ctx } = mount("slider", props());
    const track = /** @type {HTMLElement} */ (el.querySelector(".nbs-slider-track"));
    track.getBoundingClientRect = () => /** @type {DOMRect} */ ({ left: 0, width: 200, right: 200, top: 0, bottom: 10, height: 10 });
    track.dispatchEvent(new MouseEvent("pointerdown", { clientX: 100, bubbles: true, cancelable: true }));
    track.dispatchEvent(new MouseEvent("pointermove", { clientX: 143, bubbles: true }));
    expect(ctx.sent).toEqual([]);
    track.dispatchEvent(new MouseEvent("pointerup", { clientX: 143, bubbles: true }));
    expect(ctx.sent).toEqual([["w1", 70]]);
  });

  test("a range has two thumbs that cannot cross and sends a pair", () => {
    const { el, ctx } = mount("slider", props({ value: [20, 30], format: "%0.1f", data_type: "float", step: 10 }));
    const [lo, hi] = thumbs(el);
    expect(thumbs(el)).toHaveLength(2);
    key(lo, "ArrowRight");
    key(lo, "ArrowRight");
    expect(lo.getAttribute("aria-valuenow")).toBe("30");
    expect(ctx.sent.at(-1)).toEqual(["w1", [30, 30]]);
    key(hi, "ArrowRight");
    expect(ctx.sent.at(-1)).toEqual(["w1", [30, 40]]);
    expect(hi.getAttribute("aria-valuetext")).toBe("40.0");
  });

  test("dates travel as epoch microseconds and show in the format", () => {
    const day = 86400000000;
    const { el, ctx } = mount("slider", props({ min_value: 0, max_value: 30 * day, step: day, format: "MMM D", data_type: "date", value: 2 * day }));
    const [thumb] = thumbs(el);
    expect(thumb.getAttribute("aria-valuetext")).toBe("Jan 3");
    key(thumb, "ArrowRight");
    expect(ctx.sent).toEqual([["w1", 3 * day]]);
  });

  test("disabled: not focusable, sends nothing", () => {
    const { el, ctx } = mount("slider", props({ disabled: true }));
    const [thumb] = thumbs(el);
    expect(thumb.getAttribute("tabindex")).toBe("-1");
    key(thumb, "ArrowRight");
    expect(ctx.sent).toEqual([]);
  });
});

test("select_slider moves over options and sends indices", () => {
  const { el, ctx } = mount("select_slider", widget({ label: "Color", options: ["red", "orange", "yellow"], value: 0 }));
  const [thumb] = thumbs(el);
  expect(thumb.getAttribute("aria-valuetext")).toBe("red");
  key(thumb, "ArrowRight");
  expect(ctx.sent).toEqual([["w1", 1]]);
  expect(thumb.getAttribute("aria-valuetext")).toBe("orange");
  expect(el.querySelector(".nbs-slider-max")?.textContent).toBe("yellow");
});

describe("number_input", () => {
  const props = (extra = {}) => widget({ label: "Count", min_value: 0, max_value: 10, step: 1, format: "%d", data_type: "int", placeholder: null, value: 3, ...extra });
  const spin = (el) => /** @type {HTMLInputElement} */ (el.querySelector("[role=spinbutton]"));

  test("typing sends nothing until Enter", () => {
    const { el, ctx } = mount("number_input", props());
    const input = spin(el);
    expect(input.value).toBe("3");
    type(input, "7");
    expect(ctx.sent).toEqual([]);
    expect(el.textContent).toContain("Press Enter to apply");
    key(input, "Enter");
    expect(ctx.sent).toEqual([["w1", 7]]);
  });

  test("blur commits; out-of-range values are clamped", () => {
    const { el, ctx } = mount("number_input", props());
    const input = spin(el);
    type(input, "42");
    input.dispatchEvent(new FocusEvent("blur"));
    expect(ctx.sent).toEqual([["w1", 10]]);
    expect(input.value).toBe("10");
  });

  test("+ and - step and commit at once, within bounds", () => {
    const { el, ctx } = mount("number_input", props({ data_type: "float", step: 0.1, format: "%0.2f", value: 0.2, min_value: null, max_value: 0.4 }));
    const plus = /** @type {HTMLButtonElement} */ (el.querySelector("[aria-label=Increment]"));
    plus.click();
    expect(ctx.sent).toEqual([["w1", 0.3]]);
    expect(spin(el).value).toBe("0.30");
    plus.click();
    expect(ctx.sent.at(-1)).toEqual(["w1", 0.4]);
    expect(plus.disabled).toBe(true);
  });

  test("a kernel update while typing keeps the draft, focus and caret", () => {
    const { el, update } = mount("number_input", props());
    const input = spin(el);
    type(input, "12");
    input.setSelectionRange(1, 1);
    update({ value: 5 });
    expect(input.value).toBe("12");
    expect(document.activeElement).toBe(input);
    expect(input.selectionStart).toBe(1);
  });

  test("an empty field commits None only for a widget that started empty", () => {
    const empty = mount("number_input", props({ value: null, placeholder: "Type..." }));
    expect(spin(empty.el).placeholder).toBe("Type...");
    type(spin(empty.el), "4");
    key(spin(empty.el), "Enter");
    type(spin(empty.el), "");
    key(spin(empty.el), "Enter");
    expect(empty.ctx.sent).toEqual([["w1", 4], ["w1", null]]);
    const full = mount("number_input", props());
    type(spin(full.el), "");
    key(spin(full.el), "Enter");
    expect(full.ctx.sent).toEqual([]);
    expect(spin(full.el).value).toBe("3");
  });

  test("disabled sends nothing", () => {
    const { el, ctx } = mount("number_input", props({ disabled: true }));
    expect(spin(el).disabled).toBe(true);
    /** @type {HTMLButtonElement} */ (el.querySelector("[aria-label=Increment]")).click();
    expect(ctx.sent).toEqual([]);
  });
});
