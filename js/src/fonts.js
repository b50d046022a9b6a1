// @ts-check
/**
 * Fonts the theme names: `[[theme.fontFaces]]` tables become @font-face rules, and
 * "Name:https://.../css" entries of `font`/`headingFont`/`codeFont` load their stylesheet.
 *
 * Both go in the document's <head>, once per page (every app of a page shares them).
 * `app/static/` URLs resolve against the page, as in Streamlit; in JupyterLab they are
 * pointed at the notebook's folder (static_urls.js).
 */

import { fontUrl } from "./theme.js";
import { staticUrl } from "./static_urls.js";

const STYLE_ID = "nbs-font-faces";
const LINK_CLASS = "nbs-font-link";

/** A CSS string literal. @param {string} text */
function cssString(text) {
  return `"${text.replace(/[\\"\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * The @font-face rules of `[[theme.fontFaces]]` (tables without a family or url skipped).
 * @param {any} faces
 * @param {(url: string) => string} [resolve]  where a font's URL points
 * @returns {string}
 */
export function fontFaceRules(faces, resolve = (url) => url) {
  if (!Array.isArray(faces)) return "";
  const rules = [];
  for (const face of faces) {
    if (!face || typeof face !== "object") continue;
    const { family, url, weight, style, unicodeRange } = face;
    if (typeof family !== "string" || !family || typeof url !== "string" || !url) continue;
    const lines = [`font-family: ${cssString(family)};`, `src: url(${cssString(resolve(url))});`];
    if ((typeof weight === "string" && /^\d+( \d+)?$/.test(weight)) || Number.isInteger(weight)) {
      lines.push(`font-weight: ${weight};`);
    }
    if (typeof style === "string" && /^(normal|italic|oblique)$/.test(style)) lines.push(`font-style: ${style};`);
    if (typeof unicodeRange === "string" && /^[\sU+0-9A-Fa-f?,-]+$/.test(unicodeRange)) {
      lines.push(`unicode-range: ${unicodeRange};`);
    }
    rules.push(`@font-face { ${lines.join(" ")} }`);
  }
  return rules.join("\n");
}

/**
 * The stylesheet URLs of "Name:https://..." entries in the font options.
 * @param {Record<string, any>} theme
 * @returns {string[]}
 */
export function fontStylesheets(theme) {
  const urls = new Set();
  const tables = [theme, theme.sidebar, theme.light, theme.dark, theme.light?.sidebar, theme.dark?.sidebar];
  for (const table of tables) {
    if (!table || typeof table !== "object") continue;
    for (const option of ["font", "headingFont", "codeFont"]) {
      const value = table[option];
      if (typeof value !== "string") continue;
      for (const part of value.split(",")) {
        const remote = fontUrl(part);
        if (remote) urls.add(remote.url);
      }
    }
  }
  return [...urls];
}

/**
 * Put the theme's fonts in the page (replacing what an earlier theme put there).
 * @param {Record<string, any>} theme   the app's `[theme]` options
 * @param {string | null | undefined} staticDir  the notebook's folder in JupyterLab
 * @param {string} [base]  the Jupyter server's base URL
 */
export function applyFonts(theme, staticDir, base = "/") {
  const head = document.head;
  if (!head) return;
  const resolve = (/** @type {string} */ url) =>
    typeof staticDir === "string" ? staticUrl(url, staticDir, base) ?? url : url;
  const css = fontFaceRules(theme.fontFaces, resolve);
  let style = document.getElementById(STYLE_ID);
  if (css) {
    if (!style) {
      style = document.createElement("style");
      style.id = STYLE_ID;
      head.append(style);
    }
    if (style.textContent !== css) style.textContent = css;
  } else {
    style?.remove();
  }
  const wanted = fontStylesheets(theme);
  for (const link of [...head.querySelectorAll(`link.${LINK_CLASS}`)]) {
    if (!wanted.includes(link.getAttribute("href") || "")) link.remove();
  }
  for (const url of wanted) {
    if ([...head.querySelectorAll(`link.${LINK_CLASS}`)].some((l) => l.getAttribute("href") === url)) continue;
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.className = LINK_CLASS;
    link.href = url;
    head.append(link);
  }
}
