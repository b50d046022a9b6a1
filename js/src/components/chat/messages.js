// @ts-check
/**
 * st.chat_message: a message row, its avatar beside its content (the block's slot).
 *
 * Props (nbstream/elements/chat/messages.py): name, avatar_type ("icon" | "emoji" |
 * "image"), avatar ("user" | "assistant" | ":material/...:" | an emoji | an image URL |
 * "" for the name's initial), avatar_image ({data: blob, mime} for image bytes), width.
 */
import { h, icon, propIcon } from "../_base.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").ComponentContext} ComponentContext */
/** @typedef {import("../_base.js").WireNode} WireNode */

const BUILT_IN = { user: "face", assistant: "smart_toy" };

/**
 * The avatar for a message's props: built-in icon, material icon, emoji, image or initial.
 * @param {Record<string, any>} p
 * @param {ComponentContext} ctx
 * @returns {{el: HTMLElement, url?: string}}
 */
function avatarFor(p, ctx) {
  const box = h("div", { class: "nbs-chat-avatar", "aria-hidden": "true" });
  const avatar = typeof p.avatar === "string" ? p.avatar : "";
  if (p.avatar_type === "icon" && (avatar === "user" || avatar === "assistant")) {
    box.classList.add(`nbs-chat-avatar--${avatar}`);
    box.append(icon(BUILT_IN[avatar]));
  } else if (p.avatar_type === "icon" && avatar.startsWith(":material/")) {
    const el = propIcon(avatar);
    if (el) box.append(el);
  } else if (p.avatar_type === "emoji") {
    box.classList.add("nbs-chat-avatar--emoji");
    box.textContent = avatar;
  } else if (p.avatar_type === "image") {
    let url = "";
    let owned = false;
    const image = p.avatar_image;
    if (/^(https?:\/\/|data:image\/)/.test(avatar)) url = avatar;
    else if (image && image.data && typeof image.data.$blob === "string") {
      const data = ctx.blob(image.data.$blob);
      if (data) {
        url = URL.createObjectURL(new Blob([/** @type {BlobPart} */ (/** @type {unknown} */ (data))], { type: String(image.mime || "image/png") }));
        owned = true;
      }
    }
    box.classList.add("nbs-chat-avatar--image");
    if (url) box.append(h("img", { src: url, alt: "" }));
    return { el: box, url: owned ? url : undefined };
  } else {
    box.classList.add("nbs-chat-avatar--initial");
    box.textContent = String(p.name ?? "").trim().charAt(0).toUpperCase();
  }
  return { el: box };
}

/** @type {Component} */
export function chat_message(node, ctx) {
  const slot = h("div", { class: "nbs-chat-content nbs-block" });
  const el = h("div", { class: "nbs-chat-message" }, slot);
  /** @type {{el: HTMLElement, url?: string} | null} */
  let avatar = null;
  /** @type {Record<string, any>} */
  let last = {};
  const release = () => {
    if (avatar?.url) URL.revokeObjectURL(avatar.url);
  };
  const update = (/** @type {WireNode} */ n) => {
    const p = n.props;
    if (p.avatar !== last.avatar || p.avatar_type !== last.avatar_type || p.name !== last.name || p.avatar_image !== last.avatar_image) {
      release();
      avatar?.el.remove();
      avatar = avatarFor(p, ctx);
      el.prepend(avatar.el);
    }
    el.setAttribute("aria-label", `Chat message from ${p.name ?? ""}`);
    el.dataset.author = p.avatar_type === "icon" && (p.avatar === "user" || p.avatar === "assistant") ? p.avatar : "other";
    el.style.width = typeof p.width === "number" ? `${p.width}px` : "";
    el.classList.toggle("nbs-chat-message--content", p.width === "content");
    last = p;
  };
  update(node);
  return { el, slot, update, destroy: release };
}
