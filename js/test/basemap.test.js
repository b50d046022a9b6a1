// @ts-check
import { describe, expect, test } from "vitest";
import { cameraOf, chooseStyle, mapboxUrl } from "../src/components/charts/basemap.js";
import { withoutBaseMap } from "../src/components/charts/pydeck.js";

describe("chooseStyle: which base map a pydeck chart draws", () => {
  test("none by default", () => {
    expect(chooseStyle(null)).toBe(null);
    expect(chooseStyle(undefined)).toBe(null);
  });

  test("a style JSON URL", () => {
    const style = "http://127.0.0.1:8000/style.json";
    expect(chooseStyle({ style, mapbox_key: null })).toEqual({ style, mapboxKey: null });
    const carto = "https://basemaps.cartocdn.com/gl/positron-gl-style/style.json";
    expect(chooseStyle({ style: carto })).toEqual({ style: carto, mapboxKey: null });
  });

  test("a style object", () => {
    const style = { version: 8, sources: {}, layers: [] };
    expect(chooseStyle({ style })).toEqual({ style, mapboxKey: null });
  });

  test("mapbox:// only with a key", () => {
    const style = "mapbox://styles/mapbox/light-v9";
    expect(chooseStyle({ style, mapbox_key: null })).toBe(null);
    expect(chooseStyle({ style, mapbox_key: "" })).toBe(null);
    expect(chooseStyle({ style, mapbox_key: "pk.1" })).toEqual({ style, mapboxKey: "pk.1" });
  });

  test("anything else from the wire draws nothing", () => {
    for (const style of ["javascript:alert(1)", "dark", "file:///etc/passwd", 3, ["x"], null, ""]) {
      expect(chooseStyle({ style })).toBe(null);
    }
    expect(chooseStyle("http://x/style.json")).toBe(null);
  });
});

describe("mapboxUrl", () => {
  test("styles, sprites, fonts and tiles go to Mapbox's API with the key", () => {
    expect(mapboxUrl("mapbox://styles/mapbox/light-v9", "pk.1")).toBe("https://api.mapbox.com/styles/v1/mapbox/light-v9?access_token=pk.1");
    expect(mapboxUrl("mapbox://sprites/mapbox/light-v9@2x.json", "pk.1")).toBe(
      "https://api.mapbox.com/styles/v1/mapbox/light-v9/sprite@2x.json?access_token=pk.1",
    );
    expect(mapboxUrl("mapbox://fonts/mapbox/Open Sans/0-255.pbf", "k")).toBe("https://api.mapbox.com/fonts/v1/mapbox/Open Sans/0-255.pbf?access_token=k");
    expect(mapboxUrl("mapbox://mapbox.mapbox-streets-v8", "k")).toBe("https://api.mapbox.com/v4/mapbox.mapbox-streets-v8.json?secure&access_token=k");
  });

  test("other URLs, or no key, are left alone", () => {
    expect(mapboxUrl("https://tiles.example/a.pbf", "k")).toBe("https://tiles.example/a.pbf");
    expect(mapboxUrl("mapbox://styles/mapbox/light-v9", null)).toBe("mapbox://styles/mapbox/light-v9");
  });
});

test("cameraOf turns deck.gl's view state into MapLibre's camera", () => {
  expect(cameraOf({ latitude: 50.2, longitude: 1.1, zoom: 5, pitch: 30, bearing: 10 })).toEqual({ center: [1.1, 50.2], zoom: 5, pitch: 30, bearing: 10 });
  expect(cameraOf(undefined)).toEqual({ center: [0, 0], zoom: 0, pitch: 0, bearing: 0 });
});

test("the deck's own map settings never reach deck.gl", () => {
  expect(withoutBaseMap({ layers: [], mapStyle: "https://x/style.json", mapProvider: "carto" })).toEqual({ layers: [] });
});
