// @ts-check
/**
 * Which theme an app shows, in order of precedence:
 * 1. the choice made in the app's Settings for this session ("light" or "dark");
 * 2. the `[theme]` options of the app's config (`base`, colors, font);
 * 3. the host: JupyterLab's light/dark theme, Voila's `--theme` (both set
 *    `data-jp-theme-light` on <body>), else the browser's color scheme.
 *
 * The shell sets `data-theme` on the app root; styles/theme.css defines the --nbs-*
 * variables for each base, and config colors are set inline on the root over them.
 */

/** @typedef {"light" | "dark"} Base */
/** @typedef {"system" | Base} Choice */

/** Config option -> the CSS variable it sets. */
export const THEME_VARIABLES = {
  primaryColor: "--nbs-primary-color",
  backgroundColor: "--nbs-background-color",
  secondaryBackgroundColor: "--nbs-secondary-background-color",
  textColor: "--nbs-text-color",
  font: "--nbs-font",
  headingFont: "--nbs-heading-font",
  codeFont: "--nbs-code-font",
  linkColor: "--nbs-link-color",
  codeTextColor: "--nbs-code-color",
  borderColor: "--nbs-border-color",
  dataframeBorderColor: "--nbs-df-border",
  baseRadius: "--nbs-radius",
  buttonRadius: "--nbs-button-radius",
  baseFontSize: "--nbs-base-font-size",
  baseFontWeight: "--nbs-base-font-weight",
  metricValueFontSize: "--nbs-metric-value-size",
  metricValueFontWeight: "--nbs-metric-value-weight",
  codeFontSize: "--nbs-code-font-size",
  codeFontWeight: "--nbs-code-font-weight",
  codeBackgroundColor: "--nbs-code-bg",
  linkUnderline: "--nbs-link-decoration",
  paddingTop: "--nbs-padding-top",
  paddingBottom: "--nbs-padding-bottom",
  dataframeHeaderBackgroundColor: "--nbs-df-header-bg",
  dataframeHeaderTextColor: "--nbs-df-header-color",
  showWidgetBorder: "--nbs-widget-border-color",
  showSidebarBorder: "--nbs-sidebar-border",
  chartCategoricalColors: "--nbs-chart-categorical",
  chartSequentialColors: "--nbs-chart-sequential",
  chartDivergingColors: "--nbs-chart-diverging",
  ...headingVariables(),
  ...paletteVariables(),
};

/** `headingFontSizes` / `headingFontWeights` set one variable per heading level. */
function headingVariables() {
  /** @type {Record<string, string>} */
  const out = {};
  for (let level = 1; level <= 6; level++) {
    out[`headingFontSizes.${level}`] = `--nbs-h${level}-size`;
    out[`headingFontWeights.${level}`] = `--nbs-h${level}-weight`;
  }
  return out;
}

/** Streamlit's seven named colors, each as a solid, a background and a text color. */
function paletteVariables() {
  /** @type {Record<string, string>} */
  const out = {};
  for (const name of ["red", "orange", "yellow", "blue", "green", "violet", "gray"]) {
    out[`${name}Color`] = `--nbs-${name}`;
    out[`${name}BackgroundColor`] = `--nbs-${name}-bg`;
    out[`${name}TextColor`] = `--nbs-${name}-text`;
  }
  return out;
}

/** `[theme.sidebar]`: the sidebar's own background, and the one its widgets get. */
const SIDEBAR_VARIABLES = {
  ...THEME_VARIABLES,
  backgroundColor: "--nbs-sidebar-background",
  secondaryBackgroundColor: "--nbs-sidebar-secondary-background",
};

/** baseRadius keywords, as Streamlit names them; anything else is a CSS length. */
const RADII = { none: "0", small: "0.25rem", medium: "0.5rem", large: "1rem", full: "1.4rem" };

/**
 * A CSS font family from `font`-style options: Streamlit's keywords, a `[[theme.fontFaces]]`
 * family, a "Name:https://...css" entry (the stylesheet is loaded by fonts.js), or a
 * comma-separated list of these.
 * @param {string} value
 */
export function fontFamily(value) {
  const keyword = value.trim().replace("sans-serif", "sans serif");
  if (keyword in FONTS) return FONTS[/** @type {keyof FONTS} */ (keyword)];
  return value
    .split(/,(?![^(]*\))/)
    .map((part) => fontUrl(part)?.name ?? part.trim())
    .filter(Boolean)
    .join(", ");
}

