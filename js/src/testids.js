// @ts-check
/**
 * The class names and `data-testid`s Streamlit gives its elements, so CSS written for a
 * Streamlit app (`.stButton > button`, `[data-testid="stSidebar"]`, `div.block-container`)
 * restyles the same elements here.  The shell sets them on each element's root (patch.js)
 * and on the app's areas (view.js).  Most kinds follow one rule, st + CamelCase(kind);
 * the rest are listed.  App CSS reaches only its own app: see scopeStyles.
 */

/** @type {Record<string, string>} */
const NAMED = {
  root: "stAppViewContainer",
  main: "stMainBlockContainer",
  sidebar: "stSidebar",
  title: "stHeading",
  header: "stHeading",
  subheader: "stHeading",
  markdown: "stMarkdown",
  latex: "stMarkdown",
  help: "stHelp",
  success: "stAlert",
  info: "stAlert",
  warning: "stAlert",
  error: "stAlert",
  dataframe: "stDataFrame",
  data_editor: "stDataFrame",
  multiselect: "stMultiSelect",
  toggle: "stCheckbox",
  select_slider: "stSlider",
  line_chart: "stVegaLiteChart",
  area_chart: "stVegaLiteChart",
  bar_chart: "stVegaLiteChart",
  scatter_chart: "stVegaLiteChart",
  altair_chart: "stVegaLiteChart",
  vega_lite_chart: "stVegaLiteChart",
  pyplot: "stImage",
  map: "stDeckGlJsonChart",
  columns: "stHorizontalBlock",
  container: "stVerticalBlock",
  form: "stForm",
  tab_container: "stTabs",
  tab: "stTab",
  status: "stExpander",
};

/** Streamlit's test id (and class name) for an element kind. */
export function testId(/** @type {string} */ kind) {
  return NAMED[kind] ?? `st${kind.replace(/(^|_)([a-z])/g, (_, __, c) => c.toUpperCase())}`;
}

/**
 * Mark an element's root as Streamlit marks it.
 * @param {HTMLElement} el @param {string} id
 */
export function markAs(el, id) {
  el.classList.add(id);
  el.dataset.testid = id;
}

let styles = 0;

/**
 * Confine the `<style>` elements an app writes (st.markdown(..., unsafe_allow_html=True))
 * to that app: each becomes `@scope (the .nbs-app holding this style) { ... }`, so in
 * JupyterLab an app's CSS never restyles Lab or another app.  `@import`, which cannot
 * be nested, is dropped.
 * @param {ParentNode} fragment
 */
export function scopeStyles(fragment) {
  for (const style of fragment.querySelectorAll("style")) {
    if (style.dataset.nbsScoped) continue;
    styles += 1;
    const id = `nbs-style-${styles}`;
    style.id = id;
    style.dataset.nbsScoped = "true";
    const css = (style.textContent || "").replace(/@import[^;]*;/g, "");
    style.textContent = `@scope (.nbs-app:has(#${id})) {\n${css}\n}`;
  }
}
