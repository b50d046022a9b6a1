// @ts-check
/**
 * st.map: points on a Web Mercator plane, drawn as SVG over optional raster tiles.
 *
 * Props: `datasets.source` (Arrow: lat, lon, [color], [size]), `color` and `size` (one
 * for all points: CSS color, radius in meters), `zoom` (null: fit the points), `tiles`
 * (null: no basemap; {url, attribution}: a {z}/{x}/{y} raster source), `width`,
 * `height`, `alt`.
 *
 * With no tile source the map needs no network: a graticule with longitude/latitude
 * axes is the background.  Drag pans, the wheel zooms around the pointer.
 *
 * @typedef {import("../../types.js").WireNode} WireNode
 * @typedef {import("../../types.js").ComponentContext} ComponentContext
 * @typedef {import("../../types.js").Mounted} Mounted
 */
import { blobHash, decodeChunks } from "./data.js";
import { fillHeight, filledHeight, watchContainer } from "./sizing.js";

const SVG = "http://www.w3.org/2000/svg";
const TILE = 256;
const EARTH = 40075016.686; // meters around the equator
const MAX_ZOOM = 19;
const MIN_RADIUS = 3; // pixels: a point never vanishes when zoomed out
const STEPS = [0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 45, 90];

/** Longitude/latitude (degrees) -> world coordinates in [0, 1]. @param {number} lon @param {number} lat */
export function project(lon, lat) {
  const s = Math.min(Math.max(Math.sin((lat * Math.PI) / 180), -0.9999), 0.9999);
  return [(lon + 180) / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
}

/** World y in [0, 1] -> latitude. @param {number} y */
export function latitudeOf(y) {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/**
 * The view that shows every point: center (world units) and zoom.
 * @param {number[][]} world  projected points
 * @param {number} width @param {number} height @param {number | null} zoom
 */
export function fitView(world, width, height, zoom) {
  if (!world.length) return { cx: 0.5, cy: 0.5, zoom: zoom ?? 0 };
  const xs = world.map((p) => p[0]);
  const ys = world.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  if (zoom != null) return { cx, cy, zoom };
  const pad = 40;
  const fitX = x1 > x0 ? Math.log2((width - 2 * pad) / ((x1 - x0) * TILE)) : Infinity;
  const fitY = y1 > y0 ? Math.log2((height - 2 * pad) / ((y1 - y0) * TILE)) : Infinity;
  const fit = Math.min(fitX, fitY);
  return { cx, cy, zoom: Number.isFinite(fit) ? Math.max(0, Math.min(fit, 16)) : 10 };
}

/** A tick step giving about `count` ticks over `span` degrees. @param {number} span @param {number} count */
export function tickStep(span, count) {
  const raw = span / Math.max(count, 1);
  return STEPS.find((s) => s >= raw) ?? 90;
}

/** @param {number} value @param {number} step @param {string} pos @param {string} neg */
function degrees(value, step, pos, neg) {
  const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return "0°";
  return `${text}°${value > 0 ? pos : neg}`;
}

/** @param {string} tag @param {Record<string, any>} attrs */
function svg(tag, attrs = {}) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** @param {string} template @param {number} z @param {number} x @param {number} y */
export function tileUrl(template, z, x, y) {
  return template
    .replaceAll("{z}", String(z))
    .replaceAll("{x}", String(x))
    .replaceAll("{y}", String(y))
    .replaceAll("{s}", "abc"[(x + y) % 3])
    .replaceAll("{r}", "");
}

/** @param {WireNode} node @param {ComponentContext} ctx @returns {Mounted} */
export function map(node, ctx) {
  const el = document.createElement("div");
  el.className = "nbs-chart nbs-map";
  el.setAttribute("role", "figure");
  const tiles = document.createElement("div");
  tiles.className = "nbs-map-tiles";
  const plane = svg("svg", { class: "nbs-map-plane" });
  const grid = svg("g", { class: "nbs-map-grid" });
  const points = svg("g", { class: "nbs-map-points" });
  const axes = svg("g", { class: "nbs-map-axes" });
  plane.append(grid, points, axes);
  const credit = document.createElement("div");
  credit.className = "nbs-map-attribution";
  el.append(tiles, plane, credit);

  /** @type {Record<string, any>[]} */
  let rows = [];
  let dataKey = "";
  let props = node.props;
  let view = { cx: 0.5, cy: 0.5, zoom: 0 };
  /** @type {Map<string, HTMLImageElement>} */
  const tileImgs = new Map();
  let frame = 0;

  const heightOf = () => (typeof props.height === "number" ? props.height : filledHeight(el, 500));
  const size = () => ({ w: el.clientWidth || (typeof props.width === "number" ? props.width : 600), h: heightOf() });

  /** @param {WireNode} next */
  function apply(next) {
    props = next.props;
    el.style.width = typeof props.width === "number" ? `${props.width}px` : "100%";
    fillHeight(el, props.height === "stretch");
    el.style.height = `${heightOf()}px`;
    el.setAttribute("aria-label", props.alt || `Map of ${(props.datasets?.source || []).length ? "points" : "nothing"}`);
    const refs = props.datasets?.source || [];
    const key = JSON.stringify([refs.map(blobHash), props.zoom]);
    if (key !== dataKey) {
      rows = decodeChunks(refs, ctx);
      const { w, h } = size();
      view = fitView(rows.map((r) => project(r.lon, r.lat)), w, h, props.zoom ?? null);
      dataKey = key;
    }
    credit.textContent = props.tiles?.attribution || "";
    credit.hidden = !props.tiles?.attribution;
    render();
  }

  function render() {
    const { w, h } = size();
    const scale = TILE * 2 ** view.zoom;
    const toX = (/** @type {number} */ wx) => (wx - view.cx) * scale + w / 2;
    const toY = (/** @type {number} */ wy) => (wy - view.cy) * scale + h / 2;
    plane.setAttribute("viewBox", `0 0 ${w} ${h}`);
    plane.setAttribute("width", String(w));
    plane.setAttribute("height", String(h));
    drawTiles(w, h, scale);
    drawGrid(w, h, scale, toX, toY);
    points.replaceChildren();
    const fallbackColor = props.color || "var(--nbs-primary-color, #ff4b4b)";
    for (const row of rows) {
      const [wx, wy] = project(row.lon, row.lat);
      const meters = row.size ?? props.size ?? 100;
      const perPixel = (EARTH * Math.cos((row.lat * Math.PI) / 180)) / scale;
      const circle = svg("circle", {
        cx: toX(wx).toFixed(1),
        cy: toY(wy).toFixed(1),
        r: Math.max(MIN_RADIUS, meters / perPixel).toFixed(1),
        fill: row.color || fallbackColor,
        "fill-opacity": row.color || props.color ? 1 : 0.78,
      });
      const title = svg("title");
      title.textContent = `${row.lat}, ${row.lon}`;
      circle.append(title);
      points.append(circle);
    }
  }

  /** @param {number} w @param {number} h @param {number} scale @param {(x: number) => number} toX @param {(y: number) => number} toY */
  function drawGrid(w, h, scale, toX, toY) {
    grid.replaceChildren();
    axes.replaceChildren();
    const west = (view.cx - w / 2 / scale) * 360 - 180;
    const east = (view.cx + w / 2 / scale) * 360 - 180;
    const north = latitudeOf(Math.max(0, view.cy - h / 2 / scale));
    const south = latitudeOf(Math.min(1, view.cy + h / 2 / scale));
    const lonStep = tickStep(east - west, w / 110);
    const latStep = tickStep(north - south, h / 70);
    const line = { stroke: "currentColor", "stroke-opacity": 0.12, "stroke-width": 1 };
    const label = { fill: "currentColor", "font-size": 11, "fill-opacity": 0.8 };
    for (let lon = Math.ceil(west / lonStep) * lonStep; lon <= east; lon += lonStep) {
      const x = toX((lon + 180) / 360);
      grid.append(svg("line", { x1: x, x2: x, y1: 0, y2: h, ...line }));
      const text = svg("text", { x, y: h - 6, "text-anchor": "middle", class: "nbs-map-lon", ...label });
      text.textContent = degrees(lon, lonStep, "E", "W");
      axes.append(text);
    }
    for (let lat = Math.ceil(south / latStep) * latStep; lat <= north; lat += latStep) {
      const y = toY(project(0, lat)[1]);
      grid.append(svg("line", { x1: 0, x2: w, y1: y, y2: y, ...line }));
      const text = svg("text", { x: 6, y: y - 3, class: "nbs-map-lat", ...label });
      text.textContent = degrees(lat, latStep, "N", "S");
      axes.append(text);
    }
  }

  /** @param {number} w @param {number} h @param {number} scale */
  function drawTiles(w, h, scale) {
    const template = props.tiles?.url;
    if (!template) {
      tiles.replaceChildren();
      tileImgs.clear();
      return;
    }
    const z = Math.max(0, Math.min(MAX_ZOOM, Math.round(view.zoom)));
    const n = 2 ** z;
    const px = scale / n; // one tile's size on screen
    const x0 = Math.floor((view.cx - w / 2 / scale) * n);
    const x1 = Math.floor((view.cx + w / 2 / scale) * n);
    const y0 = Math.max(0, Math.floor((view.cy - h / 2 / scale) * n));
    const y1 = Math.min(n - 1, Math.floor((view.cy + h / 2 / scale) * n));
    const keep = new Set();
    for (let tx = x0; tx <= x1; tx += 1) {
      for (let ty = y0; ty <= y1; ty += 1) {
        const key = `${z}/${tx}/${ty}`;
        keep.add(key);
        let img = tileImgs.get(key);
        if (!img) {
          img = document.createElement("img");
          img.alt = "";
          img.draggable = false;
          img.src = tileUrl(template, z, ((tx % n) + n) % n, ty);
          tileImgs.set(key, img);
          tiles.append(img);
        }
        img.style.left = `${(tx / n - view.cx) * scale + w / 2}px`;
        img.style.top = `${(ty / n - view.cy) * scale + h / 2}px`;
        img.style.width = img.style.height = `${px + 0.5}px`;
      }
    }
    for (const [key, img] of tileImgs) {
      if (!keep.has(key)) {
        img.remove();
        tileImgs.delete(key);
      }
    }
  }

  function later() {
    if (frame) return;
    /** @type {(f: () => void) => number} */
    const raf = typeof requestAnimationFrame === "function" ? requestAnimationFrame : (f) => Number(setTimeout(f, 16));
    frame = raf(() => {
      frame = 0;
      render();
    });
  }

  // ---- pan and zoom ----------------------------------------------------------------
  /** @type {{x: number, y: number, cx: number, cy: number} | null} */
  let drag = null;
  const opts = { signal: ctx.signal };
  el.addEventListener("pointerdown", (e) => {
    drag = { x: e.clientX, y: e.clientY, cx: view.cx, cy: view.cy };
    el.setPointerCapture?.(e.pointerId);
  }, opts);
  el.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const scale = TILE * 2 ** view.zoom;
    view.cx = drag.cx - (e.clientX - drag.x) / scale;
    view.cy = Math.min(1, Math.max(0, drag.cy - (e.clientY - drag.y) / scale));
    later();
  }, opts);
  el.addEventListener("pointerup", () => { drag = null; }, opts);
  el.addEventListener("pointercancel", () => { drag = null; }, opts);
  el.addEventListener("wheel", (e) => {
    e.preventDefault();
    const rect = el.getBoundingClientRect();
    const { w, h } = size();
    const before = TILE * 2 ** view.zoom;
    const mx = e.clientX - rect.left - w / 2;
    const my = e.clientY - rect.top - h / 2;
    const zoom = Math.max(0, Math.min(MAX_ZOOM, view.zoom - e.deltaY * 0.002));
    const after = TILE * 2 ** zoom;
    view = { cx: view.cx + mx / before - mx / after, cy: view.cy + my / before - my / after, zoom };
    later();
  }, { signal: ctx.signal, passive: false });
  if (typeof ResizeObserver === "function") {
    const observer = new ResizeObserver(() => later());
    observer.observe(el);
    ctx.signal.addEventListener("abort", () => observer.disconnect());
  }

  const unwatch = watchContainer(el, () => props.height === "stretch" && apply({ ...node, props }));
  ctx.signal.addEventListener("abort", unwatch);
  apply(node);
  return { el, update: apply };
}
