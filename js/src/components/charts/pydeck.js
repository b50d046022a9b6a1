// @ts-check
/**
 * st.pydeck_chart: deck.gl JSON (pydeck's `Deck.to_json()`) drawn by deck.gl (MIT), whose
 * JSON converter turns `@@type` classes and `@@=` accessors into layers.  Loaded on
 * demand like Vega.  Props: `spec` (JSON blob), `tooltip` (pydeck's tooltip: true, or
 * {text} / {html} with {field} placeholders), `width`, `height`, `alt`, and with
 * on_select `id` and `selection_mode`.
 *
 * The deck's own `mapStyle`/`mapProvider` are dropped: a base map is drawn (basemap.js,
 * MapLibre GL on demand) only from the `base_map` prop, which the Python side sets when
 * the app configures a style; without one nothing is asked of Mapbox or Carto and the
 * layers are drawn over the app's background.
 *
 * @typedef {import("../../types.js").WireNode} WireNode
 * @typedef {import("../../types.js").ComponentContext} ComponentContext
 * @typedef {import("../../types.js").Mounted} Mounted
 */
import DOMPurify from "dompurify";
import { cameraOf, chooseStyle, mountBaseMap } from "./basemap.js";
import { blobBytes, blobHash } from "./data.js";
import { fillHeight, filledHeight, watchContainer } from "./sizing.js";

const DEFAULT_HEIGHT = 500;

/** @type {Promise<{Deck: any, convert: (json: any) => any}> | null} */
let deckLoading = null;

/** deck.gl, its layers and its JSON converter, loaded when the first deck draws. */
export function loadDeck() {
  deckLoading ??= Promise.all([
    import("@deck.gl/core"),
    import("@deck.gl/layers"),
    import("@deck.gl/aggregation-layers"),
    import("@deck.gl/json"),
  ]).then(([core, layers, aggregation, json]) => {
    const classes = { ...pick(layers), ...pick(aggregation), MapView: core.MapView, OrbitView: core.OrbitView, OrthographicView: core.OrthographicView, FirstPersonView: core.FirstPersonView };
    const converter = new json.JSONConverter({ configuration: new json.JSONConfiguration({ classes }) });
    return { Deck: core.Deck, convert: (/** @type {any} */ spec) => converter.convert(spec) };
  });
  return deckLoading;
}

/** A module's classes (functions named with a capital). @param {Record<string, any>} module */
function pick(module) {
  return Object.fromEntries(Object.entries(module).filter(([k, v]) => typeof v === "function" && /^[A-Z]/.test(k)));
}

/** The deck's JSON without what would fetch a base map. @param {Record<string, any>} spec */
export function withoutBaseMap(spec) {
  const { mapStyle, mapProvider, map_style, map_provider, google_maps_key, mapbox_key, ...rest } = spec;
  return rest;
}

/**
 * Fill pydeck tooltip placeholders (`{field}`) from a picked object.
 * @param {string} template @param {Record<string, any>} object
 */
export function fillTooltip(template, object) {
  return template.replace(/\{([^{}]+)\}/g, (whole, name) => {
    const value = object?.[name.trim()] ?? object?.properties?.[name.trim()];
    return value === undefined || value === null ? whole : String(value);
  });
}

/**
 * The selection after a click on `info` (deck.gl's pick), as Streamlit reports it.
 * @param {{indices: Record<string, number[]>, objects: Record<string, any[]>}} current
 * @param {{layer?: {id: string} | null, index: number, object?: any}} info
 * @param {string} mode  "single-object" | "multi-object"
 */
export function nextSelection(current, info, mode) {
  if (!info.layer || info.index < 0 || info.object === undefined) return { indices: {}, objects: {} };
  const id = info.layer.id;
  const object = JSON.parse(JSON.stringify(info.object ?? null)) ?? {};
  if (mode !== "multi-object") return { indices: { [id]: [info.index] }, objects: { [id]: [object] } };
  const indices = { ...current.indices };
  const objects = { ...current.objects };
  const at = (indices[id] || []).indexOf(info.index);
  if (at >= 0) {
    indices[id] = indices[id].filter((_, i) => i !== at);
    objects[id] = objects[id].filter((_, i) => i !== at);
    if (!indices[id].length) {
      delete indices[id];
      delete objects[id];
    }
  } else {
    indices[id] = [...(indices[id] || []), info.index];
    objects[id] = [...(objects[id] || []), object];
  }
  return { indices, objects };
}

