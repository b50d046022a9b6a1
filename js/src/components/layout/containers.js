// @ts-check
/**
 * Layout: columns (with their column children), container, empty, expander, tabs
 * (tab_container with tab children) and popover.  The areas main and sidebar are the
 * shell's (app.js); styles/containers.css styles what sits in them.
 *
 * A block's `slot` is where the shell puts its children; slots lay children out as a
 * vertical stack with Streamlit's 1rem gap (class nbs-block).
 */
import { h, icon, on, propIcon, uid } from "../_base.js";
import { buttonLook } from "../widgets/buttons.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").ComponentContext} ComponentContext */
/** @typedef {import("../_base.js").WireNode} WireNode */

/**
 * Run `fn` whenever the shell adds or removes children in `slot` (and once now).
 * @param {HTMLElement} slot @param {() => void} fn @param {ComponentContext} ctx
 */
function watchChildren(slot, fn, ctx) {
  if (typeof MutationObserver === "undefined") return;
  const observer = new MutationObserver(fn);
  observer.observe(slot, { childList: true });
  ctx.signal.addEventListener("abort", () => observer.disconnect());
}

// ---- columns -------------------------------------------------------------------------------

/** @type {Component} */
export function columns(node) {
  const el = h("div", { class: "nbs-columns" });
  const update = (/** @type {WireNode} */ n) => {
    setGap(el, n.props.gap);
    el.dataset.valign = n.props.vertical_alignment || "top";
    el.classList.toggle("nbs-columns--border", Boolean(n.props.border));
    el.classList.toggle("nbs-nowrap", n.props.wrap === false);
    setWidth(el, n.props.width);
  };
  update(node);
  return { el, slot: el, update };
}

/** @type {Component} */
export function column(node) {
  const el = h("div", { class: "nbs-column nbs-block" });
  const update = (/** @type {WireNode} */ n) => {
    // Weights are fractions of the row; flex-grow shares the width in those proportions.
    el.style.flex = `${n.props.weight ?? 1} 1 0%`;
    el.classList.toggle("nbs-bordered", Boolean(n.props.border));
  };
  update(node);
  return { el, slot: el, update };
}

/**
 * A gap: a named size (data-gap, sized in containers.css), pixels, or none.
 * @param {HTMLElement} el @param {string | number | null | undefined} gap
 */
function setGap(el, gap) {
  const pixels = typeof gap === "number";
  el.dataset.gap = pixels ? "pixels" : gap ?? "none";
  el.style.gap = pixels ? `${gap}px` : "";
}

/**
 * A width: "stretch" (the default look), "content" or pixels.
 * @param {HTMLElement} el @param {string | number | null | undefined} width
 */
function setWidth(el, width) {
  el.dataset.width = typeof width === "number" ? "pixels" : width || "stretch";
  el.style.width = typeof width === "number" ? `${width}px` : "";
  el.style.maxWidth = typeof width === "number" ? "100%" : "";
}

// ---- container and empty -----------------------------------------------------------------

/** @type {Component} */
export function container(node) {
  const el = h("div", { class: "nbs-container nbs-block" });
  let keyClass = "";
  const update = (/** @type {WireNode} */ n) => {
    const { height, border, key } = n.props;
    el.style.height = height ? `${height}px` : "";
    el.classList.toggle("nbs-container--scroll", Boolean(height));
    el.classList.toggle("nbs-container--fill", n.props.height_mode === "stretch");
    el.classList.toggle("nbs-bordered", Boolean(border));
    el.classList.toggle("nbs-horizontal", Boolean(n.props.horizontal));
    el.classList.toggle("nbs-nowrap", n.props.wrap === false);
    el.dataset.halign = n.props.horizontal_alignment || "left";
    el.dataset.valign = n.props.vertical_alignment || "top";
    setGap(el, n.props.gap === undefined ? "small" : n.props.gap);
    setWidth(el, n.props.width);
    if (keyClass) el.classList.remove(keyClass);
    // Streamlit gives keyed containers the class st-key-<key>, which apps style with CSS.
    keyClass = key ? `st-key-${String(key).replace(/[^\w-]/g, "-")}` : "";
    if (keyClass) el.classList.add(keyClass);
  };
  update(node);
  return { el, slot: el, update };
}

