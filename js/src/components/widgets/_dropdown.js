// @ts-check
/**
 * The searchable drop-down behind selectbox, multiselect and time_input: an input with
 * role combobox owning a listbox.  Typing filters the options (by `filterMode`: fuzzy,
 * contains or prefix; case-insensitive substring by default), arrows move the active
 * option, Enter picks it, Escape or a click elsewhere closes the list.  The list stays
 * open across updates from the kernel.  `rows` may add rows that act instead of picking
 * an option ("Select all", "Add: typed text").
 */
import { h, on, uid } from "../_base.js";

/** @typedef {import("../_base.js").ComponentContext} ComponentContext */

/**
 * @typedef {Object} DropdownOption
 * @property {number} index   the option's index (what the widget sends)
 * @property {string} label
 * @property {boolean} [selected]
 * @property {() => void} [action]  a row that does this instead of picking an option
 * @property {string} [kind]        a class suffix for such a row
 */

/**
 * @typedef {Object} DropdownSpec
 * @property {HTMLInputElement} input         the combobox
 * @property {HTMLElement} anchor             the control the list hangs under
 * @property {() => DropdownOption[]} options the options on offer now
 * @property {(index: number) => void} pick
 * @property {(query: string) => boolean} [pickText]  Enter on typed text matching no option
 * @property {() => string | null} [notice]   a message shown instead of the options
 * @property {(open: boolean) => void} [toggled]
 * @property {string} [emptyText]
 * @property {() => string | null | undefined} [filterMode]  "fuzzy", "contains", "prefix" (default "contains")
 * @property {(matches: DropdownOption[], query: string) => DropdownOption[]} [rows]  the rows shown for these matches
 */

/**
 * The options whose label matches `query`: "contains" and "prefix" compare
 * case-insensitively and keep the order; "fuzzy" keeps labels holding the query's
 * characters in order and ranks them (contiguous and early matches first).
 * @template {{label: string}} T
 * @param {T[]} options @param {string} query @param {string | null | undefined} mode
 * @returns {T[]}
 */
export function filterOptions(options, query, mode) {
  const q = query.trim().toLowerCase();
  if (!q) return options;
  if (mode === "prefix") return options.filter((o) => o.label.toLowerCase().startsWith(q));
  if (mode !== "fuzzy") return options.filter((o) => o.label.toLowerCase().includes(q));
  /** @type {{o: T, score: number, i: number}[]} */
  const scored = [];
  options.forEach((o, i) => {
    const score = fuzzyScore(o.label.toLowerCase(), q);
    if (score !== null) scored.push({ o, score, i });
  });
  return scored.sort((a, b) => a.score - b.score || a.i - b.i).map((s) => s.o);
}

/**
 * Lower is better; null when `q`'s characters are not all in `label` in order.
 * A substring beats any scattered match; among those, an earlier start wins.
 * @param {string} label @param {string} q
 */
function fuzzyScore(label, q) {
  const at = label.indexOf(q);
  if (at >= 0) return at;
  let pos = -1;
  let gaps = 0;
  for (const ch of q) {
    const next = label.indexOf(ch, pos + 1);
    if (next < 0) return null;
    if (pos >= 0) gaps += next - pos - 1;
    pos = next;
  }
  return 1000 + gaps;
}

/**
 * @param {ComponentContext} ctx
 * @param {DropdownSpec} spec
 */