/**
 * The name and stylesheet URL of a "Name:https://..." font entry, or null.
 * @param {string} part
 */
export function fontUrl(part) {
  const m = part.match(/^\s*(['"]?)([^:'"]+)\1\s*:\s*(https?:\/\/\S+)\s*$/);
  return m ? { name: m[2].trim(), url: m[3] } : null;
}

const FONTS = {
  "sans serif": '"Source Sans Pro", "Source Sans 3", -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif',
  serif: '"Source Serif Pro", "Source Serif 4", Georgia, "Times New Roman", serif',
  monospace: '"Source Code Pro", SFMono-Regular, Menlo, Consolas, monospace',
};

/** The host page's base theme. @returns {Base} */
export function hostBase() {
  const flag = document.body?.dataset?.jpThemeLight;
  if (flag === "true") return "light";
  if (flag === "false") return "dark";
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/**
 * Call `onChange` when the host's theme changes (JupyterLab's theme menu, the OS).
 * @param {() => void} onChange
 * @param {AbortSignal} signal
 */
export function watchHost(onChange, signal) {
  if (typeof MutationObserver === "function" && document.body) {
    const observer = new MutationObserver(onChange);
    observer.observe(document.body, { attributes: true, attributeFilter: ["data-jp-theme-light"] });
    signal.addEventListener("abort", () => observer.disconnect());
  }
  if (typeof matchMedia === "function") {
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", onChange, { signal });
  }
}

/**
 * The base and the CSS variables to show.
 * @param {Choice} choice              the Settings choice
 * @param {Record<string, any>} config the app's `[theme]` options
 * @returns {{base: Base, vars: Record<string, string>}}
 */
export function resolveTheme(choice, config) {
  if (choice === "light" || choice === "dark") return { base: choice, vars: {} };
  const base = config.base === "light" || config.base === "dark" ? config.base : hostBase();
  return { base, vars: themeVariables(forBase(config, base), THEME_VARIABLES) };
}

/**
 * The CSS variables of `[theme]`-style options.  Values Streamlit ignores (a weight that
 * is not a multiple of 50, a bare number for a padding, fewer than ten sequential
 * colors...) set nothing, so the default shows.
 * @param {Record<string, any>} config
 * @param {Record<string, string>} table  option -> variable
 * @returns {Record<string, string>}
 */
function themeVariables(config, table) {
  const options = { ...config, ...headingLevels(config) };
  /** @type {Record<string, string>} */
  const vars = {};
  for (const [option, variable] of Object.entries(table)) {
    const value = cssValue(option, options[option]);
    if (value !== null) vars[variable] = value;
  }
  return vars;
}

/** `headingFontSizes` / `headingFontWeights` (one value for all, or a list from h1) per level. */
/** @param {Record<string, any>} config */
function headingLevels(config) {
  /** @type {Record<string, any>} */
  const out = {};
  for (const name of ["headingFontSizes", "headingFontWeights"]) {
    const value = config[name];
    if (value === undefined || value === null) continue;
    for (let level = 1; level <= 6; level++) {
      out[`${name}.${level}`] = Array.isArray(value) ? value[level - 1] : value;
    }
  }
  return out;
}

/** A CSS length from a config value: numbers are pixels, numeric strings too. */
/** @param {any} value */
function length(value) {
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return `${value}px`;
  if (typeof value !== "string" || !value.trim()) return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return `${text}px`;
  return /^\d+(\.\d+)?(px|rem|em)$/.test(text) ? text : null;
}

/** A font weight: an integer multiple of 50 in [low, high]. */
/** @param {any} value @param {number} low @param {number} high */
function weight(value, low, high) {
  const n = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return Number.isInteger(n) && n % 50 === 0 && n >= low && n <= high ? String(n) : null;
}

/** The valid CSS colors of a list (all of them with no CSS.supports to ask). */
/** @param {any} value */
function colors(value) {
  const list = Array.isArray(value) ? value : [];
  const supports = typeof CSS !== "undefined" && typeof CSS.supports === "function";
  return list.filter((c) => typeof c === "string" && c.trim() && (!supports || CSS.supports("color", c)));
}

/**
 * One option's CSS value, or null for none.
 * @param {string} option
 * @param {any} value
 * @returns {string | null}
 */
export function cssValue(option, value) {
  if (value === undefined || value === null) return null;
  switch (option) {
    case "font":
    case "headingFont":
    case "codeFont":
      return typeof value === "string" && value ? fontFamily(value) : null;
    case "baseRadius":
    case "buttonRadius":
      if (typeof value === "number") return `${value}px`;
      return typeof value === "string" && value ? RADII[/** @type {keyof RADII} */ (value)] || value : null;
    case "baseFontSize":
      return Number.isInteger(value) && value > 0 ? `${value}px` : null;
    case "baseFontWeight":
    case "codeFontWeight":
      return weight(value, 100, 600);
    case "metricValueFontWeight":
      return weight(value, 100, 900);
    case "metricValueFontSize":
    case "paddingTop":
    case "paddingBottom":
      // Streamlit ignores unquoted numbers for these.
      return typeof value === "string" ? length(value) : null;
    case "codeFontSize":
      return length(value);
    case "linkUnderline":
      return typeof value === "boolean" ? (value ? "underline" : "none") : null;
    case "showWidgetBorder":
      return typeof value === "boolean" ? (value ? "var(--nbs-border-color)" : "transparent") : null;
    case "showSidebarBorder":
      return typeof value === "boolean" ? (value ? "1px solid var(--nbs-border-color)" : "none") : null;
    case "chartCategoricalColors": {
      const list = colors(value);
      return list.length ? list.join(" ") : null;
    }
    case "chartSequentialColors":
    case "chartDivergingColors": {
      const list = colors(value);
      return list.length === 10 ? list.join(" ") : null;
    }
    default:
      if (option.startsWith("headingFontSizes.")) return length(value);
      if (option.startsWith("headingFontWeights.")) return weight(value, 100, 900);
      return typeof value === "string" && value ? value : null;
  }
}

/**
 * The sidebar's CSS variables, from `[theme.sidebar]` (none under a Settings choice).
 * @param {Choice} choice
 * @param {Record<string, any>} config  the app's `[theme]` options
 */
export function resolveSidebar(choice, config) {
  if (choice === "light" || choice === "dark") return {};
  const base = config.base === "light" || config.base === "dark" ? config.base : hostBase();
  const shared = forBase(config, base);
  const own = shared.sidebar;
  const vars = own && typeof own === "object" ? themeVariables(own, SIDEBAR_VARIABLES) : {};
  // Heading sizes and weights of [theme] are not the sidebar's (as in Streamlit): "initial"
  // makes the sidebar's var() fall back to the default instead of inheriting the app's.
  for (const [name, kind] of [["headingFontSizes", "size"], ["headingFontWeights", "weight"]]) {
    if (shared[name] === undefined || shared[name] === null) continue;
    for (let level = 1; level <= 6; level++) {
      const variable = `--nbs-h${level}-${kind}`;
      if (!(variable in vars)) vars[variable] = "initial";
    }
  }
  return vars;
}

/**
 * The options in force for a base: `[theme]`, then `[theme.light]` or `[theme.dark]`
 * over it (their `sidebar` tables over `[theme.sidebar]`, key by key).
 * @param {Record<string, any>} config
 * @param {Base} base
 * @returns {Record<string, any>}
 */
export function forBase(config, base) {
  const own = config[base];
  const { light: _l, dark: _d, ...shared } = config;
  if (!own || typeof own !== "object") return shared;
  const sidebar = { ...(isTable(shared.sidebar) ? shared.sidebar : {}), ...(isTable(own.sidebar) ? own.sidebar : {}) };
  const merged = { ...shared, ...own };
  if (Object.keys(sidebar).length) merged.sidebar = sidebar;
  else delete merged.sidebar;
  return merged;
}

/** @param {any} value */
function isTable(value) {
  return Boolean(value) && typeof value === "object" && !Array.isArray(value);
}

/**
 * Set `vars` on `el`, removing the theme variables it does not name.
 * @param {HTMLElement} el
 * @param {Record<string, string>} vars
 */
export function applyVariables(el, vars) {
  for (const variable of new Set([...Object.values(THEME_VARIABLES), ...Object.values(SIDEBAR_VARIABLES)])) {
    if (variable in vars) el.style.setProperty(variable, vars[variable]);
    else el.style.removeProperty(variable);
  }
}

/**
 * Show a theme on the app's root element.
 * @param {HTMLElement} root
 * @param {{base: Base, vars: Record<string, string>}} theme
 */
export function applyTheme(root, theme) {
  root.dataset.theme = theme.base;
  applyVariables(root, theme.vars);
}
