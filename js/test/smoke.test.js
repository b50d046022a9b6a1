// @vitest-environment jsdom
import { afterEach, expect, test } from "vitest";
import { components } from "../src/components/index.js";
import { mount, widget } from "./helpers.js";

afterEach(() => document.body.replaceChildren());

const SAMPLES = {
  markdown: { body: "**hi** :red[x]", unsafe_allow_html: false, help: "tip" },
  title: { body: "Title", anchor: null, help: null, divider: false },
  header: { body: "Header", anchor: "h", help: null, divider: true },
  subheader: { body: "Sub", anchor: false, help: null, divider: "red" },
  caption: { body: "cap", unsafe_allow_html: false, help: null },
  code: { body: "x = 1\ny = 2", language: "python", line_numbers: true, wrap_lines: false },
  text: { body: "plain", help: null },
  latex: { body: "a^2", help: null },
  divider: {},
  success: { body: "ok", icon: "✅" },
  info: { body: "i", icon: ":material/info:" },
  warning: { body: "w", icon: null },
  error: { body: "e", icon: null },
  exception: { type: "ValueError", message: "bad", traceback: ['  File "x.py", line 1, in <module>\n'], is_api_error: false },
  help: { name: "f", type: "function", signature: "(a, b=1)", doc: "Doc.", value: null, members: [{ name: "m", type: "int", doc: "" }] },
  button: widget({ type: "primary", icon: null, use_container_width: false, value: false }),
  download_button: widget({ type: "secondary", icon: null, use_container_width: false, value: false, file_name: "a.txt", mime: "text/plain", size: 3, ignore_click: false }),
  checkbox: widget({ value: true }),
  toggle: widget({ value: false }),
  radio: widget({ options: ["a", "b"], value: 0, horizontal: false, captions: null }),
  selectbox: widget({ options: ["a", "b"], value: 1, placeholder: "Choose an option" }),
  multiselect: widget({ options: ["a", "b", "c"], value: [2], max_selections: null, placeholder: "Choose an option" }),
  pills: widget({ options: ["a", ":material/home: b"], selection_mode: "multi", required: false, value: [1], width: "content", wrap: null }),
  segmented_control: widget({ options: ["a", "b"], selection_mode: "single", required: true, value: 0, width: "stretch", wrap: null }),
  datetime_input: widget({ value: "2025-03-04T10:17", min_value: "2015-03-04T00:00", max_value: "2035-03-04T23:59", format: "YYYY/MM/DD", step: 900, required: false, width: "stretch" }),
  space: { size: "medium" },
  grid_container: { columns: 3, min_column_width: "auto", wrap: true, row_gap: "small", column_gap: "large", vertical_alignment: "top", border: true, row_height: "content", width: "stretch", height: "content", key: null, dense: false },
  skeleton: { height: 120, width: "stretch" },
  pagination: { id: "w1", num_pages: 12, default: 3, max_visible_pages: 7, width: "content", disabled: false, value: 3 },
  menu_button: widget({ options: ["CSV", "JSON"], type: "secondary", icon: null, width: "content", wrap: null, value: null }),
  slider: widget({ min_value: 0, max_value: 100, step: 1, format: "%d", data_type: "int", value: 25 }),
  select_slider: widget({ options: ["s", "m", "l"], value: [0, 2] }),
  number_input: widget({ min_value: 0, max_value: 10, step: 1, format: "%d", data_type: "int", placeholder: null, value: 3 }),
  text_input: widget({ max_chars: null, type: "default", placeholder: null, autocomplete: "", value: "hi" }),
  text_area: widget({ height: null, max_chars: null, placeholder: null, value: "hi" }),
  color_picker: widget({ value: "#f00" }),
  date_input: widget({ min_value: "2020-01-01", max_value: "2030-01-01", format: "YYYY/MM/DD", is_range: false, value: "2024-05-31" }),
  time_input: widget({ step: 900, value: "12:30" }),
  columns: { gap: "small", vertical_alignment: "top", border: false },
  column: { weight: 0.5, gap: "small", border: false },
  container: { height: null, border: false, key: null },
  empty: {},
  form: { form_id: "f", clear_on_submit: false, enter_to_submit: true, border: true, has_submit_button: true },
  fragment: { fragment_id: "f1", name: "part", run_every: null },
  progress: { value: 40, text: "Loading" },
  spinner: { text: "Wait", show_time: true, started: 0 },
  status: { label: "Working", expanded: false, state: "running", initially_expanded: false },
  event: {},
  toast: { body: "Saved", icon: "✅", nonce: 1 },
  balloons: { nonce: 1 },
  snow: { nonce: 1 },
  expander: { label: "More", expanded: false, icon: null },
  tab_container: { labels: ["A", "B"] },
  tab: { label: "A" },
  page_link: { label: "Home", icon: "🏠", help: null, disabled: false, use_container_width: false, query_params: {}, url: null, page: "home", current: false },
  popover: { label: "Open", help: null, icon: null, disabled: false, use_container_width: false },
  chat_input: { id: "c", placeholder: "Your message", max_chars: null, disabled: false, position: "bottom", width: "stretch", value: null },
  chat_message: { name: "user", avatar_type: "icon", avatar: "user", avatar_image: null, width: "stretch" },
  feedback: { id: "f", options: "thumbs", disabled: false, width: "content", value: null },
  dialog: { title: "Hi", width: "small", dismissible: true, dismiss_id: null },
  dialog_dismiss: {},
  // data (test/dataframe.test.js draws them with Arrow data)
  dataframe: { columns: [], rows: 0, data: null, whole: true, tail: [], version: 0, width: "stretch", height: "auto", selection_mode: [] },
  data_editor: widget({ columns: [], rows: 0, data: null, whole: true, tail: [], version: "", width: "stretch", height: "auto", num_rows: "dynamic", base_rows: 0, editable: true, value: { edited_rows: {}, added_rows: [], deleted_rows: [] } }),
  table: { columns: [], rows: 0, data: null, whole: true, tail: [], version: 0 },
  metric: { label: "Temp", body: "70 °F", delta: "1.2 °F", delta_color: "normal", direction: "up", color: "green", help: null, label_visibility: "visible", border: false },
  json: { body: '{"a": [1, 2, {"b": null}]}', expanded: true, max_expand_depth: null },
  // charts (drawn asynchronously; test/charts.test.js draws them with data)
  ...Object.fromEntries(
    ["line_chart", "area_chart", "bar_chart", "scatter_chart", "altair_chart", "vega_lite_chart"].map((kind) => [
      kind,
      { spec: { mark: "point" }, datasets: {}, width: "stretch", height: "content", theme: "streamlit", alt: null },
    ]),
  ),
  file_uploader: widget({ types: [".csv"], max_bytes: 1024, multiple: true, width: "stretch", value: [{ file_id: "f", name: "a.csv", type: "text/csv", size: 3 }] }),
  camera_input: widget({ types: [".jpg"], max_bytes: 1024, multiple: false, width: "stretch", value: [] }),
  audio_input: widget({ types: [".wav"], max_bytes: 1024, multiple: false, width: "stretch", sample_rate: 16000, value: [] }),
  image: { images: [{ src: "https://example.com/a.png", mime: null, size: [2, 2], caption: "cap" }], width: "content" },
  logo: { image: { src: "https://example.com/a.png", mime: null, size: null }, icon_image: null, size: "medium", link: "https://example.com" },
  audio: { src: "https://example.com/a.mp3", mime: "audio/mpeg", start_time: 1, end_time: null, loop: false, autoplay: false, width: "stretch" },
  video: { src: "https://example.com/v.mp4", mime: "video/mp4", start_time: 0, end_time: 5, loop: true, autoplay: false, muted: true, width: 300, subtitles: [] },
  pdf: { src: "https://example.com/d.pdf", mime: "application/pdf", height: 300, key: null },
  link_button: { label: "Go", url: "https://example.com", help: null, type: "primary", icon: null, disabled: false, use_container_width: false },
  pyplot: { image: null, natural_width: 100, width: "stretch", alt: null },
  iframe: { srcdoc: "<p>x</p>", width: null, height: 150, scrolling: false, tab_index: null, sandbox: "allow-scripts" },
  html: { body: "<b>x</b>", width: "stretch" },
  anywidget_component: widget({ esm: "export default { render() {} }", css: null, args: {}, value: { json: null } }),
  jupyter_widget: { id: "w1", model_id: "m1", trait: "value", widget_class: "ipywidgets.IntSlider", value: {} },
  component_instance: widget({ name: "c", source: { url: "http://localhost:3001" }, args: { a: 1 }, dfs: [], tab_index: null, value: { json: null } }),
  plotly_chart: { figure: null, config: {}, theme: "streamlit", width: "stretch", height: "content", alt: null },
  echarts_chart: { spec: null, theme: "streamlit", renderer: "canvas", width: "stretch", height: "content", alt: null, key: null, selecting: false },
  pydeck_chart: { spec: null, tooltip: null, width: "stretch", height: 500, alt: null, selection_mode: null },
  graphviz_chart: { spec: "digraph { a -> b }", engine: "dot", width: "content", height: "content", alt: null },
  map: { datasets: { source: [] }, color: null, size: 100, zoom: null, tiles: null, width: "stretch", height: 500, alt: null },
};

test("every kind mounts and updates with its sample props", async () => {
  expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(components).sort());
  const asked = {};
  for (const [kind, props] of Object.entries(SAMPLES)) {
    const { el, update, ctx } = mount(kind, props);
    expect(el).toBeInstanceOf(HTMLElement);
    update({});
    asked[kind] = ctx.requests;
  }
  // A request the kernel cannot answer is not asked again and again (each redraw after a
  // failure used to ask anew, without end).
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (const [kind, requests] of Object.entries(asked)) expect([kind, requests.length <= 2]).toEqual([kind, true]);
});
