// @vitest-environment jsdom
// st.query_params in a Voila page's URL: bound widgets (bind="query-params") write their
// values there through the kernel's query parameters, which syncQuery mirrors.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { pageInUrl, queryInUrl, syncQuery } from "../src/voila.js";

afterEach(() => {
  document.body.className = "";
  history.replaceState(null, "", "/voila/render/app.ipynb");
});

describe("the kernel's query parameters in a Voila URL", () => {
  beforeEach(() => {
    document.body.classList.add("nbs-voila-page");
    history.replaceState(null, "", "/voila/render/app.ipynb?voila-theme=dark&page=bugs&old=1");
  });

  test("replace the app's parameters, keep Voila's and the page, add no history entry", () => {
    const before = history.length;
    syncQuery({ sl: ["7"], ms: ["a", "c d"] }, { last: "" });
    expect(queryInUrl()).toEqual({ sl: ["7"], ms: ["a", "c d"] });
    expect(pageInUrl()).toBe("bugs");
    expect(location.search).toBe("?voila-theme=dark&page=bugs&sl=7&ms=a&ms=c+d");
    expect(history.length).toBe(before);
  });

  test("a value back at its default leaves the URL", () => {
    const seen = { last: "" };
    syncQuery({ cb: ["true"] }, seen);
    syncQuery({}, seen);
    expect(queryInUrl()).toEqual({});
    expect(location.search).toBe("?voila-theme=dark&page=bugs");
  });

  test("a partial tree without parameters, or ones already seen, leave the URL alone", () => {
    const seen = { last: "" };
    syncQuery({ a: ["1"] }, seen);
    history.replaceState(null, "", "/voila/render/app.ipynb?a=2"); // Back/Forward, or a link
    syncQuery(undefined, seen);
    syncQuery({ a: ["1"] }, seen);
    expect(queryInUrl()).toEqual({ a: ["2"] });
  });

  test("only a Voila page's URL is the app's", () => {
    document.body.className = "";
    syncQuery({ a: ["1"] }, { last: "" });
    expect(location.search).toBe("?voila-theme=dark&page=bugs&old=1");
  });
});
