// @vitest-environment jsdom
// The input widgets' Streamlit 1.67 arguments: width, icon, required, validate, live,
// time_input's format and camera_input's resolution.
import { afterEach, describe, expect, test, vi } from "vitest";
import { components } from "../src/components/index.js";
import { key, makeCtx, mount, type, widget } from "./helpers.js";
import { timeLabel } from "../src/components/widgets/time.js";
import { cameraConstraints, captureSize } from "../src/components/widgets/uploads.js";

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});
const field = (el) => /** @type {HTMLInputElement} */ (el.querySelector("input, textarea"));
const blur = (el) => field(el).dispatchEvent(new FocusEvent("blur"));
const error = (el) => /** @type {HTMLElement} */ (el.querySelector(".nbs-input-error"));
const text = (extra = {}) => widget({ label: "Name", max_chars: null, type: "default", placeholder: null, autocomplete: "", value: "Ann", ...extra });
const number = (extra = {}) => widget({ label: "Count", min_value: null, max_value: null, step: 1, format: "%d", data_type: "int", placeholder: null, value: 3, ...extra });

/** Mount `kind` inside an st.form with a submit button; returns the widget and the button. */
function inForm(kind, props) {
  const ctx = makeCtx();
  const form = components.form({ kind: "form", key: "f", props: { form_id: "f", border: true, enter_to_submit: true } }, ctx);
  const button = components.button({ kind: "button", key: "b", props: widget({ id: "submit", label: "Submit", is_form_submitter: true, type: "secondary" }) }, ctx);
  const mounted = components[kind]({ kind, key: kind, props }, ctx);
  /** @type {HTMLElement} */ (form.slot).append(mounted.el, button.el);
  document.body.append(form.el);
  const submit = /** @type {HTMLButtonElement} */ (button.el.querySelector("button") || button.el);
  return { ctx, el: mounted.el, submit };
}

describe("width", () => {
  test.each(["text_input", "text_area"])("%s: pixels set the width (capped by CSS), stretch fills", (kind) => {
    const { el, update } = mount(kind, text({ width: 240 }));
    expect(el.style.width).toBe("240px");
    expect(el.dataset.width).toBe("pixels");
    update({ width: "stretch" });
    expect(el.style.width).toBe("");
    expect(el.dataset.width).toBe("stretch");
  });

  test("number_input, date_input, time_input and camera_input take a pixel width", () => {
    for (const [kind, props] of /** @type {const} */ ([
      ["number_input", number({ width: 120 })],
      ["date_input", widget({ label: "D", min_value: "2019-01-01", max_value: "2019-12-31", format: "YYYY/MM/DD", is_range: false, value: "2019-07-06", width: 120 })],
      ["time_input", widget({ label: "T", step: 900, value: "08:45", width: 120 })],
      ["camera_input", widget({ label: "C", types: [".jpg", ".jpeg"], max_bytes: 1000, multiple: false, value: [], width: 120 })],
    ])) {
      const { el } = mount(kind, props);
      expect([kind, el.style.width]).toEqual([kind, "120px"]);
    }
  });

  test("color_picker hugs its swatch by default and can stretch", () => {
    const { el, update } = mount("color_picker", widget({ label: "Color", value: "#ff0000" }));
    expect(el.dataset.width).toBe("content");
    update({ width: "stretch" });
    expect(el.dataset.width).toBe("stretch");
  });
});

describe("icon", () => {
  test("an emoji, a Material icon or a spinner shows in the field, left of the value", () => {
    const { el, update } = mount("text_input", text({ icon: "🔥" }));
    const box = /** @type {HTMLElement} */ (el.querySelector(".nbs-input-box"));
    expect(box.firstElementChild?.textContent).toBe("🔥");
    expect(box.firstElementChild?.nextElementSibling).toBe(field(el));
    update({ icon: ":material/search:" });
    expect(box.querySelector(".nbs-input-icon svg")).not.toBeNull();
    expect(box.querySelector(".nbs-input-icon")?.getAttribute("aria-hidden")).toBe("true");
    expect(box.querySelector("[role=img]")).toBeNull(); // the label names the field, not the icon
    update({ icon: "spinner" });
    expect(box.querySelector(".nbs-input-spinner[role=progressbar]")).not.toBeNull();
    update({ icon: null });
    expect(box.querySelector(".nbs-input-icon")).toBeNull();
  });

  test("number_input shows its icon too", () => {
    const { el } = mount("number_input", number({ icon: "💰" }));
    expect(el.querySelector(".nbs-input-icon")?.textContent).toBe("💰");
  });
});

