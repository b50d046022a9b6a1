// @ts-check
/**
 * The "streamlit" chart theme: colors and fonts read from the page's --nbs-* CSS
 * variables (so light, dark and a config's [theme] colors all follow), as a Vega-Lite
 * config and as a Plotly template.
 */

export const CATEGORY_LIGHT = [
  "#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1", "#ff8700", "#ffd16a", "#6d3fc0", "#d5dae5",
];
export const CATEGORY_DARK = [
  "#83c9ff", "#0068c9", "#ffabab", "#ff2b2b", "#7defa1", "#29b09d", "#ffd16a", "#ff8700", "#6d3fc0", "#d5dae5",
];
const RAMP_LIGHT = ["#e4f5ff", "#c7ebff", "#a6dcff", "#83c9ff", "#60b4ff", "#3d9df3", "#1c83e1", "#0068c9", "#0054a3", "#004280"];
const RAMP_DARK = [...RAMP_LIGHT].reverse();
const DIVERGING = ["#7d353b", "#bd4043", "#ff4b4b", "#ff8c8c", "#ffc7c7", "#a6dcff", "#60b4ff", "#1c83e1", "#0054a3", "#004280"];

/** A space-separated color list (a CSS variable) as an array; null when empty. */
/** @param {string} value */
function list(value) {
  const colors = value.match(/(#[0-9a-fA-F]+|[a-z]+\([^)]*\)|[a-zA-Z]+)/g);
  return colors && colors.length ? colors : null;
}

/**
 * The theme's colors as the element sees them.
 * @param {Element} el
 */
export function themeColors(el) {
  const style = getComputedStyle(el);
  const read = (/** @type {string} */ name, /** @type {string} */ fallback) =>
    style.getPropertyValue(name).trim() || fallback;
  const background = read("--nbs-background-color", "#ffffff");
  const dark = isDark(background);
  return {
    dark,
    text: read("--nbs-text-color", dark ? "#fafafa" : "#31333f"),
    background,
    secondary: read("--nbs-secondary-background-color", dark ? "#262730" : "#f0f2f6"),
    primary: read("--nbs-primary-color", "#ff4b4b"),
    font: read("--nbs-font", "sans-serif"),
    grid: dark ? "rgba(250, 250, 250, 0.12)" : "rgba(49, 51, 63, 0.12)",
    // chartCategoricalColors / chartSequentialColors / chartDivergingColors (theme.js
    // only sets them when valid: any number of categorical colors, ten for the others).
    category: list(read("--nbs-chart-categorical", "")) || (dark ? CATEGORY_DARK : CATEGORY_LIGHT),
    ramp: list(read("--nbs-chart-sequential", "")) || (dark ? RAMP_DARK : RAMP_LIGHT),
    diverging: list(read("--nbs-chart-diverging", "")) || DIVERGING,
  };
}

/** @param {string} color */
function isDark(color) {
  const rgb = parseColor(color);
  if (!rgb) return false;
  const [r, g, b] = rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

/** "#rgb", "#rrggbb" or "rgb(r, g, b)" as [r, g, b]. @param {string} color */
function parseColor(color) {
  const c = color.trim();
  if (c.startsWith("#")) {
    const hex = c.length <= 5 ? [...c.slice(1, 4)].map((x) => x + x).join("") : c.slice(1, 7);
    const n = Number.parseInt(hex, 16);
    return Number.isNaN(n) ? null : [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const m = c.match(/rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/**
 * A Vega-Lite config in the app's colors.
 * @param {ReturnType<typeof themeColors>} t
 */
export function vegaConfig(t) {
  const label = { labelColor: t.text, titleColor: t.text, labelFont: t.font, titleFont: t.font };
  const axis = {
    ...label,
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: 400,
    titlePadding: 12,
    gridColor: t.grid,
    domainColor: t.grid,
    tickColor: t.grid,
    labelPadding: 4,
    // Labels that would overlap are thinned (every other one until they fit), as in
    // Streamlit: Vega-Lite's default keeps every label of a band (bar chart) axis.
    labelOverlap: true,
    // Streamlit's theme keeps 2px between labels, so a crowded band axis thins them once more.
    labelSeparation: 2,
  };
  return {
    background: "transparent",
    font: t.font,
    padding: { top: 8, right: 8, bottom: 8, left: 8 },
    view: { stroke: null, continuousWidth: 400, continuousHeight: 350 },
    axis,
    axisBand: { grid: false },
    legend: { ...label, labelFontSize: 13, titleFontSize: 13, titleFontWeight: 400, symbolSize: 100, symbolFillColor: t.category[0] },
    header: { ...label },
    title: { color: t.text, font: t.font, fontSize: 16, anchor: "start", fontWeight: 600 },
    range: { category: t.category, ramp: t.ramp, heatmap: t.ramp, diverging: t.diverging },
    mark: { color: t.category[0] },
    bar: { binSpacing: 4, discreteBandSize: { band: 0.85 } },
    line: { strokeWidth: 2 },
    rule: { color: t.text },
    text: { color: t.text },
    boxplot: { rule: { color: t.text } },
    point: { filled: true },
    circle: { size: 60 },
  };
}

/**
 * A Plotly layout template in the app's colors.
 * @param {ReturnType<typeof themeColors>} t
 */
export function plotlyTemplate(t) {
  const axis = { gridcolor: t.grid, linecolor: t.grid, zerolinecolor: t.grid, tickcolor: t.grid, automargin: true };
  return {
    layout: {
      colorway: t.category,
      font: { color: t.text, family: t.font, size: 13 },
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      xaxis: axis,
      yaxis: axis,
      legend: { bgcolor: "rgba(0,0,0,0)" },
      hoverlabel: { font: { family: t.font } },
      colorscale: {
        sequential: t.ramp.map((c, i, all) => [i / (all.length - 1), c]),
        diverging: t.diverging.map((c, i, all) => [i / (all.length - 1), c]),
      },
      margin: { t: 40, r: 16, b: 40, l: 48 },
    },
  };
}

/**
 * Call `onChange` when the theme around `el` changes (the shell sets data-theme and
 * inline variables on an ancestor).
 * @param {HTMLElement} el
 * @param {() => void} onChange
 * @param {AbortSignal} signal
 */
export function watchTheme(el, onChange, signal) {
  if (typeof MutationObserver !== "function") return;
  let last = "";
  const observer = new MutationObserver(() => {
    if (!el.isConnected) return;
    const now = JSON.stringify(themeColors(el));
    if (now !== last) {
      last = now;
      onChange();
    }
  });
  const start = () => {
    if (signal.aborted) return;
    last = el.isConnected ? JSON.stringify(themeColors(el)) : "";
    const root = el.closest("[data-theme]") || document.body;
    observer.observe(root, { attributes: true, attributeFilter: ["data-theme", "style", "class"] });
    if (root !== document.body && document.body) {
      observer.observe(document.body, { attributes: true, attributeFilter: ["data-jp-theme-light"] });
    }
  };
  queueMicrotask(start);
  signal.addEventListener("abort", () => observer.disconnect());
}
