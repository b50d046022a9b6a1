// @ts-check
/**
 * The options every button-like element shares (st.button, st.download_button,
 * st.form_submit_button, st.link_button, st.page_link): `width`, `icon_position`, `wrap`
 * and a keyboard `shortcut`.  The kernel sends the shortcut normalized: lower-case,
 * modifiers in the order ctrl, cmd, alt, shift, then one key ("ctrl+shift+k", "escape",
 * "f4").
 */
import { h, on } from "../_base.js";

/** @typedef {import("../_base.js").ComponentContext} ComponentContext */

const NAMED = /** @type {Record<string, string>} */ ({
  escape: "Escape",
  enter: "Enter",
  space: " ",
  tab: "Tab",
  backspace: "Backspace",
  delete: "Delete",
  home: "Home",
  end: "End",
  pageup: "PageUp",
  pagedown: "PageDown",
  up: "ArrowUp",
  down: "ArrowDown",
  left: "ArrowLeft",
  right: "ArrowRight",
});
const SHOWN = /** @type {Record<string, string>} */ ({
  escape: "Esc",
  space: "Space",
  pageup: "PgUp",
  pagedown: "PgDn",
  up: "↑",
  down: "↓",
  left: "←",
  right: "→",
});

function isMac() {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent || "");
}

/**
 * A normalized shortcut split into its modifiers and its key.
 * @param {string} shortcut
 */
export function parseShortcut(shortcut) {
  const parts = String(shortcut).split("+");
  const key = parts.pop() || "";
  return { mods: new Set(parts), key };
}

/**
 * The shortcut as the user reads it on the button: "Ctrl+Shift+K", or "⌘⇧K" on a Mac
 * (Ctrl, Cmd, Meta and Mod all mean the platform's command key).
 * @param {string} shortcut @param {boolean} [mac]
 */
export function shortcutLabel(shortcut, mac = isMac()) {
  const { mods, key } = parseShortcut(shortcut);
  const name = SHOWN[key] || (NAMED[key] ? NAMED[key] : key.toUpperCase());
  if (mac) {
    return `${mods.has("ctrl") || mods.has("cmd") ? "⌘" : ""}${mods.has("alt") ? "⌥" : ""}${mods.has("shift") ? "⇧" : ""}${name}`;
  }
  const words = [];
  if (mods.has("ctrl") || mods.has("cmd")) words.push("Ctrl");
  if (mods.has("alt")) words.push("Alt");
  if (mods.has("shift")) words.push("Shift");
  return [...words, name].join("+");
}

/**
 * Whether a key press is the shortcut.  Ctrl and Cmd are the same modifier (either key
 * matches); Alt and Shift must be exactly as given.  The key is compared by its physical
 * position too, since Alt/Option changes the character a letter key types.
 * @param {string} shortcut @param {KeyboardEvent} e
 */
export function matchesShortcut(shortcut, e) {
  const { mods, key } = parseShortcut(shortcut);
  const command = mods.has("ctrl") || mods.has("cmd");
  if (command !== (e.ctrlKey || e.metaKey)) return false;
  if (mods.has("alt") !== e.altKey || mods.has("shift") !== e.shiftKey) return false;
  if (NAMED[key]) return e.key === NAMED[key] || (key === "space" && e.code === "Space");
  if (/^f\d+$/.test(key)) return e.key.toLowerCase() === key;
  if (e.key.toLowerCase() === key) return true;
  return e.code === `Key${key.toUpperCase()}` || e.code === `Digit${key}`;
}

/** @param {EventTarget | null} target */
function isTyping(target) {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches("input, textarea, select, [role='combobox']");
}

/** @param {EventTarget | null} target */
function inApp(target) {
  if (!(target instanceof Element)) return true;
  return target === document.body || target === document.documentElement || Boolean(target.closest(".nbs-app"));
}