export function dropdown(ctx, spec) {
  const { input, anchor } = spec;
  const list = h("ul", { class: "nbs-dropdown", role: "listbox", id: uid("nbs-list"), tabindex: -1, hidden: true });
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("autocomplete", "off");
  let query = "";
  let active = 0;
  /** @type {DropdownOption[]} */
  let shown = [];

  const isOpen = () => !list.hidden;

  function filtered() {
    const matches = filterOptions(spec.options(), query, spec.filterMode?.());
    return spec.rows ? spec.rows(matches, query.trim()) : matches;
  }

  function render() {
    const notice = spec.notice?.();
    shown = notice ? [] : filtered();
    active = Math.min(Math.max(active, 0), Math.max(shown.length - 1, 0));
    if (notice || !shown.length) {
      list.replaceChildren(h("li", { class: "nbs-dropdown-empty", role: "presentation" }, notice || spec.emptyText || "No results"));
      input.removeAttribute("aria-activedescendant");
      return;
    }
    list.replaceChildren(...shown.map((o, i) => optionEl(o, i)));
    const current = /** @type {HTMLElement | undefined} */ (list.children[active]);
    if (current) {
      input.setAttribute("aria-activedescendant", current.id);
      if (typeof current.scrollIntoView === "function") current.scrollIntoView({ block: "nearest" });
    }
  }

  /** @param {DropdownOption} o @param {number} i */
  function optionEl(o, i) {
    const li = h("li", {
      role: "option", id: o.action ? `${list.id}-${o.kind}` : `${list.id}-${o.index}`,
      class: o.action ? `nbs-dropdown-option nbs-dropdown-${o.kind}` : "nbs-dropdown-option",
      "aria-selected": o.selected ? "true" : "false", "data-active": i === active,
    }, o.label);
    on(li, "pointerdown", (e) => e.preventDefault(), ctx); // keep focus in the input
    on(li, "click", () => choose(o), ctx);
    on(li, "pointermove", () => {
      if (active !== i) setActive(i);
    }, ctx);
    return li;
  }

  /** @param {number} i */
  function setActive(i) {
    list.children[active]?.removeAttribute("data-active");
    active = i;
    const li = /** @type {HTMLElement | undefined} */ (list.children[active]);
    if (!li) return;
    li.setAttribute("data-active", "");
    input.setAttribute("aria-activedescendant", li.id);
    if (typeof li.scrollIntoView === "function") li.scrollIntoView({ block: "nearest" });
  }

  /** @param {DropdownOption} o */
  function choose(o) {
    query = "";
    if (o.action) o.action();
    else spec.pick(o.index);
    if (isOpen()) render();
  }

  function open() {
    if (isOpen() || input.disabled) return;
    query = "";
    const selected = spec.options().findIndex((o) => o.selected);
    active = Math.max(selected, 0);
    list.hidden = false;
    anchor.classList.add("nbs-open");
    input.setAttribute("aria-expanded", "true");
    render();
    spec.toggled?.(true);
  }

  function close() {
    if (!isOpen()) return;
    list.hidden = true;
    query = "";
    anchor.classList.remove("nbs-open");
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    spec.toggled?.(false);
  }

  on(input, "input", () => {
    query = input.value;
    active = 0;
    if (!isOpen()) open();
    query = input.value;
    render();
  }, ctx);
  on(input, "keydown", (/** @type {KeyboardEvent} */ e) => keydown(e), ctx);
  on(input, "click", () => (isOpen() ? null : open()), ctx);
  on(input, "blur", close, ctx);
  on(anchor, "pointerdown", (/** @type {PointerEvent} */ e) => {
    if (e.target === input || input.disabled) return;
    if ((/** @type {HTMLElement} */ (e.target)).closest("button")) return;
    e.preventDefault();
    input.focus();
    if (isOpen()) close();
    else open();
  }, ctx);

  /** @param {KeyboardEvent} e */
  function keydown(e) {
    const move = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[e.key];
    if (move) {
      e.preventDefault();
      if (!isOpen()) open();
      else if (shown.length) setActive(Math.min(Math.max(active + move, 0), shown.length - 1));
    } else if (e.key === "Enter") {
      if (!isOpen()) return;
      e.preventDefault();
      const o = shown[active];
      if (o) choose(o);
      else if (query && spec.pickText?.(query)) close();
    } else if (e.key === "Escape" && isOpen()) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  }

  return { list, open, close, isOpen, refresh: () => (isOpen() ? render() : undefined) };
}
