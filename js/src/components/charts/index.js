// @ts-check
/**
 * Chart components (nbstream/elements/charts/): one module per chart family in
 * charts/, re-exported here under their element kinds.
 */
import { echartsChart } from "./echarts.js";
import { graphvizChart } from "./graphviz.js";
import { map } from "./map.js";
import { plotlyChart } from "./plotly.js";
import { pydeckChart } from "./pydeck.js";
import { pyplot } from "./pyplot.js";
import { vegaChart } from "./vega.js";

export const line_chart = vegaChart;
export const area_chart = vegaChart;
export const bar_chart = vegaChart;
export const scatter_chart = vegaChart;
export const altair_chart = vegaChart;
export const vega_lite_chart = vegaChart;
export const plotly_chart = plotlyChart;
export const graphviz_chart = graphvizChart;
export const echarts_chart = echartsChart;
export const pydeck_chart = pydeckChart;
export { map, pyplot };
