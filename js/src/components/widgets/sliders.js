// @ts-check
/**
 * Slider widgets: slider (int, float, date, time, datetime; one or two thumbs) and
 * select_slider.
 *
 * Wire values: slider numbers as numbers, dates and times as epoch microseconds, a
 * range as a pair; select_slider an option index or a pair.
 */
import { labelled } from "../_base.js";
import { formatValue } from "../_format.js";
import { setWidth } from "./_layout.js";
import { sliderControl } from "./_slider.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").WireNode} WireNode */

/**
 * @param {"slider" | "select_slider"} kind
 * @param {(p: Record<string, any>, v: number) => string} format
 * @param {(p: Record<string, any>) => {min: number, max: number, step: number}} rangeOf
 * @returns {Component}
 */
function sliderWidget(kind, format, rangeOf) {
  return (node, ctx) => {
    let props = node.props;
    const control = sliderControl(ctx, {
      format: (v) => format(props, v),
      commit: (values) => {
        if (!props.disabled) ctx.setValue(props.id, Array.isArray(props.value) ? values : values[0]);
      },
    });
    const frame = labelled(kind, ctx, { named: () => control.thumbs() });
    frame.el.append(control.el);
    const update = (/** @type {WireNode} */ n) => {
      props = n.props;
      const values = Array.isArray(props.value) ? props.value : [props.value];
      control.set(values, rangeOf(props));
      control.setDisabled(Boolean(props.disabled));
      frame.update(props);
      setWidth(frame.el, props.width, "stretch");
      control.setName(frame.text());
    };
    update(node);
    return { el: frame.el, update };
  };
}

/** @type {Component} */
export const slider = sliderWidget(
  "slider",
  (p, v) => formatValue(v, p.data_type, p.format),
  (p) => ({ min: p.min_value, max: p.max_value, step: p.step }),
);

/** @type {Component} */
export const select_slider = sliderWidget(
  "select_slider",
  (p, v) => (p.options || [])[v] ?? "",
  (p) => ({ min: 0, max: Math.max((p.options || []).length - 1, 0), step: 1 }),
);
