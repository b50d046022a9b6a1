// @ts-check
/**
 * The slider control behind slider and select_slider: a track with one or two thumbs
 * (role slider each), the value above each thumb and the ends below the track.
 * Dragging and arrow keys move a thumb locally; the value is committed on release
 * (pointer up, key up), never while the thumb moves.
 */
import { h, on } from "../_base.js";
import { decimals } from "../_format.js";

/** @typedef {import("../_base.js").ComponentContext} ComponentContext */

/**
 * @typedef {Object} SliderRange
 * @property {number} min
 * @property {number} max
 * @property {number} step
 */

/**
 * @param {ComponentContext} ctx
 * @param {{format: (v: number) => string, commit: (values: number[]) => void}} spec
 */
export function sliderControl(ctx, spec) {
  const fill = h("div", { class: "nbs-slider-fill" });
  const track = h("div", { class: "nbs-slider-track" }, h("div", { class: "nbs-slider-rail" }), fill);
  const minLabel = h("span", { class: "nbs-slider-min" });
  const maxLabel = h("span", { class: "nbs-slider-max" });
  const el = h("div", { class: "nbs-slider-control" }, track, h("div", { class: "nbs-slider-ends" }, minLabel, maxLabel));
  /** @type {SliderRange} */
  let range = { min: 0, max: 100, step: 1 };
  /** @type {number[]} */
  let values = [];
  /** @type {number[]} the values last committed or set by the kernel */
  let settled = [];
  /** @type {HTMLElement[]} */
  let thumbs = [];
  let name = "";
  let disabled = false;
  let moving = -1; // the thumb being dragged or keyed, or -1

  /** Snap a raw value to the step grid, within the bounds. */
  function snap(/** @type {number} */ raw) {
    const { min, max, step } = range;
    const steps = Math.round((raw - min) / step);
    const v = Math.min(Math.max(min + steps * step, min), max);
    const places = Math.max(decimals(step), decimals(min));
    return places ? Number(v.toFixed(Math.min(places, 15))) : v;
  }

  function percent(/** @type {number} */ v) {
    const span = range.max - range.min;
    return span > 0 ? ((v - range.min) / span) * 100 : 0;
  }

  function draw() {
    values.forEach((v, i) => {
      const thumb = thumbs[i];
      thumb.style.left = `${percent(v)}%`;
      thumb.setAttribute("aria-valuenow", String(v));
      thumb.setAttribute("aria-valuetext", spec.format(v));
      /** @type {HTMLElement} */ (thumb.firstElementChild).textContent = spec.format(v);
    });
    const lo = values.length > 1 ? percent(values[0]) : 0;
    const hi = percent(values[values.length - 1]);
    fill.style.left = `${lo}%`;
    fill.style.width = `${hi - lo}%`;
    placeLabels();
  }

  /**
   * Keep the value labels inside the control, and when a range's two labels would
   * overlap, show one "low – high" label between the thumbs instead.
   */
  function placeLabels() {
    const labels = thumbs.map((t) => /** @type {HTMLElement} */ (t.firstElementChild));
    labels.forEach((l) => {
      l.style.transform = "";
      l.hidden = false;
    });
    const box = el.getBoundingClientRect();
    if (box.width === 0) return; // not laid out (hidden, or no layout engine)
    if (labels.length === 2) {
      const [a, b] = labels.map((l) => l.getBoundingClientRect());
      if (a.right + 4 > b.left) {
        const gap = thumbs[1].getBoundingClientRect().left - thumbs[0].getBoundingClientRect().left;
        labels[0].textContent = `${spec.format(values[0])} – ${spec.format(values[1])}`;
        labels[0].style.transform = `translateX(calc(-50% + ${gap / 2}px))`;
        labels[1].hidden = true;
      }
    }
    for (const l of labels) {
      if (l.hidden) continue;
      const r = l.getBoundingClientRect();
      const shift = r.left < box.left ? box.left - r.left : r.right > box.right ? box.right - r.right : 0;
      if (shift) l.style.transform = `${l.style.transform || "translateX(-50%)"} translateX(${shift}px)`;
    }
  }

  /** Move thumb i to v, keeping two thumbs in order. */
  function move(/** @type {number} */ i, /** @type {number} */ v) {
    let next = snap(v);
    if (values.length > 1) next = i === 0 ? Math.min(next, values[1]) : Math.max(next, values[0]);
    values[i] = next;
    draw();
  }

  function release() {
    moving = -1;
    if (values.some((v, i) => v !== settled[i])) {
      settled = [...values];
      spec.commit([...values]);
    }
  }

  function makeThumb(/** @type {number} */ i) {
    const thumb = h("div", { class: "nbs-slider-thumb", role: "slider", tabindex: 0 }, h("div", { class: "nbs-slider-value" }));
    on(thumb, "keydown", (/** @type {KeyboardEvent} */ e) => keydown(e, i), ctx);
    on(thumb, "keyup", () => (moving === i ? release() : undefined), ctx);
    on(thumb, "blur", () => (moving === i ? release() : undefined), ctx);
    return thumb;
  }

  /** @param {KeyboardEvent} e @param {number} i */
  function keydown(e, i) {
    if (disabled) return;
    const { min, max, step } = range;
    const big = Math.max(step, Math.round((max - min) / 10 / step) * step);
    /** @type {Record<string, number>} */
    const targets = {
      ArrowRight: values[i] + step, ArrowUp: values[i] + step, ArrowLeft: values[i] - step, ArrowDown: values[i] - step,
      PageUp: values[i] + big, PageDown: values[i] - big, Home: min, End: max,
    };
    if (!(e.key in targets)) return;
    e.preventDefault();
    moving = i;
    move(i, targets[e.key]);
  }

  /** The thumb of a range nearest to v (the upper one when both sit at v and v is above). */
  function nearest(/** @type {number} */ v) {
    const d0 = Math.abs(v - values[0]);
    const d1 = Math.abs(v - values[1]);
    return d1 < d0 || (d1 === d0 && v > values[1]) ? 1 : 0;
  }

  /** The value under the pointer. */
  function valueAt(/** @type {number} */ clientX) {
    const rect = track.getBoundingClientRect();
    const ratio = rect.width > 0 ? (clientX - rect.left) / rect.width : 0;
    return range.min + Math.min(Math.max(ratio, 0), 1) * (range.max - range.min);
  }

  on(track, "pointerdown", (/** @type {PointerEvent} */ e) => {
    if (disabled || e.button > 0) return;
    e.preventDefault();
    const v = valueAt(e.clientX);
    const i = values.length > 1 ? nearest(v) : 0;
    moving = i;
    thumbs[i].focus();
    if (typeof track.setPointerCapture === "function" && e.pointerId !== undefined) {
      try { track.setPointerCapture(e.pointerId); } catch { /* synthetic events have no live pointer */ }
    }
    move(i, v);
  }, ctx);
  on(track, "pointermove", (/** @type {PointerEvent} */ e) => {
    if (moving >= 0 && !disabled) move(moving, valueAt(e.clientX));
  }, ctx);
  on(track, "pointerup", () => (moving >= 0 ? release() : undefined), ctx);
  on(track, "pointercancel", () => (moving >= 0 ? release() : undefined), ctx);

  // Labels are placed by measuring them: again whenever the control is laid out anew.
  if (typeof ResizeObserver !== "undefined") {
    const observer = new ResizeObserver(() => placeLabels());
    observer.observe(el);
    ctx.signal.addEventListener("abort", () => observer.disconnect());
  }

  return {
    el,
    thumbs: () => thumbs,
    /**
     * Show the kernel's values and bounds; a thumb the user is moving keeps its place.
     * @param {number[]} next @param {SliderRange} nextRange
     */
    set(next, nextRange) {
      range = nextRange;
      if (thumbs.length !== next.length) {
        thumbs = next.map((_, i) => makeThumb(i));
        track.querySelectorAll(".nbs-slider-thumb").forEach((t) => t.remove());
        track.append(...thumbs);
      }
      settled = [...next];
      if (moving < 0) values = [...next];
      minLabel.textContent = spec.format(range.min);
      maxLabel.textContent = spec.format(range.max);
      thumbs.forEach((t) => {
        t.setAttribute("aria-valuemin", String(range.min));
        t.setAttribute("aria-valuemax", String(range.max));
        t.setAttribute("aria-label", name);
      });
      draw();
    },
    setName(/** @type {string} */ text) {
      name = text;
      thumbs.forEach((t) => t.setAttribute("aria-label", text));
    },
    setDisabled(/** @type {boolean} */ value) {
      disabled = value;
      el.classList.toggle("nbs-slider--disabled", value);
      thumbs.forEach((t) => {
        t.setAttribute("tabindex", value ? "-1" : "0");
        t.toggleAttribute("aria-disabled", value);
      });
    },
  };
}
