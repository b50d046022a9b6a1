// @ts-check
/**
 * Mermaid diagrams in Markdown: a ```mermaid fence (what st.mermaid_chart sends, as in
 * Streamlit) is drawn by Mermaid (MIT), loaded on demand like Vega: a page without a
 * diagram never downloads it.  Until drawn, or when the source does not parse, the fence
 * shows its source as code.
 *
 * Mermaid runs with securityLevel "strict" (labels are text, no click handlers or
 * scripts), labels as SVG text (no HTML in foreignObject), and its SVG is sanitized again
 * with DOMPurify's SVG profile before it joins the page.
 */
import DOMPurify from "dompurify";

const ALT_PREFIX = /^\s*%%\s*stAlt\s*:\s*(.*)$/m;

/** @type {Promise<any> | null} */
let mermaidLoading = null;
let counter = 0;

/** Mermaid, loaded and set up when the first diagram draws. */
export function loadMermaid() {
  mermaidLoading ??= import("mermaid").then((m) => {
    const mermaid = m.default;
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: "strict",
      htmlLabels: false,
      flowchart: { htmlLabels: false },
      fontFamily: '"Source Sans 3", sans-serif',
    });
    return mermaid;
  });
  return mermaidLoading;
}

/** The accessible name st.mermaid_chart(alt=...) put in the source, if any. @param {string} source */
export function altOf(source) {
  return ALT_PREFIX.exec(source)?.[1].trim() || "";
}

/** Mermaid's SVG with anything active taken out. @param {string} svg */
export function cleanSvg(svg) {
  return DOMPurify.sanitize(svg, { USE_PROFILES: { svg: true, svgFilters: true }, ADD_TAGS: ["style"] });
}

/** The HTML a mermaid fence renders to before it is drawn. @param {string} source @param {(s: string) => string} escape */
export function mermaidPlaceholder(source, escape) {
  return `<div class="nbs-mermaid stMermaid" data-testid="stMermaid"><pre class="nbs-mermaid-source"><code>${escape(source)}</code></pre></div>\n`;
}

/**
 * Draw every mermaid placeholder inside `root` (the source stays if Mermaid fails).
 * @param {ParentNode} root
 */
export function drawDiagrams(root) {
  for (const host of root.querySelectorAll(".nbs-mermaid:not([data-drawn])")) {
    const el = /** @type {HTMLElement} */ (host);
    const source = el.querySelector(".nbs-mermaid-source")?.textContent ?? "";
    el.dataset.drawn = "pending";
    loadMermaid()
      .then(async (mermaid) => {
        counter += 1;
        const { svg } = await mermaid.render(`nbs-mermaid-${counter}`, source);
        const figure = document.createElement("div");
        figure.className = "nbs-mermaid-figure";
        figure.innerHTML = cleanSvg(svg);
        const alt = altOf(source);
        if (alt) {
          figure.setAttribute("role", "img");
          figure.setAttribute("aria-label", alt);
        }
        el.replaceChildren(figure);
        el.dataset.drawn = "true";
      })
      .catch((/** @type {unknown} */ e) => {
        el.dataset.drawn = "error";
        el.title = `Mermaid could not draw this diagram: ${e instanceof Error ? e.message : String(e)}`;
      });
  }
}