/** @param {WireNode} node @param {ComponentContext} ctx @returns {Mounted} */
export function pydeckChart(node, ctx) {
  const el = document.createElement("div");
  el.className = "nbs-chart nbs-pydeck stDeckGlJsonChart";
  el.dataset.testid = "stDeckGlJsonChart";
  const tip = document.createElement("div");
  tip.className = "nbs-pydeck-tooltip";
  tip.hidden = true;
  el.append(tip);
  /** @type {any} */
  let deck = null;
  let latest = node;
  let specHash = "";
  /** @type {any} */
  let converted = null;
  /** @type {{indices: Record<string, number[]>, objects: Record<string, any[]>}} */
  let selection = { indices: {}, objects: {} };
  /** @type {any} */
  let map = null;
  let mapKey = "null";

  const heightOf = (/** @type {any} */ props) => (typeof props.height === "number" ? props.height : filledHeight(el, DEFAULT_HEIGHT));

  /** @param {any} info */
  function hover(info) {
    const tooltip = latest.props.tooltip;
    if (!tooltip || !info?.object) {
      tip.hidden = true;
      return;
    }
    if (tooltip === true) tip.textContent = JSON.stringify(info.object);
    else if (typeof tooltip.html === "string") tip.innerHTML = DOMPurify.sanitize(fillTooltip(tooltip.html, info.object));
    else tip.textContent = fillTooltip(String(tooltip.text ?? ""), info.object);
    tip.style.left = `${info.x + 12}px`;
    tip.style.top = `${info.y + 12}px`;
    tip.hidden = false;
  }

  /** @param {any} info */
  function click(info) {
    const { id, selection_mode: mode } = latest.props;
    if (!id) return;
    selection = nextSelection(selection, info, mode);
    ctx.setValue(id, selection);
  }

  /** The base map the props ask for, replacing the one drawn if it differs. @param {any} props */
  function baseMap(props) {
    const chosen = chooseStyle(props.base_map);
    const key = JSON.stringify(chosen);
    if (key === mapKey) return;
    mapKey = key;
    map?.remove();
    map = null;
    el.querySelector(".nbs-pydeck-basemap")?.remove();
    el.querySelector(".nbs-pydeck-note")?.remove();
    delete el.dataset.basemap;
    if (!chosen) return;
    const host = document.createElement("div");
    host.className = "nbs-pydeck-basemap";
    el.prepend(host);
    const note = (/** @type {string} */ message) => {
      if (mapKey !== key) return;
      el.dataset.basemap = "error";
      const box = document.createElement("div");
      box.className = "nbs-pydeck-note";
      box.textContent = "Base map unavailable";
      box.title = message;
      el.append(box);
    };
    mountBaseMap(host, chosen, converted?.initialViewState, note).then(
      (made) => {
        if (mapKey !== key || ctx.signal.aborted) return made.remove();
        map = made;
        made.once("style.load", () => {
          if (mapKey === key) el.dataset.basemap = "loaded";
        });
      },
      (/** @type {any} */ err) => note(String(err?.message || err)),
    );
  }

  /** @param {WireNode} next */
  async function draw(next) {
    latest = next;
    const { props } = next;
    fillHeight(el, props.height === "stretch");
    el.style.width = typeof props.width === "number" ? `${props.width}px` : "100%";
    el.style.maxWidth = "100%";
    el.style.height = `${heightOf(props)}px`;
    if (props.alt) el.setAttribute("aria-label", props.alt);
    const { Deck, convert } = await loadDeck();
    if (ctx.signal.aborted || latest !== next) return;
    const hash = blobHash(props.spec);
    if (hash !== specHash) {
      const spec = withoutBaseMap(JSON.parse(new TextDecoder().decode(blobBytes(props.spec, ctx))));
      converted = convert(spec);
      specHash = hash;
      if (deck) deck.setProps({ ...converted, initialViewState: converted.initialViewState });
      map?.jumpTo(cameraOf(converted.initialViewState));
    }
    if (!deck) {
      deck = new Deck({
        ...converted,
        parent: el,
        controller: converted.controller ?? true,
        onHover: hover,
        onClick: click,
        onViewStateChange: (/** @type {any} */ { viewState }) => {
          map?.jumpTo(cameraOf(viewState));
        },
        useDevicePixels: true,
      });
    }
    deck.setProps({ width: "100%", height: "100%" });
    baseMap(props);
    el.dataset.drawn = "true";
  }

  /** @param {WireNode} next */
  function schedule(next) {
    draw(next).catch((/** @type {any} */ err) => {
      el.dataset.drawn = "error";
      const box = document.createElement("div");
      box.className = "nbs-chart-error";
      box.textContent = `pydeck chart error: ${err?.message || err}`;
      el.replaceChildren(box);
    });
  }

  const unwatch = watchContainer(el, () => latest.props.height === "stretch" && schedule(latest));
  queueMicrotask(() => schedule(node));
  return {
    el,
    update: schedule,
    destroy() {
      unwatch();
      deck?.finalize();
      map?.remove();
    },
  };
}
