// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from "vitest";
import { components } from "../src/components/index.js";
import { key, makeCtx, mount, type, widget } from "./helpers.js";

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe("status elements", () => {
  test("progress: a progressbar at the value, with its text", () => {
    const { el, update } = mount("progress", { value: 30, text: "Loading **data**" });
    const bar = /** @type {HTMLElement} */ (el.querySelector("[role=progressbar]"));
    expect(bar.getAttribute("aria-valuenow")).toBe("30");
    expect(bar.getAttribute("aria-label")).toBe("Loading data");
    update({ value: 90 });
    expect(/** @type {HTMLElement} */ (el.querySelector(".nbs-progress-fill")).style.width).toBe("90%");
  });

  test("spinner shows its text and, if asked, the time elapsed", () => {
    vi.useFakeTimers();
    const { el, ctx } = mount("spinner", { text: "Crunching", show_time: true, started: 0 });
    expect(el.getAttribute("role")).toBe("status");
    vi.advanceTimersByTime(1500);
    expect(el.querySelector(".nbs-spinner-time")?.textContent).toBe("(1.5 seconds)");
    ctx.abort();
  });

  test("status: an expander whose icon follows the state", () => {
    const { el, update } = mount("status", { label: "Downloading", expanded: true, state: "running", initially_expanded: true });
    const details = /** @type {HTMLDetailsElement} */ (el);
    expect(details.open).toBe(true);
    expect(el.querySelector(".nbs-status-icon")?.getAttribute("aria-label")).toBe("Running");
    update({ state: "complete", expanded: false, label: "Done" });
    expect(el.querySelector(".nbs-status-icon")?.getAttribute("aria-label")).toBe("Complete");
    expect(el.querySelector("summary")?.textContent).toContain("Done");
    expect(details.open).toBe(false);
  });

  test("toast goes away after a few seconds; a new nonce shows it again", () => {
    vi.useFakeTimers();
    const { el, update } = mount("toast", { body: "Saved!", icon: "✅", nonce: 1 });
    expect(el.textContent).toContain("Saved!");
    vi.advanceTimersByTime(4100);
    expect(el.classList.contains("nbs-toast--gone")).toBe(true);
    update({ body: "Saved again", nonce: 2 });
    expect(el.classList.contains("nbs-toast--gone")).toBe(false);
  });

  test("balloons replay on each call", () => {
    const { el, update } = mount("balloons", { nonce: 1 });
    const first = el.firstElementChild;
    expect(el.childElementCount).toBeGreaterThan(0);
    update({ nonce: 1 });
    expect(el.firstElementChild).toBe(first);
    update({ nonce: 2 });
    expect(el.firstElementChild).not.toBe(first);
  });
});

describe("form", () => {
  test("Enter in a field commits it, then submits the form", () => {
    const { el, mounted } = mount("form", { form_id: "f", clear_on_submit: false, enter_to_submit: true, border: true, has_submit_button: true });
    const ctx = makeCtx();
    const input = components.text_input({ kind: "text_input", key: "t", props: widget({ id: "t1", label: "Name", max_chars: null, type: "default", placeholder: null, autocomplete: "", value: "" }) }, ctx);
    const submit = components.button({ kind: "button", key: "b", props: widget({ id: "b1", label: "Submit", type: "secondary", icon: null, use_container_width: false, value: false, is_form_submitter: true, form_id: "f" }) }, ctx);
    (mounted.slot || el).append(input.el, submit.el);
    const field = /** @type {HTMLInputElement} */ (input.el.querySelector("input"));
    type(field, "Ann");
    expect(input.el.textContent).toContain("Press Enter to submit form");
    key(field, "Enter");
    expect(ctx.sent).toEqual([["t1", "Ann"]]);
    expect(ctx.clicks).toEqual(["b1"]);
    expect(el.classList.contains("nbs-bordered")).toBe(true);
  });

  test("without enter_to_submit, Enter only commits", () => {
    const { el, mounted } = mount("form", { form_id: "f", clear_on_submit: false, enter_to_submit: false, border: false, has_submit_button: true });
    const ctx = makeCtx();
    const input = components.text_input({ kind: "text_input", key: "t", props: widget({ id: "t1", label: "Name", max_chars: null, type: "default", placeholder: null, autocomplete: "", value: "" }) }, ctx);
    const submit = components.button({ kind: "button", key: "b", props: widget({ id: "b1", label: "Submit", type: "secondary", icon: null, use_container_width: false, value: false, is_form_submitter: true, form_id: "f" }) }, ctx);
    (mounted.slot || el).append(input.el, submit.el);
    const field = /** @type {HTMLInputElement} */ (input.el.querySelector("input"));
    type(field, "Ann");
    key(field, "Enter");
    expect(ctx.clicks).toEqual([]);
  });
});
