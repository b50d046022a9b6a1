// @ts-check
/**
 * Multipage apps (elements/navigation/): the menu of st.navigation and of a pages/
 * folder -- drawn by the sidebar or the main area from their `navigation` prop -- and
 * st.page_link.  A click asks the kernel for the page (ctx.navigate); in Voila the page
 * is also the URL's `page` query parameter (voila.js), so links open in a new tab too.
 */
import { h, on, propIcon } from "../_base.js";
import { pageHref } from "../../voila.js";

/** @typedef {import("../_base.js").Component} Component */

/**
 * @typedef {Object} MenuPage
 * @property {string} url_path
 * @property {string} title
 * @property {string} icon
 * @property {boolean} [default]
 *
 * @typedef {Object} Menu
 * @property {{header: string, pages: MenuPage[]}[]} sections
 * @property {string} current
 * @property {string} position  "sidebar" or "top"
 * @property {boolean | number} [expanded]  all pages (true), the first few (false: 10), or how many
 */

// st.navigation(expanded=False): a long sidebar menu shows this many pages, then "View more".
const FOLDED = 10;

/**
 * The navigation menu; `update` redraws it from an area's `navigation` prop (none: hidden).
 * @param {(path: string) => void} navigate
 * @param {AbortSignal} signal
 */
export function navMenu(navigate, signal) {
  const el = h("nav", { class: "nbs-nav", "aria-label": "Pages" });
  el.hidden = true;
  let last = "";
  let unfolded = false;
  /** @param {Menu | undefined} menu */
  const update = (menu) => {
    const key = JSON.stringify(menu || null);
    if (key === last) return;
    last = key;
    el.hidden = !menu;
    if (!menu) {
      el.replaceChildren();
      return;
    }
    el.className = `nbs-nav nbs-nav--${menu.position === "top" ? "top" : "sidebar"}`;
    const total = menu.sections.reduce((n, s) => n + s.pages.length, 0);
    const limit = menu.position === "top" || menu.expanded === true ? total : typeof menu.expanded === "number" ? menu.expanded : FOLDED;
    let shown = 0;
    el.replaceChildren(
      ...menu.sections.map((section) => {
        const list = h("ul", { class: "nbs-nav-list" });
        for (const page of section.pages) {
          const path = page.default ? "" : page.url_path;
          const current = page.url_path === menu.current;
          shown += 1;
          // A folded menu still shows the current page.
          if (shown > limit && !unfolded && !current) continue;
          const link = h(
            "a",
            { class: "nbs-nav-link", href: pageHref(path), "aria-current": current ? "page" : null, title: page.help || null },
            propIcon(page.icon),
            h("span", { class: "nbs-nav-label" }, page.title),
          );
          link.addEventListener(
            "click",
            (e) => {
              if (e.ctrlKey || e.metaKey || e.shiftKey) return; // a new tab: the browser's job
              e.preventDefault();
              navigate(path);
            },
            { signal },
          );
          list.append(h("li", {}, link));
        }
        if (!section.header) return list;
        return h("div", { class: "nbs-nav-section" }, h("div", { class: "nbs-nav-header" }, section.header), list);
      }),
    );
    if (total > limit) {
      const more = h("button", { type: "button", class: "nbs-nav-more" }, unfolded ? "View less" : `View ${total - limit} more`);
      more.addEventListener(
        "click",
        () => {
          unfolded = !unfolded;
          last = "";
          update(menu);
        },
        { signal },
      );
      el.append(more);
    }
  };
  return { el, update };
}

/** st.page_link: a link to a page of the app (ctx.navigate) or to a URL (a new tab). @type {Component} */
export function page_link(node, ctx) {
  const label = h("span", { class: "nbs-page-link-label" });
  const link = h("a", { class: "nbs-page-link" }, label);
  const el = h("div", { class: "nbs-page-link-wrap" }, link);
  let props = node.props;
  on(
    link,
    "click",
    (/** @type {MouseEvent} */ e) => {
      if (props.disabled) {
        e.preventDefault();
        return;
      }
      if (props.url || e.ctrlKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      ctx.navigate(props.page ?? "", props.query_params || {});
    },
    ctx,
  );
  /** @param {Record<string, any>} p */
  const update = (p) => {
    props = p;
    label.replaceChildren(ctx.markdown(p.label ?? "", { inline: true }));
    link.querySelector(":scope > .nbs-prop-icon")?.remove();
    const icon = propIcon(p.icon);
    if (icon && p.icon_position === "right") label.after(icon);
    else if (icon) label.before(icon);
    if (p.url) {
      link.href = p.url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
    } else {
      link.href = pageHref(p.page ?? "", p.query_params);
      link.removeAttribute("target");
      link.removeAttribute("rel");
    }
    link.toggleAttribute("aria-disabled", Boolean(p.disabled));
    if (p.disabled) link.setAttribute("aria-disabled", "true");
    if (p.current) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
    if (p.help) link.title = p.help;
    else link.removeAttribute("title");
    const width = p.width ?? (p.use_container_width ? "stretch" : "content");
    el.classList.toggle("nbs-page-link-wrap--stretch", width === "stretch" || typeof width === "number");
    el.style.width = typeof width === "number" ? `${width}px` : "";
  };
  update(props);
  return { el, update: (n) => update(n.props) };
}
