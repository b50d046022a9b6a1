// @vitest-environment jsdom
import { describe, expect, test } from "vitest";
import { renderMarkdown } from "../src/markdown.js";
import { staticUrl, watchStaticUrls } from "../src/static_urls.js";

describe("app/static URLs in JupyterLab point at the notebook's folder", () => {
  test("only relative app/static/ URLs change", () => {
    expect(staticUrl("app/static/cat.png", "pets", "/")).toBe("/lab/tree/pets/app/static/cat.png");
    expect(staticUrl("./app/static/cat.png", "a b/c", "/base/")).toBe("/base/lab/tree/a%20b/c/app/static/cat.png");
    expect(staticUrl("app/static/cat.png", "", "/")).toBe("/app/static/cat.png");
    for (const other of ["/app/static/cat.png", "https://x/app/static/c.png", "static/cat.png", "xapp/static/a"]) {
      expect(staticUrl(other, "pets", "/")).toBeNull();
    }
  });

  test("images and links drawn later are rewritten too", async () => {
    const root = document.createElement("div");
    document.body.append(root);
    const abort = new AbortController();
    root.append(renderMarkdown("![cat](app/static/cat.png)"));
    watchStaticUrls(root, "pets", abort.signal);
    expect(root.querySelector("img")?.getAttribute("src")).toBe("/lab/tree/pets/app/static/cat.png");
    root.append(renderMarkdown("[notes](app/static/notes.txt) ![x](https://example.org/x.png)"));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(root.querySelector("a")?.getAttribute("href")).toBe("/lab/tree/pets/app/static/notes.txt");
    expect(root.querySelectorAll("img")[1]?.getAttribute("src")).toBe("https://example.org/x.png");
    abort.abort();
    root.append(renderMarkdown("![late](app/static/late.png)"));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(root.querySelectorAll("img")[2]?.getAttribute("src")).toBe("app/static/late.png");
  });
});
