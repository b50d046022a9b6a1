// @ts-check
/**
 * Chart data from the kernel: Arrow IPC chunks (props hold {"$blob": hash} per chunk)
 * decoded into the row objects Vega reads.
 *
 * Integers arrive as BigInt from Arrow and become numbers.  Timestamps arrive without a
 * zone, at the wall-clock time pandas shows (the kernel drops a zone, see
 * charts/_common.py), and become local Dates with the same wall-clock fields, so a
 * chart shows 09:00 for 09:00 whatever the browser's zone.  A zoned timestamp (from
 * another source) stays an instant (epoch milliseconds).
 *
 * @typedef {import("../../types.js").ComponentContext} ComponentContext
 */
import { tableFromIPC } from "apache-arrow";

/** The hash of a blob reference, or "" for anything else. */
export function blobHash(/** @type {any} */ ref) {
  return ref && typeof ref === "object" && typeof ref.$blob === "string" ? ref.$blob : "";
}

/**
 * A blob's bytes.
 * @param {any} ref  {"$blob": hash}
 * @param {ComponentContext} ctx
 * @returns {Uint8Array}
 */
export function blobBytes(ref, ctx) {
  const buf = ctx.blob(blobHash(ref));
  if (!buf) throw new Error(`missing buffer ${blobHash(ref)}`);
  if (buf instanceof ArrayBuffer) return new Uint8Array(buf);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** @param {any} col */
function columnValues(col) {
  const type = col.type;
  const naiveTime = type && type.typeId === 10 && !type.timezone; // Arrow Type.Timestamp
  const n = col.length;
  /** @type {any[]} */
  const out = new Array(n);
  for (let i = 0; i < n; i += 1) {
    let v = col.get(i);
    if (typeof v === "bigint") v = Number(v);
    if (naiveTime && typeof v === "number") {
      const d = new Date(v);
      v = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(),
        d.getUTCSeconds(), d.getUTCMilliseconds());
      if (d.getUTCFullYear() < 100) v.setFullYear(d.getUTCFullYear());
    }
    out[i] = v;
  }
  return out;
}

/**
 * Arrow IPC bytes as an array of row objects.
 * @param {Uint8Array} bytes
 * @returns {Record<string, any>[]}
 */
export function decodeRows(bytes) {
  const table = tableFromIPC(bytes);
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((name) => columnValues(table.getChild(name)));
  const rows = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i += 1) {
    /** @type {Record<string, any>} */
    const row = {};
    for (let j = 0; j < names.length; j += 1) row[names[j]] = columns[j][i];
    rows[i] = row;
  }
  return rows;
}

/**
 * Decode chunks (blob references), remembering decoded ones by hash.
 * @param {any[]} refs
 * @param {ComponentContext} ctx
 * @param {Map<string, Record<string, any>[]>} [cache]
 */
export function decodeChunks(refs, ctx, cache) {
  /** @type {Record<string, any>[]} */
  let rows = [];
  for (const ref of refs) {
    const hash = blobHash(ref);
    let chunk = cache?.get(hash);
    if (!chunk) {
      chunk = decodeRows(blobBytes(ref, ctx));
      cache?.set(hash, chunk);
    }
    rows = rows.length ? rows.concat(chunk) : chunk.slice();
  }
  return rows;
}
