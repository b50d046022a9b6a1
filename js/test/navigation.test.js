// @vitest-environment jsdom
// Multipage apps: the navigation menu the sidebar draws, st.page_link, "Page not found",
// and a Voila page's URL following the page shown (pushState, replaceState, Back).
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { AppStore, AppView } from "../src/app.js";
import { components } from "../src/components/index.js";
import { pageHref, pageInUrl, syncUrl } from "../src/voila.js";
import { mount } from "./helpers.js";

afterEach(() => {
  document.body.replaceChildren();
  document.body.className = "";
  history.replaceState(null, "", "/voila/render/app.ipynb");
});

const block = (key, children, props = {}) => ({ kind: key.split("#")[0], key, props, children });
const MENU = {
  sections: [
    { header: "Account", pages: [{ url_path: "logout", title: "Log out", icon: ":material/logout:", default: false }] },
    {
      header: "Reports",
      pages: [
        { url_path: "dashboard", title: "Dashboard", icon: "📊", default: true, help: "Sales at a glance." },
        { url_path: "bugs", title: "Bug reports", icon: "", default: false },
      ],
    },
  ],
  current: "bugs",
  position: "sidebar",
  expanded: false,
};

function fakeModel(tree, host = "lab") {
  const handlers = new Map();
  const sent = [];
  const values = { _snapshot: { v: 1, tree, run: null }, _blobs: {}, _config: { host, version: "0.1" } };
  return {
    sent,
    get: (k) => values[k],
    set: (k, v) => (values[k] = v),
    send: (msg) => sent.push(msg),
    on: (name, fn) => handlers.set(name, [...(handlers.get(name) || []), fn]),
    off: () => {},
    emit: (msg) => (handlers.get("msg:custom") || []).forEach((fn) => fn(msg, [])),
  };
}

function app(rootProps, sidebarProps, host = "lab") {
  const tree = block("root", [block("main", []), block("sidebar", [], sidebarProps), block("event", [])], rootProps);
  const model = fakeModel(tree, host);
  const store = new AppStore(model, { components, markdown: (t) => Object.assign(document.createElement("span"), { textContent: t }) });
  const el = document.createElement("div");
  document.body.append(el);
  const view = new AppView(store, el);
  return { model, store, view, el };
}

describe("the navigation menu", () => {
  test("shows sections, icons and the current page, and asks for the page clicked", () => {
    const { model, el } = app({}, { navigation: MENU });
    const sidebar = el.querySelector(".nbs-sidebar");
    expect(sidebar.hidden).toBe(false);
    const nav = sidebar.querySelector("nav[aria-label=Pages]");
    expect([...nav.querySelectorAll(".nbs-nav-header")].map((h) => h.textContent)).toEqual(["Account", "Reports"]);
    const links = [...nav.querySelectorAll("a")];
    expect(links.map((a) => a.textContent.trim().endsWith(a.querySelector(".nbs-nav-label").textContent))).toEqual([true, true, true]);
    expect(links.map((a) => a.getAttribute("aria-current"))).toEqual([null, null, "page"]);
    expect(links[1].querySelector(".nbs-prop-icon")).not.toBeNull();
    expect(links.map((a) => a.getAttribute("title"))).toEqual([null, "Sales at a glance.", null]); // st.Page(help=)
    links[0].click();
    links[1].click(); // the default page is asked for by the app's root ("")
    expect(model.sent.filter((m) => m.t === "page")).toEqual([
      { t: "page", path: "logout", query: {} },
      { t: "page", path: "", query: {} },
    ]);
  });

  test("is redrawn when the page changes, and the sidebar hides without menu or elements", () => {
    const { model, el } = app({}, { navigation: MENU });
    model.emit({ t: "patch", v: 2, base: 1, blobs: [], drop: [], run: null, ops: [{ op: "props", at: ["sidebar"], set: { navigation: { ...MENU, current: "logout" } }, del: [] }] });
    expect(el.querySelector("a[aria-current=page]").textContent).toContain("Log out");
    model.emit({ t: "patch", v: 3, base: 2, blobs: [], drop: [], run: null, ops: [{ op: "props", at: ["sidebar"], set: {}, del: ["navigation"] }] });
    expect(el.querySelector(".nbs-sidebar").hidden).toBe(true);
  });

  test("expanded=False folds a long menu behind 'View more'; a number sets how many show", () => {
    const pages = Array.from({ length: 13 }, (_, i) => ({ url_path: `p${i}`, title: `Page ${i}`, icon: "", default: i === 0 }));
    const menu = { sections: [{ header: "", pages }], current: "p12", position: "sidebar", expanded: false };
    const { el, model } = app({}, { navigation: menu });
    const links = () => [...el.querySelectorAll(".nbs-sidebar .nbs-nav a")].map((a) => a.textContent);
    expect(links()).toEqual([...pages.slice(0, 10).map((p) => p.title), "Page 12"]); // the current page stays
    const more = el.querySelector(".nbs-nav-more");
    expect(more.textContent).toBe("View 3 more");
    more.click();
    expect(links()).toHaveLength(13);
    expect(el.querySelector(".nbs-nav-more").textContent).toBe("View less");
    model.emit({ t: "patch", v: 2, base: 1, blobs: [], drop: [], run: null, ops: [{ op: "props", at: ["sidebar"], set: { navigation: { ...menu, expanded: 2, current: "p0" } }, del: [] }] });
    el.querySelector(".nbs-nav-more").click(); // back to folded
    expect(links()).toEqual(["Page 0", "Page 1"]);
  });

  test("position top draws the menu above the page", () => {
    const { el } = app({ navigation: { ...MENU, position: "top" } }, {});
    const nav = el.querySelector(".nbs-nav--top");
    expect(nav.hidden).toBe(false);
    expect(el.querySelector(".nbs-sidebar").hidden).toBe(true);
  });

  test("'Page not found' shows the path asked for and can be closed", () => {
    const { el } = app({ page: { url_path: "", title: "Home", icon: "", not_found: "nowhere" } }, {});
    const alert = el.querySelector(".nbs-page-not-found");
    expect(alert.hidden).toBe(false);
    expect(alert.textContent).toContain("Page not found");
    expect(alert.textContent).toContain("/nowhere");
    alert.querySelector("button").click();
    expect(alert.hidden).toBe(true);
  });
});

