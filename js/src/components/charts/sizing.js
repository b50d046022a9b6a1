// @ts-check
/**
 * `height="stretch"` on charts: the chart fills the height its container has left (inside
 * `st.container(height=...)`, a fixed-height column stack).  The element becomes a flex
 * item that grows (styles/charts.css, `.nbs-fill-height`); a container of no set height
 * leaves it at the chart's own height.  Charts that draw at a pixel size (Vega, Plotly,
 * deck.gl) follow the element's measured height.
 *
 * @typedef {import("../../types.js").ComponentContext} ComponentContext
 */

/** Mark an element as filling its container's height (or not). @param {HTMLElement} el @param {boolean} on */
export function fillHeight(el, on) {
  el.classList.toggle("nbs-fill-height", on);
}

/**
 * The height a filling chart should draw at: the element's own, when its container gives
 * it one (a flex item of a fixed-height stack); otherwise `fallback`.
 * @param {HTMLElement} el @param {number} fallback
 */
export function filledHeight(el, fallback) {
  const parent = el.parentElement;
  if (!parent || !el.classList.contains("nbs-fill-height")) return fallback;
  const style = getComputedStyle(parent);
  if (!parent.style.height && style.overflowY !== "auto") return fallback;
  // The container's inner height less its other children and the gaps between them.
  const gap = parseFloat(style.rowGap) || 0;
  let rest = parent.clientHeight - (parseFloat(style.paddingTop) || 0) - (parseFloat(style.paddingBottom) || 0);
  const siblings = [...parent.children].filter((c) => c !== el && c instanceof HTMLElement && !c.hidden);
  for (const s of siblings) rest -= /** @type {HTMLElement} */ (s).offsetHeight + gap;
  return rest > 0 ? Math.floor(rest) : fallback;
}

/**
 * Call `fn` when the element's container changes size (a ResizeObserver where there is
 * one).  Returns the function that stops watching.
 * @param {HTMLElement} el @param {() => void} fn
 */
export function watchContainer(el, fn) {
  if (typeof ResizeObserver !== "function") return () => {};
  let last = -1;
  const observer = new ResizeObserver(() => {
    const h = el.parentElement?.clientHeight ?? 0;
    if (h !== last) {
      last = h;
      fn();
    }
  });
  queueMicrotask(() => el.parentElement && observer.observe(el.parentElement));
  return () => observer.disconnect();
}
