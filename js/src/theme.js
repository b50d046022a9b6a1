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
  ...paletteVariables(),
};

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
  return { base, vars: themeVariables(config, THEME_VARIABLES) };
}

/**
 * The CSS variables of `[theme]`-style options.
 * @param {Record<string, any>} config
 * @param {Record<string, string>} table  option -> variable
 * @returns {Record<string, string>}
 */
function themeVariables(config, table) {
  /** @type {Record<string, string>} */
  const vars = {};
  for (const [option, variable] of Object.entries(table)) {
    let value = config[option];
    if (typeof value === "number" && option === "baseRadius") value = `${value}px`;
    if (typeof value !== "string" || !value) continue;
    if (option === "font" || option === "headingFont" || option === "codeFont") {
      value = FONTS[/** @type {keyof FONTS} */ (value)] || value;
    } else if (option === "baseRadius") {
      value = RADII[/** @type {keyof RADII} */ (value)] || value;
    }
    vars[variable] = value;
  }
  return vars;
}

/**
 * The sidebar's CSS variables, from `[theme.sidebar]` (none under a Settings choice).
 * @param {Choice} choice
 * @param {Record<string, any>} config  the app's `[theme]` options
 */
export function resolveSidebar(choice, config) {
  if (choice === "light" || choice === "dark") return {};
  const sidebar = config.sidebar;
  return sidebar && typeof sidebar === "object" ? themeVariables(sidebar, SIDEBAR_VARIABLES) : {};
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
