// @ts-check
/**
 * kind -> Component: one entry per element kind (the `kind` the Python element sets).
 * One folder per family, named like its nbstream/elements/<family>/ package; one module per
 * Python module (widgets/time.js draws what elements/widgets/time.py emits).
 */
import * as alerts from "./status/alerts.js";
import * as buttons from "./widgets/buttons.js";
import * as chatInput from "./chat/input.js";
import * as choices from "./widgets/choices.js";
import * as chatMessages from "./chat/messages.js";
import * as charts from "./charts/index.js";
import * as containers from "./layout/containers.js";
import * as declared from "./components/declare.js";
import * as esm from "./components/esm.js";
import * as frames from "./components/frames.js";
import * as jupyter from "./components/jupyter.js";
import * as htmlBody from "./components/html.js";
import * as data from "./data/dataframe.js";
import * as dialog from "./flow/dialog.js";
import * as download from "./widgets/download.js";
import * as feedback from "./widgets/feedback.js";
import * as forms from "./flow/forms.js";
import * as fragments from "./flow/fragments.js";
import * as image from "./media/image.js";
import * as links from "./media/links.js";
import * as menus from "./widgets/menus.js";
import * as moments from "./widgets/moments.js";
import * as playback from "./media/playback.js";
import * as navigation from "./navigation/navigation.js";
import * as numeric from "./widgets/numeric.js";
import * as sliders from "./widgets/sliders.js";
import * as selection from "./widgets/selection.js";
import * as space from "./layout/space.js";
import * as grid from "./layout/grid.js";
import * as status from "./status/live.js";
import * as text from "./text/text.js";
import * as textual from "./widgets/textual.js";
import * as time from "./widgets/time.js";
import * as uploads from "./widgets/uploads.js";
import * as write from "./text/write.js";

/** @typedef {import("../types.js").Component} Component */

/** @type {Record<string, Component>} */
export const components = {
  // components/frames.py, components/html.py, components/declare.py, components/esm.py
  iframe: frames.iframe,
  html: htmlBody.html,
  component_instance: declared.component_instance,
  anywidget_component: esm.anywidget_component,
  jupyter_widget: jupyter.jupyter_widget,
  // text/text.py
  markdown: text.markdown,
  title: text.title,
  header: text.header,
  subheader: text.subheader,
  caption: text.caption,
  code: text.code,
  text: text.text,
  latex: text.latex,
  divider: text.divider,
  // status/alerts.py
  success: alerts.success,
  info: alerts.info,
  warning: alerts.warning,
  error: alerts.error,
  exception: alerts.exception,
  // text/write.py
  help: write.help,
  // widgets/buttons.py
  button: buttons.button,
  // widgets/download.py
  download_button: download.download_button,
  // widgets/selection.py
  checkbox: selection.checkbox,
  toggle: selection.toggle,
  radio: selection.radio,
  selectbox: selection.selectbox,
  multiselect: selection.multiselect,
  // widgets/choices.py
  pills: choices.pills,
  segmented_control: choices.segmented_control,
  // widgets/moments.py
  datetime_input: moments.datetime_input,
  // layout/space.py, layout/grid.py, layout/skeleton.py
  space: space.space,
  grid_container: grid.grid_container,
  skeleton: grid.skeleton,
  // widgets/menus.py
  pagination: menus.pagination,
  menu_button: menus.menu_button,
  // widgets/sliders.py, widgets/numeric.py
  slider: sliders.slider,
  select_slider: sliders.select_slider,
  number_input: numeric.number_input,
  // widgets/textual.py
  text_input: textual.text_input,
  text_area: textual.text_area,
  color_picker: textual.color_picker,
  // widgets/time.py
  date_input: time.date_input,
  time_input: time.time_input,
  // widgets/uploads.py
  file_uploader: uploads.file_uploader,
  camera_input: uploads.camera_input,
  audio_input: uploads.audio_input,
  // media/image.py, media/playback.py, media/documents.py
  image: image.image,
  logo: image.logo,
  audio: playback.audio,
  video: playback.video,
  pdf: playback.pdf,
  link_button: links.link_button,
  // data/dataframe.py, data_editor.py, metric.py, json_tree.py
  dataframe: data.dataframe,
  data_editor: data.data_editor,
  table: data.table,
  metric: data.metric,
  json: data.json,
  // flow/forms.py (form_submit_button is a `button`)
  form: forms.form,
  // flow/fragments.py
  fragment: fragments.fragment,
  // status/live.py (toasts go to the page's event area; balloons and snow float from where they are drawn)
  progress: status.progress,
  spinner: status.spinner,
  status: status.status,
  event: status.event,
  toast: status.toast,
  balloons: status.balloons,
  snow: status.snow,
  // charts/
  line_chart: charts.line_chart,
  area_chart: charts.area_chart,
  bar_chart: charts.bar_chart,
  scatter_chart: charts.scatter_chart,
  altair_chart: charts.altair_chart,
  vega_lite_chart: charts.vega_lite_chart,
  pyplot: charts.pyplot,
  plotly_chart: charts.plotly_chart,
  map: charts.map,
  graphviz_chart: charts.graphviz_chart,
  echarts_chart: charts.echarts_chart,
  pydeck_chart: charts.pydeck_chart,
  // navigation/links.py (the menu is drawn by the sidebar and the shell)
  page_link: navigation.page_link,
  // layout/containers.py (the areas main and sidebar are drawn by the shell)
  columns: containers.columns,
  column: containers.column,
  container: containers.container,
  empty: containers.empty,
  expander: containers.expander,
  tab_container: containers.tab_container,
  tab: containers.tab,
  popover: containers.popover,
  // chat/ (write_stream draws markdown); widgets/feedback.py; flow/dialog.py
  chat_input: chatInput.chat_input,
  chat_message: chatMessages.chat_message,
  feedback: feedback.feedback,
  dialog: dialog.dialog,
  dialog_dismiss: dialog.dialog_dismiss,
};
