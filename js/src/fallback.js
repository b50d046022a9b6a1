// @ts-check
/**
 * What the shell draws for a node whose kind has no component (a script newer than the
 * front end), and for one whose component failed.  A block still shows its children; an
 * element says that it cannot be shown, with its kind and its text, so nothing the
 * script wrote is silently lost.
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
  el.setAttribute("role", "note");
  const kind = document.createElement("code");
  const text = document.createElement("span");
  el.append("This element cannot be shown by this version of nbstream's front end: ", kind, text);
  /** @param {WireNode} n */
  const show = (n) => {
    kind.textContent = `st.${n.kind}`;
    const said = summary(n);
    text.textContent = said ? ` (${said})` : "";
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
