// @ts-check
/**
 * Choice widgets: checkbox, toggle, radio, selectbox, multiselect.
 *
 * Wire values: checkbox/toggle a boolean; radio/selectbox an option index or null;
 * multiselect a list of distinct indices in the order they were picked.  With
 * accept_new_options a value the user typed travels as its text (a string in place of
 * an index).
 */
import { h, icon, labelled, on, propIcon, same, syncHelp, uid } from "../_base.js";
import { dropdown } from "./_dropdown.js";
import { setWidth, setWrap, titleWhenCut } from "./_layout.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").ComponentContext} ComponentContext */
/** @typedef {import("../_base.js").WireNode} WireNode */

// ---- checkbox and toggle -----------------------------------------------------------------------

/**
 * @param {"checkbox" | "toggle"} kind
 * @returns {Component}
 */
function booleanWidget(kind) {
  return (node, ctx) => {
    const input = h("input", { type: "checkbox", class: `nbs-${kind}-input`, role: kind === "toggle" ? "switch" : null });
    const text = h("span", { class: "nbs-widget-label-text" });
    const row = h("label", { class: "nbs-check-row" }, input, text);
    const el = h("div", { class: `nbs-widget nbs-${kind}` }, row);
    let props = node.props;
    on(input, "change", () => {
      if (!props.disabled) ctx.setValue(props.id, input.checked);
    }, ctx);
    titleWhenCut(text, ctx);
    /** @type {Record<string, any>} */
    let last = {};
    const update = (/** @type {WireNode} */ n) => {
      props = n.props;
      if (props.label !== last.label) text.replaceChildren(ctx.markdown(props.label ?? "", { inline: true }));
      input.checked = Boolean(props.value);
      input.disabled = Boolean(props.disabled);
      el.classList.toggle("nbs-disabled", Boolean(props.disabled));
      el.dataset.labelVisibility = props.label_visibility || "visible";
      setWidth(el, props.width, "content");
      setWrap(el, props.wrap);
      if (props.label_visibility && props.label_visibility !== "visible") input.setAttribute("aria-label", text.textContent || "");
      else input.removeAttribute("aria-label");
      syncHelp(row, props.help, ctx);
      last = props;
    };
    update(node);
    return { el, update };
  };
}

/** @type {Component} */
export const checkbox = booleanWidget("checkbox");
/** @type {Component} */
export const toggle = booleanWidget("toggle");

// ---- radio -------------------------------------------------------------------------------------

/** @type {Component} */
export function radio(node, ctx) {
  const labelId = uid("nbs-label");
  const group = h("div", { role: "radiogroup", class: "nbs-radio-options", "aria-labelledby": labelId });
  const frame = labelled("radio", ctx, { labelId });
  frame.el.append(group);
  const name = uid("nbs-radio");
  let props = node.props;
  /** @type {Record<string, any>} */
  let last = {};

  function build() {
    const focused = group.contains(document.activeElement)
      ? Number((/** @type {HTMLInputElement} */ (document.activeElement)).value) : -1;
    const captions = props.captions || [];
    group.replaceChildren(...(props.options || []).map((/** @type {string} */ label, /** @type {number} */ i) => {
      const input = h("input", { type: "radio", name, value: i, class: "nbs-radio-input" });
      on(input, "change", () => {
        if (input.checked && !props.disabled) ctx.setValue(props.id, i);
      }, ctx);
      const text = h("span", { class: "nbs-radio-text" }, ctx.markdown(label, { inline: true }));
      if (captions[i]) text.append(h("span", { class: "nbs-radio-caption" }, ctx.markdown(captions[i], { inline: true })));
      return h("label", { class: "nbs-radio-option" }, input, text);
    }));
    if (focused >= 0) /** @type {HTMLElement | undefined} */ (group.querySelectorAll("input")[focused])?.focus();
  }

  const update = (/** @type {WireNode} */ n) => {
    props = n.props;
    frame.update(props);
    if (!same(props.options, last.options) || !same(props.captions, last.captions)) build();
    group.classList.toggle("nbs-radio-options--horizontal", Boolean(props.horizontal));
    setWidth(frame.el, props.width, "content");
    group.toggleAttribute("aria-disabled", Boolean(props.disabled));
    group.querySelectorAll("input").forEach((input, i) => {
      input.checked = props.value === i;
      input.disabled = Boolean(props.disabled);
    });
    last = props;
  };
  update(node);
  return { el: frame.el, update };
}

// ---- selectbox ---------------------------------------------------------------------------------

/**
 * The option whose label is `text` regardless of case, or -1.
 * @param {string[]} options @param {string} text
 */
export function matchingOption(options, text) {
  const folded = text.trim().toLowerCase();
  return options.findIndex((o) => o.toLowerCase() === folded);
}

/**
 * An "Add: text" row after the matches, for text that names no option.
 * @param {import("./_dropdown.js").DropdownOption[]} rows @param {string} text
 * @param {string[]} options @param {(text: string) => void} add
 */
