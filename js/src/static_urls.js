// @ts-check
/**
 * Static files in JupyterLab (`server.enableStaticServing`): an app's relative
 * `app/static/<file>` URLs point at the `static` folder beside its notebook.
 *
 * In a served app (Voila, `nbstream run`) the page's URL is the app's, so the browser
 * resolves `app/static/cat.png` as Streamlit does.  JupyterLab's URL follows its file
 * browser instead, so there the images and links an app draws are pointed at the
 * notebook's folder, which the kernel tells (`config.static_dir`), as
 * `<base>lab/tree/<folder>/app/static/<file>` (nbstream's server extension serves it).
 */

const PREFIX = "app/static/";

/** The Jupyter server's base URL, from the page config. */
export function baseUrl() {
  try {
    const data = document.getElementById("jupyter-config-data");
    const base = JSON.parse(data?.textContent || "{}").baseUrl;
    if (typeof base === "string" && base) return base.endsWith("/") ? base : `${base}/`;
  } catch {
    /* no page config: the server root */
  }
  return "/";
}

/**
 * `url` pointed at the notebook folder `dir`, or null when it is not an `app/static/` URL.
 * @param {string} url
 * @param {string} dir  the notebook's folder under the server root ("" for the root)
 * @param {string} base
 */
export function staticUrl(url, dir, base) {
  const rest = url.startsWith(`./${PREFIX}`) ? url.slice(2) : url;
  if (!rest.startsWith(PREFIX)) return null;
  const folder = dir.split("/").filter(Boolean).map(encodeURIComponent).join("/");
  return folder ? `${base}lab/tree/${folder}/${rest}` : `${base}${rest}`;
}

/** @param {Element} el @param {string} dir @param {string} base */
function rewrite(el, dir, base) {
  for (const [selector, attr] of [["img[src]", "src"], ["a[href]", "href"]]) {
    const found = el.matches(selector) ? [el, ...el.querySelectorAll(selector)] : el.querySelectorAll(selector);
    for (const node of found) {
      const url = staticUrl(node.getAttribute(attr) || "", dir, base);
      if (url !== null) node.setAttribute(attr, url);
    }
  }
}

/**
 * Keep the `app/static/` URLs under `root` pointed at the notebook's folder.
 * @param {HTMLElement} root
 * @param {string} dir
 * @param {AbortSignal} signal
 */
export function watchStaticUrls(root, dir, signal) {
  const base = baseUrl();
  rewrite(root, dir, base);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "attributes" && record.target instanceof Element) rewrite(record.target, dir, base);
      for (const node of record.addedNodes) if (node instanceof Element) rewrite(node, dir, base);
    }
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["src", "href"] });
  signal.addEventListener("abort", () => observer.disconnect());
}
