// @ts-check
/**
 * Applying the kernel's patches: to the model's copy of the tree (pure data), and to
 * one view's DOM, in place.
 *
 * A patch is a list of ops (nbstream/render/diff.py documents them); `at` is the path
 * of keys from the root.  Unchanged elements are never re-created, so what the user is
 * doing in them (focus, caret, an open drop-down, scroll) survives every rerun.
 *
 * @typedef {import("./types.js").WireNode} WireNode
 * @typedef {import("./types.js").Mounted} Mounted
 * @typedef {import("./types.js").ComponentContext} ComponentContext
 * @typedef {import("./types.js").Component} Component
 *
 * @typedef {{op: "props", at: string[], set: Record<string, any>, del: string[], append?: Record<string, string>}} PropsOp
 * @typedef {{op: "children", at: string[], remove: string[], place: [number, string | WireNode][]}} ChildrenOp
 * @typedef {{op: "replace", at: string[], node: WireNode}} ReplaceOp
 * @typedef {PropsOp | ChildrenOp | ReplaceOp} Op
 */
import { markAs, testId } from "./testids.js";

/** Raised when a patch names a node this side does not have: the caller resyncs. */
export class PatchMismatch extends Error {}

/**
 * The node at a path of keys, or undefined.
 * @param {WireNode} root
 * @param {readonly string[]} at
 * @returns {WireNode | undefined}
 */
export function nodeAt(root, at) {
  /** @type {WireNode | undefined} */
  let node = root;
  for (const key of at) {
    node = node?.children?.find((c) => c.key === key);
    if (!node) return undefined;
  }
  return node;
}

/**
 * A block's new child list, by the rule of a `children` op.
 * @template {{key: string}} T
 * @param {T[]} children
 * @param {ChildrenOp} op
 * @param {(item: WireNode) => T} make  what a new node becomes
 * @returns {T[]}
 */
export function reorder(children, op, make) {
  const byKey = new Map(children.map((c) => [c.key, c]));
  const removed = new Set(op.remove);
  const moved = new Set(op.place.filter(([, item]) => typeof item === "string").map(([, item]) => /** @type {string} */ (item)));
  const list = children.filter((c) => !removed.has(c.key) && !moved.has(c.key));
  for (const [i, item] of [...op.place].sort((a, b) => a[0] - b[0])) {
    const child = typeof item === "string" ? byKey.get(item) : make(item);
    if (!child) throw new PatchMismatch(`no child ${String(item)} to move`);
    list.splice(i, 0, child);
  }
  return list;
}

/**
 * Apply ops to a tree.  Changed nodes become new objects (their ancestors' child
 * arrays are updated in place), so a component can tell old props from new.
 * @param {WireNode} root
 * @param {Op[]} ops
 * @returns {WireNode} the new root
 */
export function applyToTree(root, ops) {
  for (const op of ops) {
    const node = nodeAt(root, op.at);
    if (!node) throw new PatchMismatch(`no node at ${op.at.join("/")}`);
    /** @type {WireNode} */
    let fresh;
    if (op.op === "props") {
      const props = { ...node.props, ...op.set };
      for (const name of op.del) delete props[name];
      // A long text that only grew (a streamed answer): the kernel sends just the tail.
      for (const [name, tail] of Object.entries(op.append || {})) {
        if (typeof props[name] !== "string") throw new PatchMismatch(`no text ${name} to append to at ${op.at.join("/")}`);
        props[name] += tail;
      }
      fresh = { ...node, props };
    } else if (op.op === "children") {
      fresh = { ...node, children: reorder(node.children || [], op, (n) => n) };
    } else {
      fresh = op.node;
    }
    root = replaceAt(root, op.at, fresh);
  }
  return root;
}

/**
 * @param {WireNode} root
 * @param {readonly string[]} at
 * @param {WireNode} node
 */
function replaceAt(root, at, node) {
  if (at.length === 0) return node;
  const parent = nodeAt(root, at.slice(0, -1));
  const siblings = parent?.children;
  const i = siblings ? siblings.findIndex((c) => c.key === at[at.length - 1]) : -1;
  if (!siblings || i < 0) throw new PatchMismatch(`no node at ${at.join("/")}`);
  siblings[i] = node;
  return root;
}

// ---- one view's DOM ---------------------------------------------------------------------

/**
 * A mounted node of a view.
 * @typedef {Object} Entry
 * @property {string} key
 * @property {WireNode} node
 * @property {Mounted} mounted
 * @property {Entry | null} parent
 * @property {Map<string, Entry>} children
 * @property {string[]} order
 * @property {AbortController} abort
 */

/**
 * Mounts nodes with their components and keeps the DOM in step with the patches.
 */
export class Reconciler {
  /**
   * @param {(kind: string) => Component} componentFor
   * @param {(entry: Entry, signal: AbortSignal) => ComponentContext} contextFor
   * @param {(node: WireNode, error: unknown) => Mounted} broken  what shows a component that threw
   */
  constructor(componentFor, contextFor, broken) {
    this.componentFor = componentFor;
    this.contextFor = contextFor;
    this.broken = broken;
    /** @type {Entry | null} */
    this.root = null;
  }

  /**
   * Mount a whole tree (the first render, or a snapshot), replacing what was there.
   * @param {WireNode} tree
   * @returns {Entry}
   */
  mountRoot(tree) {
    if (this.root) this.destroy(this.root);
    this.root = this.mount(tree, null);
    return this.root;
  }

