// @ts-check
/**
 * Text elements: markdown, title, header, subheader, caption, code, text, latex, divider.
 */
import { highlightToHtml } from "../../highlight.js";
import { addCopyButton, mathHtml, slugify } from "../../markdown.js";
import { h, icon, syncHelp } from "../_base.js";
import { applyTextAlignment, applyWidth, applyWrap, headingIcon } from "./_layout.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").ComponentContext} ComponentContext */

/**
 * A markdown body with an optional help icon beside it.
 * @param {string} cls
 * @returns {Component}
 */
function markdownElement(cls) {
  return (node, ctx) => {
    const body = h("div", { class: "nbs-markdown-body" });
    const el = h("div", { class: cls }, body);
    /** @type {Record<string, any>} */
    let last = {};
    const update = (/** @type {import("../_base.js").WireNode} */ n) => {
      const p = n.props;
      if (p.body !== last.body || p.unsafe_allow_html !== last.unsafe_allow_html || p.wrap !== last.wrap || p.anchors !== last.anchors || p.cursor !== last.cursor) {
        // One line (wrap=False) takes inline Markdown only: "# x" or "- x" stay literal.
        const oneLine = p.wrap === false;
        body.replaceChildren(ctx.markdown(p.body ?? "", oneLine ? { inline: true } : { allowHtml: Boolean(p.unsafe_allow_html) }));
        if (p.anchors !== false) addHeadingAnchors(body);
        if (p.cursor != null) addCursor(body, String(p.cursor), ctx);
      }
      syncHelp(el, p.help, ctx);
      applyWidth(el, p.width);
      applyTextAlignment(body, p.text_alignment);
      applyWrap(el, body, p.wrap);
      last = p;
    };
    update(node);
    return { el, update };
  };
}

/**
 * The link icon shown on hover beside each Markdown heading that has an id (`anchors=True`).
 * @param {HTMLElement} body
 */
function addHeadingAnchors(body) {
  body.querySelectorAll("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]").forEach((heading) => {
    const name = heading.id;
    heading.append(h("a", { class: "nbs-anchor", href: `#${encodeURIComponent(name)}`, "aria-label": `Link to ${heading.textContent || name}` }, icon("link")));
  });
}

const CURSOR_BLOCKS = new Set(["P", "UL", "OL", "LI", "BLOCKQUOTE", "H1", "H2", "H3", "H4", "H5", "H6"]);

/**
 * st.write_stream's cursor while the text is written: its first line (inline Markdown)
 * at the end of the text's last block, further lines as Markdown below the text.
 * @param {HTMLElement} body @param {string} cursor @param {ComponentContext} ctx
 */
function addCursor(body, cursor, ctx) {
  const [first, ...rest] = cursor.split("\n");
  const mark = h("span", { class: "nbs-stream-cursor", "aria-hidden": "true" }, ctx.markdown(first, { inline: true }));
  /** @type {Element} */
  let host = body.querySelector(".nbs-markdown") || body;
  // Into the last block (a paragraph, the last list item...), not into inline formatting.
  while (host.lastElementChild && CURSOR_BLOCKS.has(host.lastElementChild.tagName)) host = host.lastElementChild;
  host.append(mark);
  if (rest.length && rest.join("\n").trim()) body.append(h("div", { class: "nbs-stream-cursor-more" }, ctx.markdown(rest.join("\n"))));
}

/** @type {Component} */
export const markdown = markdownElement("nbs-markdown-element");

/** @type {Component} */
export const caption = markdownElement("nbs-caption");

// ---- headings ------------------------------------------------------------------------------

/** The order in which `divider=True` headings take their color, as in Streamlit. */
const AUTO_DIVIDER_COLORS = ["blue", "green", "orange", "red", "violet"];

/**
 * Color every `divider=True` line in the page by its position among them.  Runs after
 * the shell has placed the heading (a frame later), since order is a page matter.
 * @param {HTMLElement} el
 */
function colorAutoDividers(el) {
  requestAnimationFrame(() => {
    const root = el.closest(".nbs-app") || el.ownerDocument;
    root.querySelectorAll(".nbs-heading-divider[data-auto]").forEach((hr, i) => {
      /** @type {HTMLElement} */ (hr).dataset.color = AUTO_DIVIDER_COLORS[i % AUTO_DIVIDER_COLORS.length];
    });
  });
}

/**
 * @param {"h1" | "h2" | "h3"} tag
 * @returns {Component}
 */
function heading(tag) {
  return (node, ctx) => {
    const text = h("span", { class: "nbs-heading-text" });
    const title = h(tag, {}, text);
    const el = h("div", { class: `nbs-heading nbs-heading--${tag}` }, title);
    /** @type {Record<string, any>} */
    let last = {};
    const update = (/** @type {import("../_base.js").WireNode} */ n) => {
      const p = n.props;
      if (p.body !== last.body || p.wrap !== last.wrap) {
        // wrap=False keeps the first line only, so the heading stays one line.
        const body = p.wrap === false ? String(p.body ?? "").split("\n")[0] : p.body ?? "";
        text.replaceChildren(ctx.markdown(body, { inline: true }));
      }
      if (p.icon !== last.icon) {
        title.querySelector(".nbs-heading-icon")?.remove();
        const mark = headingIcon(p.icon);
        if (mark) title.prepend(mark);
      }
      applyWidth(el, p.width);
      applyTextAlignment(title, p.text_alignment);
      applyWrap(el, text, p.wrap);
      if (p.body !== last.body || p.anchor !== last.anchor) setAnchor(title, p.anchor, text.textContent || "");
      syncHelp(title, p.help, ctx);
      const anchorLink = title.querySelector(".nbs-anchor");
      if (anchorLink) title.append(anchorLink); // text, help, then the link shown on hover
      if (p.divider !== last.divider) setDivider(el, p.divider);
      last = p;
    };
    update(node);
    return { el, update };
  };
}

