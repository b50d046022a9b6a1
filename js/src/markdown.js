// @ts-check
/**
 * Streamlit's markdown dialect, rendered to DOM.
 *
 * GitHub-flavoured markdown (tables, strikethrough, autolinks, task lists) plus:
 * - emoji shortcodes (`:paw_prints:`), from markdown-it-emoji's full list;
 * - colored text, backgrounds and badges: `:red[text]`, `:blue-background[text]`,
 *   `:green-badge[text]`, `:rainbow[text]`, `:primary[text]` (markdown inside);
 * - Material icons `:material/home:` from the bundled subset in icons.js (no network
 *   at run time); a name not bundled renders an outlined box with the name as its
 *   accessible label and tooltip, so nothing is silently lost;
 * - math: `$inline$` (pandoc's rule: no space inside the dollars, no digit after the
 *   closing one, so "$5 and $10" stays text) and `$$display$$`, through KaTeX.
 *
 * App markdown is untrusted: raw HTML is escaped (markdown-it `html: false`) and
 * markdown-it refuses javascript:/vbscript:/file: links.  With `allowHtml` (the
 * app's unsafe_allow_html=True) HTML passes, but through DOMPurify, which still drops
 * scripts, event handlers and javascript: URLs.
 */
import DOMPurify from "dompurify";
import { scopeStyles } from "./testids.js";
import katex from "katex";
import MarkdownIt from "markdown-it";
import { full as emojiPlugin } from "markdown-it-emoji";
import { escapeHtml, highlightToHtml } from "./highlight.js";
import { drawDiagrams, mermaidPlaceholder } from "./mermaid.js";
import { ICON_ALIASES, ICON_PATHS } from "./icons.js";

/** @typedef {InstanceType<typeof MarkdownIt>} Md */
/** @typedef {(tokens: any[], i: number, options: any, env: any, self: any) => string} Rule */

/** The color names of `:color[...]` (Streamlit's palette). */
export const MARKDOWN_COLORS = ["red", "orange", "yellow", "green", "blue", "violet", "gray", "grey", "rainbow", "primary"];

// ---- icons -------------------------------------------------------------------------------

/**
 * A Material Symbol as HTML: an inline SVG, or for a name not bundled an outlined box
 * that keeps the name as its accessible label.
 * @param {string} name
 */
export function materialIconHtml(name) {
  const d = ICON_PATHS[ICON_ALIASES[name] || name];
  const label = escapeHtml(name.replace(/_/g, " "));
  if (!d) {
    return `<span class="nbs-icon nbs-icon--missing" role="img" aria-label="${label}" title=":material/${escapeHtml(name)}:"></span>`;
  }
  return (
    `<span class="nbs-icon" role="img" aria-label="${label}">` +
    `<svg viewBox="0 -960 960 960" aria-hidden="true" focusable="false"><path d="${d}"/></svg></span>`
  );
}

/**
 * An element's `icon` prop (an emoji or `:material/name:`) as HTML.
 * @param {string} icon
 */
export function iconHtml(icon) {
  const m = /^:material\/([a-z0-9_]+):$/.exec(icon.trim());
  if (m) return materialIconHtml(m[1]);
  return `<span class="nbs-icon nbs-icon--emoji" aria-hidden="true">${escapeHtml(icon)}</span>`;
}

/**
 * An element's `icon` prop as a DOM node.
 * @param {string} icon
 * @returns {HTMLElement}
 */
export function iconElement(icon) {
  const tpl = document.createElement("template");
  tpl.innerHTML = iconHtml(icon);
  return /** @type {HTMLElement} */ (tpl.content.firstElementChild);
}

// ---- math --------------------------------------------------------------------------------

/**
 * @param {string} tex
 * @param {boolean} display
 */
export function mathHtml(tex, display) {
  return katex.renderToString(tex, { displayMode: display, throwOnError: false, output: "htmlAndMathml" });
}

/** @param {import("markdown-it").StateInline} state @param {boolean} silent */
function inlineMath(state, silent) {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x24 /* $ */) return false;
  const display = src.charCodeAt(start + 1) === 0x24;
  const open = display ? 2 : 1;
  const end = display ? src.indexOf("$$", start + 2) : closingDollar(src, start + 1, state.posMax);
  if (end < 0 || end > state.posMax) return false;
  const tex = src.slice(start + open, end);
  if (!tex.trim()) return false;
  if (!display && (/^\s/.test(tex) || /\s$/.test(tex))) return false;
  if (!silent) {
    const token = state.push(display ? "math_display_inline" : "math_inline", "", 0);
    token.content = tex;
  }
  state.pos = end + open;
  return true;
}

/**
 * Where an inline `$...$` closes: the next unescaped `$`, if it is not after a space
 * nor before a digit ("$5 and $10" is money, not math).
 * @param {string} src @param {number} from @param {number} max
 */
function closingDollar(src, from, max) {
  for (let i = from; i < max; i++) {
    const c = src[i];
    if (c === "\\") i++;
    else if (c === "$") return !/\s/.test(src[i - 1]) && !/\d/.test(src[i + 1] || "") ? i : -1;
  }
  return -1;
}