describe("required", () => {
  test("outside a form, clearing the field sends nothing and says why", () => {
    const { el, ctx } = mount("text_input", text({ required: true }));
    type(field(el), "   ");
    key(field(el), "Enter");
    expect(ctx.sent).toEqual([]);
    expect(error(el).hidden).toBe(false);
    expect(error(el).textContent).toBe("This field is required.");
    expect(field(el).getAttribute("aria-invalid")).toBe("true");
    type(field(el), "Bo");
    expect(error(el).hidden).toBe(true);
    blur(el);
    expect(ctx.sent).toEqual([["w1", "Bo"]]);
  });

  test("without required an empty text is sent", () => {
    const { el, ctx } = mount("text_area", text());
    type(field(el), "");
    blur(el);
    expect(ctx.sent).toEqual([["w1", ""]]);
  });

  test("in a form, an empty required field holds back the submit button", () => {
    const { el, ctx, submit } = inForm("text_input", text({ required: true, value: "" }));
    submit.click();
    expect(ctx.clicks).toEqual([]);
    expect(error(el).textContent).toBe("This field is required.");
    type(field(el), "Cy");
    blur(el);
    submit.click();
    expect(ctx.sent).toEqual([["w1", "Cy"]]);
    expect(ctx.clicks).toEqual(["submit"]);
  });

  test("a form without required fields submits", () => {
    const { ctx, submit } = inForm("text_input", text({ value: "" }));
    submit.click();
    expect(ctx.clicks).toEqual(["submit"]);
  });

  test("number_input: an emptied required field keeps the last number", () => {
    const { el, ctx } = mount("number_input", number({ required: true }));
    type(field(el), "");
    key(field(el), "Enter");
    expect(ctx.sent).toEqual([]);
    expect(error(el).hidden).toBe(false);
  });

  test("number_input starting empty blocks its form until a number is entered", () => {
    const { el, ctx, submit } = inForm("number_input", number({ required: true, value: null }));
    submit.click();
    expect(ctx.clicks).toEqual([]);
    type(field(el), "5");
    blur(el);
    submit.click();
    expect(ctx.sent).toEqual([["w1", 5]]);
    expect(ctx.clicks).toEqual(["submit"]);
  });

  test("date_input range: a lone start is not sent; the pair is", () => {
    const props = widget({ label: "Trip", min_value: "2019-07-01", max_value: "2019-07-31", format: "YYYY/MM/DD", is_range: true, value: [], required: true });
    const { el, ctx } = mount("date_input", props);
    field(el).click();
    /** @type {HTMLElement} */ (el.querySelector("[data-date='2019-07-20']")).click();
    expect(ctx.sent).toEqual([]);
    /** @type {HTMLElement} */ (el.querySelector("[data-date='2019-07-22']")).click();
    expect(ctx.sent).toEqual([["w1", ["2019-07-20", "2019-07-22"]]]);
  });

  test("time_input starting empty blocks its form", () => {
    const { el, ctx, submit } = inForm("time_input", widget({ label: "T", step: 900, value: null, required: true }));
    submit.click();
    expect(ctx.clicks).toEqual([]);
    expect(error(el).textContent).toBe("This field is required.");
  });
});

describe("validate", () => {
  const phone = { validate_regex: "^\\d{3}-\\d{4}$", validate_message: "Use 555-1234." };

  test("a value that does not match is not sent and shows the message", () => {
    const { el, ctx } = mount("text_input", text(phone));
    type(field(el), "5551234");
    key(field(el), "Enter");
    expect(ctx.sent).toEqual([]);
    expect(error(el).textContent).toBe("Use 555-1234.");
    type(field(el), "555-1234");
    key(field(el), "Enter");
    expect(ctx.sent).toEqual([["w1", "555-1234"]]);
    expect(error(el).hidden).toBe(true);
  });

  test("without a message a generic one shows; empty text is not validated", () => {
    const { el, ctx } = mount("text_input", text({ validate_regex: "^a" }));
    type(field(el), "b");
    blur(el);
    expect(error(el).textContent).toBe("The value does not match the required format.");
    type(field(el), "");
    blur(el);
    expect(ctx.sent).toEqual([["w1", ""]]);
  });

  test("patterns are not anchored", () => {
    const { el, ctx } = mount("text_input", text({ validate_regex: "\\d" }));
    type(field(el), "ab1cd");
    blur(el);
    expect(ctx.sent).toEqual([["w1", "ab1cd"]]);
  });

  test("in a form an invalid value blocks submission", () => {
    const { el, ctx, submit } = inForm("text_input", text({ ...phone, value: "" }));
    type(field(el), "nope");
    blur(el);
    submit.click();
    expect(ctx.sent).toEqual([]);
    expect(ctx.clicks).toEqual([]);
    expect(error(el).textContent).toBe("Use 555-1234.");
  });
});

