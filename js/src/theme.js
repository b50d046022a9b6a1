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
};

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
  /** @type {Record<string, string>} */
  const vars = {};
  for (const [option, variable] of Object.entries(THEME_VARIABLES)) {
    const value = config[option];
    if (typeof value !== "string" || !value) continue;
    vars[variable] = option === "font" ? FONTS[/** @type {keyof FONTS} */ (value)] || value : value;
  }
  return { base, vars };
}

/**
 * Show a theme on the app's root element.
 * @param {HTMLElement} root
 * @param {{base: Base, vars: Record<string, string>}} theme
 */
export function applyTheme(root, theme) {
  root.dataset.theme = theme.base;
  for (const variable of Object.values(THEME_VARIABLES)) {
    if (variable in theme.vars) root.style.setProperty(variable, theme.vars[variable]);
    else root.style.removeProperty(variable);
  }
}
