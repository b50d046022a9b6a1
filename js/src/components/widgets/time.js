// @ts-check
/**
 * Date and time widgets: date_input (one date or a range, shown in the widget's
 * format, picked on a calendar or typed) and time_input (a list at `step` intervals,
 * or a typed time).
 *
 * Wire values: date_input an ISO date or null; a range a list of 0 to 2 ISO dates
 * (one while only the start is picked); time_input "HH:MM" (or "HH:MM:SS") or null,
 * shown in 24-hour, 12-hour or the browser's format (`format`).  With `required` an
 * empty value (for a range: anything but a start and an end) is not sent and holds
 * back the form's submit button.
 */
import { h, icon, labelled, on, uid } from "../_base.js";
import { dropdown } from "./_dropdown.js";
import { draft } from "../_editing.js";
import { calendar } from "./_calendar.js";
import { REQUIRED_MESSAGE, applyWidth, fieldCheck } from "./_inputs.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").WireNode} WireNode */

// ---- date formats ---------------------------------------------------------------------------

/** "2024-05-31" in a format such as "DD.MM.YYYY". @param {string} iso @param {string} format */
export function formatIso(iso, format) {
  const [y, m, d] = iso.split("-");
  return format.replace("YYYY", y).replace("MM", m).replace("DD", d);
}

/**
 * A typed date in the widget's format as ISO, or null if it is not a real date.
 * @param {string} text @param {string} format
 */
export function parseFormatted(text, format) {
  const order = ["YYYY", "MM", "DD"].sort((a, b) => format.indexOf(a) - format.indexOf(b));
  const pattern = format.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace("YYYY", "(\\d{4})").replace("MM", "(\\d{1,2})").replace("DD", "(\\d{1,2})");
  const m = new RegExp(`^${pattern}$`).exec(text.trim());
  if (!m) return null;
  /** @type {Record<string, number>} */
  const parts = {};
  order.forEach((name, i) => (parts[name] = Number(m[i + 1])));
  const date = new Date(Date.UTC(parts.YYYY, parts.MM - 1, parts.DD));
  if (date.getUTCMonth() !== parts.MM - 1 || date.getUTCDate() !== parts.DD) return null;
  return date.toISOString().slice(0, 10);
}

const RANGE_SEPARATOR = " – ";

// ---- date_input ---------------------------------------------------------------------------

/** @type {Component} */
export function date_input(node, ctx) {
  const inputId = uid("nbs-input");
  const input = h("input", { id: inputId, type: "text", class: "nbs-input", autocomplete: "off", "aria-haspopup": "dialog", "aria-expanded": "false" });
  const box = h("div", { class: "nbs-input-box nbs-date-control" }, input, h("span", { class: "nbs-date-icon" }, icon("calendar_month")));
  const frame = labelled("date_input", ctx, { forId: inputId, named: () => [input] });
  const edit = draft(input);
  let props = node.props;
  /** @type {string[]} the selection as ISO dates */
  let selected = [];

  const isRange = () => Boolean(props.is_range);
  const text = () => selected.map((iso) => formatIso(iso, props.format || "YYYY/MM/DD")).join(RANGE_SEPARATOR);
  const cal = calendar(ctx, {
    state: () => ({ min: props.min_value, max: props.max_value, selected }),
    pick,
    close: () => close(true),
  });
  frame.el.append(box, cal.el);
  /** What `required` refuses: no date, or a range without both ends. @param {string[]} dates */
  const empty = (dates) => (isRange() ? dates.length !== 2 : dates.length === 0);
  const check = fieldCheck(frame.el, input, ctx, () => (props.required && empty(selected) ? REQUIRED_MESSAGE : null));

  /** @param {string[]} next */
  function commit(next) {
    if (props.disabled) return;
    selected = next;
    edit.settle(text());
    if (props.required && empty(next)) {
      if (cal.el.hidden) check.ok(); // a range's first day: the second is still to come
      return;
    }
    check.clear();
    ctx.setValue(props.id, isRange() ? next : next[0] ?? null);
  }

  /** A click on a day: a single date closes the calendar; a range needs its second day. */
  function pick(/** @type {string} */ iso) {
    if (!isRange()) {
      commit([iso]);
      close(true);
    } else if (selected.length !== 1) {
      commit([iso]);
      cal.refresh();
    } else {
      commit([selected[0], iso].sort());
      close(true);
    }
  }

  function open(focusDay = false) {
    if (props.disabled || !cal.el.hidden) return;
    input.setAttribute("aria-expanded", "true");
    cal.show(selected[selected.length - 1] || new Date().toISOString().slice(0, 10), focusDay);
  }

  function close(refocus = false) {
    if (cal.el.hidden) return;
    cal.hide();
    if (props.required && empty(selected)) check.ok();
    input.setAttribute("aria-expanded", "false");
    if (refocus) input.focus();
  }

  /** Enter or blur on typed text: a valid date (or range) in bounds commits; else revert. */
  function commitTyped() {
    if (!edit.dirty()) return;
    const parts = input.value.split(/\s*[–—]\s*|\s+-\s+/).filter(Boolean);
    const dates = parts.map((p) => parseFormatted(p, props.format || "YYYY/MM/DD"));
    const valid = dates.every((d) => d && d >= props.min_value && d <= props.max_value) && dates.length <= (isRange() ? 2 : 1);
    if (valid && (dates.length || isRange())) commit(/** @type {string[]} */ (dates).sort());
    else edit.settle(text());
  }

  on(input, "click", () => open(), ctx);
  on(input, "keydown", (/** @type {KeyboardEvent} */ e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      commitTyped();
      close();
    } else if (e.key === "ArrowDown") {
      e.preventDefault();
      open(true);
    } else if (e.key === "Escape") close();
  }, ctx);
  on(input, "blur", commitTyped, ctx);
  on(document, "pointerdown", (/** @type {PointerEvent} */ e) => {
    if (!frame.el.contains(/** @type {Node} */ (e.target))) close();
  }, ctx);
  on(frame.el, "focusout", (/** @type {FocusEvent} */ e) => {
    if (e.relatedTarget && !frame.el.contains(/** @type {Node} */ (e.relatedTarget))) close();
  }, ctx);

  const update = (/** @type {WireNode} */ n) => {
    props = n.props;
    frame.update(props);
    const v = props.value;
    selected = Array.isArray(v) ? [...v] : v ? [v] : [];
    if (!empty(selected)) check.clear();
    applyWidth(frame.el, props.width);
    input.disabled = Boolean(props.disabled);
    input.placeholder = (props.format || "YYYY/MM/DD") + (isRange() ? RANGE_SEPARATOR + (props.format || "YYYY/MM/DD") : "");
    edit.show(text());
    if (props.disabled) close();
    cal.refresh();
  };
  update(node);
  return { el: frame.el, update };
}