/** An empty placeholder: takes no space until something is written into it. @type {Component} */
export function empty() {
  return { el: h("div", { class: "nbs-empty" }), update() {} };
}

// ---- expander --------------------------------------------------------------------------------

/** @type {Component} */
export function expander(node, ctx) {
  const label = h("span", { class: "nbs-expander-label" });
  const summary = h("summary", { class: "nbs-expander-summary" }, label, h("span", { class: "nbs-expander-chevron" }, icon("expand_more")));
  const slot = h("div", { class: "nbs-expander-content nbs-block" });
  const el = h("details", { class: "nbs-expander" }, summary, slot);
  /** @type {Record<string, any>} */
  let last = {};
  const update = (/** @type {WireNode} */ n) => {
    const p = n.props;
    if (p.label !== last.label) label.replaceChildren(ctx.markdown(p.label ?? "", { inline: true }));
    if (p.icon !== last.icon) {
      summary.querySelector(":scope > .nbs-prop-icon")?.remove();
      const i = propIcon(p.icon);
      if (i) summary.prepend(i);
    }
    // type: "default" (a bordered box), "compact" (an inline toggle), "step" (a timeline step).
    el.dataset.type = p.type || "default";
    setWidth(el, p.width);
    if (p.id) {
      // A tracked expander: its value (open or not) is the kernel's, and a toggle is sent.
      if (p.value !== last.value || p.id !== last.id) el.open = Boolean(p.value);
    } else if (p.expanded !== last.expanded) {
      // `expanded` is where it starts; afterwards the user's choice stands unless the app changes it.
      el.open = Boolean(p.expanded);
    }
    last = p;
  };
  on(el, "toggle", () => {
    if (last.id && el.open !== Boolean(last.value)) {
      last = { ...last, value: el.open };
      ctx.setValue(last.id, el.open);
    }
  }, ctx);
  update(node);
  return { el, slot, update };
}

// ---- tabs ----------------------------------------------------------------------------------

/** @type {Component} */
export function tab_container(node, ctx) {
  const tablist = h("div", { class: "nbs-tablist", role: "tablist" });
  const slot = h("div", { class: "nbs-tab-panels" });
  const el = h("div", { class: "nbs-tabs" }, tablist, slot);
  /** @type {string[]} */
  let labels = [];
  let selected = node.props.value ?? node.props.default ?? 0;
  /** @type {Record<string, any>} */
  let props = node.props;

  /** Tab buttons for the labels, and each panel the shell placed shown or hidden. */
  function sync() {
    const panels = /** @type {HTMLElement[]} */ ([...slot.children]);
    const count = Math.max(labels.length, panels.length);
    selected = Math.min(selected, Math.max(count - 1, 0));
    while (tablist.children.length > count) tablist.lastElementChild?.remove();
    while (tablist.children.length < count) tablist.append(tabButton(tablist.children.length));
    [...tablist.children].forEach((tab, i) => {
      const panel = panels[i];
      const button = /** @type {HTMLElement} */ (tab);
      if (button.dataset.label !== (labels[i] ?? "")) {
        button.dataset.label = labels[i] ?? "";
        button.replaceChildren(ctx.markdown(labels[i] ?? "", { inline: true }));
      }
      button.setAttribute("aria-selected", String(i === selected));
      button.tabIndex = i === selected ? 0 : -1;
      if (!panel) return;
      panel.id ||= uid("nbs-tabpanel");
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", button.id);
      button.setAttribute("aria-controls", panel.id);
      panel.hidden = i !== selected;
    });
  }

  /** @param {number} i */
  function tabButton(i) {
    const button = h("button", { type: "button", role: "tab", class: "nbs-tab", id: uid("nbs-tab") });
    on(button, "click", () => select(i), ctx);
    on(button, "keydown", (/** @type {KeyboardEvent} */ e) => {
      const n = tablist.children.length;
      /** @type {Record<string, number>} */
      const to = { ArrowRight: (i + 1) % n, ArrowLeft: (i - 1 + n) % n, Home: 0, End: n - 1 };
      if (!(e.key in to)) return;
      e.preventDefault();
      select(to[e.key]);
      /** @type {HTMLElement} */ (tablist.children[to[e.key]]).focus();
    }, ctx);
    return button;
  }

  /** Switching tabs is the browser's business, unless the tabs track the open tab (an id). */
  function select(/** @type {number} */ i) {
    const changed = i !== selected;
    selected = i;
    sync();
    if (changed && props.id) {
      props = { ...props, value: i };
      ctx.setValue(props.id, i);
    }
  }

  const update = (/** @type {WireNode} */ n) => {
    const before = props;
    props = n.props;
    labels = n.props.labels || labels;
    if (props.id && typeof props.value === "number" && (props.value !== before.value || n === node)) selected = props.value;
    el.style.width = typeof props.width === "number" ? `${props.width}px` : "";
    slot.style.height = typeof props.height === "number" ? `${props.height}px` : "";
    slot.classList.toggle("nbs-container--scroll", typeof props.height === "number");
    sync();
  };
  watchChildren(slot, sync, ctx);
  update(node);
  return {
    el,
    slot,
    update,
    childrenChanged(children) {
      if (!node.props.labels) labels = children.map((c) => c.props.label ?? "");
      sync();
    },
  };
}

