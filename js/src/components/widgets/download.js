// @ts-check
/**
 * st.download_button.  Props: those of st.button plus `file_name`, `mime`, `size` (bytes,
 * null when the script gave a callable) and `ignore_click`.
 *
 * The file is not in the props: a click asks the kernel for it (ctx.request({file: true})),
 * which answers with the bytes as one binary buffer, and the browser saves them under
 * `file_name` through a Blob URL, so tens of megabytes never pass through a string.
 * Then, unless `ignore_click`, the click is reported and the app reruns (and runs the
 * button's callback), as in Streamlit.
 */
import { h, on } from "../_base.js";
import { buttonLook } from "./buttons.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").ComponentContext} ComponentContext */

/** How long to wait for the file: a minute, plus a second per megabyte. */
export function fileTimeout(/** @type {number | null | undefined} */ size) {
  return 60_000 + Math.ceil((size || 0) / 1_000_000) * 1_000;
}

/**
 * Save bytes as a file the way a link with `download` does.
 * @param {BlobPart[]} parts @param {string} name @param {string} mime
 */
export function saveFile(parts, name, mime) {
  const url = URL.createObjectURL(new Blob(parts, { type: mime }));
  const link = h("a", { href: url, download: name, style: "display:none" });
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has read the URL once the click's default action ran.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** @type {Component} */
export function download_button(node, ctx) {
  const look = buttonLook(ctx);
  const problem = h("div", { class: "nbs-download-error", role: "alert", hidden: "" });
  look.el.append(problem);
  look.el.classList.add("nbs-download-button");
  let props = node.props;
  let busy = false;

  const download = async () => {
    if (busy || look.button.disabled) return;
    busy = true;
    look.button.setAttribute("aria-busy", "true");
    problem.hidden = true;
    const { id, ignore_click: ignore } = props;
    try {
      const answer = await ctx.request({ file: true }, fileTimeout(props.size));
      const info = answer.content || {};
      const parts = /** @type {BlobPart[]} */ (/** @type {unknown} */ (answer.buffers.slice(0, 1)));
      saveFile(parts, String(info.file_name ?? props.file_name), String(info.mime ?? props.mime));
      if (!ignore) ctx.click(id);
    } catch (error) {
      problem.textContent = `The file could not be downloaded: ${error instanceof Error ? error.message : String(error)}`;
      problem.hidden = false;
    } finally {
      busy = false;
      look.button.removeAttribute("aria-busy");
    }
  };
  on(look.button, "click", download, ctx);
  look.update(props);
  return {
    el: look.el,
    update(n) {
      props = n.props;
      look.update(props);
    },
  };
}