// ---- time_input ---------------------------------------------------------------------------

/** "9:5" -> "09:05"; "21:30:15" kept with its seconds; null if not a time of day. */
export function normalizeTime(/** @type {string} */ text) {
  const m = /^(\d{1,2})[:.h]?(\d{2})(?::(\d{2}))?\s*([aApP][mM])?$/.exec(text.trim());
  if (!m) return null;
  let hours = Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = m[3] === undefined ? null : Number(m[3]);
  if (m[4]) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (/p/i.test(m[4]) ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || (seconds !== null && seconds > 59)) return null;
  const hhmm = `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
  return seconds ? `${hhmm}:${String(seconds).padStart(2, "0")}` : hhmm;
}

/**
 * A wire time ("HH:MM" or "HH:MM:SS") as the widget shows it: "24h" as is, "12h" with
 * AM/PM ("1:05 PM"), "localized" as the browser's locale writes times.
 * @param {string | null} time @param {string} [format]
 */
export function timeLabel(time, format = "24h") {
  if (!time || format === "24h") return time ?? "";
  const [hours, minutes, seconds] = time.split(":").map(Number);
  if (format === "12h") {
    const rest = [minutes, ...(seconds === undefined ? [] : [seconds])].map((n) => String(n).padStart(2, "0")).join(":");
    return `${hours % 12 || 12}:${rest} ${hours < 12 ? "AM" : "PM"}`;
  }
  const opts = /** @type {Intl.DateTimeFormatOptions} */ ({ hour: "numeric", minute: "2-digit", ...(seconds === undefined ? {} : { second: "2-digit" }) });
  return new Intl.DateTimeFormat(undefined, opts).format(new Date(2000, 0, 1, hours, minutes, seconds || 0));
}

/** The times of day at `step` seconds, from midnight. @param {number} step */
export function timeOptions(step) {
  const out = [];
  for (let s = 0; s < 86400; s += Math.max(step, 60)) {
    out.push(`${String(Math.floor(s / 3600)).padStart(2, "0")}:${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}`);
  }
  return out;
}

/** @type {Component} */
export function time_input(node, ctx) {
  const inputId = uid("nbs-input");
  const input = h("input", { id: inputId, type: "text", class: "nbs-select-input", spellcheck: "false" });
  const control = h("div", { class: "nbs-select-control nbs-time-control" }, input, h("span", { class: "nbs-select-chevron" }, icon("schedule")));
  const frame = labelled("time_input", ctx, { forId: inputId, named: () => [input] });
  let props = node.props;
  /** @type {string | null} */
  let value = props.value;
  let options = timeOptions(props.step);
  const shown = (/** @type {string | null} */ v) => timeLabel(v, props.format);

  /** @param {string | null} v */
  const commit = (v) => {
    if (props.disabled || v === value) return;
    if (v === null && props.required) {
      check.ok();
      return;
    }
    check.clear();
    value = v;
    ctx.setValue(props.id, v);
  };
  const drop = dropdown(ctx, {
    input,
    anchor: control,
    options: () => options.map((time, index) => ({ index, label: shown(time), selected: time === value })),
    pick(i) {
      commit(options[i]);
      drop.close();
    },
    pickText(text) {
      const t = normalizeTime(text);
      if (t) commit(t);
      return Boolean(t);
    },
    toggled(open) {
      input.value = open ? "" : shown(value);
      input.placeholder = open ? shown(value) : "";
    },
  });
  frame.el.append(control, drop.list);
  const check = fieldCheck(frame.el, input, ctx, () => (props.required && value === null ? REQUIRED_MESSAGE : null));

  const update = (/** @type {WireNode} */ n) => {
    const stepChanged = n.props.step !== props.step;
    props = n.props;
    value = props.value;
    if (stepChanged) options = timeOptions(props.step);
    frame.update(props);
    if (value !== null) check.clear();
    applyWidth(frame.el, props.width);
    input.disabled = Boolean(props.disabled);
    if (props.disabled) drop.close();
    if (!drop.isOpen()) input.value = shown(value);
    drop.refresh();
  };
  update(node);
  return { el: frame.el, update };
}