function withAddRow(rows, text, options, add) {
  if (!text || matchingOption(options, text) >= 0) return rows;
  return [...rows, { index: -1, label: `Add: ${text}`, kind: "add", action: () => add(text) }];
}

/**
 * The field's icon: an emoji, a Material icon or a spinner.
 * @param {string | null | undefined} value
 */
function fieldIcon(value) {
  if (!value) return null;
  const el = value === "spinner" ? h("span", { class: "nbs-spinner-icon", "aria-hidden": "true" }) : propIcon(value);
  return el && h("span", { class: "nbs-select-icon" }, el);
}

/** @type {Component} */
export function selectbox(node, ctx) {
  const inputId = uid("nbs-input");
  const input = h("input", { id: inputId, type: "text", class: "nbs-select-input", spellcheck: "false" });
  const clear = h("button", { type: "button", class: "nbs-select-clear", "aria-label": "Clear value", hidden: true }, icon("close"));
  const control = h("div", { class: "nbs-select-control" }, input, clear, h("span", { class: "nbs-select-chevron" }, icon("expand_more")));
  const frame = labelled("selectbox", ctx, { forId: inputId, named: () => [input] });
  let props = node.props;
  /** @type {number | string | null} */
  let value = props.value;
  // A selectbox that started empty (index=None) may be emptied again, unless required.
  let nullable = props.value === null;
  /** @type {HTMLElement | null} */
  let iconEl = null;

  const labelOf = (/** @type {number | string | null} */ i) =>
    (i === null ? "" : typeof i === "string" ? i : (props.options || [])[i] ?? "");
  const show = () => {
    if (!drop.isOpen()) input.value = labelOf(value);
    input.placeholder = value === null ? props.placeholder || "" : labelOf(value);
    clear.hidden = !nullable || value === null || Boolean(props.disabled) || Boolean(props.required);
  };
  /** @param {number | string | null} i */
  const commit = (i) => {
    if (i === value) return;
    value = i;
    if (i !== null) input.removeAttribute("aria-invalid");
    ctx.setValue(props.id, i);
  };
  /** @param {number | string} i */
  const choose = (i) => {
    commit(i);
    drop.close();
    input.value = labelOf(value);
  };
  /** A typed value: the option it names (any case), else the text itself. */
  const addText = (/** @type {string} */ text) => {
    const match = matchingOption(props.options || [], text);
    choose(match >= 0 ? match : text.trim());
  };
  const drop = dropdown(ctx, {
    input,
    anchor: control,
    options: () => (props.options || []).map((/** @type {string} */ label, /** @type {number} */ index) => ({ index, label, selected: index === value })),
    filterMode: () => props.filter_mode,
    rows: (matches, text) => (props.accept_new_options ? withAddRow(matches, text, props.options || [], addText) : matches),
    pickText: (text) => {
      if (!props.accept_new_options || !text.trim()) return false;
      addText(text);
      return true;
    },
    pick: choose,
    toggled(open) {
      input.value = open ? "" : labelOf(value);
      show();
    },
  });
  on(clear, "click", () => {
    commit(null);
    show();
  }, ctx);
  frame.el.append(control, drop.list);
  // required inside a form: its submit button does nothing until an option is chosen
  // (checked before the button's own handler, in the capture phase).
  on(document, "click", (/** @type {MouseEvent} */ e) => {
    if (!props.required || value !== null || !(e.target instanceof Element)) return;
    const submitter = e.target.closest("[data-form-submitter]");
    const form = frame.el.closest(".nbs-form");
    if (!submitter || !form || submitter.closest(".nbs-form") !== form) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    input.setAttribute("aria-invalid", "true");
    input.focus();
  }, ctx, { capture: true });

  /** @type {Record<string, any>} */
  let last = {};
  const update = (/** @type {WireNode} */ n) => {
    const optionsChanged = !same(n.props.options, props.options);
    props = n.props;
    if (props.value === null) nullable = true;
    value = props.value;
    frame.update(props);
    if (value !== null || !props.required) input.removeAttribute("aria-invalid");
    if (props.icon !== last.icon) {
      iconEl?.remove();
      iconEl = fieldIcon(props.icon);
      if (iconEl) control.prepend(iconEl);
    }
    setWidth(frame.el, props.width, "stretch");
    input.disabled = Boolean(props.disabled);
    // filter_mode=None: no typing, the list is picked from with the mouse or the arrow keys.
    input.readOnly = props.filter_mode === null;
    input.toggleAttribute("aria-required", Boolean(props.required));
    if (props.disabled) drop.close();
    show();
    if (optionsChanged || drop.isOpen()) drop.refresh();
    last = props;
  };
  update(node);
  return { el: frame.el, update };
}

// ---- multiselect -------------------------------------------------------------------------------

/**
 * Whether the drop-down offers "Select all" for `count` selectable options.
 * @param {boolean | number | null | undefined} selectAll @param {number} count
 */
export function offersSelectAll(selectAll, count) {
  if (count < 2 || selectAll === false) return false;
  return selectAll === true || count <= (selectAll ?? 1000);
}

