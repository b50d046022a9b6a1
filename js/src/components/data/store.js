// @ts-check
/**
 * The rows a table element has in the browser: pages of PAGE rows, decoded from Arrow
 * IPC, fetched from the kernel on demand (ctx.request) and dropped when far from view,
 * so the browser holds a bounded number of rows whatever the table's size.
 *
 * A *view* is the kernel's row order: natural, sorted by one column, filtered by a
 * search.  Changing it (or the table's version) starts a fresh set of pages.
 */
import { tableFromIPC } from "apache-arrow";
import { plain } from "./format.js";

export const PAGE = 100;
/** Pages kept at most (beyond the pages in view): 40 x 100 rows. */
export const MAX_PAGES = 40;

/**
 * One decoded row: its row number in the data (`id`), and per field its value.
 * @typedef {{id: number, values: Record<string, any>}} Row
 */

/**
 * Decode Arrow IPC bytes into rows.
 * @param {ArrayBuffer | ArrayBufferView} bytes
 * @returns {Row[]}
 */
export function decode(bytes) {
  const data = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const table = tableFromIPC(data);
  const fields = table.schema.fields.map((f) => f.name);
  const vectors = fields.map((name) => table.getChild(name));
  /** @type {Row[]} */
  const rows = [];
  for (let i = 0; i < table.numRows; i++) {
    /** @type {Record<string, any>} */
    const values = {};
    for (let j = 0; j < fields.length; j++) values[fields[j]] = plain(vectors[j]?.get(i));
    rows.push({ id: Number(values._row), values });
  }
  return rows;
}

/**
 * @typedef {Object} View
 * @property {[string, "asc" | "desc"] | null} sort
 * @property {string} search
 */

export class RowStore {
  /**
   * @param {(payload: Record<string, any>) => Promise<{content: any, buffers: DataView[]}>} request
   * @param {() => void} changed  called when rows arrive or the row count changes
   */
  constructor(request, changed) {
    this.request = request;
    this.changed = changed;
    /** @type {View} */
    this.view = { sort: null, search: "" };
    this.version = /** @type {any} */ (null);
    this.total = 0;
    /** @type {Map<number, Row[]>} */
    this.pages = new Map();
    /** @type {Set<number>} */
    this.loading = new Set();
    /** Pages whose request failed in this view: not asked again until the view changes
     * (a failing kernel is not hammered by every redraw). */
    /** @type {Set<number>} */
    this.failed = new Set();
    this.generation = 0;
    /** Rows of the natural view the element carried (all of them when `whole`). */
    /** @type {Row[]} */
    this.local = [];
    this.whole = false;
    this.error = "";
    /** Rows shown after the kernel's rows: a data editor's new rows not yet sent. */
    /** @type {Row[]} */
    this.extra = [];
    /** @type {number | undefined} the row count the element carried */
    this.baseTotal = undefined;
  }

  /** Rows in the view, with the extra rows. */
  count() {
    return this.total + (this.isNatural() ? this.extra.length : 0);
  }

  /**
   * The element's props changed: take its rows and count.
   * @param {Record<string, any>} props
   * @param {(blob: any) => any} readBlob
   */
  reset(props, readBlob) {
    const same = props.version === this.version;
    this.version = props.version;
    this.whole = Boolean(props.whole);
    const rows = [];
    const first = readBlob(props.data);
    if (first) rows.push(...decode(first));
    for (const chunk of props.tail || []) {
      const bytes = readBlob(chunk);
      if (bytes) rows.push(...decode(bytes));
    }
    this.local = rows;
    this.baseTotal = props.rows;
    if (!same || !this.isNatural()) this.restart();
    if (this.isNatural()) this.total = props.rows;
  }

  isNatural() {
    return !this.view.sort && !this.view.search;
  }

  /** Start over with another view (sort / search); rows arrive through `changed`. */
  setView(/** @type {View} */ view) {
    this.view = view;
    this.restart();
    if (this.isNatural()) this.total = this.baseTotal ?? this.local.length;
    else this.fetch(0);
  }

  restart() {
    this.generation += 1;
    this.pages.clear();
    this.loading.clear();
    this.failed.clear();
  }

  /**
   * The row at a position of the view, or undefined while it loads.
   * @param {number} pos
   */
  row(pos) {
    if (this.isNatural() && pos >= this.total) return this.extra[pos - this.total];
    if (this.isNatural() && pos < this.local.length) return this.local[pos];
    const page = this.pages.get(Math.floor(pos / PAGE));
    return page?.[pos % PAGE];
  }

  /** Make sure the rows from `start` to `stop` are here or on their way. */
  ensure(/** @type {number} */ start, /** @type {number} */ stop) {
    const first = Math.floor(start / PAGE);
    const last = Math.floor(Math.max(start, stop - 1) / PAGE);
    for (let p = first; p <= last; p++) {
      if (this.isNatural() && (p + 1) * PAGE <= this.local.length) continue;
      if (!this.pages.has(p) && !this.loading.has(p) && !this.failed.has(p)) this.fetch(p);
    }
    this.evict(first, last);
  }

  /** Drop the pages furthest from view beyond MAX_PAGES. */
  evict(/** @type {number} */ first, /** @type {number} */ last) {
    if (this.pages.size <= MAX_PAGES) return;
    const mid = (first + last) / 2;
    const far = [...this.pages.keys()].sort((a, b) => Math.abs(b - mid) - Math.abs(a - mid));
    for (const p of far.slice(0, this.pages.size - MAX_PAGES)) this.pages.delete(p);
  }

  /** Fetch one page of the current view. */
  async fetch(/** @type {number} */ page) {
    const generation = this.generation;
    this.loading.add(page);
    try {
      const { content, buffers } = await this.request({
        op: "rows",
        start: page * PAGE,
        stop: (page + 1) * PAGE,
        sort: this.view.sort,
        search: this.view.search || "",
      });
      if (generation !== this.generation) return;
      this.total = content.rows;
      this.pages.set(page, buffers[0] ? decode(buffers[0]) : []);
      this.error = "";
    } catch (err) {
      if (generation === this.generation) {
        this.error = String(/** @type {any} */ (err)?.message || err);
        this.failed.add(page);
      }
    } finally {
      if (generation === this.generation) this.loading.delete(page);
    }
    if (generation === this.generation) this.changed();
  }

  /**
   * Rows `start..stop` of the view, fetched if need be (copying a selection, filling).
   * @returns {Promise<Row[]>}
   */
  async range(/** @type {number} */ start, /** @type {number} */ stop) {
    /** @type {Row[]} */
    const out = [];
    for (let pos = start; pos < stop; ) {
      const here = this.row(pos);
      if (here) {
        out.push(here);
        pos += 1;
        continue;
      }
      const { buffers } = await this.request({ op: "rows", start: pos, stop: Math.min(stop, pos + 5000), sort: this.view.sort, search: this.view.search || "" });
      const rows = buffers[0] ? decode(buffers[0]) : [];
      if (!rows.length) break;
      out.push(...rows);
      pos += rows.length;
    }
    return out;
  }

  /** The rows held now (for tests and memory checks). */
  held() {
    let n = this.isNatural() ? this.local.length : 0;
    for (const page of this.pages.values()) n += page.length;
    return n;
  }
}
