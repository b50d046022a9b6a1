// @ts-check
/**
 * Base maps under st.pydeck_chart: MapLibre GL (BSD-3-Clause), loaded on demand and only
 * when the deck sets a map style (`props.base_map`, chosen in
 * nbstream/elements/charts/pydeck_basemap.py), so a deck without one fetches nothing.
 * The map is not interactive: deck.gl's controller moves the view and the map follows it
 * (deck.gl's documented "deck.gl drives a MapLibre map" pattern: `map.jumpTo` on every view
 * state change).  A style that fails to load leaves the layers with a short note.
 */

/** @type {Promise<any> | null} */
let mapLoading = null;

/** MapLibre GL and its styles, loaded when the first base map draws. */
export function loadMapLibre() {
  mapLoading ??= Promise.all([
    import("maplibre-gl"),
    // @ts-expect-error: a stylesheet, which build.mjs bundles as its text
    import("maplibre-gl/dist/maplibre-gl.css"),
  ]).then(([module, css]) => {
    if (!document.getElementById("nbs-maplibre-css")) {
      document.head.append(Object.assign(document.createElement("style"), { id: "nbs-maplibre-css", textContent: css.default }));
    }
    return module.default ?? module;
  });
  return mapLoading;
}

/**
 * The style to draw, or null for none: a URL (http, https, or mapbox:// with a key) or a
 * style object.  Anything else from the wire draws nothing.
 * @param {any} baseMap  the chart's `base_map` prop
 * @returns {{style: string | Record<string, any>, mapboxKey: string | null} | null}
 */
export function chooseStyle(baseMap) {
  if (!baseMap || typeof baseMap !== "object") return null;
  const { style } = baseMap;
  const mapboxKey = typeof baseMap.mapbox_key === "string" && baseMap.mapbox_key ? baseMap.mapbox_key : null;
  if (style && typeof style === "object" && !Array.isArray(style)) return { style, mapboxKey };
  if (typeof style !== "string") return null;
  if (/^https?:\/\//i.test(style)) return { style, mapboxKey };
  if (style.startsWith("mapbox://") && mapboxKey) return { style, mapboxKey };
  return null;
}

/**
 * A `mapbox://` URL (a style, its sprite, glyphs or tiles) as Mapbox's HTTP API spells it,
 * with the key; any other URL unchanged.
 * @param {string} url @param {string | null} key
 */
export function mapboxUrl(url, key) {
  if (!url.startsWith("mapbox://") || !key) return url;
  const rest = url.slice("mapbox://".length);
  const token = `access_token=${encodeURIComponent(key)}`;
  const join = (/** @type {string} */ path) => `https://api.mapbox.com/${path}${path.includes("?") ? "&" : "?"}${token}`;
  let m = rest.match(/^styles\/([^/]+)\/([^/?]+)$/);
  if (m) return join(`styles/v1/${m[1]}/${m[2]}`);
  m = rest.match(/^sprites\/([^/]+)\/([^/?@.]+)(.*)$/);
  if (m) return join(`styles/v1/${m[1]}/${m[2]}/sprite${m[3]}`);
  m = rest.match(/^fonts\/(.+)$/);
  if (m) return join(`fonts/v1/${m[1]}`);
  return join(`v4/${rest}.json?secure`);
}

/** MapLibre's camera for a deck.gl map view state. @param {any} view */
export function cameraOf(view) {
  return {
    center: /** @type {[number, number]} */ ([Number(view?.longitude) || 0, Number(view?.latitude) || 0]),
    zoom: Number(view?.zoom) || 0,
    bearing: Number(view?.bearing) || 0,
    pitch: Number(view?.pitch) || 0,
  };
}

/**
 * Draw the base map into `host` (under the deck's canvas); `onFail` is told once if the
 * style cannot be loaded.
 * @param {HTMLElement} host
 * @param {{style: string | Record<string, any>, mapboxKey: string | null}} chosen
 * @param {any} view  the deck's initial view state
 * @param {(message: string) => void} onFail
 */
export async function mountBaseMap(host, chosen, view, onFail) {
  const maplibregl = await loadMapLibre();
  const { mapboxKey } = chosen;
  const style = typeof chosen.style === "string" ? mapboxUrl(chosen.style, mapboxKey) : chosen.style;
  const map = new maplibregl.Map({
    container: host,
    style,
    interactive: false,
    attributionControl: { compact: true },
    ...cameraOf(view),
    transformRequest: (/** @type {string} */ url) => ({ url: mapboxUrl(url, mapboxKey) }),
  });
  let styled = false;
  let failed = false;
  map.once("style.load", () => {
    styled = true;
  });
  map.on("error", (/** @type {any} */ event) => {
    if (failed || styled) return; // a missing tile once the style is in is not worth a note
    failed = true;
    onFail(String(event?.error?.message || "the map style could not be loaded"));
  });
  return map;
}
