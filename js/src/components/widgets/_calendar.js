// @ts-check
/**
 * The month calendar of date_input: a dialog with month and year pickers and a grid
 * of day buttons (weeks start on Sunday, as in Streamlit).  Days outside the bounds
 * are disabled; arrows move by day and week, PageUp/PageDown by month, Enter picks,
 * Escape closes.  Dates are ISO strings ("2024-05-31") throughout: no time zones.
 */
import { h, icon, on } from "../_base.js";

/** @typedef {import("../_base.js").ComponentContext} ComponentContext */

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"];

/** @param {string} iso @returns {Date} midnight UTC */
export const isoToDate = (iso) => new Date(`${iso}T00:00:00Z`);
/** @param {Date} d */
export const dateToIso = (d) => d.toISOString().slice(0, 10);
/** @param {string} iso @param {number} days */
export const addDays = (iso, days) => dateToIso(new Date(isoToDate(iso).getTime() + days * 86400000));

/** The same day n months later, clamped to the month's length. @param {string} iso @param {number} n */
export function addMonths(iso, n) {
  const d = isoToDate(iso);
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d.getUTCDate(), last));
  return dateToIso(first);
}

/**
 * @typedef {Object} CalendarSpec
 * @property {() => {min: string, max: string, selected: string[], rangeStart?: string | null}} state
 * @property {(iso: string) => void} pick
 * @property {() => void} close
 */

/**
 * @param {ComponentContext} ctx
 * @param {CalendarSpec} spec
 */
export function calendar(ctx, spec) {
  const month = h("select", { class: "nbs-calendar-month", "aria-label": "Month" });
  const year = h("select", { class: "nbs-calendar-year", "aria-label": "Year" });
  const prev = h("button", { type: "button", class: "nbs-calendar-nav", "aria-label": "Previous month" }, icon("chevron_left"));
  const next = h("button", { type: "button", class: "nbs-calendar-nav", "aria-label": "Next month" }, icon("chevron_right"));
  const grid = h("div", { class: "nbs-calendar-grid", role: "grid" });
  const el = h("div", { class: "nbs-calendar", role: "dialog", "aria-label": "Choose a date", hidden: true },
    h("div", { class: "nbs-calendar-head" }, prev, month, year, next), grid);
  let focus = dateToIso(new Date()); // the day that has keyboard focus, in the month shown

  function clampToBounds(/** @type {string} */ iso) {
    const { min, max } = spec.state();
    return iso < min ? min : iso > max ? max : iso;
  }

  function render(focusDay = false) {
    const { min, max, selected } = spec.state();
    const d = isoToDate(focus);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    month.replaceChildren(...MONTHS.map((name, i) => h("option", { value: i, selected: i === m }, name)));
    const y0 = Number(min.slice(0, 4));
    const y1 = Number(max.slice(0, 4));
    year.replaceChildren(...Array.from({ length: y1 - y0 + 1 }, (_, i) => h("option", { value: y0 + i, selected: y0 + i === y }, String(y0 + i))));
    prev.disabled = `${y}-${String(m + 1).padStart(2, "0")}` <= min.slice(0, 7);
    next.disabled = `${y}-${String(m + 1).padStart(2, "0")}` >= max.slice(0, 7);
    grid.replaceChildren(
      h("div", { class: "nbs-calendar-row", role: "row" }, ...WEEKDAYS.map((w) => h("span", { class: "nbs-calendar-weekday", role: "columnheader" }, w))),
      ...weeks(y, m).map((week) => h("div", { class: "nbs-calendar-row", role: "row" }, ...week.map((iso) => dayCell(iso, m, min, max, selected)))),
    );
    if (focusDay) /** @type {HTMLElement | null} */ (grid.querySelector(`[data-date="${focus}"]`))?.focus();
  }

  /** @param {string} iso @param {number} m @param {string} min @param {string} max @param {string[]} selected */
  function dayCell(iso, m, min, max, selected) {
    const d = isoToDate(iso);
    const inRange = selected.length === 2 && iso > selected[0] && iso < selected[1];
    const button = h("button", {
      type: "button", class: "nbs-calendar-day", role: "gridcell", "data-date": iso, tabindex: iso === focus ? 0 : -1,
      "aria-selected": selected.includes(iso) ? "true" : "false", disabled: iso < min || iso > max,
      "aria-label": d.toLocaleDateString("en-US", { weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }),
      "data-outside": d.getUTCMonth() !== m, "data-in-range": inRange, "data-today": iso === dateToIso(new Date()),
    }, String(d.getUTCDate()));
    on(button, "click", () => spec.pick(iso), ctx);
    return button;
  }

  on(grid, "keydown", (/** @type {KeyboardEvent} */ e) => {
    /** @type {Record<string, () => string>} */
    const moves = {
      ArrowLeft: () => addDays(focus, -1), ArrowRight: () => addDays(focus, 1),
      ArrowUp: () => addDays(focus, -7), ArrowDown: () => addDays(focus, 7),
      PageUp: () => addMonths(focus, -1), PageDown: () => addMonths(focus, 1),
    };
    if (moves[e.key]) {
      e.preventDefault();
      focus = clampToBounds(moves[e.key]());
      render(true);
    }
  }, ctx);
  on(el, "keydown", (/** @type {KeyboardEvent} */ e) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      spec.close();
    }
  }, ctx);
  on(prev, "click", () => { focus = clampToBounds(addMonths(focus, -1)); render(); }, ctx);
  on(next, "click", () => { focus = clampToBounds(addMonths(focus, 1)); render(); }, ctx);
  on(month, "change", () => { focus = clampToBounds(withMonth(focus, Number(month.value))); render(); }, ctx);
  on(year, "change", () => { focus = clampToBounds(withYear(focus, Number(year.value))); render(); }, ctx);

  return {
    el,
    /** Show the month of `iso` (the selection, or today), focusing that day if asked. */
    show(/** @type {string} */ iso, focusDay = false) {
      focus = clampToBounds(iso);
      el.hidden = false;
      render(focusDay);
    },
    hide() {
      el.hidden = true;
    },
    refresh() {
      if (!el.hidden) render(el.contains(document.activeElement));
    },
  };
}

/** The weeks (Sunday first) that cover month m of year y, as ISO dates. */
function weeks(/** @type {number} */ y, /** @type {number} */ m) {
  const first = new Date(Date.UTC(y, m, 1));
  let day = dateToIso(new Date(first.getTime() - first.getUTCDay() * 86400000));
  const out = [];
  do {
    const week = [];
    for (let i = 0; i < 7; i++, day = addDays(day, 1)) week.push(day);
    out.push(week);
  } while (isoToDate(day).getUTCMonth() === m);
  return out;
}

/** @param {string} iso @param {number} m */
function withMonth(iso, m) {
  const d = isoToDate(iso);
  return addMonths(iso, m - d.getUTCMonth());
}

/** @param {string} iso @param {number} y */
function withYear(iso, y) {
  const d = isoToDate(iso);
  return addMonths(iso, (y - d.getUTCFullYear()) * 12);
}
