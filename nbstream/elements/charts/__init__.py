"""Chart elements, one module per family: built-in charts (Vega-Lite specs made here),
Altair and Vega-Lite, Matplotlib, Plotly, maps, Graphviz, ECharts and pydeck.

Altair, Matplotlib and Plotly are optional (``pip install nbstream[charts]``): each is
imported only when its element is called.
"""

from nbstream.elements.charts.builtin import area_chart, bar_chart, line_chart, scatter_chart
from nbstream.elements.charts.echarts import echarts_chart
from nbstream.elements.charts.graphviz import graphviz_chart
from nbstream.elements.charts.map import map
from nbstream.elements.charts.plotly import plotly_chart
from nbstream.elements.charts.pydeck import pydeck_chart
from nbstream.elements.charts.pyplot import pyplot
from nbstream.elements.charts.vega import altair_chart, vega_lite_chart

CHART_KINDS = (
    "line_chart", "area_chart", "bar_chart", "scatter_chart", "altair_chart", "vega_lite_chart",
    "pyplot", "plotly_chart", "map", "graphviz_chart", "echarts_chart", "pydeck_chart",
)  # fmt: skip

__all__ = [
    "CHART_KINDS",
    "altair_chart",
    "area_chart",
    "bar_chart",
    "echarts_chart",
    "graphviz_chart",
    "line_chart",
    "map",
    "plotly_chart",
    "pydeck_chart",
    "pyplot",
    "scatter_chart",
    "vega_lite_chart",
]
