// @ts-check
/**
 * st.feedback: thumbs, faces or stars as a row of toggle buttons.  The wire value is the
 * selected option's index (0 the lowest: thumb down, the saddest face, one star) or null;
 * clicking the selected option clears it.
 */
import { h, icon, on } from "../_base.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").WireNode} WireNode */

/** Per style: [value, icon, accessible name] in display order. */
const STYLES = {
  thumbs: [
    [1, "thumb_up", "Thumbs up"],
    [0, "thumb_down", "Thumbs down"],
  ],
  faces: [
    [0, "sentiment_sad", "Very unhappy"],
    [1, "sentiment_dissatisfied", "Unhappy"],
    [2, "sentiment_neutral", "Neutral"],
    [3, "sentiment_satisfied", "Happy"],
    [4, "sentiment_very_satisfied", "Very happy"],
  ],
  stars: [0, 1, 2, 3, 4].map((i) => [i, "star", i === 0 ? "1 star" : `${i + 1} stars`]),
};

/** @type {Component} */
export function feedback(node, ctx) {
  const el = h("div", { class: "nbs-feedback", role: "group", "aria-label": "Feedback" });
  /** @type {Record<string, any>} */
  let props = {};
  /** @type {HTMLButtonElement[]} */
  let buttons = [];
  /** @type {number | null} */
  let value = null;

  const show = () => {
    for (const button of buttons) {
      const v = Number(button.dataset.value);
      const on = props.options === "stars" ? value !== null && v <= value : v === value;
      button.setAttribute("aria-pressed", String(v === value));
      button.classList.toggle("nbs-feedback-on", on);
      button.disabled = Boolean(props.disabled);
    }
  };
  const build = () => {
    const style = STYLES[/** @type {keyof typeof STYLES} */ (props.options)] || STYLES.thumbs;
    buttons = style.map(([v, name, label]) => {
      const button = h("button", { type: "button", class: "nbs-feedback-option", "aria-label": String(label), "data-value": v }, icon(String(name)));
      on(button, "click", () => {
        if (props.disabled) return;
        value = value === v ? null : Number(v);
        show();
        ctx.setValue(props.id, value);
      }, ctx);
      return button;
    });
    el.replaceChildren(...buttons);
    el.dataset.options = props.options;
  };
  const update = (/** @type {WireNode} */ n) => {
    const rebuild = n.props.options !== props.options;
    props = n.props;
    value = typeof props.value === "number" ? props.value : null;
    if (rebuild) build();
    el.style.width = typeof props.width === "number" ? `${props.width}px` : "";
    show();
  };
  update(node);
  return { el, update };
}
