// @ts-check
/**
 * The grid's toolbar and search box: CSV download, search (Ctrl/Cmd+F, in the kernel),
 * fullscreen (Escape leaves it), and the extra tools an editor adds.
 */
import { h, icon, on } from "../_base.js";

/** @typedef {import("./view.js").GridView} GridView */

export class Toolbar {
  /** Build the toolbar and the search box into the grid's element, and wire them. @param {GridView} grid */
  constructor(grid) {
    const ctx = grid.ctx;
    this.grid = grid;
    this.searchInput = h("input", { class: "nbs-df-search-input", type: "search", placeholder: "Search", "aria-label": "Search" });
    this.searchBox = h("div", { class: "nbs-df-search", hidden: true }, icon("search"), this.searchInput);
    const button = (/** @type {string} */ name, /** @type {string} */ label, /** @type {() => void} */ fn) => {
      const b = h("button", { type: "button", class: "nbs-df-tool", "aria-label": label, title: label }, icon(name));
      on(b, "click", fn, ctx);
      return b;
    };
    this.fullscreenButton = button("fullscreen", "Fullscreen", () => this.toggleFullscreen());
    this.el = h(
      "div",
      { class: "nbs-df-toolbar", role: "toolbar", "aria-label": "Table toolbar" },
      ...(grid.hooks.tools || []),
      button("download", "Download as CSV", () => this.downloadCsv()),
      button("search", "Search", () => this.openSearch()),
      this.fullscreenButton,
    );
    grid.el.prepend(this.el, this.searchBox);
    on(grid.el, "keydown", (/** @type {KeyboardEvent} */ e) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "f" && grid.el.contains(/** @type {Node} */ (document.activeElement))) {
        e.preventDefault();
        this.openSearch();
      } else if (e.key === "Escape" && grid.el.classList.contains("nbs-df--fullscreen")) {
        this.toggleFullscreen();
      }
    }, ctx);
    let timer = 0;
    on(this.searchInput, "input", () => {
      clearTimeout(timer);
      timer = window.setTimeout(() => this.setSearch(this.searchInput.value), 250);
    }, ctx);
    on(this.searchInput, "keydown", (/** @type {KeyboardEvent} */ e) => {
      if (e.key === "Escape") {
        this.searchInput.value = "";
        this.setSearch("");
        this.searchBox.hidden = true;
        grid.grid.focus();
      } else if (e.key === "Enter") this.setSearch(this.searchInput.value);
    }, ctx);
  }

  setSearch(/** @type {string} */ text) {
    if (text === this.grid.search) return;
    this.grid.search = text;
    this.grid.setView();
  }

  openSearch() {
    this.searchBox.hidden = false;
    this.searchInput.focus();
    this.searchInput.select();
  }

  toggleFullscreen() {
    const grid = this.grid;
    const on = !grid.el.classList.contains("nbs-df--fullscreen");
    grid.el.classList.toggle("nbs-df--fullscreen", on);
    this.fullscreenButton.setAttribute("aria-pressed", String(on));
    this.fullscreenButton.replaceChildren(icon(on ? "fullscreen_exit" : "fullscreen"));
    grid.scroller.style.height = on ? "" : grid.scroller.style.height;
    if (on) grid.scroller.dataset.height = grid.scroller.style.height;
    grid.scroller.style.height = on ? "calc(100vh - 80px)" : grid.scroller.dataset.height || "";
    grid.render();
  }

  /** Download the (sorted, searched) table as CSV, fetched from the kernel in chunks. */
  async downloadCsv() {
    const grid = this.grid;
    /** @type {BlobPart[]} */
    const parts = [];
    let start = 0;
    for (;;) {
      const { content, buffers } = await grid.ctx.request({ op: "csv", start, stop: start + 200_000, sort: grid.sort, search: grid.search }, 120000);
      if (buffers[0]) parts.push(/** @type {BlobPart} */ (buffers[0]));
      start += 200_000;
      if (start >= content.rows) break;
    }
    const blob = new Blob(parts, { type: "text/csv;charset=utf-8" });
    const stamp = new Date().toISOString().slice(0, 19).replace(/[T:]/g, "-");
    const a = h("a", { download: `${stamp}_export.csv`, href: URL.createObjectURL(blob) });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }
}
