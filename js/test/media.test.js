// @vitest-environment jsdom
import { afterEach, expect, test } from "vitest";
import { mediaUrl } from "../src/components/media/_source.js";

const SESSION = "S".repeat(32);
const KEY = "k".repeat(43);
const ref = (over = {}) => ({ $media: `nbstream/media/${SESSION}/${"t".repeat(32)}`, session: SESSION, key: KEY, ...over });

afterEach(() => document.getElementById("jupyter-config-data")?.remove());

test("a served medium loads from the server's base URL with its session's cookie", () => {
  const config = document.createElement("script");
  config.id = "jupyter-config-data";
  config.type = "application/json";
  config.textContent = JSON.stringify({ baseUrl: "/" });
  document.body.append(config);
  const set = [];
  Object.defineProperty(document, "cookie", { configurable: true, set: (v) => set.push(v), get: () => "" });
  try {
    expect(mediaUrl(ref())).toBe(`/nbstream/media/${SESSION}/${"t".repeat(32)}`);
  } finally {
    delete document.cookie;
  }
  // Scoped to this session's media only, and never sent cross-site.
  expect(set).toEqual([`nbs-media-${SESSION}=${KEY}; path=/nbstream/media/${SESSION}/; SameSite=Strict`]);
});

test("anything that is not a well-formed reference gives no URL", () => {
  expect(mediaUrl({ $blob: "abc" })).toBe(null);
  expect(mediaUrl("https://x")).toBe(null);
  expect(mediaUrl(ref({ $media: "https://evil.example/x" }))).toBe("");
  expect(mediaUrl(ref({ $media: `nbstream/media/${SESSION}/../../api/contents` }))).toBe("");
  expect(mediaUrl(ref({ session: "other".repeat(4) }))).toBe("");
  expect(mediaUrl(ref({ key: "a; path=/" }))).toBe("");
});