/**
 * Click `button` when its shortcut is pressed anywhere on the page.  A shortcut without
 * Ctrl/Cmd/Alt does not fire while the user types in a field, nor from a key pressed in
 * the notebook around the app (JupyterLab's own single-key commands), nor does a held
 * key repeat.  It listens in the capture phase: the app stops unmodified keys from
 * leaving it (view.js), so they would never bubble to the document.
 * @param {HTMLElement} button  what to click
 * @param {() => string | null | undefined} shortcut  the current shortcut
 * @param {ComponentContext} ctx
 */
export function bindShortcut(button, shortcut, ctx) {
  on(document, "keydown", (/** @type {KeyboardEvent} */ e) => {
    const wanted = shortcut();
    if (!wanted || e.repeat || e.defaultPrevented || !button.isConnected) return;
    if (!matchesShortcut(wanted, e)) return;
    const bare = !(e.ctrlKey || e.metaKey || e.altKey);
    if (bare && (isTyping(e.target) || !inApp(e.target))) return;
    if (button.matches(":disabled, [aria-disabled='true']")) return;
    // The key is the shortcut's alone: a form's Enter-to-submit must not submit again.
    e.preventDefault();
    e.stopPropagation();
    // A text field commits its value on blur: commit it before the click (a form's submit
    // shortcut pressed while typing sends what was typed), then give the focus back.
    const active = document.activeElement;
    if (active instanceof HTMLElement && isTyping(active)) {
      active.blur();
      button.click();
      active.focus({ preventScroll: true });
    } else {
      button.click();
    }
  }, ctx, { capture: true });
}

/**
 * Lay a button out by its options: `el` is the wrapper, `button` the clickable element,
 * `label` the label's element and `icon` the icon element (or null).
 * @param {{el: HTMLElement, button: HTMLElement, label: HTMLElement, icon: HTMLElement | null}} parts
 * @param {Record<string, any>} p
 */
export function applyButtonOptions({ el, button, label, icon }, p) {
  const width = p.width ?? (p.use_container_width ? "stretch" : "content");
  el.classList.toggle("nbs-button-wrap--stretch", width === "stretch");
  el.classList.toggle("nbs-button-wrap--fixed", typeof width === "number");
  el.style.width = typeof width === "number" ? `${width}px` : "";
  if (icon) {
    if (p.icon_position === "right") label.after(icon);
    else label.before(icon);
  }
  el.dataset.wrap = p.wrap === true ? "wrap" : p.wrap === false ? "nowrap" : "auto";
  let hint = /** @type {HTMLElement | null} */ (button.querySelector(":scope > .nbs-button-shortcut"));
  if (p.shortcut) {
    if (!hint) {
      hint = h("kbd", { class: "nbs-button-shortcut" });
      button.append(hint);
    }
    hint.textContent = shortcutLabel(p.shortcut);
    button.setAttribute("aria-keyshortcuts", ariaShortcut(p.shortcut));
  } else {
    hint?.remove();
    button.removeAttribute("aria-keyshortcuts");
  }
}

/**
 * A label cut with an ellipsis shows in full on hover, unless `help` has the tooltip.
 * @param {HTMLElement} el @param {HTMLElement} label
 * @param {() => Record<string, any>} props @param {ComponentContext} ctx
 */
export function overflowTitle(el, label, props, ctx) {
  on(el, "pointerenter", () => {
    if (!props().help && label.scrollWidth > label.clientWidth) label.title = label.textContent || "";
    else label.removeAttribute("title");
  }, ctx);
}

/** @param {string} shortcut */
function ariaShortcut(shortcut) {
  const { mods, key } = parseShortcut(shortcut);
  const names = { ctrl: "Control", cmd: "Meta", alt: "Alt", shift: "Shift" };
  const named = NAMED[key] === " " ? "Space" : NAMED[key];
  return [...[...mods].map((m) => names[/** @type {keyof typeof names} */ (m)] || m), named || key.toUpperCase()].join("+");
}