describe("st.page_link", () => {
  test("a page of the app: navigates with its query parameters", () => {
    const { ctx, el } = mount("page_link", { label: "Two", icon: "🚀", help: "go", disabled: false, use_container_width: false, query_params: { a: ["1"] }, url: null, page: "page_2", current: false });
    const link = el.querySelector("a");
    expect(link.textContent).toContain("Two");
    expect(link.title).toBe("go");
    link.click();
    expect(ctx.sent).toEqual([["navigate", "page_2", { a: ["1"] }]]);
  });

  test("an external URL opens in a new tab; a disabled link does nothing", () => {
    const { ctx, el, update } = mount("page_link", { label: "Streamlit", icon: "", help: null, disabled: false, use_container_width: false, query_params: {}, url: "https://streamlit.io", page: null, current: false });
    const link = el.querySelector("a");
    expect(link.getAttribute("href")).toBe("https://streamlit.io");
    expect(link.target).toBe("_blank");
    update({ url: null, page: "x", disabled: true });
    link.click();
    expect(ctx.sent).toEqual([]);
    expect(link.getAttribute("aria-disabled")).toBe("true");
  });
});

describe("the page in a Voila URL", () => {
  beforeEach(() => {
    document.body.classList.add("nbs-voila-page");
    history.replaceState(null, "", "/voila/render/app.ipynb?voila-theme=dark&x=1");
  });

  test("hrefs keep Voila's parameters and set the page", () => {
    expect(pageHref("bugs", { q: ["a", "b"] })).toBe("/voila/render/app.ipynb?voila-theme=dark&page=bugs&q=a&q=b");
    expect(pageHref("")).toBe("/voila/render/app.ipynb?voila-theme=dark");
  });

  test("a page the app switched to is pushed; a page not found is replaced", () => {
    const seen = { last: "" };
    const before = history.length;
    syncUrl({ url_path: "bugs", not_found: null }, seen);
    expect(pageInUrl()).toBe("bugs");
    expect(history.length).toBe(before + 1);
    history.pushState(null, "", "/voila/render/app.ipynb?page=nowhere");
    syncUrl({ url_path: "", not_found: "nowhere" }, seen);
    expect(pageInUrl()).toBe("");
    expect(history.length).toBe(before + 2); // replaced, not pushed
  });

  test("a click pushes the URL at once; stale page props do not undo it", () => {
    const { model, el } = app({ page: { url_path: "", title: "Home", icon: "🏠", not_found: null } }, { navigation: MENU }, "voila");
    el.querySelectorAll(".nbs-nav a")[2].click();
    expect(pageInUrl()).toBe("bugs");
    expect(model.sent.at(-1)).toEqual({ t: "page", path: "bugs", query: {} });
    model.emit({ t: "patch", v: 2, base: 1, blobs: [], drop: [], run: null, ops: [{ op: "props", at: [], set: { x: 1 }, del: [] }] });
    expect(pageInUrl()).toBe("bugs");
    model.emit({ t: "patch", v: 3, base: 2, blobs: [], drop: [], run: null, ops: [{ op: "props", at: [], set: { page: { url_path: "bugs", title: "Bug reports", icon: "", not_found: null } }, del: [] }] });
    expect(document.title).toBe("Bug reports");
  });
});

describe("the sidebar's start (st.set_page_config)", () => {
  const start = (state) => {
    const { el } = app({ page_config: { initial_sidebar_state: state } }, { navigation: MENU });
    return /** @type {HTMLElement} */ (el.querySelector(".nbs-sidebar"));
  };

  test('"locked" opens it with no control to close it, on a wide screen', () => {
    window.innerWidth = 1200;
    const sidebar = start("locked");
    expect(sidebar.classList.contains("nbs-collapsed")).toBe(false);
    expect(sidebar.classList.contains("nbs-sidebar-locked")).toBe(true);
    window.innerWidth = 500;
    const narrow = start("locked");
    expect(narrow.classList.contains("nbs-collapsed")).toBe(true);
    expect(narrow.classList.contains("nbs-sidebar-locked")).toBe(false);
  });

  test("a width in pixels is kept within 200-600 and opens it as auto does", () => {
    window.innerWidth = 1200;
    const sidebar = start(320);
    expect(sidebar.style.getPropertyValue("--nbs-sidebar-width")).toBe("320px");
    expect(sidebar.classList.contains("nbs-collapsed")).toBe(false);
    expect(start(900).style.getPropertyValue("--nbs-sidebar-width")).toBe("600px");
  });
});