/**
 * The heading's id and its hover link: a string anchor, one made from the text
 * (None), or none at all (False).
 * @param {HTMLElement} title @param {string | boolean | null} anchor @param {string} text
 */
function setAnchor(title, anchor, text) {
  title.querySelector(".nbs-anchor")?.remove();
  const name = anchor === false ? "" : typeof anchor === "string" ? anchor : slugify(text);
  if (!name) {
    title.removeAttribute("id");
    return;
  }
  title.id = name;
  const link = h("a", { class: "nbs-anchor", href: `#${encodeURIComponent(name)}`, "aria-label": `Link to ${text}` }, icon("link"));
  title.querySelector(".nbs-heading-text")?.after(link);
}

/** @param {HTMLElement} el @param {boolean | string} divider */
function setDivider(el, divider) {
  el.querySelector(".nbs-heading-divider")?.remove();
  if (divider === false || divider === undefined || divider === null) return;
  const hr = h("hr", { class: "nbs-heading-divider" });
  if (divider === true) {
    hr.dataset.auto = "";
    colorAutoDividers(el);
  } else hr.dataset.color = divider === "grey" ? "gray" : String(divider);
  el.append(hr);
}

/** @type {Component} */
export const title = heading("h1");
/** @type {Component} */
export const header = heading("h2");
/** @type {Component} */
export const subheader = heading("h3");

// ---- code ----------------------------------------------------------------------------------

/**
 * Split highlighted HTML into lines, closing and reopening the spans a line break
 * falls inside (a multi-line string), so each line can carry its own number.
 * @param {string} html
 * @returns {string[]}
 */
export function splitHighlightedLines(html) {
  /** @type {string[]} */
  const lines = [];
  /** @type {string[]} */
  const open = [];
  let line = "";
  for (const part of html.split(/(<span[^>]*>|<\/span>|\n)/)) {
    if (part === "\n") {
      lines.push(line + "</span>".repeat(open.length));
      line = open.join("");
    } else {
      if (part.startsWith("<span")) open.push(part);
      else if (part === "</span>") open.pop();
      line += part;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * A code block: highlighted, with a copy button, optional line numbers and wrapping.
 * @param {string} body @param {string | null} language
 * @param {{lineNumbers?: boolean, wrap?: boolean}} opts
 */
export function codeBlock(body, language, opts) {
  const code = h("code", { class: language ? `language-${language}` : null });
  const html = highlightToHtml(body, language);
  code.innerHTML = opts.lineNumbers
    ? splitHighlightedLines(html).map((l) => `<span class="nbs-code-line">${l}</span>`).join("\n")
    : html;
  const block = h("div", { class: "nbs-code-block" }, h("pre", {}, code));
  block.classList.toggle("nbs-code--wrap", Boolean(opts.wrap));
  block.classList.toggle("nbs-code--numbers", Boolean(opts.lineNumbers));
  addCopyButton(block);
  return block;
}

/** @type {Component} */
export function code(node) {
  const el = h("div", { class: "nbs-code" });
  /** @type {Record<string, any>} */
  let last = {};
  const update = (/** @type {import("../_base.js").WireNode} */ n) => {
    const p = n.props;
    applyWidth(el, p.width);
    // height: "content" (the code's), "stretch" (fill a parent with a height) or pixels that scroll.
    const pixels = typeof p.height === "number";
    el.dataset.height = pixels ? "pixels" : String(p.height || "content");
    el.style.height = pixels ? `${p.height}px` : "";
    if (p.body === last.body && p.language === last.language && p.line_numbers === last.line_numbers && p.wrap_lines === last.wrap_lines) return;
    el.replaceChildren(codeBlock(p.body ?? "", p.language ?? null, { lineNumbers: p.line_numbers, wrap: p.wrap_lines }));
    last = p;
  };
  update(node);
  return { el, update };
}

// ---- text, latex, divider ------------------------------------------------------------------

/** @type {Component} */
export function text(node, ctx) {
  const body = h("div", { class: "nbs-text-body" });
  const el = h("div", { class: "nbs-text" }, body);
  const update = (/** @type {import("../_base.js").WireNode} */ n) => {
    if (body.textContent !== (n.props.body ?? "")) body.textContent = n.props.body ?? "";
    syncHelp(el, n.props.help, ctx);
    applyWidth(el, n.props.width ?? "content");
    applyTextAlignment(body, n.props.text_alignment);
    applyWrap(el, body, n.props.wrap);
  };
  update(node);
  return { el, update };
}

/** @type {Component} */
export function latex(node, ctx) {
  const body = h("div", { class: "nbs-math-display" });
  const el = h("div", { class: "nbs-latex" }, body);
  let last = /** @type {string | null} */ (null);
  const update = (/** @type {import("../_base.js").WireNode} */ n) => {
    if (n.props.body !== last) body.innerHTML = mathHtml(n.props.body ?? "", true);
    last = n.props.body;
    syncHelp(el, n.props.help, ctx);
    applyWidth(el, n.props.width);
  };
  update(node);
  return { el, update };
}

/** @type {Component} */
export function divider(node) {
  const el = h("hr", { class: "nbs-divider" });
  const update = (/** @type {import("../_base.js").WireNode} */ n) => applyWidth(el, n.props.width);
  update(node);
  return { el, update };
}
