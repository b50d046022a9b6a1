// @ts-check
/**
 * st.pyplot: the figure as a PNG image (props: `image` blob, `natural_width` in CSS
 * pixels, `width` "stretch" | "content" | px, `alt`).
 *
 * @typedef {import("../../types.js").WireNode} WireNode
 * @typedef {import("../../types.js").ComponentContext} ComponentContext
 * @typedef {import("../../types.js").Mounted} Mounted
 */
import { blobBytes, blobHash } from "./data.js";

/** A URL for PNG bytes: an object URL (a data: URL where there is none, as in jsdom). @param {Uint8Array} bytes */
function imageUrl(bytes) {
  if (typeof URL.createObjectURL === "function") {
    return URL.createObjectURL(new Blob([/** @type {BlobPart} */ (bytes)], { type: "image/png" }));
  }
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/png;base64,${btoa(text)}`;
}

/** @param {WireNode} node @param {ComponentContext} ctx @returns {Mounted} */
export function pyplot(node, ctx) {
  const el = document.createElement("div");
  el.className = "nbs-chart nbs-pyplot";
  const img = document.createElement("img");
  el.append(img);
  let shown = "";
  let url = "";

  /** @param {WireNode} next */
  function show(next) {
    const { props } = next;
    img.alt = props.alt || "";
    const w = props.width;
    img.style.width = w === "stretch" ? "100%" : typeof w === "number" ? `${w}px` : `${props.natural_width}px`;
    img.style.maxWidth = "100%";
    const hash = blobHash(props.image);
    if (!hash || hash === shown) return;
    const nextUrl = imageUrl(blobBytes(props.image, ctx));
    img.src = nextUrl; // the old image stays until the new one decodes
    if (url.startsWith("blob:")) URL.revokeObjectURL(url);
    url = nextUrl;
    shown = hash;
  }

  show(node);
  return {
    el,
    update: show,
    destroy() {
      if (url.startsWith("blob:")) URL.revokeObjectURL(url);
    },
  };
}
