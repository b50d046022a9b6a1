// @ts-check
/**
 * st.echarts_chart: an ECharts option drawn by Apache ECharts (Apache-2.0), loaded on
 * demand like Vega.  Props: `spec` (the option as a JSON blob), `theme` ("streamlit" or
 * null), `renderer` ("canvas" | "svg"), `width`, `height`, `alt`, and with on_select
 * `id`: selections (a series' `selectedMode`, a `brush`) are sent as Streamlit's
 * `{selected: [...], areas: [...]}`.
 *
 * @typedef {import("../../types.js").WireNode} WireNode
 * @typedef {import("../../types.js").ComponentContext} ComponentContext
 * @typedef {import("../../types.js").Mounted} Mounted
 */
import { blobBytes, blobHash } from "./data.js";
import { fillHeight, filledHeight, watchContainer } from "./sizing.js";
import { themeColors, watchTheme } from "./theme.js";

const DEFAULT_HEIGHT = 400;

/** @type {Promise<any> | null} */
let echartsLoading = null;

/** ECharts, loaded when the first chart draws. */
export function loadECharts() {
  echartsLoading ??= import("echarts");
  return echartsLoading;
}

/** The app's look as an ECharts theme. @param {ReturnType<typeof themeColors>} t */
export function streamlitTheme(t) {
  const axis = { axisLine: { lineStyle: { color: t.grid } }, splitLine: { lineStyle: { color: t.grid } }, axisLabel: { color: t.text } };
  return {
    color: t.category,
    backgroundColor: "transparent",
    textStyle: { color: t.text, fontFamily: t.font },
    title: { textStyle: { color: t.text } },
    legend: { textStyle: { color: t.text } },
    categoryAxis: axis,
    valueAxis: axis,
    timeAxis: axis,
    logAxis: axis,
  };
}

/**
 * Streamlit's selection payload from the chart's state: each series' selected data
 * (`selectedMode`), merged with what a brush selected, grouped by series and data type;
 * empty groups left out.
 * @param {any} option  the app's option (series ids and names as the app gave them)
 * @param {{seriesIndex: number, dataIndex: number[], dataType?: string}[]} picks
 * @param {any[]} brushAreas  ECharts' brush areas (coordRange in data coordinates)
 */
export function selectionPayload(option, picks, brushAreas) {
  /** @type {Map<string, Set<number>>} */
  const groups = new Map();
  for (const pick of picks) {
    if (!pick || !Number.isInteger(pick.seriesIndex)) continue;
    const id = `${pick.seriesIndex}|${pick.dataType || "main"}`;
    const set = groups.get(id) ?? new Set();
    for (const i of pick.dataIndex || []) if (Number.isInteger(i) && i >= 0) set.add(i);
    groups.set(id, set);
  }
  const series = Array.isArray(option?.series) ? option.series : option?.series ? [option.series] : [];
  const selected = [...groups]
    .filter(([, set]) => set.size > 0)
    .map(([id, set]) => {
      const [index, dataType] = id.split("|");
      const s = series[Number(index)] || {};
      return {
        series_index: Number(index),
        series_id: typeof s.id === "string" || typeof s.id === "number" ? String(s.id) : null,
        series_name: typeof s.name === "string" || typeof s.name === "number" ? String(s.name) : null,
        data_type: ["node", "edge"].includes(dataType) ? dataType : "main",
        data_indices: [...set].sort((a, b) => a - b),
      };
    })
    .sort((a, b) => a.series_index - b.series_index);
  const areas = (brushAreas || [])
    .filter((a) => a && a.coordRange != null && ["rect", "lineX", "lineY", "polygon"].includes(a.brushType))
    .map((a, i) => ({ brush_index: i, brush_type: a.brushType, coord_range: a.coordRange }));
  return { selected, areas };
}

