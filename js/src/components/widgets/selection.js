// @ts-check
/**
 * Choice widgets: checkbox, toggle, radio, selectbox, multiselect.
 *
 * Wire values: checkbox/toggle a boolean; radio/selectbox an option index or null;
 * multiselect a list of distinct indices in the order they were picked.
 */
import { h, icon, labelled, on, same, syncHelp, uid } from "../_base.js";
import { dropdown } from "./_dropdown.js";

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
    /** @type {Record<string, any>} */
    let last = {};
    const update = (/** @type {WireNode} */ n) => {
      props = n.props;
      if (props.label !== last.label) text.replaceChildren(ctx.markdown(props.label ?? "", { inline: true }));
      input.checked = Boolean(props.value);
      input.disabled = Boolean(props.disabled);
      el.classList.toggle("nbs-disabled", Boolean(props.disabled));
      el.dataset.labelVisibility = props.label_visibility || "visible";
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

/** @type {Component} */
export function selectbox(node, ctx) {
  const inputId = uid("nbs-input");
  const input = h("input", { id: inputId, type: "text", class: "nbs-select-input", spellcheck: "false" });
  const clear = h("button", { type: "button", class: "nbs-select-clear", "aria-label": "Clear value", hidden: true }, icon("close"));
  const control = h("div", { class: "nbs-select-control" }, input, clear, h("span", { class: "nbs-select-chevron" }, icon("expand_more")));
  const frame = labelled("selectbox", ctx, { forId: inputId, named: () => [input] });
  let props = node.props;
  /** @type {number | null} */
  let value = props.value;
  // A selectbox that started empty (index=None) may be emptied again.
  let nullable = props.value === null;

  const labelOf = (/** @type {number | null} */ i) => (i === null ? "" : (props.options || [])[i] ?? "");
  const show = () => {
    if (!drop.isOpen()) input.value = labelOf(value);
    input.placeholder = value === null ? props.placeholder || "" : labelOf(value);
    clear.hidden = !nullable || value === null || Boolean(props.disabled);
  };
  /** @param {number | null} i */
  const commit = (i) => {
    if (i === value) return;
    value = i;
    ctx.setValue(props.id, i);
  };
  const drop = dropdown(ctx, {
    input,
    anchor: control,
    options: () => (props.options || []).map((/** @type {string} */ label, /** @type {number} */ index) => ({ index, label, selected: index === value })),
    pick(i) {
      commit(i);
      drop.close();
      input.value = labelOf(value);
    },
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

  const update = (/** @type {WireNode} */ n) => {
    const optionsChanged = !same(n.props.options, props.options);
    props = n.props;
    if (props.value === null) nullable = true;
    value = props.value;
    frame.update(props);
    input.disabled = Boolean(props.disabled);
    if (props.disabled) drop.close();
    show();
    if (optionsChanged || drop.isOpen()) drop.refresh();
  };
  update(node);
  return { el: frame.el, update };
}

// ---- multiselect -------------------------------------------------------------------------------

/** @type {Component} */
export function multiselect(node, ctx) {
  const inputId = uid("nbs-input");
  const input = h("input", { id: inputId, type: "text", class: "nbs-select-input", spellcheck: "false" });
  const tags = h("div", { class: "nbs-tags" }, input);
  const clear = h("button", { type: "button", class: "nbs-select-clear", "aria-label": "Clear all", hidden: true }, icon("close"));
  const control = h("div", { class: "nbs-select-control nbs-multi" }, tags, clear, h("span", { class: "nbs-select-chevron" }, icon("expand_more")));
  const frame = labelled("multiselect", ctx, { forId: inputId, named: () => [input] });
  let props = node.props;
  /** @type {number[]} */
  let value = [...(props.value || [])];

  const full = () => props.max_selections != null && value.length >= props.max_selections;
  /** @param {number[]} next */
  const commit = (next) => {
    value = next;
    renderTags();
    ctx.setValue(props.id, next);
    drop.refresh();
  };
  const drop = dropdown(ctx, {
    input,
    anchor: control,
    options: () => (props.options || [])
      .map((/** @type {string} */ label, /** @type {number} */ index) => ({ index, label }))
      .filter((/** @type {{index: number}} */ o) => !value.includes(o.index)),
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
    const options = props.options || [];
    const chips = value.map((i) => {
      const remove = h("button", { type: "button", class: "nbs-tag-remove", "aria-label": `Remove ${options[i]}`, disabled: Boolean(props.disabled) }, icon("close"));
      on(remove, "click", () => commit(value.filter((v) => v !== i)), ctx);
      return h("span", { class: "nbs-tag" }, h("span", { class: "nbs-tag-label", title: options[i] }, options[i] ?? ""), remove);
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
    input.disabled = Boolean(props.disabled);
    if (props.disabled) drop.close();
    value = [...(props.value || [])];
    renderTags();
    if (optionsChanged || drop.isOpen()) drop.refresh();
  };
  update(node);
  return { el: frame.el, update };
}
