// @ts-check
/**
 * Declared components (elements/components/declare.py): a frame that speaks Streamlit's
 * component protocol (streamlit-component-lib).
 *
 * The frame announces itself (`streamlit:componentReady`); it then gets a
 * `streamlit:render` event with its args (JSON, bytes as Uint8Array, DataFrames as Arrow
 * IPC in `dfs`), `disabled` and the theme, again after every run.  It sends
 * `streamlit:setComponentValue` (JSON, bytes or an Arrow table), which commits the
 * widget's value, and `streamlit:setFrameHeight`.
 *
 * Only messages whose source is this component's own frame are read: a frame cannot
 * speak for another component, and nothing it sends names a widget.  The frame is
 * sandboxed without same-origin, so it cannot reach this page either.
 */
import { h } from "../_base.js";
import { sizeFrame } from "./frames.js";
import { baseUrl } from "../../static_urls.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").ComponentContext} ComponentContext */

export const SANDBOX =
  "allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-scripts allow-downloads";
export const MAX_VALUE_CHARS = 7_000_000; // under the kernel's message limit
const MAX_HEIGHT = 100_000;
const INITIAL_HEIGHT = 150;


/**
 * Where the component's index.html is: its registered build folder or its dev server.
 * @param {Record<string, any>} source
 */
export function frameUrl(source) {
  const query = `streamlitUrl=${encodeURIComponent(location.href)}`;
  if (typeof source.cid === "string" && /^[0-9a-f]{16}$/.test(source.cid)) {
    return `${baseUrl()}nbstream/components/${source.cid}/index.html?${query}`;
  }
  const url = String(source.url ?? "about:blank");
  return `${url}${url.includes("?") ? "&" : "?"}${query}`;
}

/** @param {DataView | ArrayBuffer | undefined} buf */
function bytesOf(buf) {
  if (!buf) return new Uint8Array(0);
  if (buf instanceof ArrayBuffer) return new Uint8Array(buf.slice(0));
  return new Uint8Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

/**
 * Props -> what the frame sees: {"$blob": hash} becomes a Uint8Array.
 * @param {any} value @param {ComponentContext} ctx @returns {any}
 */
export function resolveBlobs(value, ctx) {
  if (Array.isArray(value)) return value.map((v) => resolveBlobs(v, ctx));
  if (value && typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === "$blob") return bytesOf(ctx.blob(value.$blob));
    /** @type {Record<string, any>} */
    const out = {};
    for (const k of keys) out[k] = resolveBlobs(value[k], ctx);
    return out;
  }
  return value;
}

/**
 * The theme object and its base, read from the app's CSS variables where `el` sits.
 * @param {HTMLElement} el
 */
export function themeOf(el) {
  const root = /** @type {HTMLElement | null} */ (el.closest("[data-theme]"));
  const style = getComputedStyle(root ?? el);
  const v = (/** @type {string} */ name) => style.getPropertyValue(name).trim();
  return {
    base: root?.dataset.theme === "dark" ? "dark" : "light",
    primaryColor: v("--nbs-primary-color"),
    backgroundColor: v("--nbs-background-color"),
    secondaryBackgroundColor: v("--nbs-secondary-background-color"),
    textColor: v("--nbs-text-color"),
    font: v("--nbs-font"),
  };
}

/** @param {Uint8Array} bytes */
function base64(bytes) {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

/**
 * A `setComponentValue` message -> the widget's wire value, or undefined to drop it.
 * @param {any} value @param {any} dataType
 */
export function toWire(value, dataType) {
  try {
    if (dataType === "bytes") {
      if (!(value instanceof Uint8Array)) return undefined;
      return value.length * 4 / 3 < MAX_VALUE_CHARS ? { bytes: base64(value) } : undefined;
    }
    if (dataType === "dataframe") {
      const data = value?.data;
      if (!(data instanceof Uint8Array) || data.length * 4 / 3 >= MAX_VALUE_CHARS) return undefined;
      return { dataframe: base64(data) };
    }
    if (dataType !== undefined && dataType !== "json") return undefined;
    const text = JSON.stringify(value === undefined ? null : value);
    if (text === undefined || text.length > MAX_VALUE_CHARS) return undefined;
    return { json: JSON.parse(text) };
  } catch {
    return undefined; // cyclic or otherwise not JSON
  }
}

/** @type {Component} */
export function component_instance(node, ctx) {
  const frame = /** @type {HTMLIFrameElement} */ (
    h("iframe", { class: "nbs-component-frame", sandbox: SANDBOX, allow: "clipboard-write" })
  );
  // Until the component sets its height: some (AG Grid) lay out only in a visible frame.
  frame.style.height = `${INITIAL_HEIGHT}px`;
  const el = h("div", { class: "nbs-component" }, frame);
  let props = node.props;
  let ready = false;
  let src = "";

  const render = () => {
    if (!ready || !frame.contentWindow) return;
    const dfs = (props.dfs ?? []).map((/** @type {Record<string, any>} */ d) => ({
      key: d.key,
      value: { data: { data: resolveBlobs(d.data, ctx), index: resolveBlobs(d.index, ctx), columns: resolveBlobs(d.columns, ctx) } },
    }));
    frame.contentWindow.postMessage(
      {
        type: "streamlit:render",
        args: resolveBlobs(props.args ?? {}, ctx),
        dfs,
        disabled: Boolean(props.disabled),
        theme: themeOf(el),
      },
      "*",
    );
  };

  /** @param {MessageEvent} ev */
  const onMessage = (ev) => {
    if (ev.source !== frame.contentWindow || ev.source === null) return;
    const msg = ev.data;
    if (!msg || typeof msg !== "object" || msg.isStreamlitMessage !== true) return;
    if (msg.type === "streamlit:componentReady") {
      ready = true;
      render();
    } else if (msg.type === "streamlit:setFrameHeight") {
      const height = msg.height;
      if (typeof height === "number" && Number.isFinite(height) && height >= 0) {
        frame.style.height = `${Math.min(Math.ceil(height), MAX_HEIGHT)}px`;
      }
    } else if (msg.type === "streamlit:setComponentValue") {
      if (props.disabled || !ready) return;
      const wire = toWire(msg.value, msg.dataType);
      if (wire !== undefined) ctx.setValue(props.id, wire);
    }
  };
  window.addEventListener("message", onMessage, { signal: ctx.signal });

  /** @param {Record<string, any>} p */
  const update = (p) => {
    props = p;
    frame.title = String(p.name ?? "component");
    if (typeof p.tab_index === "number") frame.tabIndex = p.tab_index;
    const next = frameUrl(p.source ?? {});
    if (next !== src) {
      src = next;
      ready = false;
      frame.src = next;
    } else {
      render();
    }
  };
  sizeFrame(frame, { scrolling: false, tab_index: node.props.tab_index });
  update(node.props);
  return { el, update: (n) => update(n.props) };
}
