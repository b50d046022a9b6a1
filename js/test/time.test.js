// @vitest-environment jsdom
import { afterEach, describe, expect, test } from "vitest";
import { key, mount, type, widget } from "./helpers.js";
import { normalizeTime, parseFormatted } from "../src/components/widgets/time.js";

afterEach(() => document.body.replaceChildren());
const input = (el) => /** @type {HTMLInputElement} */ (el.querySelector("input"));

describe("date_input", () => {
  const props = (extra = {}) => widget({ label: "Birthday", min_value: "2019-01-01", max_value: "2019-12-31", format: "DD.MM.YYYY", is_range: false, value: "2019-07-06", ...extra });

  test("shows the date in the widget's format", () => {
    const { el } = mount("date_input", props());
    expect(input(el).value).toBe("06.07.2019");
  });

  test("a day picked on the calendar is sent as an ISO date", () => {
    const { el, ctx } = mount("date_input", props());
    input(el).click();
    const dialog = /** @type {HTMLElement} */ (el.querySelector("[role=dialog]"));
    expect(dialog.hidden).toBe(false);
    expect(dialog.querySelector("[aria-selected=true]")?.textContent).toBe("6");
    /** @type {HTMLElement} */ (dialog.querySelector("[data-date='2019-07-20']")).click();
    expect(ctx.sent).toEqual([["w1", "2019-07-20"]]);
    expect(dialog.hidden).toBe(true);
    expect(input(el).value).toBe("20.07.2019");
  });

  test("days out of bounds are disabled; months move with the buttons", () => {
    const { el } = mount("date_input", props({ value: "2019-01-02" }));
    input(el).click();
    const prev = /** @type {HTMLButtonElement} */ (el.querySelector("[aria-label='Previous month']"));
    expect(prev.disabled).toBe(true);
    expect(/** @type {HTMLButtonElement} */ (el.querySelector("[data-date='2018-12-31']")).disabled).toBe(true);
    /** @type {HTMLElement} */ (el.querySelector("[aria-label='Next month']")).click();
    expect(el.querySelector("select[aria-label=Month]")?.value).toBe("1");
  });

  test("a range takes two picks: the start alone, then the pair in order", () => {
    const { el, ctx } = mount("date_input", props({ is_range: true, value: [], min_value: "2019-07-01", max_value: "2019-07-31" }));
    input(el).click();
    /** @type {HTMLElement} */ (el.querySelector("[data-date='2019-07-20']")).click();
    expect(ctx.sent).toEqual([["w1", ["2019-07-20"]]]);
    /** @type {HTMLElement} */ (el.querySelector("[data-date='2019-07-10']")).click();
    expect(ctx.sent.at(-1)).toEqual(["w1", ["2019-07-10", "2019-07-20"]]);
    expect(input(el).value).toBe("10.07.2019 – 20.07.2019");
  });

  test("a typed date commits on Enter; an invalid or out-of-bounds one is reverted", () => {
    const { el, ctx } = mount("date_input", props());
    type(input(el), "01.02.2019");
    key(input(el), "Enter");
    expect(ctx.sent).toEqual([["w1", "2019-02-01"]]);
    type(input(el), "31.02.2019");
    key(input(el), "Enter");
    type(input(el), "01.01.2030");
    key(input(el), "Enter");
    expect(ctx.sent).toHaveLength(1);
    expect(input(el).value).toBe("01.02.2019");
  });

  test("formats parse", () => {
    expect(parseFormatted("2024/05/31", "YYYY/MM/DD")).toBe("2024-05-31");
    expect(parseFormatted("05-31-2024", "MM-DD-YYYY")).toBe("2024-05-31");
    expect(parseFormatted("2024/02/30", "YYYY/MM/DD")).toBeNull();
  });

  test("disabled does not open", () => {
    const { el } = mount("date_input", props({ disabled: true }));
    input(el).click();
    expect(/** @type {HTMLElement} */ (el.querySelector("[role=dialog]")).hidden).toBe(true);
  });
});

describe("time_input", () => {
  const props = (extra = {}) => widget({ label: "Alarm", step: 900, value: "08:45", ...extra });

  test("offers times at the step and sends the picked one", () => {
    const { el, ctx } = mount("time_input", props());
    const combo = input(el);
    expect(combo.value).toBe("08:45");
    combo.click();
    const options = [...el.querySelectorAll("[role=option]")];
    expect(options).toHaveLength(96);
    expect(options[1].textContent).toBe("00:15");
    expect(el.querySelector("[aria-selected=true]")?.textContent).toBe("08:45");
    /** @type {HTMLElement} */ (options[2]).click();
    expect(ctx.sent).toEqual([["w1", "00:30"]]);
  });

  test("a typed time off the list commits on Enter", () => {
    const { el, ctx } = mount("time_input", props());
    input(el).click();
    type(input(el), "9:07");
    key(input(el), "Enter");
    expect(ctx.sent).toEqual([["w1", "09:07"]]);
  });

  test("times normalize", () => {
    expect(normalizeTime("9:5")).toBeNull();
    expect(normalizeTime("9:05")).toBe("09:05");
    expect(normalizeTime("21:30:15")).toBe("21:30:15");
    expect(normalizeTime("2:30 pm")).toBe("14:30");
    expect(normalizeTime("25:00")).toBeNull();
  });
});
