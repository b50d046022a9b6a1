// @ts-check
/**
 * st.image (props: `images` [{src, mime, size, caption, alt}], `width`, `link`).  Every image is an
 * <img> (SVG too: an SVG shown as an image never runs script).
 *
 * @typedef {import("../../types.js").WireNode} WireNode
 * @typedef {import("../../types.js").ComponentContext} ComponentContext
 * @typedef {import("../../types.js").Mounted} Mounted
 */
import { h } from "../_base.js";
import { sources } from "./_source.js";

/** @param {WireNode} node @param {ComponentContext} ctx @returns {Mounted} */
export function image(node, ctx) {
  const el = h("div", { class: "nbs-image-list" });
  const urls = sources(ctx);
  /** @param {WireNode} next */
  function show(next) {
    const { images = [], width } = next.props;
    while (el.children.length > images.length) el.lastElementChild?.remove();
    images.forEach((/** @type {any} */ item, /** @type {number} */ i) => {
      let fig = /** @type {HTMLElement | undefined} */ (el.children[i]);
      if (!fig) {
        fig = h("figure", { class: "nbs-image" }, h("img", {}));
        el.append(fig);
      }
      const img = /** @type {HTMLImageElement} */ (fig.querySelector("img"));
      linkImage(img, images.length === 1 ? safeLink(next.props.link) : null);
      const url = urls.url(item.src, item.mime);
      if (img.getAttribute("src") !== url) img.src = url;
      if (typeof item.alt === "string") img.alt = item.alt;
      else img.removeAttribute("alt");
      img.style.width = width === "stretch" ? "100%" : typeof width === "number" ? `${width}px` : "";
      img.style.maxWidth = "100%";
      if (width !== "stretch" && typeof width !== "number" && item.size) img.width = item.size[0];
      let cap = fig.querySelector("figcaption");
      if (item.caption) {
        if (!cap) fig.append((cap = h("figcaption", { class: "nbs-image-caption" })));
        cap.replaceChildren(ctx.markdown(item.caption, { inline: true }));
      } else cap?.remove();
    });
    urls.release();
  }
  show(node);
  return { el, update: show, destroy: () => urls.destroy() };
}

/**
 * A link a click on the image may follow: http(s), mailto, or a path of the app
 * ("/my_page", "my_page"); any other scheme (javascript:, data:) is dropped.
 */
export function safeLink(/** @type {unknown} */ link) {
  if (typeof link !== "string" || !link.trim()) return null;
  const url = link.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  if (scheme && !/^(https?|mailto)$/i.test(scheme[1])) return null;
  return url;
}

/** Put the image inside an <a> to `href`, or take it out of one when there is no link. */
function linkImage(/** @type {HTMLImageElement} */ img, /** @type {string | null} */ href) {
  const anchor = /** @type {HTMLAnchorElement | null} */ (img.parentElement?.tagName === "A" ? img.parentElement : null);
  if (!href) {
    if (anchor) anchor.replaceWith(img);
    return;
  }
  const a = anchor || h("a", { class: "nbs-image-link" });
  const external = /^(https?:|mailto:)/i.test(href);
  a.setAttribute("href", href);
  if (external) {
    a.setAttribute("target", "_blank");
    a.setAttribute("rel", "noopener noreferrer");
  } else {
    a.removeAttribute("target");
    a.removeAttribute("rel");
  }
  if (!anchor) {
    img.replaceWith(a);
    a.append(img);
  }
}

/** st.logo, drawn first in the sidebar (props: image, icon_image, size, link). @param {WireNode} node @param {ComponentContext} ctx @returns {Mounted} */
export function logo(node, ctx) {
  const img = h("img", { class: "nbs-logo-image", alt: "Logo" });
  const el = h("div", { class: "nbs-logo" }, img);
  const urls = sources(ctx);
  /** @param {WireNode} next */
  function show(next) {
    const p = next.props;
    img.src = urls.url(p.image?.src, p.image?.mime);
    img.style.height = `${{ small: 24, medium: 32, large: 40 }[/** @type {"small"} */ (p.size)] || 32}px`;
    const link = el.querySelector("a");
    if (p.link && /^https?:/i.test(p.link)) {
      const a = link || h("a", { target: "_blank", rel: "noopener noreferrer" });
      a.setAttribute("href", p.link);
      a.append(img);
      el.replaceChildren(a);
    } else if (link) el.replaceChildren(img);
    urls.release();
  }
  show(node);
  return { el, update: show, destroy: () => urls.destroy() };
}
