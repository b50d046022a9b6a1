// @ts-check
/**
 * What the shell draws for a node whose kind has no component (yet), and for one whose
 * component failed.  A block still shows its children; an element shows its kind and
 * its text, so nothing the script wrote is silently lost.
 *
 * @typedef {import("./types.js").WireNode} WireNode
 * @typedef {import("./types.js").Mounted} Mounted
 * @typedef {import("./types.js").Component} Component
 */

const TEXT_PROPS = ["body", "label", "value", "message", "text"];

/** @param {WireNode} node */
function summary(node) {
  for (const name of TEXT_PROPS) {
    const value = node.props?.[name];
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  }
  return "";
}

/** @type {Component} */
export const fallback = (node) => {
  if (node.children) {
    const el = document.createElement("div");
    el.className = "nbs-block nbs-unknown-block";
    return { el, update() {} };
  }
  const el = document.createElement("div");
  el.className = "nbs-unknown";
  const kind = document.createElement("code");
  const text = document.createElement("span");
  el.append(kind, text);
  /** @param {WireNode} n */
  const show = (n) => {
    kind.textContent = `st.${n.kind}`;
    text.textContent = summary(n);
  };
  show(node);
  return { el, update: show };
};

/**
 * @param {WireNode} node
 * @param {unknown} error
 * @returns {Mounted}
 */
export function broken(node, error) {
  console.error(`nbstream: the ${node.kind} component failed`, error);
  const el = document.createElement("div");
  el.className = "nbs-unknown nbs-broken";
  el.setAttribute("role", "alert");
  el.textContent = `st.${node.kind} could not be shown: ${error instanceof Error ? error.message : String(error)}`;
  /** @type {Mounted} */
  const mounted = { el, update() {} };
  if (node.children) {
    const slot = document.createElement("div");
    el.append(slot);
    mounted.slot = slot;
  }
  return mounted;
}
