// @vitest-environment jsdom
// @ts-check
import { describe, expect, test } from "vitest";
import { renderMarkdown } from "../src/markdown.js";
import { testId } from "../src/testids.js";

describe("Streamlit's class names and test ids", () => {
  test("kinds map to Streamlit's names", () => {
    expect(testId("button")).toBe("stButton");
    expect(testId("download_button")).toBe("stDownloadButton");
    expect(testId("text_input")).toBe("stTextInput");
    expect(testId("multiselect")).toBe("stMultiSelect");
    expect(testId("dataframe")).toBe("stDataFrame");
    expect(testId("bar_chart")).toBe("stVegaLiteChart");
    expect(testId("sidebar")).toBe("stSidebar");
  });

  test("an app's <style> is confined to the app that holds it", () => {
    const a = renderMarkdown("<style>@import url(x.css); .stButton > button { color: red }</style>", { allowHtml: true });
    const b = renderMarkdown("<style>button { color: blue }</style>", { allowHtml: true });
    const [sa, sb] = [a.querySelector("style"), b.querySelector("style")];
    expect(sa?.id).not.toBe(sb?.id);
    expect(sa?.textContent).toContain(`@scope (.nbs-app:has(#${sa?.id}))`);
    expect(sa?.textContent).toContain(".stButton > button { color: red }");
    expect(sa?.textContent).not.toContain("@import");
    expect(renderMarkdown("<style>p{}</style>").querySelector("style")).toBeNull();
  });
});
