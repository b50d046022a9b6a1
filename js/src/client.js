// @ts-check
/**
 * What the page tells the kernel about itself for `st.context` (runtime/client.py
 * checks it): locale, time zone, URL, theme, embedding, cookies readable by scripts,
 * and the request headers a page can know.  Sent once a view starts and whenever the
 * theme changes; the kernel reruns an app that read the old values.
 */

/**
 * Cookies readable by the page (not HttpOnly ones) as name -> value.
 * @param {string} text the page's document.cookie
 * @returns {Record<string, string>}
 */
export function parseCookies(text) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const part of (text || "").split(";")) {
    const at = part.indexOf("=");
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    let value = part.slice(at + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      // a value that is not URI-encoded stays as it is
    }
    if (name && Object.keys(out).length < 200) out[name] = value.slice(0, 4000);
  }
  return out;
}

/** @param {string} text */
const cap = (text) => String(text || "").slice(0, 4000);

/**
 * @param {"light" | "dark"} theme the theme the app is drawn in now
 * @returns {Record<string, any>}
 */
export function clientInfo(theme) {
  let embedded = false;
  try {
    embedded = window.top !== window.self || new URLSearchParams(location.search).get("embed") === "true";
  } catch {
    embedded = true; // a cross-origin parent refuses the look
  }
  const languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  return {
    locale: cap(navigator.language || ""),
    timezone: cap(Intl.DateTimeFormat().resolvedOptions().timeZone || ""),
    // JavaScript counts minutes west of UTC; Streamlit too (UTC+1 is -60).
    timezone_offset: new Date().getTimezoneOffset(),
    url: cap(location.href),
    theme,
    is_embedded: embedded,
    cookies: parseCookies(document.cookie),
    headers: {
      Host: cap(location.host),
      "User-Agent": cap(navigator.userAgent),
      "Accept-Language": cap(languages.join(",")),
    },
  };
}
