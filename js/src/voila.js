// @ts-check
/** Voila shows the notebook's outputs in a page: make that page the app's. */

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
  let base = "/";
  try {
    const data = document.getElementById("jupyter-config-data");
    base = JSON.parse(data?.textContent || "{}").baseUrl || "/";
  } catch {
    base = "/";
  }
  document.cookie = `_xsrf=${token}; path=${base}; SameSite=Strict`;
}
