// @ts-check
/**
 * st.audio, st.video and st.pdf.  Players keep their element across updates (a rerun
 * does not restart playback); start_time/end_time bound playback; subtitles are <track>s
 * from WebVTT bytes; `alt` is the player's accessible name.
 *
 * @typedef {import("../../types.js").WireNode} WireNode
 * @typedef {import("../../types.js").ComponentContext} ComponentContext
 * @typedef {import("../../types.js").Mounted} Mounted
 */
import { h, on } from "../_base.js";
import { applyWidth, sources } from "./_source.js";

/**
 * @param {"audio" | "video"} tag
 * @returns {(node: WireNode, ctx: ComponentContext) => Mounted}
 */
function player(tag) {
  return (node, ctx) => {
    const media = /** @type {HTMLMediaElement} */ (h(tag, { controls: true, preload: "metadata" }));
    const el = h("div", { class: `nbs-media nbs-${tag}` }, media);
    const urls = sources(ctx);
    /** @type {Record<string, any>} */
    let props = {};
    on(media, "timeupdate", () => {
      if (props.end_time != null && media.currentTime >= props.end_time) {
        if (props.loop) media.currentTime = props.start_time || 0;
        else media.pause();
      }
    }, ctx);
    /** @param {WireNode} next */
    function show(next) {
      const p = next.props;
      const url = urls.url(p.src, p.mime);
      const fresh = media.getAttribute("src") !== url || p.start_time !== props.start_time;
      props = p;
      if (media.getAttribute("src") !== url) media.src = url;
      media.loop = Boolean(p.loop) && p.end_time == null;
      media.autoplay = Boolean(p.autoplay);
      if (tag === "video") /** @type {HTMLVideoElement} */ (media).muted = Boolean(p.muted);
      if (fresh && p.start_time) media.currentTime = p.start_time;
      applyWidth(el, p.width);
      if (p.alt) media.setAttribute("aria-label", p.alt);
      else media.removeAttribute("aria-label");
      if (tag === "video") {
        for (const t of media.querySelectorAll("track")) t.remove();
        (p.subtitles || []).forEach((/** @type {any} */ sub, /** @type {number} */ i) => {
          const track = h("track", { kind: "subtitles", label: sub.label, src: urls.url(sub.vtt, "text/vtt") });
          if (i === 0) track.setAttribute("default", "");
          media.append(track);
        });
      }
      urls.release();
    }
    show(node);
    return { el, update: show, destroy: () => urls.destroy() };
  };
}

export const audio = player("audio");
export const video = player("video");

/** st.pdf: the browser's own PDF viewer over the document's bytes. @param {WireNode} node @param {ComponentContext} ctx @returns {Mounted} */
export function pdf(node, ctx) {
  const urls = sources(ctx);
  const frame = h("iframe", { class: "nbs-pdf-frame" });
  const el = h("div", { class: "nbs-pdf" }, frame);
  /** @param {WireNode} next */
  function show(next) {
    const p = next.props;
    const url = typeof p.src === "string" ? (/^https?:/i.test(p.src) ? p.src : "") : urls.url(p.src, "application/pdf");
    if (frame.getAttribute("src") !== url) frame.src = url;
    // alt names the viewer for assistive technologies; without it, as in Streamlit, it has no name.
    for (const name of ["aria-label", "title"]) {
      if (p.alt) frame.setAttribute(name, p.alt);
      else frame.removeAttribute(name);
    }
    frame.style.height = p.height === "stretch" ? "100%" : `${p.height || 500}px`;
    urls.release();
  }
  show(node);
  return { el, update: show, destroy: () => urls.destroy() };
}