/** @param {WireNode} node @param {ComponentContext} ctx @returns {Mounted} */
export function echartsChart(node, ctx) {
  const el = document.createElement("div");
  el.className = "nbs-chart nbs-echarts stECharts";
  el.dataset.testid = "stECharts";
  const plot = document.createElement("div");
  plot.className = "nbs-echarts-plot";
  el.append(plot);
  /** @type {any} */
  let chart = null;
  let latest = node;
  let drawnKey = "";
  let option = {};
  let optionHash = "";
  /** @type {any[]} */
  let nativePicks = [];
  /** @type {any[]} */
  let brushPicks = [];
  /** @type {any[]} */
  let brushAreas = [];
  let lastBrush = "";

  const heightOf = (/** @type {any} */ props) =>
    typeof props.height === "number" ? props.height : props.height === "stretch" ? filledHeight(el, DEFAULT_HEIGHT) : DEFAULT_HEIGHT;

  function send() {
    const id = latest.props.id;
    if (!id || !chart) return;
    ctx.setValue(id, selectionPayload(option, [...nativePicks, ...brushPicks], brushAreas));
  }

  /** @param {any} echarts */
  function create(echarts, /** @type {any} */ props) {
    if (chart) chart.dispose();
    const theme = props.theme === "streamlit" ? streamlitTheme(themeColors(el)) : undefined;
    chart = echarts.init(plot, theme, { renderer: props.renderer === "svg" ? "svg" : "canvas" });
    chart.on("selectchanged", (/** @type {any} */ e) => {
      nativePicks = (e.selected || []).map((/** @type {any} */ s) => ({ seriesIndex: s.seriesIndex, dataIndex: s.dataIndex, dataType: s.dataType }));
      send();
    });
    chart.on("brushSelected", (/** @type {any} */ e) => {
      const batch = (e.batch || [])[0] || {};
      brushPicks = (batch.selected || []).map((/** @type {any} */ s) => ({ seriesIndex: s.seriesIndex, dataIndex: s.dataIndex }));
      const areas = batch.areas || [];
      // A brush event also comes when nothing changed (a redraw): only send a change.
      const key = JSON.stringify([brushPicks, areas.map((/** @type {any} */ a) => a.coordRange)]);
      if (key === lastBrush) return;
      lastBrush = key;
      brushAreas = areas;
      send();
    });
  }

  /** @param {WireNode} next */
  async function draw(next) {
    latest = next;
    const { props } = next;
    const hash = blobHash(props.spec);
    if (hash !== optionHash) {
      option = JSON.parse(new TextDecoder().decode(blobBytes(props.spec, ctx)));
      optionHash = hash;
    }
    fillHeight(el, props.height === "stretch");
    el.style.width = typeof props.width === "number" ? `${props.width}px` : "";
    el.style.maxWidth = "100%";
    const height = heightOf(props);
    plot.style.height = `${height}px`;
    if (props.alt) el.setAttribute("aria-label", props.alt);
    else el.removeAttribute("aria-label");
    const colors = props.theme === "streamlit" ? JSON.stringify(themeColors(el)) : "";
    const key = JSON.stringify([hash, props.theme, props.renderer, colors]);
    const echarts = await loadECharts();
    if (ctx.signal.aborted || latest !== next) return;
    if (key !== drawnKey) {
      create(echarts, props);
      chart.setOption(option, { notMerge: true });
      drawnKey = key;
    }
    chart.resize();
    el.dataset.drawn = "true";
  }

  /** @param {WireNode} next */
  function schedule(next) {
    draw(next).catch((/** @type {any} */ err) => {
      el.dataset.drawn = "error";
      plot.textContent = `ECharts chart error: ${err?.message || err}`;
      plot.className = "nbs-chart-error";
    });
  }

  watchTheme(el, () => schedule(latest), ctx.signal);
  const unwatch = watchContainer(el, () => schedule(latest));
  const resize = typeof ResizeObserver === "function" ? new ResizeObserver(() => chart?.resize()) : null;
  resize?.observe(el);
  queueMicrotask(() => schedule(node));
  return {
    el,
    update: schedule,
    destroy() {
      unwatch();
      resize?.disconnect();
      chart?.dispose();
    },
  };
}
