// @ts-check
/**
 * The user's widget values the kernel has not seen yet: the last one sent for each
 * widget (with the number of the message that carried it), and the values of
 * `on_change="ignore"` widgets held back until the next message that starts a run.
 * A patch the kernel made before it saw a user's value shows the user's value instead,
 * so a slider moved twice never jumps back.
 *
 * @typedef {import("./patch.js").Op} Op
 * @typedef {import("./types.js").WireNode} WireNode
 */
import { nodeAt } from "./patch.js";

export class UserValues {
  constructor() {
    /** @type {Map<string, number>} widget ID -> the seq of the user's last value for it */
    this.seq = new Map();
    /** @type {Map<string, any>} widget ID -> the user's last value for it */
    this.value = new Map();
    /** @type {Map<string, any>} values held back (on_change="ignore"), by widget ID */
    this.held = new Map();
  }

  /** A value sent with message `seq`. @param {string} id @param {any} value @param {number} seq */
  sent(id, value, seq) {
    this.seq.set(id, seq);
    this.value.set(id, value);
  }

  /** A value held back: shown as the user left it, whatever patch comes meanwhile. @param {string} id @param {any} value */
  hold(id, value) {
    this.held.set(id, value);
    this.sent(id, value, Number.MAX_SAFE_INTEGER);
  }

  /**
   * The held values, to send with message `seq` (and no longer held).
   * @param {number} seq
   * @returns {Record<string, any>}
   */
  release(seq) {
    /** @type {Record<string, any>} */
    const values = {};
    for (const [id, value] of this.held) {
      values[id] = value;
      this.seq.set(id, seq);
    }
    this.held.clear();
    return values;
  }

  /**
   * `ops` with the user's values where the kernel made them before it saw them (`seen`:
   * the last value message the kernel had then); values it has seen are forgotten here.
   * @param {Op[]} ops @param {number | undefined} seen @param {WireNode} tree
   * @returns {Op[]}
   */
  keep(ops, seen, tree) {
    if (this.seq.size === 0) return ops;
    return ops.map((op) => {
      if (op.op !== "props" || !("value" in op.set)) return op;
      const id = nodeAt(tree, op.at)?.props?.id;
      const mine = typeof id === "string" ? this.seq.get(id) : undefined;
      if (mine === undefined) return op;
      if (mine <= (seen ?? -1)) {
        this.seq.delete(/** @type {string} */ (id));
        this.value.delete(/** @type {string} */ (id));
        return op;
      }
      return { ...op, set: { ...op.set, value: this.value.get(/** @type {string} */ (id)) } };
    });
  }
}
