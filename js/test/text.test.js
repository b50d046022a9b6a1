// @vitest-environment jsdom
import { afterEach, describe, expect, test } from "vitest";
import { splitHighlightedLines } from "../src/components/text/text.js";
import { mount } from "./helpers.js";

afterEach(() => document.body.replaceChildren());

describe("markdown and caption", () => {
  test("HTML is escaped unless unsafe_allow_html, and updates re-render", () => {
    const { el, update } = mount("markdown", { body: "<b>x</b>", unsafe_allow_html: false, help: null });
    expect(el.querySelector("b")).toBeNull();
    update({ unsafe_allow_html: true });
    expect(el.querySelector("b")?.textContent).toBe("x");
    update({ body: "**y**", help: "tip" });
    expect(el.querySelector("strong")?.textContent).toBe("y");
    expect(el.querySelector("[role=tooltip]")?.textContent).toContain("tip");
  });

  test("caption", () => {
    const { el } = mount("caption", { body: "small *print*", unsafe_allow_html: false, help: null });
    expect(el.classList.contains("nbs-caption")).toBe(true);
    expect(el.querySelector("em")?.textContent).toBe("print");
  });
});

describe("headings", () => {
  test("anchors: made from the text, given, or none", () => {
    expect(mount("title", { body: "My **App**!", anchor: null, help: null, divider: false }).el.querySelector("h1")?.id).toBe("my-app");
    const given = mount("header", { body: "Data", anchor: "data-section", help: null, divider: false }).el;
    expect(given.querySelector("h2")?.id).toBe("data-section");
    expect(given.querySelector("a.nbs-anchor")?.getAttribute("href")).toBe("#data-section");
    const none = mount("subheader", { body: "Quiet", anchor: false, help: null, divider: false }).el;
    expect(none.querySelector("h3")?.id).toBe("");
    expect(none.querySelector("a.nbs-anchor")).toBeNull();
  });

  test("dividers in a named color, or the next color for True", async () => {
    const red = mount("header", { body: "A", anchor: null, help: null, divider: "red" }).el;
    expect(/** @type {HTMLElement} */ (red.querySelector("hr")).dataset.color).toBe("red");
    const auto = mount("header", { body: "B", anchor: null, help: null, divider: true }).el;
    const auto2 = mount("subheader", { body: "C", anchor: null, help: null, divider: true }).el;
    await new Promise((r) => requestAnimationFrame(r));
    expect(/** @type {HTMLElement} */ (auto.querySelector("hr")).dataset.color).toBe("blue");
    expect(/** @type {HTMLElement} */ (auto2.querySelector("hr")).dataset.color).toBe("green");
  });

  test("help icon on a heading", () => {
    const { el } = mount("title", { body: "T", anchor: null, help: "about", divider: false });
    expect(el.querySelector(".nbs-help [role=tooltip]")?.textContent).toContain("about");
  });
});

describe("code, text, latex, divider", () => {
  test("code is highlighted, numbered on request, with a copy button", () => {
    const { el } = mount("code", { body: "def f():\n    return 'a\nb'", language: "python", line_numbers: true, wrap_lines: true });
    expect(el.querySelector(".hljs-keyword")?.textContent).toBe("def");
    expect(el.querySelectorAll(".nbs-code-line")).toHaveLength(3);
    expect(el.querySelector(".nbs-code--wrap")).not.toBeNull();
    expect(el.querySelector("button[aria-label='Copy to clipboard']")).not.toBeNull();
  });

  test("an unknown language is plain, escaped text", () => {
    const { el } = mount("code", { body: "<script>", language: "klingon", line_numbers: false, wrap_lines: false });
    expect(el.querySelector("code")?.textContent).toBe("<script>");
    expect(el.querySelector("script")).toBeNull();
  });

  test("highlighted lines close and reopen spans across line breaks", () => {
    expect(splitHighlightedLines('a<span class="s">"x\ny"</span>b')).toEqual(['a<span class="s">"x</span>', '<span class="s">y"</span>b']);
  });

  test("text is preformatted, not markdown", () => {
    const { el } = mount("text", { body: "**not bold**  x", help: null });
    expect(el.querySelector("strong")).toBeNull();
    expect(el.textContent).toContain("**not bold**  x");
  });

  test("latex through KaTeX", () => {
    const { el } = mount("latex", { body: "\\frac{a}{b}", help: null });
    expect(el.querySelector(".katex-display annotation")?.textContent).toBe("\\frac{a}{b}");
  });

  test("divider", () => {
    expect(mount("divider", {}).el.tagName).toBe("HR");
  });
});

describe("alerts, exception, help", () => {
  test("alerts: role alert, icon, markdown body", () => {
    const { el } = mount("warning", { body: "Careful **now**", icon: ":material/warning:" });
    expect(el.getAttribute("role")).toBe("alert");
    expect(el.classList.contains("nbs-alert--warning")).toBe(true);
    expect(el.querySelector(".nbs-alert-icon svg")).not.toBeNull();
    expect(el.querySelector("strong")?.textContent).toBe("now");
  });

  test("exception: type, message as text, a collapsible traceback", () => {
    const { el, update } = mount("exception", { type: "ValueError", message: "bad <value>", traceback: ['  File "app.py", line 2\n'], is_api_error: false });
    expect(el.querySelector(".nbs-exception-type")?.textContent).toBe("ValueError: ");
    expect(el.textContent).toContain("bad <value>");
    const details = /** @type {HTMLDetailsElement} */ (el.querySelector("details"));
    expect(details.open).toBe(true);
    expect(details.textContent).toContain('File "app.py", line 2');
    details.open = false;
    update({ message: "worse" });
    expect(/** @type {HTMLDetailsElement} */ (el.querySelector("details")).open).toBe(false);
  });

  test("help: name, signature, doc and members", () => {
    const { el } = mount("help", { name: "f", type: "function", signature: "(a, b=1)", doc: "Does f.", value: null, members: [{ name: "x", type: "int", doc: "An x." }] });
    expect(el.textContent).toContain("f(a, b=1)");
    expect(el.textContent).toContain("Does f.");
    expect([...el.querySelectorAll("tbody td")].map((td) => td.textContent)).toEqual(["x", "int", "An x."]);
  });
});
