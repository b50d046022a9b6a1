// @ts-check
/**
 * Syntax highlighting for st.code and fenced code in markdown: highlight.js core with a
 * handful of common languages (not all 190: they would add ~1 MB to the bundle).  An
 * unknown language is shown as plain, escaped text.
 */
import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import cpp from "highlight.js/lib/languages/cpp";
import css from "highlight.js/lib/languages/css";
import diff from "highlight.js/lib/languages/diff";
import go from "highlight.js/lib/languages/go";
import ini from "highlight.js/lib/languages/ini";
import java from "highlight.js/lib/languages/java";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import markdown from "highlight.js/lib/languages/markdown";
import plaintext from "highlight.js/lib/languages/plaintext";
import python from "highlight.js/lib/languages/python";
import r from "highlight.js/lib/languages/r";
import rust from "highlight.js/lib/languages/rust";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import xml from "highlight.js/lib/languages/xml";
import yaml from "highlight.js/lib/languages/yaml";

const LANGUAGES = {
  bash, cpp, css, diff, go, ini, java, javascript, json, markdown,
  plaintext, python, r, rust, sql, typescript, xml, yaml,
};
for (const [name, lang] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, /** @type {any} */ (lang));
hljs.registerAliases(["sh", "shell", "zsh", "console"], { languageName: "bash" });
hljs.registerAliases(["toml"], { languageName: "ini" });
hljs.registerAliases(["text", "txt", "none"], { languageName: "plaintext" });

/** @param {string} text */
export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The code as highlighted HTML (hljs spans around escaped text).
 * @param {string} code
 * @param {string | null | undefined} language
 * @returns {string}
 */
export function highlightToHtml(code, language) {
  const lang = (language || "").toLowerCase();
  if (lang && hljs.getLanguage(lang)) {
    return hljs.highlight(code, { language: lang, ignoreIllegals: true }).value;
  }
  return escapeHtml(code);
}

/** @param {string} language */
export function isKnownLanguage(language) {
  return Boolean(language && hljs.getLanguage(language.toLowerCase()));
}