/**
 * `$$` on its own line(s): display math.
 * @param {import("markdown-it").StateBlock} state @param {number} startLine
 * @param {number} endLine @param {boolean} silent
 */
function blockMath(state, startLine, endLine, silent) {
  const lineText = (/** @type {number} */ n) => state.src.slice(state.bMarks[n] + state.tShift[n], state.eMarks[n]);
  const first = lineText(startLine);
  if (!first.startsWith("$$") || state.sCount[startLine] - state.blkIndent >= 4) return false;
  let body = first.slice(2);
  let line = startLine;
  let closed = body.trimEnd().endsWith("$$");
  if (closed) body = body.trimEnd().slice(0, -2);
  while (!closed && ++line < endLine) {
    const text = lineText(line);
    if (text.trimEnd().endsWith("$$")) {
      closed = true;
      body += "\n" + text.trimEnd().slice(0, -2);
    } else body += "\n" + text;
  }
  if (!closed) return false;
  if (silent) return true;
  const token = state.push("math_block", "div", 0);
  token.content = body.trim();
  token.map = [startLine, line + 1];
  token.block = true;
  state.line = line + 1;
  return true;
}

// ---- :color[...] and :material/icon: -----------------------------------------------------

const DIRECTIVE = /^:([a-z]+)(-background|-badge)?\[/;

/** @param {string} src @param {number} from  the index after `[` @param {number} max */
function matchingBracket(src, from, max) {
  let depth = 1;
  for (let i = from; i < max; i++) {
    const c = src[i];
    if (c === "\\") i++;
    else if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return i;
  }
  return -1;
}

/** @param {import("markdown-it").StateInline} state @param {boolean} silent */
function colorDirective(state, silent) {
  if (state.src.charCodeAt(state.pos) !== 0x3a /* : */) return false;
  const m = DIRECTIVE.exec(state.src.slice(state.pos, state.pos + 32));
  if (!m || !MARKDOWN_COLORS.includes(m[1])) return false;
  const contentStart = state.pos + m[0].length;
  const close = matchingBracket(state.src, contentStart, state.posMax);
  if (close < 0) return false;
  if (!silent) {
    const color = m[1] === "grey" ? "gray" : m[1];
    const variant = m[2] ? m[2].slice(1) : "text";
    const open = state.push("color_open", "span", 1);
    open.attrSet("class", variant === "text" ? `nbs-color-${color}` : `nbs-${variant} nbs-${variant}-${color}`);
    const oldMax = state.posMax;
    state.pos = contentStart;
    state.posMax = close;
    state.md.inline.tokenize(state);
    state.posMax = oldMax;
    state.push("color_close", "span", -1);
  }
  state.pos = close + 1;
  return true;
}

/** @param {import("markdown-it").StateInline} state @param {boolean} silent */
function materialIcon(state, silent) {
  if (state.src.charCodeAt(state.pos) !== 0x3a) return false;
  const m = /^:material\/([a-z0-9_]+):/.exec(state.src.slice(state.pos, state.pos + 80));
  if (!m) return false;
  if (!silent) state.push("material_icon", "", 0).content = m[1];
  state.pos += m[0].length;
  return true;
}

// ---- GFM task lists ---------------------------------------------------------------------

/** `- [ ] item` / `- [x] item`: a disabled checkbox at the start of the item. */
function taskLists(/** @type {any} */ state) {
  const tokens = state.tokens;
  for (let i = 2; i < tokens.length; i++) {
    const inline = tokens[i];
    if (inline.type !== "inline" || tokens[i - 1].type !== "paragraph_open" || tokens[i - 2].type !== "list_item_open") continue;
    const m = /^\[([ xX])\]\s/.exec(inline.content);
    const first = inline.children && inline.children[0];
    if (!m || !first || first.type !== "text") continue;
    first.content = first.content.slice(m[0].length);
    const box = new state.Token("task_checkbox", "input", 0);
    box.meta = { checked: m[1] !== " " };
    inline.children.unshift(box);
    tokens[i - 2].attrJoin("class", "nbs-task-item");
  }
}

// ---- renderer ----------------------------------------------------------------------------

/** A heading's anchor name, made from its text the way Streamlit does (lowercase, dashes). */
export function slugify(/** @type {string} */ text) {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** @param {Md} md */
function renderRules(md) {
  const rules = /** @type {Record<string, Rule>} */ (/** @type {unknown} */ (md.renderer.rules));
  rules.math_inline = (tokens, i) => mathHtml(tokens[i].content, false);
  rules.math_display_inline = (tokens, i) => `<span class="nbs-math-display">${mathHtml(tokens[i].content, true)}</span>`;
  rules.math_block = (tokens, i) => `<div class="nbs-math-display">${mathHtml(tokens[i].content, true)}</div>\n`;
  rules.material_icon = (tokens, i) => materialIconHtml(tokens[i].content);
  rules.task_checkbox = (tokens, i) =>
    `<input type="checkbox" class="nbs-task-checkbox" disabled${tokens[i].meta.checked ? " checked" : ""}> `;
  rules.fence = (tokens, i) => {
    const token = tokens[i];
    const lang = token.info.trim().split(/\s+/)[0] || "";
    if (lang === "mermaid") return mermaidPlaceholder(token.content.replace(/\n$/, ""), escapeHtml);
    const cls = lang ? ` class="language-${escapeHtml(lang)}"` : "";
    return `<div class="nbs-code-block"><pre><code${cls}>${highlightToHtml(token.content.replace(/\n$/, ""), lang)}</code></pre></div>\n`;
  };
  rules.code_block = (tokens, i) =>
    `<div class="nbs-code-block"><pre><code>${escapeHtml(tokens[i].content.replace(/\n$/, ""))}</code></pre></div>\n`;
  const linkOpen = rules.link_open || ((tokens, i, options, env, self) => self.renderToken(tokens, i, options));
  rules.link_open = (tokens, i, options, env, self) => {
    const href = tokens[i].attrGet("href") || "";
    if (!href.startsWith("#")) {
      tokens[i].attrSet("target", "_blank");
      tokens[i].attrSet("rel", "noopener noreferrer");
    }
    return linkOpen(tokens, i, options, env, self);
  };
  rules.heading_open = (tokens, i, options, env, self) => {
    const inline = tokens[i + 1];
    const text = (inline.children || []).filter((/** @type {any} */ t) => t.type === "text" || t.type === "code_inline").map((/** @type {any} */ t) => t.content).join("");
    const slug = slugify(text);
    if (slug) tokens[i].attrSet("id", slug);
    return self.renderToken(tokens, i, options);
  };
}

/** @param {boolean} html */
function createMarkdownIt(html) {
  const md = new MarkdownIt({ html, linkify: true, typographer: false, breaks: false });
  md.use(emojiPlugin);
  md.inline.ruler.after("escape", "math_inline", inlineMath);
  md.inline.ruler.before("link", "material_icon", materialIcon);
  md.inline.ruler.before("link", "color_directive", colorDirective);
  md.block.ruler.before("fence", "math_block", blockMath, { alt: ["paragraph", "reference", "blockquote", "list"] });
  md.core.ruler.after("inline", "task_lists", taskLists);
  renderRules(md);
  return md;
}

/** @type {{safe?: Md, unsafe?: Md}} */
const instances = {};

/** @param {boolean} allowHtml */
function markdownIt(allowHtml) {
  const name = allowHtml ? "unsafe" : "safe";
  return (instances[name] ??= createMarkdownIt(allowHtml));
}

/**
 * Streamlit-dialect markdown as an HTML string (escaped, or sanitized when HTML is allowed).
 * @param {string} text
 * @param {{inline?: boolean, allowHtml?: boolean}} [opts]
 */
export function markdownToHtml(text, opts = {}) {
  const md = markdownIt(Boolean(opts.allowHtml));
  const html = opts.inline ? md.renderInline(String(text ?? "")) : md.render(String(text ?? ""));
  if (!opts.allowHtml) return html;
  return DOMPurify.sanitize(html, { FORCE_BODY: true, ADD_ATTR: ["target"] });
}

/**
 * Streamlit-dialect markdown as DOM: a `div.nbs-markdown` (or a `span` when inline).
 * @param {string} text
 * @param {{inline?: boolean, allowHtml?: boolean}} [opts]
 * @returns {HTMLElement}
 */
export function renderMarkdown(text, opts = {}) {
  const el = document.createElement(opts.inline ? "span" : "div");
  el.className = opts.inline ? "nbs-markdown nbs-markdown--inline" : "nbs-markdown";
  setMarkdown(el, text, opts);
  return el;
}

/**
 * Replace an element's content with rendered markdown.
 * @param {HTMLElement} el
 * @param {string} text
 * @param {{inline?: boolean, allowHtml?: boolean}} [opts]
 */
export function setMarkdown(el, text, opts = {}) {
  const tpl = document.createElement("template");
  tpl.innerHTML = markdownToHtml(text, opts);
  for (const block of tpl.content.querySelectorAll(".nbs-code-block")) addCopyButton(/** @type {HTMLElement} */ (block));
  if (opts.allowHtml) scopeStyles(tpl.content);
  el.replaceChildren(tpl.content);
  drawDiagrams(el);
}

// ---- copy buttons on code ----------------------------------------------------------------

/**
 * Put a copy-to-clipboard button on a code block (shown on hover, as in Streamlit).
 * @param {HTMLElement} block  an element holding a `pre`
 */
export function addCopyButton(block) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "nbs-copy-button";
  button.title = "Copy to clipboard";
  button.setAttribute("aria-label", "Copy to clipboard");
  button.innerHTML = materialIconHtml("content_copy");
  button.addEventListener("click", () => {
    const code = block.querySelector("code");
    copyText(code ? code.textContent || "" : "").then(() => {
      button.innerHTML = materialIconHtml("check");
      setTimeout(() => (button.innerHTML = materialIconHtml("content_copy")), 1500);
    });
  });
  block.append(button);
}

/** @param {string} text */
async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = document.createElement("textarea");
  area.value = text;
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}