/** @type {Component} */
export function tab() {
  const el = h("div", { class: "nbs-tab-panel nbs-block", role: "tabpanel" });
  return { el, slot: el, update() {} };
}

// ---- popover -------------------------------------------------------------------------------

/** @type {Component} */
export function popover(node, ctx) {
  const look = buttonLook(ctx, { trailing: h("span", { class: "nbs-popover-chevron" }, icon("expand_more")) });
  const slot = h("div", { class: "nbs-popover-content nbs-block" });
  const panel = h("div", { class: "nbs-popover-panel", role: "dialog", hidden: true }, slot);
  const el = h("div", { class: "nbs-popover" }, look.el, panel);
  look.button.setAttribute("aria-haspopup", "dialog");
  look.button.setAttribute("aria-expanded", "false");

  /** @type {Record<string, any>} */
  let props = node.props;
  const setOpen = (/** @type {boolean} */ open, fromKernel = false) => {
    const changed = open === panel.hidden;
    panel.hidden = !open;
    look.button.setAttribute("aria-expanded", String(open));
    el.classList.toggle("nbs-open", open);
    // A tracked popover (an id) tells the kernel when the user opens or closes it.
    if (changed && !fromKernel && props.id && open !== Boolean(props.value)) {
      props = { ...props, value: open };
      ctx.setValue(props.id, open);
    }
  };
  on(look.button, "click", () => setOpen(panel.hidden), ctx);
  // A label cut short by an ellipsis shows whole on hover (unless a help tooltip does).
  on(look.button, "mouseenter", () => {
    const label = /** @type {HTMLElement | null} */ (look.button.querySelector(".nbs-button-label"));
    if (!label) return;
    if (!props.help && label.scrollWidth > label.clientWidth) label.title = label.textContent || "";
    else label.removeAttribute("title");
  }, ctx);
  on(document, "pointerdown", (/** @type {PointerEvent} */ e) => {
    if (!panel.hidden && !el.contains(/** @type {Node} */ (e.target))) setOpen(false);
  }, ctx);
  on(el, "keydown", (/** @type {KeyboardEvent} */ e) => {
    if (e.key === "Escape" && !panel.hidden) {
      e.stopPropagation();
      setOpen(false);
      look.button.focus();
    }
  }, ctx);

  const update = (/** @type {WireNode} */ n) => {
    const before = props;
    props = n.props;
    look.update({ ...n.props, type: n.props.type || "secondary" });
    panel.setAttribute("aria-label", look.button.textContent || "Popover");
    el.classList.toggle("nbs-popover--stretch", Boolean(n.props.use_container_width));
    // wrap: true (the label wraps), false (one line, ellipsized), null (the layout decides: CSS).
    el.dataset.wrap = n.props.wrap === true ? "true" : n.props.wrap === false ? "false" : "auto";

    if (props.id && (props.value !== before.value || n === node)) setOpen(Boolean(props.value), true);
    if (n.props.disabled) setOpen(false);
  };
  update(node);
  return { el, slot, update };
}