  /**
   * @param {WireNode} node
   * @param {Entry | null} parent
   * @returns {Entry}
   */
  mount(node, parent) {
    const abort = new AbortController();
    /** @type {Entry} */
    const entry = { key: node.key, node, parent, children: new Map(), order: [], abort, mounted: /** @type {any} */ (null) };
    try {
      entry.mounted = this.componentFor(node.kind)(node, this.contextFor(entry, abort.signal));
    } catch (error) {
      entry.mounted = this.broken(node, error);
    }
    const el = entry.mounted.el;
    el.dataset.kind = node.kind;
    el.dataset.key = node.key;
    markAs(el, testId(node.kind));
    if (node.children) {
      const slot = entry.mounted.slot || el;
      for (const child of node.children) {
        const mounted = this.mount(child, entry);
        entry.children.set(child.key, mounted);
        entry.order.push(child.key);
        slot.append(mounted.mounted.el);
      }
      this.told(entry);
    }
    return entry;
  }

  /** @param {Entry} entry */
  destroy(entry) {
    for (const child of entry.children.values()) this.destroy(child);
    entry.abort.abort();
    try {
      entry.mounted.destroy?.();
    } catch (error) {
      console.error("nbstream: destroying", entry.node.kind, error);
    }
    entry.mounted.el.remove();
  }

  /**
   * Apply ops; `tree` is the model's tree after the same ops (the nodes' new data).
   * @param {Op[]} ops
   * @param {WireNode} tree
   */
  apply(ops, tree) {
    const keep = rememberFocus();
    for (const op of ops) {
      const entry = this.entryAt(op.at);
      const node = nodeAt(tree, op.at);
      if (!entry || !node) throw new PatchMismatch(`no element at ${op.at.join("/")}`);
      if (op.op === "replace") this.replace(entry, node);
      else if (op.op === "children") this.rechild(entry, op, node);
      else this.update(entry, node);
    }
    keep();
  }

  /** @param {readonly string[]} at */
  entryAt(at) {
    let entry = this.root;
    for (const key of at) {
      entry = entry?.children.get(key) || null;
      if (!entry) return null;
    }
    return entry;
  }

  /**
   * @param {Entry} entry
   * @param {WireNode} node
   */
  update(entry, node) {
    entry.node = node;
    try {
      entry.mounted.update(node);
    } catch (error) {
      console.error("nbstream: updating", node.kind, error);
    }
  }

  /**
   * @param {Entry} entry
   * @param {WireNode} node
   */
  replace(entry, node) {
    const parent = entry.parent;
    if (!parent) {
      this.mountRoot(node);
      return;
    }
    const fresh = this.mount(node, parent);
    entry.mounted.el.replaceWith(fresh.mounted.el);
    this.destroy(entry);
    parent.children.set(node.key, fresh);
    this.told(parent);
  }

  /**
   * @param {Entry} entry
   * @param {ChildrenOp} op
   * @param {WireNode} node
   */
  rechild(entry, op, node) {
    for (const key of op.remove) {
      const child = entry.children.get(key);
      if (child) this.destroy(child);
      entry.children.delete(key);
    }
    const slot = entry.mounted.slot || entry.mounted.el;
    const keys = reorder(
      entry.order.filter((k) => entry.children.has(k)).map((key) => ({ key })),
      { ...op, remove: [] },
      (n) => ({ key: n.key, fresh: n }),
    );
    entry.order = keys.map((k) => k.key);
    // Place from the end: each element goes before its already-placed successor.
    /** @type {Element | null} */
    let next = null;
    for (let i = keys.length - 1; i >= 0; i--) {
      const item = /** @type {{key: string, fresh?: WireNode}} */ (keys[i]);
      let child = entry.children.get(item.key);
      if (!child && item.fresh) {
        child = this.mount(item.fresh, entry);
        entry.children.set(item.key, child);
      }
      if (!child) throw new PatchMismatch(`no child ${item.key}`);
      const el = child.mounted.el;
      if (el.parentElement !== slot || el.nextElementSibling !== next) slot.insertBefore(el, next);
      next = el;
    }
    entry.node = node;
    this.told(entry);
  }

  /** @param {Entry} entry */
  told(entry) {
    const children = entry.order.map((k) => /** @type {Entry} */ (entry.children.get(k)).node);
    try {
      entry.mounted.childrenChanged?.(children);
    } catch (error) {
      console.error("nbstream: childrenChanged of", entry.node.kind, error);
    }
  }
}

/**
 * Note the focused element (and its caret); the returned function puts them back if
 * the patch moved the element.
 */
function rememberFocus() {
  const active = /** @type {HTMLElement | null} */ (document.activeElement);
  if (!active || active === document.body) return () => {};
  const input = /** @type {HTMLInputElement} */ (active);
  /** @type {[number, number, any] | null} */
  let caret = null;
  try {
    if (typeof input.selectionStart === "number") caret = [input.selectionStart, input.selectionEnd ?? input.selectionStart, input.selectionDirection];
  } catch {
    caret = null; // inputs without a caret (number, color) throw on access
  }
  return () => {
    if (!active.isConnected || document.activeElement === active) return;
    active.focus({ preventScroll: true });
    if (caret) {
      try {
        input.setSelectionRange(caret[0], caret[1], caret[2]);
      } catch {
        /* the element no longer takes a selection */
      }
    }
  };
}