describe("live", () => {
  test("a pause in typing commits; Enter is not needed", () => {
    vi.useFakeTimers();
    const { el, ctx } = mount("text_input", text({ live_debounce_ms: 300 }));
    type(field(el), "A");
    vi.advanceTimersByTime(200);
    type(field(el), "Ab");
    vi.advanceTimersByTime(299);
    expect(ctx.sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ctx.sent).toEqual([["w1", "Ab"]]);
  });

  test("0ms commits on every change", () => {
    const { el, ctx } = mount("text_input", text({ live_debounce_ms: 0 }));
    type(field(el), "A");
    type(field(el), "Ab");
    expect(ctx.sent).toEqual([["w1", "A"], ["w1", "Ab"]]);
  });

  test("without live, or inside a form, typing alone sends nothing", () => {
    vi.useFakeTimers();
    const plain = mount("text_input", text());
    type(field(plain.el), "A");
    vi.advanceTimersByTime(1000);
    expect(plain.ctx.sent).toEqual([]);
    document.body.replaceChildren();
    const formed = inForm("text_input", text({ live_debounce_ms: 0 }));
    type(field(formed.el), "B");
    vi.advanceTimersByTime(1000);
    expect(formed.ctx.sent).toEqual([]);
  });
});

describe("text_input types", () => {
  test("each type gets its field type; email keeps a text field with an email keyboard", () => {
    const { el, update } = mount("text_input", text({ type: "url" }));
    expect(field(el).type).toBe("url");
    update({ type: "phone" });
    expect(field(el).type).toBe("tel");
    update({ type: "email" });
    expect(field(el).type).toBe("text");
    expect(field(el).inputMode).toBe("email");
    update({ type: "default" });
    expect(field(el).type).toBe("text");
    expect(field(el).hasAttribute("inputmode")).toBe(false);
  });

  test("clearing a search field commits at once; typing in it does not", () => {
    const { el, ctx } = mount("text_input", text({ type: "search", value: "cats" }));
    expect(field(el).type).toBe("search");
    type(field(el), "dogs");
    expect(ctx.sent).toEqual([]);
    type(field(el), "");
    expect(ctx.sent).toEqual([["w1", ""]]);
  });

  test("the email rule the kernel sends checks the address", () => {
    const email = { type: "email", validate_regex: "^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$", validate_message: "Enter a valid email address." };
    const { el, ctx } = mount("text_input", text(email));
    type(field(el), "ann@example");
    key(field(el), "Enter");
    expect(error(el).textContent).toBe("Enter a valid email address.");
    type(field(el), "ann@example.com");
    key(field(el), "Enter");
    expect(ctx.sent).toEqual([["w1", "ann@example.com"]]);
  });
});

describe("time_input format", () => {
  test("12h shows AM/PM; the value sent is still 24-hour", () => {
    const { el, ctx } = mount("time_input", widget({ label: "T", step: 900, value: "13:45", format: "12h" }));
    expect(field(el).value).toBe("1:45 PM");
    field(el).click();
    const options = [...el.querySelectorAll("[role=option]")];
    expect(options[0].textContent).toBe("12:00 AM");
    expect(options[52].textContent).toBe("1:00 PM");
    /** @type {HTMLElement} */ (options[52]).click();
    expect(ctx.sent).toEqual([["w1", "13:00"]]);
  });

  test("labels", () => {
    expect(timeLabel("00:05", "24h")).toBe("00:05");
    expect(timeLabel("00:05", "12h")).toBe("12:05 AM");
    expect(timeLabel("12:30", "12h")).toBe("12:30 PM");
    expect(timeLabel("23:59:30", "12h")).toBe("11:59:30 PM");
    expect(timeLabel("13:05", "localized")).toMatch(/1(3)?:05/);
    expect(timeLabel(null, "12h")).toBe("");
  });
});

describe("camera_input resolution", () => {
  test("asks the camera for the preset height, or anything without one", () => {
    expect(cameraConstraints(720)).toEqual({ video: { height: { ideal: 720 } }, audio: false });
    expect(cameraConstraints(null)).toEqual({ video: true, audio: false });
  });

  test("captures at the camera's size with a resolution, else at the shown size", () => {
    expect(captureSize(1280, 720, 400, 720)).toEqual({ width: 1280, height: 720 });
    expect(captureSize(1280, 720, 640, null)).toEqual({ width: 640, height: 360 });
    expect(captureSize(640, 480, 900, null)).toEqual({ width: 640, height: 480 });
  });
});
