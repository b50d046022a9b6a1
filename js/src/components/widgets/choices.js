// @ts-check
/**
 * Button-group choices: pills and segmented_control (elements/widgets/choices.py).
 *
 * Wire values: selection_mode "single" an option index or null; "multi" a list of
 * distinct indices in the order they were chosen.  Each option is a toggle button
 * (aria-pressed); `required` keeps a single choice from being cleared.
 */
import { h, labelled, on, same, uid } from "../_base.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").ComponentContext} ComponentContext */
/** @typedef {import("../_base.js").WireNode} WireNode */

/**
 * The indices a click on option `i` selects, from the indices selected now.
 * @param {number[]} chosen @param {number} i @param {boolean} multi @param {boolean} required
 * @returns {number[]}
 */
export function toggled(chosen, i, multi, required) {
  if (multi) return chosen.includes(i) ? chosen.filter((c) => c !== i) : [...chosen, i];
  if (chosen.includes(i)) return required ? chosen : [];
  return [i];
}

/**
 * @param {"pills" | "segmented_control"} kind
 * @returns {Component}
 */
function buttonGroup(kind) {
  return (node, ctx) => {
    const labelId = uid("nbs-label");
    const group = h("div", { class: "nbs-button-group", role: "group", "aria-labelledby": labelId });
    const frame = labelled(kind, ctx, { labelId });
    frame.el.append(group);
    let props = node.props;
    /** @type {Record<string, any>} */
    let last = {};

    const chosen = () => {
      const v = props.value;
      if (Array.isArray(v)) return /** @type {number[]} */ (v);
      return v === null || v === undefined ? [] : [/** @type {number} */ (v)];
    };

    function build() {
      group.replaceChildren(...(props.options || []).map((/** @type {string} */ label, /** @type {number} */ i) => {
        const button = h("button", { type: "button", class: "nbs-button-group-option", "data-index": i },
          ctx.markdown(label, { inline: true }));
        on(button, "click", () => {
          if (props.disabled) return;
          const multi = props.selection_mode === "multi";
          const next = toggled(chosen(), i, multi, Boolean(props.required));
          if (same(next, chosen())) return;
          const wire = multi ? next : next.length ? next[0] : null;
          props = { ...props, value: wire };
          mark();
          ctx.setValue(props.id, wire);
        }, ctx);
        return button;
      }));
    }

    function mark() {
      const selected = chosen();
      group.querySelectorAll("button").forEach((button, i) => {
        const on = selected.includes(i);
        button.setAttribute("aria-pressed", String(on));
        button.classList.toggle("nbs-selected", on);
        button.disabled = Boolean(props.disabled);
      });
    }

    const update = (/** @type {WireNode} */ n) => {
      props = n.props;
      frame.update(props);
      if (!same(props.options, last.options)) build();
      group.classList.toggle("nbs-nowrap", props.wrap === false);
      frame.el.dataset.width = typeof props.width === "number" ? "pixels" : props.width || "content";
      frame.el.style.width = typeof props.width === "number" ? `${props.width}px` : "";
      mark();
      last = props;
    };
    update(node);
    return { el: frame.el, update };
  };
}

/** @type {Component} */
export const pills = buttonGroup("pills");
/** @type {Component} */
export const segmented_control = buttonGroup("segmented_control");
