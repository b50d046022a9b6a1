// @vitest-environment jsdom
import { expect, test } from "vitest";
import { markdownToHtml } from "../src/markdown.js";
import { altOf, cleanSvg } from "../src/mermaid.js";

test("a mermaid fence becomes a diagram placeholder showing its source as text", () => {
  const html = markdownToHtml("````mermaid\ngraph TD\n  A[<b>x</b>] --> B\n````");
  const box = document.createElement("div");
  box.innerHTML = html;
  const host = box.querySelector(".nbs-mermaid");
  expect(host).not.toBeNull();
  expect(host.querySelector(".nbs-mermaid-source").textContent).toBe("graph TD\n  A[<b>x</b>] --> B");
  expect(host.querySelector("b")).toBeNull();
  expect(box.querySelector(".nbs-code-block")).toBeNull();
});

test("other fences stay code blocks", () => {
  expect(markdownToHtml("```python\nx = 1\n```")).toContain("nbs-code-block");
});

test("the accessible name comes from the stAlt comment", () => {
  expect(altOf("%% stAlt: Decision flow\ngraph TD")).toBe("Decision flow");
  expect(altOf("graph TD")).toBe("");
});

test("Mermaid's SVG is sanitized before it joins the page", () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg"><style>.n{fill:red}</style><script>alert(1)</script><g onclick="alert(2)"><text>ok</text></g></svg>';
  const clean = cleanSvg(svg);
  expect(clean).toContain("<text>ok</text>");
  expect(clean).toContain("<style>");
  expect(clean).not.toContain("script");
  expect(clean).not.toContain("onclick");
});