/** @type {Component} */
export function multiselect(node, ctx) {
  const inputId = uid("nbs-input");
  const input = h("input", { id: inputId, type: "text", class: "nbs-select-input", spellcheck: "false" });
  const tags = h("div", { class: "nbs-tags" }, input);
  const clear = h("button", { type: "button", class: "nbs-select-clear", "aria-label": "Clear all", hidden: true }, icon("close"));
  const control = h("div", { class: "nbs-select-control nbs-multi" }, tags, clear, h("span", { class: "nbs-select-chevron" }, icon("expand_more")));
  const frame = labelled("multiselect", ctx, { forId: inputId, named: () => [input] });
  let props = node.props;
  /** @type {(number | string)[]} */
  let value = [...(props.value || [])];

  const labelOf = (/** @type {number | string} */ i) => (typeof i === "string" ? i : (props.options || [])[i] ?? "");
  const full = () => props.max_selections != null && value.length >= props.max_selections;
  /** @param {(number | string)[]} next */
  const commit = (next) => {
    value = next;
    renderTags();
    ctx.setValue(props.id, next);
    drop.refresh();
  };
  /** Add the options at `indices`, as many as max_selections leaves room for. */
  const addAll = (/** @type {number[]} */ indices) => {
    const room = props.max_selections == null ? indices.length : Math.max(props.max_selections - value.length, 0);
    input.value = "";
    if (room) commit([...value, ...indices.slice(0, room)]);
  };
  /** A typed value: the option it names (any case), else the text, unless already selected. */
  const addText = (/** @type {string} */ text) => {
    const match = matchingOption(props.options || [], text);
    const item = match >= 0 ? match : text.trim();
    const folded = (/** @type {number | string} */ v) => (typeof v === "string" ? v.toLowerCase() : v);
    input.value = "";
    if (full() || value.some((v) => folded(v) === folded(item))) return;
    commit([...value, item]);
  };
  /**
   * "Select all" (or "Select N matches") first, the matches, then "Add: text".
   * @param {import("./_dropdown.js").DropdownOption[]} matches @param {string} text
   */
  const rows = (matches, text) => {
    /** @type {import("./_dropdown.js").DropdownOption[]} */
    let out = matches;
    if (!full() && offersSelectAll(props.select_all, matches.length)) {
      const indices = matches.map((o) => o.index);
      const label = text ? `Select ${matches.length} matches` : "Select all";
      out = [{ index: -1, label, kind: "select-all", action: () => addAll(indices) }, ...matches];
    }
    if (props.accept_new_options && !full()) out = withAddRow(out, text, props.options || [], addText);
    return out;
  };
  const drop = dropdown(ctx, {
    input,
    anchor: control,
    options: () => (props.options || [])
      .map((/** @type {string} */ label, /** @type {number} */ index) => ({ index, label }))
      .filter((/** @type {{index: number}} */ o) => !value.includes(o.index)),
    filterMode: () => props.filter_mode,
    rows,
    pickText: (text) => {
      if (!props.accept_new_options || !text.trim()) return false;
      addText(text);
      return true;
    },
    notice: () => (full() ? `You can only select up to ${props.max_selections} options. Remove an option first.` : null),
    pick(i) {
      input.value = "";
      if (!full() && !value.includes(i)) commit([...value, i]);
    },
    emptyText: "No results",
  });
  on(input, "keydown", (/** @type {KeyboardEvent} */ e) => {
    if (e.key === "Backspace" && input.value === "" && value.length && !props.disabled) commit(value.slice(0, -1));
  }, ctx);
  on(clear, "click", () => commit([]), ctx);
  frame.el.append(control, drop.list);

  function renderTags() {
    const chips = value.map((i) => {
      const text = labelOf(i);
      const remove = h("button", { type: "button", class: "nbs-tag-remove", "aria-label": `Remove ${text}`, disabled: Boolean(props.disabled) }, icon("close"));
      on(remove, "click", () => commit(value.filter((v) => v !== i)), ctx);
      return h("span", { class: "nbs-tag" }, h("span", { class: "nbs-tag-label", title: text }, text), remove);
    });
    // The input stays put (moving a focused element would blur it and close the list).
    tags.querySelectorAll(":scope > .nbs-tag").forEach((t) => t.remove());
    input.before(...chips);
    input.placeholder = value.length ? "" : props.placeholder || "";
    clear.hidden = !value.length || Boolean(props.disabled);
  }

  const update = (/** @type {WireNode} */ n) => {
    const optionsChanged = !same(n.props.options, props.options);
    props = n.props;
    frame.update(props);
    setWidth(frame.el, props.width, "stretch");
    setWrap(frame.el, props.wrap);
    input.disabled = Boolean(props.disabled);
    input.readOnly = props.filter_mode === null;
    if (props.disabled) drop.close();
    value = [...(props.value || [])];
    renderTags();
    if (optionsChanged || drop.isOpen()) drop.refresh();
  };
  update(node);
  return { el: frame.el, update };
}
