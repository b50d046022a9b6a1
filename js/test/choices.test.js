// @vitest-environment jsdom
import { afterEach, describe, expect, test } from "vitest";
import { toggled } from "../src/components/widgets/choices.js";
import { wireValue } from "../src/components/widgets/moments.js";
import { parseCookies } from "../src/client.js";
import { mount, widget } from "./helpers.js";

afterEach(() => document.body.replaceChildren());

const options = (el) => /** @type {HTMLButtonElement[]} */ ([...el.querySelectorAll(".nbs-button-group-option")]);

describe("pills and segmented_control", () => {
  test("single mode: a click selects, a second click clears", () => {
    const { el, ctx, update } = mount("pills", widget({ options: ["North", ":material/east: East"], selection_mode: "single", required: false, value: null, width: "content" }));
    const [north, east] = options(el);
    expect(east.querySelector(".material-symbols-rounded, svg, .nbs-icon, [class*=icon]")).not.toBeNull();
    expect(north.getAttribute("aria-pressed")).toBe("false");
    north.click();
    expect(ctx.sent).toEqual([["w1", 0]]);
    expect(north.getAttribute("aria-pressed")).toBe("true");
    north.click();
    expect(ctx.sent).toEqual([["w1", 0], ["w1", null]]);
    update({ value: 1 });
    expect(options(el).map((b) => b.getAttribute("aria-pressed"))).toEqual(["false", "true"]);
  });

  test("required: the selected option cannot be cleared", () => {
    const { el, ctx } = mount("segmented_control", widget({ options: ["a", "b"], selection_mode: "single", required: true, value: 0, width: "content" }));
    options(el)[0].click();
    expect(ctx.sent).toEqual([]);
    options(el)[1].click();
    expect(ctx.sent).toEqual([["w1", 1]]);
    expect(el.classList.contains("nbs-segmented-control")).toBe(true);
  });

  test("multi mode sends the indices in the order they were chosen", () => {
    const { el, ctx } = mount("pills", widget({ options: ["a", "b", "c"], selection_mode: "multi", required: false, value: [2], width: "content" }));
    options(el)[0].click();
    options(el)[2].click();
    expect(ctx.sent).toEqual([["w1", [2, 0]], ["w1", [0]]]);
  });

  test("disabled sends nothing", () => {
    const { el, ctx } = mount("pills", widget({ options: ["a"], selection_mode: "single", value: null, disabled: true }));
    options(el)[0].click();
    expect(ctx.sent).toEqual([]);
    expect(options(el)[0].disabled).toBe(true);
  });

  test("toggled", () => {
    expect(toggled([], 1, false, false)).toEqual([1]);
    expect(toggled([1], 1, false, true)).toEqual([1]);
    expect(toggled([1, 0], 1, true, false)).toEqual([0]);
  });
});

describe("datetime_input", () => {
  test("a value in range is sent to the minute; one outside is not", () => {
    expect(wireValue("2025-03-04T10:17", "2015-03-04T00:00", "2035-03-04T23:59")).toBe("2025-03-04T10:17");
    expect(wireValue("2025-03-04T10:17:00", "", "")).toBe("2025-03-04T10:17");
    expect(wireValue("2040-01-01T00:00", "2015-03-04T00:00", "2035-03-04T23:59")).toBeUndefined();
    expect(wireValue("tomorrow", "", "")).toBeUndefined();
    expect(wireValue("", "", "")).toBeNull();
  });

  test("changing the field sends the new moment", () => {
    const { el, ctx } = mount("datetime_input", widget({ value: "2025-03-04T10:17", min_value: "2015-03-04T00:00", max_value: "2035-03-04T23:59", step: 900, required: false, width: "stretch" }));
    const field = /** @type {HTMLInputElement} */ (el.querySelector("input"));
    expect(field.value).toBe("2025-03-04T10:17");
    field.value = "2026-01-02T08:30";
    field.dispatchEvent(new Event("change"));
    expect(ctx.sent).toEqual([["w1", "2026-01-02T08:30"]]);
  });
});

describe("space and st.context's cookies", () => {
  test("space sizes", () => {
    const { el, update } = mount("space", { size: "medium" });
    expect(el.style.getPropertyValue("--nbs-space-size")).toBe("2.5rem");
    update({ size: 40 });
    expect(el.style.getPropertyValue("--nbs-space-size")).toBe("40px");
  });

  test("cookies parse; bad encodings stay as they are", () => {
    expect(parseCookies("a=1; flavor=oat%20milk; bad=%E0%A4%A; =x; noval")).toEqual({ a: "1", flavor: "oat milk", bad: "%E0%A4%A" });
  });
});

describe("container layout", () => {
  test("horizontal, alignment, gap and width reach the element", () => {
    const { el, update } = mount("container", { height: null, border: false, key: null, horizontal: true, horizontal_alignment: "distribute", vertical_alignment: "center", gap: "large", width: 300 });
    expect(el.classList.contains("nbs-horizontal")).toBe(true);
    expect(el.dataset.halign).toBe("distribute");
    expect(el.dataset.valign).toBe("center");
    expect(el.dataset.gap).toBe("large");
    expect(el.style.width).toBe("300px");
    update({ horizontal: false, gap: 12, width: "content" });
    expect(el.classList.contains("nbs-horizontal")).toBe(false);
    expect(el.style.gap).toBe("12px");
    expect(el.dataset.width).toBe("content");
  });
});

describe("pagination and menu_button", () => {
  test("page numbers: the window, gaps, and a click sends the page", async () => {
    const { visiblePages } = await import("../src/components/widgets/menus.js");
    expect(visiblePages(1, 5, 7)).toEqual([1, 2, 3, 4, 5]);
    expect(visiblePages(6, 12, 7)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12]);
    expect(visiblePages(1, 12, 7)).toEqual([1, 2, 3, 4, 5, 6, null, 12]);
    const { el, ctx } = mount("pagination", { id: "w1", num_pages: 12, default: 3, max_visible_pages: 7, width: "content", disabled: false, value: 3 });
    expect(el.querySelector("[aria-current=page]")?.textContent).toBe("3");
    /** @type {HTMLButtonElement} */ (el.querySelector("[aria-label='Next page']")).click();
    /** @type {HTMLButtonElement} */ (el.querySelector("[aria-label='Page 12']")).click();
    expect(ctx.sent).toEqual([["w1", 4], ["w1", 12]]);
  });

  test("a menu entry is a click carrying its index", () => {
    const { el, ctx } = mount("menu_button", widget({ label: "Export", options: ["CSV", "JSON"], type: "secondary", width: "content", value: null }));
    const [button] = /** @type {HTMLButtonElement[]} */ ([...el.querySelectorAll("button.nbs-button")]);
    button.click();
    const items = /** @type {HTMLButtonElement[]} */ ([...el.querySelectorAll("[role=menuitem]")]);
    expect(items.map((i) => i.textContent)).toEqual(["CSV", "JSON"]);
    items[1].click();
    expect(ctx.clicks).toEqual(["w1"]);
    expect(/** @type {HTMLElement} */ (el.querySelector("[role=menu]")).hidden).toBe(true);
  });
});
