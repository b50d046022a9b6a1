// @ts-check
/**
 * st.fragment: the block a fragment's body writes into.  It draws nothing of its own (a
 * fragment reruns by itself, which the kernel handles); it keeps its children together
 * so a fragment rerun replaces only them.  Props: `fragment_id`, `name`, `run_every`.
 */
import { h } from "../_base.js";

/** @typedef {import("../_base.js").Component} Component */

/** @type {Component} */
export function fragment(node) {
  const el = h("div", { class: "nbs-fragment nbs-block" });
  const update = (/** @type {import("../_base.js").WireNode} */ n) => {
    el.dataset.fragmentId = String(n.props.fragment_id ?? "");
  };
  update(node);
  return { el, slot: el, update };
}
