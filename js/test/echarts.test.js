// @vitest-environment jsdom
import { expect, test } from "vitest";
import { selectionPayload, streamlitTheme } from "../src/components/charts/echarts.js";

const OPTION = { series: [{ type: "bar", name: "Sales", id: "s" }, { type: "line" }] };

test("selections are grouped by series and data type, sorted, empty groups left out", () => {
  const payload = selectionPayload(
    OPTION,
    [
      { seriesIndex: 1, dataIndex: [3, 1] },
      { seriesIndex: 0, dataIndex: [2] },
      { seriesIndex: 1, dataIndex: [1, 0] },
      { seriesIndex: 0, dataIndex: [], dataType: "node" },
    ],
    [{ brushType: "rect", coordRange: [[0, 1], [2, 3]] }, { brushType: "rect" }],
  );
  expect(payload).toEqual({
    selected: [
      { series_index: 0, series_id: "s", series_name: "Sales", data_type: "main", data_indices: [2] },
      { series_index: 1, series_id: null, series_name: null, data_type: "main", data_indices: [0, 1, 3] },
    ],
    areas: [{ brush_index: 0, brush_type: "rect", coord_range: [[0, 1], [2, 3]] }],
  });
});

test("graph series keep node and edge selections apart", () => {
  const { selected } = selectionPayload({ series: { type: "graph" } }, [
    { seriesIndex: 0, dataIndex: [1], dataType: "node" },
    { seriesIndex: 0, dataIndex: [0], dataType: "edge" },
  ], []);
  expect(selected.map((g) => [g.data_type, g.data_indices])).toEqual([["node", [1]], ["edge", [0]]]);
});

test("the streamlit theme uses the app's colors and font", () => {
  const theme = streamlitTheme({ dark: false, text: "#111", background: "#fff", secondary: "#eee", primary: "#f00", font: "Source Sans", grid: "#ccc", category: ["#a", "#b"], ramp: [] });
  expect(theme.color).toEqual(["#a", "#b"]);
  expect(theme.textStyle).toEqual({ color: "#111", fontFamily: "Source Sans" });
  expect(theme.valueAxis.splitLine.lineStyle.color).toBe("#ccc");
});
