// @ts-check
/**
 * Media sources: a prop `src` is a blob reference ({"$blob": hash}, bytes the kernel
 * sent with the MIME type it decided), a served-media reference ({"$media": path,
 * session, key}: a large medium the Jupyter server serves with range requests, see
 * nbstream/media_files.py) or an http(s)/data: URL.  Blob bytes become object URLs of
 * exactly that MIME type, made once per hash and kept while shown.  A served medium's
 * URL is the server's, read with a cookie that scopes it to this app's session.
 *
 * @typedef {import("../../types.js").ComponentContext} ComponentContext
 */
import { blobBytes, blobHash } from "../charts/data.js";
import { baseUrl } from "../../static_urls.js";

const SAFE_URL = /^(https?:|data:(image|audio|video)\/)/i;

/**
 * Object URLs of one element: `url(src, mime)` gives the URL for a source, reusing the
 * one made for the same bytes; `release()` revokes those no longer shown.
 * @param {ComponentContext} ctx
 */
export function sources(ctx) {
  /** @type {Map<string, string>} */
  let made = new Map();
  /** @type {Map<string, string>} */
  let used = new Map();
  return {
    /** @param {any} src @param {string | null | undefined} mime @returns {string} */
    url(src, mime) {
      if (typeof src === "string") return SAFE_URL.test(src.trim()) ? src.trim() : "";
      const served = mediaUrl(src);
      if (served !== null) return served;
      const hash = blobHash(src);
      if (!hash) return "";
      const key = `${hash}|${mime || ""}`;
      let url = made.get(key) || used.get(key);
      if (!url) url = objectUrl(blobBytes(src, ctx), mime || "application/octet-stream");
      used.set(key, url);
      return url;
    },
    /** Called after an update: revoke the URLs it no longer uses. */
    release() {
      for (const [key, url] of made) if (!used.has(key) && url.startsWith("blob:")) URL.revokeObjectURL(url);
      made = used;
      used = new Map();
    },
    destroy() {
      for (const url of [...made.values(), ...used.values()]) if (url.startsWith("blob:")) URL.revokeObjectURL(url);
    },
  };
}

const MEDIA_PATH = /^nbstream\/media\/([A-Za-z0-9_-]{16,64})\/[A-Za-z0-9_-]{16,64}$/;
const KEY = /^[A-Za-z0-9_-]{16,64}$/;


/**
 * The URL of a served-media reference, after setting the cookie the server asks for
 * (path-scoped to the session's media); null when `src` is not a well-formed one.
 * @param {any} src
 * @returns {string | null}
 */
export function mediaUrl(src) {
  if (!src || typeof src !== "object" || typeof src.$media !== "string") return null;
  const match = MEDIA_PATH.exec(src.$media);
  if (!match || match[1] !== src.session || typeof src.key !== "string" || !KEY.test(src.key)) return "";
  const base = baseUrl();
  document.cookie = `nbs-media-${match[1]}=${src.key}; path=${base}nbstream/media/${match[1]}/; SameSite=Strict`;
  return `${base}${src.$media}`;
}

/** @param {Uint8Array} bytes @param {string} mime */
function objectUrl(bytes, mime) {
  if (typeof URL.createObjectURL === "function") {
    return URL.createObjectURL(new Blob([/** @type {BlobPart} */ (bytes)], { type: mime }));
  }
  let text = ""; // jsdom: no object URLs
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${mime};base64,${btoa(text)}`;
}

/** A width prop ("stretch" | "content" | px) as CSS on `el`. @param {HTMLElement} el @param {any} width */
export function applyWidth(el, width) {
  el.style.width = width === "stretch" ? "100%" : typeof width === "number" ? `${width}px` : "";
  el.style.maxWidth = "100%";
}
