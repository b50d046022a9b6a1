// @ts-check
/** Voila shows the notebook's outputs in a page: make that page the app's. */

import { baseUrl } from "./static_urls.js";

export function prepareVoilaPage(/** @type {AbortSignal} */ signal) {
  document.body.classList.add("nbs-voila-page");
  ensureXsrfCookie();
  // The view is in the page by the next frame (anywidget attaches it after render).
  requestAnimationFrame(fillWindowIfSole);
  signal.addEventListener("abort", () => {
    document.body.classList.remove("nbs-voila-page");
    requestAnimationFrame(fillWindowIfSole);
  });
}

/**
 * A page with one app is that app: it fills the window, as Streamlit's page does.  A
 * notebook with several apps shows each as tall as its content (no empty screens between).
 */
export function fillWindowIfSole() {
  const apps = document.querySelectorAll(".nbs-app.nbs-voila");
  for (const app of apps) app.classList.toggle("nbs-voila-sole", apps.length === 1);
}

/**
 * Voila shuts a tab's kernel down with a beacon that carries the `_xsrf` cookie, but
 * its page never sets that cookie, so the server refuses the beacon and the kernel
 * leaks (voila#1458).  Set a random token, as the server would: the beacon's argument
 * then matches the cookie and the XSRF check passes with protection left on.
 */
export function ensureXsrfCookie() {
  if (/(^|;\s*)_xsrf=/.test(document.cookie)) return;
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const token = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  document.cookie = `_xsrf=${token}; path=${baseUrl()}; SameSite=Strict`;
}

// ---- a multipage app's page in the URL ---------------------------------------------------------
// Voila's own URL stays; the page is the `page` query parameter (none for the default page),
// the other parameters are st.query_params.  Only Voila pages show the app's page in the URL.

export const PAGE_PARAM = "page";

/** Is this document a Voila page (where the app's page lives in the URL)? */
export function onVoilaPage() {
  return document.body.classList.contains("nbs-voila-page");
}

/** The page the URL shows ("" for the default page). */
export function pageInUrl() {
  return new URL(location.href).searchParams.get(PAGE_PARAM) ?? "";
}

/** The app's query parameters in the URL (Voila's own and the page left out). */
export function queryInUrl() {
  /** @type {Record<string, string[]>} */
  const query = {};
  for (const [key, value] of new URL(location.href).searchParams) {
    if (key === PAGE_PARAM || key.startsWith("voila-") || key === "template" || key === "theme") continue;
    (query[key] ||= []).push(value);
  }
  return query;
}

/**
 * The URL of a page of the app: this document's, with `page` set (removed for the default
 * page) and the app's query parameters replaced by `query`.
 * @param {string} path  @param {Record<string, string[]>} [query]
 */
export function pageHref(path, query = {}) {
  if (typeof location === "undefined" || !onVoilaPage()) return "#";
  const url = new URL(location.href);
  for (const key of [...url.searchParams.keys()]) {
    if (!key.startsWith("voila-") && key !== "template" && key !== "theme") url.searchParams.delete(key);
  }
  if (path) url.searchParams.set(PAGE_PARAM, path);
  for (const [key, values] of Object.entries(query)) for (const v of values) url.searchParams.append(key, v);
  return url.pathname + url.search + url.hash;
}

/**
 * Show the page the kernel shows in the URL.  A page the user asked for is already there
 * (pushed on click, or Back/Forward); a page the app switched to (st.switch_page, another
 * view's menu) is pushed; a URL whose page was not found is replaced by the default page's.
 * @param {{url_path?: string, not_found?: string | null} | undefined} page
 * @param {{last: string}} seen  the page props this view saw last (to push only on a change)
 */
export function syncUrl(page, seen) {
  if (!page || !onVoilaPage()) return;
  const key = JSON.stringify(page);
  const shown = page.url_path || "";
  const inUrl = pageInUrl();
  if (shown === inUrl) {
    seen.last = key;
    return;
  }
  if (page.not_found !== null && page.not_found !== undefined && page.not_found === inUrl) {
    history.replaceState(history.state, "", pageHref(shown, queryInUrl()));
  } else if (key !== seen.last) {
    history.pushState(history.state, "", pageHref(shown, queryInUrl()));
  }
  seen.last = key;
}

/**
 * Show the kernel's st.query_params in the URL (bound widgets write theirs there): the URL's
 * app parameters are replaced, without a history entry, when the kernel's set changed since
 * this view saw it last and differs from the URL's.  A run's partial trees carry none.
 * @param {Record<string, string[]> | undefined} query
 * @param {{last: string}} seen  the query this view saw last
 */
export function syncQuery(query, seen) {
  if (!query || typeof query !== "object" || !onVoilaPage()) return;
  const key = JSON.stringify(query);
  if (key === seen.last) return;
  seen.last = key;
  /** @type {Record<string, string[]>} */
  const clean = {};
  for (const [name, values] of Object.entries(query)) {
    if (name === PAGE_PARAM || !Array.isArray(values)) continue;
    clean[name] = values.filter((v) => typeof v === "string");
  }
  if (sameQuery(clean, queryInUrl())) return;
  history.replaceState(history.state, "", pageHref(pageInUrl(), clean));
}

/** @param {Record<string, string[]>} a  @param {Record<string, string[]>} b */
function sameQuery(a, b) {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k] || null));
}

/** An emoji as the tab's favicon (an SVG image); Material icons and "" remove ours. */
export function setFavicon(/** @type {string | undefined} */ iconText) {
  let link = /** @type {HTMLLinkElement | null} */ (document.querySelector("link[data-nbs-favicon]"));
  if (!iconText || iconText.startsWith(":")) {
    link?.remove();
    return;
  }
  if (!link) {
    link = document.createElement("link");
    link.rel = "icon";
    link.setAttribute("data-nbs-favicon", "");
    document.head.append(link);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><text y=".9em" font-size="90">${iconText
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")}</text></svg>`;
  link.href = `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/**
 * `st.login()` / `st.logout()`: the kernel asks the page to go to the server's login or
 * logout URL (a path under the server, never another site); the page's own URL goes
 * along as `next`, where the server sends the browser back.  Only in a served app: the
 * kernel reads the login from the page's request, which JupyterLab's kernels never see.
 * @param {any} redirect  the root's `redirect` prop: {url, serial}
 * @param {{seen: string}} memo  what this view followed last
 * @param {(url: string) => void} [go]
 * @returns {string | null} the URL gone to
 */
export function followRedirect(redirect, memo, go = (url) => window.location.assign(url)) {
  if (!redirect || typeof redirect.url !== "string") return null;
  const path = redirect.url;
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\")) return null;
  const key = JSON.stringify(redirect);
  if (key === memo.seen) return null;
  memo.seen = key;
  const url = new URL(path, window.location.origin);
  url.searchParams.set("next", window.location.pathname + window.location.search);
  go(url.href);
  return url.href;
}
