// @vitest-environment jsdom
import { describe, expect, test } from "vitest";
import { markdownToHtml, renderMarkdown } from "../src/markdown.js";

describe("Streamlit's markdown dialect", () => {
  test("raw HTML is shown as text unless allowed", () => {
    const el = renderMarkdown("<b>bold?</b> <img src=x onerror=alert(1)>");
    expect(el.querySelector("b")).toBeNull();
    expect(el.querySelector("img")).toBeNull();
    expect(el.textContent).toContain("<b>bold?</b>");
  });

  test("allowed HTML is sanitized: no scripts, handlers or javascript: links; styles stay", () => {
    const el = renderMarkdown("<style>.x{color:red}</style><b onclick='steal()'>ok</b><script>alert(1)</script><a href='javascript:alert(1)'>x</a>", { allowHtml: true });
    expect(el.querySelector("b")?.textContent).toBe("ok");
    expect(el.querySelector("b")?.getAttribute("onclick")).toBeNull();
    expect(el.querySelector("script")).toBeNull();
    expect(el.querySelector("style")).not.toBeNull();
    expect(el.querySelector("a")?.getAttribute("href")).toBeNull();
  });

  test("javascript: links are not made into links", () => {
    const el = renderMarkdown("[click](javascript:alert(1))");
    expect(el.querySelector("a")).toBeNull();
  });

  test("links open in a new tab, safely", () => {
    const a = renderMarkdown("[docs](https://docs.streamlit.io) and https://example.com").querySelectorAll("a");
    expect(a).toHaveLength(2);
    expect(a[0].target).toBe("_blank");
    expect(a[0].rel).toBe("noopener noreferrer");
  });

  test("emoji shortcodes", () => {
    expect(renderMarkdown(":paw_prints: :tada:").textContent?.trim()).toBe("🐾 🎉");
  });

  test("colored text, backgrounds and badges, with markdown inside", () => {
    const el = renderMarkdown(":red[**alert**] :blue-background[note] :green-badge[ok] :rainbow[wow] :grey[g]");
    expect(el.querySelector(".nbs-color-red strong")?.textContent).toBe("alert");
    expect(el.querySelector(".nbs-background-blue")?.textContent).toBe("note");
    expect(el.querySelector(".nbs-badge-green")?.textContent).toBe("ok");
    expect(el.querySelector(".nbs-color-rainbow")?.textContent).toBe("wow");
    expect(el.querySelector(".nbs-color-gray")?.textContent).toBe("g");
  });

  test("an unknown color stays text", () => {
    expect(renderMarkdown(":pink[x]").textContent?.trim()).toBe(":pink[x]");
  });

  test("material icons: bundled ones draw, others keep their name as accessible label", () => {
    const el = renderMarkdown("Go :material/home: :material/not_an_icon_here:");
    const icons = el.querySelectorAll("[role=img]");
    expect(icons).toHaveLength(2);
    expect(icons[0].getAttribute("aria-label")).toBe("home");
    expect(icons[0].querySelector("svg path")).not.toBeNull();
    expect(icons[1].getAttribute("aria-label")).toBe("not an icon here");
    expect(icons[1].classList.contains("nbs-icon--missing")).toBe(true);
  });

  test("inline and display math through KaTeX; money is not math", () => {
    const el = renderMarkdown("Energy $E=mc^2$ costs $5 and $10.\n\n$$\n\\frac{a}{b}\n$$");
    expect(el.querySelectorAll(".katex")).toHaveLength(2);
    expect(el.querySelector(".nbs-math-display .katex-display")).not.toBeNull();
    expect(el.textContent).toContain("costs $5 and $10.");
    expect(el.querySelector("annotation")?.textContent).toBe("E=mc^2");
  });

  test("an escaped dollar stays a dollar", () => {
    expect(renderMarkdown("\\$x$").querySelector(".katex")).toBeNull();
  });

  test("GFM: tables, strikethrough, task lists; headings get anchors", () => {
    const el = renderMarkdown("## Hello World!\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~\n\n- [x] done\n- [ ] todo");
    expect(el.querySelector("h2")?.id).toBe("hello-world");
    expect(el.querySelectorAll("td")).toHaveLength(2);
    expect(el.querySelector("s")?.textContent).toBe("old");
    const boxes = el.querySelectorAll("input[type=checkbox]");
    expect([...boxes].map((b) => /** @type {HTMLInputElement} */ (b).checked)).toEqual([true, false]);
    expect(/** @type {HTMLInputElement} */ (boxes[0]).disabled).toBe(true);
  });

  test("fenced code is highlighted and gets a copy button", () => {
    const el = renderMarkdown("```python\ndef f():\n    return 1\n```");
    expect(el.querySelector("code .hljs-keyword")?.textContent).toBe("def");
    expect(el.querySelector("button[aria-label='Copy to clipboard']")).not.toBeNull();
  });

  test("inline mode renders no paragraph", () => {
    const el = renderMarkdown("**Name** :red[x]", { inline: true });
    expect(el.tagName).toBe("SPAN");
    expect(el.querySelector("p")).toBeNull();
    expect(el.querySelector("strong")?.textContent).toBe("Name");
  });

  test("html string output escapes", () => {
    expect(markdownToHtml("<i>x</i>")).toContain("&lt;i&gt;");
  });
});
