// @ts-check
/**
 * kind -> Component: one entry per element kind (the `kind` the Python element sets).
 * Families live in modules named like their nbstream/elements/<family>.py.
 */
import * as alerts from "./alerts.js";
import * as buttons from "./buttons.js";
import * as charts from "./charts.js";
import * as containers from "./containers.js";
import * as data from "./data.js";
import * as forms from "./forms.js";
import * as numeric from "./numeric.js";
import * as selection from "./selection.js";
import * as status from "./status.js";
import * as text from "./text.js";
import * as textual from "./textual.js";
import * as time from "./time.js";
import * as write from "./write.js";

/** @typedef {import("../types.js").Component} Component */

/** @type {Record<string, Component>} */
export const components = {
  // text.py
  markdown: text.markdown,
  title: text.title,
  header: text.header,
  subheader: text.subheader,
  caption: text.caption,
  code: text.code,
  text: text.text,
  latex: text.latex,
  divider: text.divider,
  // alerts.py
  success: alerts.success,
  info: alerts.info,
  warning: alerts.warning,
  error: alerts.error,
  exception: alerts.exception,
  // write.py
  help: write.help,
  // buttons.py
  button: buttons.button,
  // selection.py
  checkbox: selection.checkbox,
  toggle: selection.toggle,
  radio: selection.radio,
  selectbox: selection.selectbox,
  multiselect: selection.multiselect,
  // numeric.py
  slider: numeric.slider,
  select_slider: numeric.select_slider,
  number_input: numeric.number_input,
  // textual.py
  text_input: textual.text_input,
  text_area: textual.text_area,
  color_picker: textual.color_picker,
  // time.py
  date_input: time.date_input,
  time_input: time.time_input,
  // data.py, data_editor.py (the grid lives in data/)
  dataframe: data.dataframe,
  data_editor: data.data_editor,
  table: data.table,
  metric: data.metric,
  json: data.json,
  // forms.py (form_submit_button is a `button`)
  form: forms.form,
  // status.py (toast, balloons and snow go to the page's event area)
  progress: status.progress,
  spinner: status.spinner,
  status: status.status,
  event: status.event,
  toast: status.toast,
  balloons: status.balloons,
  snow: status.snow,
  // charts/ (nbstream/elements/charts/)
  line_chart: charts.line_chart,
  area_chart: charts.area_chart,
  bar_chart: charts.bar_chart,
  scatter_chart: charts.scatter_chart,
  altair_chart: charts.altair_chart,
  vega_lite_chart: charts.vega_lite_chart,
  pyplot: charts.pyplot,
  plotly_chart: charts.plotly_chart,
  map: charts.map,
  // containers.py (the areas main and sidebar are drawn by the shell)
  columns: containers.columns,
  column: containers.column,
  container: containers.container,
  empty: containers.empty,
  expander: containers.expander,
  tab_container: containers.tab_container,
  tab: containers.tab,
  popover: containers.popover,
};
