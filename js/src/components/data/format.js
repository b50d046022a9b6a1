// @ts-check
/**
 * Cell values as text, by column type and column_config `format`.
 *
 * Datetimes arrive naive (epoch ms of the wall-clock time in their own zone) with, for
 * zoned columns, the UTC offset in minutes beside them: they are shown exactly as the
 * kernel has them, with the offset ("2020-01-10 10:30:00-05:00"), never converted to
 * the viewer's zone (spec "Working with timezones").
 */
import { formatDate, sprintf } from "../_format.js";

/** @typedef {{type: string, kind: string, config: Record<string, any>, name: string}} Column */

const DATE_DEFAULTS = { datetime: "YYYY-MM-DD HH:mm:ss", date: "YYYY-MM-DD", time: "HH:mm:ss" };

/**
 * An Arrow value as a plain JS value (BigInt -> number when exact, Vectors -> arrays).
 * @param {any} value
 * @returns {any}
 */
export function plain(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : value.toString();
  }
  if (typeof value === "object" && typeof value.toArray === "function") return Array.from(value.toArray(), plain);
  return value;
}

/** A number with at most 4 decimals, trailing zeros dropped (1.5 -> "1.5", 1/3 -> "0.3333"). */
export function plainNumber(/** @type {number} */ x) {
  if (typeof x !== "number") return String(x);
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "-∞";
  if (Number.isInteger(x)) return String(x);
  if (Math.abs(x) >= 1e-4 && Math.abs(x) < 1e15) return String(Number(x.toFixed(4)));
  return x.toExponential(4).replace(/\.?0+e/, "e");
}

/** A byte count with a unit: 1234.5 -> "1.2KB", 3e9 -> "3GB". */
function bytes(/** @type {number} */ x) {
  const units = ["B", "KB", "MB", "GB", "TB", "PB", "EB"];
  let i = 0;
  while (Math.abs(x) >= 1000 && i < units.length - 1) {
    x /= 1000;
    i += 1;
  }
  return `${x.toLocaleString("en-US", { maximumFractionDigits: 1 })}${units[i]}`;
}

/** @type {Record<string, (x: number) => string>} */
const NAMED = {
  plain: (x) => String(x),
  localized: (x) => x.toLocaleString(),
  percent: (x) => `${(x * 100).toFixed(2)}%`,
  dollar: (x) => x.toLocaleString("en-US", { style: "currency", currency: "USD" }),
  euro: (x) => x.toLocaleString("en-US", { style: "currency", currency: "EUR" }),
  yen: (x) => x.toLocaleString("en-US", { style: "currency", currency: "JPY" }),
  accounting: (x) => (x < 0 ? `(${Math.abs(x).toLocaleString("en-US", { minimumFractionDigits: 2 })})` : x.toLocaleString("en-US", { minimumFractionDigits: 2 })),
  bytes: bytes,
  compact: (x) => x.toLocaleString("en-US", { notation: "compact" }),
  scientific: (x) => x.toExponential(2),
  engineering: (x) => x.toLocaleString("en-US", { notation: "engineering" }),
};

/** Thousands separators in the first run of digits of a formatted number ("%,d"). */
function grouped(/** @type {string} */ text) {
  return text.replace(/\d+/, (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
}

/** A number as the column's format says (printf pattern or a named format). */
export function formatNumber(/** @type {number} */ x, /** @type {string | null | undefined} */ format) {
  if (typeof x !== "number") return String(x);
  if (!format) return plainNumber(x);
  const named = NAMED[format];
  if (named) return named(x);
  if (/%[-+ 0#]*,/.test(format)) return grouped(sprintf(format.replace(/(%[-+ 0#]*),/, "$1"), x));
  return sprintf(format, x);
}

/** "+HH:MM" / "-HH:MM" from minutes east of UTC. */
export function offsetText(/** @type {number} */ minutes) {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/**
 * A temporal value as text.
 * @param {string} type datetime | date | time
 * @param {number} ms   epoch ms of the wall-clock time (time: ms since midnight)
 * @param {number | null} offset  minutes east of UTC for zoned datetimes
 * @param {string | null | undefined} format
 */
export function formatTemporal(type, ms, offset, format) {
  const date = new Date(ms);
  if (format === "iso8601") {
    const iso = date.toISOString().replace("Z", "");
    if (type === "date") return iso.slice(0, 10);
    if (type === "time") return iso.slice(11, 23);
    return offset === null ? iso : iso + offsetText(offset);
  }
  if (format === "localized") {
    const opts = /** @type {Intl.DateTimeFormatOptions} */ ({ timeZone: "UTC" });
    if (type === "date") return date.toLocaleDateString(undefined, { ...opts, dateStyle: "medium" });
    if (type === "time") return date.toLocaleTimeString(undefined, { ...opts, timeStyle: "medium" });
    return date.toLocaleString(undefined, { ...opts, dateStyle: "medium", timeStyle: "medium" }) + (offset === null ? "" : ` ${offsetText(offset)}`);
  }
  const pattern = format && format !== "distance" && format !== "calendar" ? format : DATE_DEFAULTS[/** @type {"date"} */ (type)];
  let text = formatDate(date, pattern);
  if (type === "datetime" && date.getUTCMilliseconds() && !format) text += `.${String(date.getUTCMilliseconds()).padStart(3, "0")}`;
  if (offset !== null && !/Z/.test(pattern)) text += offsetText(offset);
  return text;
}

/**
 * How a multiselect column shows an option (`format_func`'s label, else the option).
 * @param {Record<string, any>} conf @param {string} option
 */
export function optionLabel(conf, option) {
  const i = (conf.options || []).indexOf(option);
  return i >= 0 && conf.format_labels ? String(conf.format_labels[i]) : option;
}

/**
 * The text of one cell.
 * @param {Column} col
 * @param {any} value    a plain JS value (see `plain`)
 * @param {number | null} [offset]
 */
export function cellText(col, value, offset = null) {
  if (value === null || value === undefined) return "";
  const conf = col.config || {};
  switch (col.type) {
    case "number":
    case "progress":
      return typeof value === "number" ? formatNumber(value, conf.format) : String(value);
    case "checkbox":
      return value ? "true" : "false";
    case "datetime":
    case "date":
    case "time":
      if (typeof value !== "number") return String(value);
      return formatTemporal(col.type, value, col.type === "datetime" ? offset : null, conf.format);
    case "selectbox": {
      const labels = conf.format_labels;
      if (labels && conf.options) {
        const i = conf.options.indexOf(value);
        if (i >= 0) return labels[i];
      }
      return typeof value === "number" ? plainNumber(value) : String(value);
    }
    case "link":
      return linkText(String(value), conf.display_text);
    case "multiselect":
      return Array.isArray(value) ? value.map((v) => optionLabel(conf, String(v))).join(", ") : String(value);
    case "list":
    case "line_chart":
    case "bar_chart":
    case "area_chart":
      return Array.isArray(value) ? value.map((v) => (typeof v === "number" ? plainNumber(v) : String(v))).join(", ") : String(value);
    default:
      if (typeof value === "number") return plainNumber(value);
      if (Array.isArray(value)) return JSON.stringify(value);
      return String(value);
  }
}

/** A link's shown text: the URL, the display_text, or its regex group's match. */
export function linkText(/** @type {string} */ url, /** @type {string | null | undefined} */ display) {
  if (!display) return url;
  if (/[()]/.test(display)) {
    try {
      const match = new RegExp(display).exec(url);
      if (match) return match[1] ?? match[0];
    } catch {
      /* not a pattern: shown as it is */
    }
  }
  return display;
}

/**
 * A cell's value as the kernel's edit state carries it (JSON): numbers, strings,
 * booleans, ISO dates and times, lists.
 * @param {Column} col @param {any} value
 */
export function wireValue(col, value) {
  if (value === null || value === undefined) return null;
  if ((col.type === "datetime" || col.type === "date" || col.type === "time") && typeof value === "number") {
    const iso = new Date(value).toISOString();
    if (col.type === "date") return iso.slice(0, 10);
    if (col.type === "time") return iso.slice(11, 19);
    return iso.slice(0, 19);
  }
  return value;
}

/**
 * Text typed or pasted into a cell, as the column's value; `undefined` if the text
 * does not fit the column (a letter in a number cell, a date that is no date).
 * @param {Column} col @param {string} text
 * @returns {any}
 */
export function parseCell(col, text) {
  const t = text.trim();
  if (t === "") return null;
  switch (col.type) {
    case "number": {
      const cleaned = t.replace(/[,\s$€¥%]/g, "");
      if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return undefined;
      const n = Number(cleaned);
      return Number.isFinite(n) ? n : undefined;
    }
    case "checkbox":
      if (/^(true|yes|1|checked|x)$/i.test(t)) return true;
      if (/^(false|no|0|unchecked)$/i.test(t)) return false;
      return undefined;
    case "date": {
      const ms = Date.parse(`${t.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(ms) ? undefined : ms;
    }
    case "time": {
      const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(t);
      if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
      return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3] || 0)) * 1000 + Number((m[4] || "0").padEnd(3, "0"));
    }
    case "datetime": {
      const iso = t.replace(" ", "T").replace(/([+-]\d{2}:\d{2}|Z)$/, "");
      const ms = Date.parse(/T/.test(iso) ? `${iso}Z` : `${iso}T00:00:00Z`);
      return Number.isNaN(ms) ? undefined : ms;
    }
    case "selectbox": {
      const options = col.config.options || [];
      const hit = options.find((/** @type {any} */ o) => String(o) === t);
      return hit === undefined && options.length ? undefined : hit ?? t;
    }
    case "list":
      return t.split(",").map((s) => s.trim()).filter(Boolean);
    case "multiselect": {
      // The editor writes JSON (an option may hold a comma); a paste is comma-separated.
      let items;
      try {
        items = t.startsWith("[") ? JSON.parse(t) : t.split(",");
      } catch {
        return undefined;
      }
      if (!Array.isArray(items)) return undefined;
      const picked = [...new Set(items.map((s) => String(s).trim()).filter(Boolean))];
      const options = col.config.options;
      if (options && !col.config.accept_new_options && picked.some((v) => !options.includes(v))) return undefined;
      return picked;
    }
    default:
      return t;
  }
}

/**
 * Why a value is not valid for its column (null if it is), per column_config:
 * required, min/max, integer step, max_chars, validate, options.
 * @param {Column & {required?: boolean}} col @param {any} value
 */
export function invalidReason(col, value) {
  const conf = col.config || {};
  if (value === null || value === undefined) return col.required ? "required" : null;
  if (col.type === "number") {
    if (typeof value !== "number") return "not a number";
    if (conf.integer && !Number.isInteger(value)) return "not an integer";
    if (conf.min_value !== null && conf.min_value !== undefined && value < conf.min_value) return `below ${conf.min_value}`;
    if (conf.max_value !== null && conf.max_value !== undefined && value > conf.max_value) return `above ${conf.max_value}`;
  }
  if (col.type === "text" || col.type === "link") {
    if (conf.max_chars && String(value).length > conf.max_chars) return `longer than ${conf.max_chars}`;
    if (conf.validate) {
      try {
        if (!new RegExp(conf.validate).test(String(value))) return "does not match";
      } catch {
        return null;
      }
    }
  }
  if (col.type === "selectbox" && conf.options && !conf.options.includes(value)) return "not an option";
  if ((col.type === "date" || col.type === "datetime" || col.type === "time") && typeof value === "number") {
    const wire = wireValue(col, value);
    if (conf.min_value && wire < conf.min_value) return `before ${conf.min_value}`;
    if (conf.max_value && wire > conf.max_value) return `after ${conf.max_value}`;
  }
  return null;
}
