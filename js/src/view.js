// @ts-check
/**
 * AppView: one view of an app (a notebook output, a Voila page) -- the chrome, the
 * sidebar and main area, and the elements, mounted by the Reconciler (patch.js) with
 * the registry's components, patched in place, stale ones dimmed.
 */
/**
 * @typedef {import("./types.js").WireNode} WireNode
 * @typedef {import("./types.js").Component} Component
 * @typedef {import("./types.js").ComponentContext} ComponentContext
 * @typedef {import("./types.js").Mounted} Mounted
 * @typedef {import("./patch.js").Op} Op
 * @typedef {import("./patch.js").Entry} Entry
 * @typedef {import("./app.js").Registry} Registry
 * @typedef {import("./app.js").RunState} RunState
 * @typedef {import("./store.js").AppStore} AppStore
 */
import { Chrome } from "./chrome.js";
import { Banner, banner } from "./connection.js";
import { broken, fallback } from "./fallback.js";
import { Reconciler } from "./patch.js";
import { applyTheme, resolveTheme, watchHost, applyVariables, resolveSidebar } from "./theme.js";
import { navMenu } from "./components/navigation/navigation.js";
import {
  followRedirect,
  pageInUrl,
  prepareVoilaPage,
  queryInUrl,
  setFavicon,
  syncQuery,
  syncUrl,
} from "./voila.js";
import { baseUrl, watchStaticUrls } from "./static_urls.js";
import { applyFonts } from "./fonts.js";

/**
 * One view of an app (a notebook output, a Voila page).
 */
export class AppView {
  /**
   * @param {AppStore} store
   * @param {HTMLElement} host
   */
  constructor(store, host) {
    this.store = store;
    this.host = host;
    this.abort = new AbortController();
    const signal = this.abort.signal;
    /** @type {Set<HTMLElement>} */
    this.stale = new Set();
    /** @type {Set<(running: boolean) => void>} components told of the run state (ctx.onRunState) */
    this.runWatchers = new Set();
    /** @type {string | undefined} the initial_sidebar_state last applied */
    this.sidebarStart = undefined;

    this.root = document.createElement("div");
    this.root.className = "nbs-app stApp";
    this.root.dataset.testid = "stApp";
    this.root.tabIndex = -1;
    // JupyterLab ignores its keyboard shortcuts for keys pressed in here.
    this.root.setAttribute("data-lm-suppress-shortcuts", "true");
    this.body = document.createElement("div");
    this.body.className = "nbs-body";
    this.outputEl = document.createElement("pre");
    this.outputEl.className = "nbs-output";
    this.outputEl.hidden = true;
    this.chrome = new Chrome(
      this.root,
      {
        rerun: () => this.store.rerun(),
        clearCache: () => this.store.interactive && this.store.send({ t: "clear_cache" }),
        stop: () => this.store.send({ t: "stop" }),
        settings: () => ({ theme: store.settings.theme, wide: this.wide() }),
        changeSettings: (change) => store.changeSettings(change),
        markdown: (text) => store.registry.markdown(text),
      },
      signal,
    );
    // Voila: a fresh session of the app is a fresh page (a new kernel runs the notebook).
    this.banner = new Banner(() => location.reload());
    this.root.append(this.chrome.el, this.banner.el, this.body, this.outputEl);
    /** The login/logout redirect this view followed last (voila.js followRedirect). */
    this.redirected = { seen: "" };
    /** The page props this view saw last (voila.js syncUrl). */
    this.seenPage = { last: "" };
    /** The kernel's query parameters this view put in the URL last (voila.js syncQuery). */
    this.seenQuery = { last: "" };
    this.notFound = document.createElement("div");
    this.notFound.className = "nbs-page-not-found";
    this.notFound.setAttribute("role", "alert");
    this.notFound.hidden = true;
    this.root.insertBefore(this.notFound, this.body);
    // st.navigation(position="top"): the menu above the page (the root's `navigation` prop).
    this.topMenu = navMenu((path) => store.navigate(path, {}), signal);
    this.root.insertBefore(this.topMenu.el, this.notFound);
    host.replaceChildren(this.root);

    this.reconciler = new Reconciler(
      (kind) => AREAS[kind] || store.registry.components[kind] || fallback,
      (entry, entrySignal) => this.contextFor(entry, entrySignal),
      broken,
    );
    this.root.addEventListener("keydown", (e) => this.onKey(e), { signal });
    watchHost(() => this.configure(), signal);
    // Before the first draw: the page's URL is synced once the page is Voila's.
    if (store.config.host === "voila") {
      prepareVoilaPage(signal);
      // Back and Forward: show the page the URL now names, without reloading the kernel.
      window.addEventListener("popstate", () => store.navigate(pageInUrl(), queryInUrl(), false), { signal });
    }
    store.views.add(this);
    store.viewsChanged();
    this.rebuild();
    if (typeof store.config.static_dir === "string") watchStaticUrls(this.root, store.config.static_dir, signal);
    this.showConnection();
  }

  dispose() {
    this.abort.abort();
    this.store.views.delete(this);
    this.store.viewsChanged();
    if (this.reconciler.root) this.reconciler.destroy(this.reconciler.root);
    this.root.remove();
  }

  rebuild() {
    this.sidebarStart = undefined; // a new sidebar starts as the page config says
    const entry = this.reconciler.mountRoot(this.store.tree);
    this.body.replaceChildren(entry.mounted.el);
    this.stale.clear();
    this.configure();
    this.markStale();
    this.showOutput();
  }

  /** @param {Op[]} ops */
  patch(ops) {
    this.reconciler.apply(ops, this.store.tree);
    if (ops.some((op) => op.at.length === 0)) this.configure();
    this.markStale();
  }

  /** The page config the script set, from the root's props. */
  pageConfig() {
    return this.store.tree.props?.page_config || {};
  }

  wide() {
    const chosen = this.store.settings.wide;
    if (chosen !== null) return chosen;
    return Boolean(this.store.config.wide) || this.pageConfig().layout === "wide";
  }

  configure() {
    const { config, settings } = this.store;
    const theme = resolveTheme(/** @type {any} */ (settings.theme), config.theme || {});
    applyTheme(this.root, theme);
    applyFonts(config.theme || {}, config.static_dir, baseUrl());
    if (config.host === "voila") {
      // A served app owns its page: baseFontSize scales every rem of it, as in Streamlit.
      const size = theme.vars["--nbs-base-font-size"];
      if (size) document.documentElement.style.fontSize = size;
      else document.documentElement.style.removeProperty("font-size");
    }
    const sidebar = this.root.querySelector(".nbs-sidebar");
    if (sidebar instanceof HTMLElement) {
      applyVariables(sidebar, resolveSidebar(/** @type {any} */ (settings.theme), config.theme || {}));
    }
    this.root.classList.toggle("nbs-wide", this.wide());
    this.root.classList.toggle("nbs-voila", config.host === "voila");
    this.root.classList.toggle("nbs-readonly", !this.store.interactive);
    if (config.height) {
      this.root.style.height = `${Number(config.height)}px`;
      this.root.classList.add("nbs-fixed-height");
    } else {
      this.root.style.removeProperty("height");
      this.root.classList.remove("nbs-fixed-height");
    }
    const page = this.pageConfig();
    this.applySidebarStart(page.initial_sidebar_state || "auto");
    this.chrome.configure(config, page);
    this.topMenu.update(this.store.tree.props?.navigation);
    const shown = this.store.tree.props?.page;
    this.showNotFound(shown?.not_found);
    if (config.host === "voila") {
      syncUrl(shown, this.seenPage);
      syncQuery(this.store.tree.props?.query, this.seenQuery);
      const title = page.page_title || shown?.title;
      if (typeof title === "string" && title) document.title = title;
      if (page.page_icon || shown) setFavicon(page.page_icon || shown?.icon);
      followRedirect(this.store.tree.props?.redirect, this.redirected);
    }
  }

  /** Streamlit's "Page not found": the URL named a page the app does not have. */
  showNotFound(/** @type {string | null | undefined} */ path) {
    const text = path === null || path === undefined ? "" : String(path);
    if (this.notFound.dataset.path === text) return;
    this.notFound.dataset.path = text;
    this.notFound.hidden = !text;
    if (!text) return this.notFound.replaceChildren();
    const close = document.createElement("button");
    close.type = "button";
    close.className = "nbs-page-not-found-close";
    close.setAttribute("aria-label", "Close");
    close.textContent = "×";
    close.addEventListener("click", () => (this.notFound.hidden = true));
    const title = document.createElement("strong");
    title.textContent = "Page not found";
    const body = document.createElement("p");
    body.textContent = `You have requested page /${text}, but no corresponding page was found in the app. Running the app's default page.`;
    this.notFound.replaceChildren(close, title, body);
  }

  /** Say on the page when the kernel cannot be reached; disable input once the app stopped. */
  showConnection() {
    const shown = banner(this.store.connection.state, this.store.config, this.store.lingering);
    this.banner.show(shown);
    const stopped = Boolean(shown?.disable);
    this.body.inert = stopped;
    this.root.classList.toggle("nbs-stopped", stopped);
    this.root.classList.toggle("nbs-connecting", this.store.connection.state === "connecting");
    if (stopped) this.chrome.setRunning(false);
  }

  /**
   * st.set_page_config(initial_sidebar_state=...): "expanded", "collapsed", "locked", a
   * width in pixels, or "auto"
   * (collapsed on a narrow screen, as Streamlit does below 768 px).  Applied when the
   * setting first arrives or changes; the user's toggling is kept otherwise.
   * @param {string | number} start
   */
  applySidebarStart(start) {
    if (start === this.sidebarStart) return;
    const sidebar = /** @type {HTMLElement | null} */ (this.body.querySelector(".nbs-sidebar"));
    const show = sidebar && SIDEBAR_SHOW.get(sidebar);
    if (!sidebar || !show) return;
    this.sidebarStart = start;
    const wide = window.innerWidth >= 768;
    // "locked": open with no way to close it on a wide screen; a narrow one starts it closed.
    sidebar.classList.toggle("nbs-sidebar-locked", start === "locked" && wide);
    // A number is "auto" with that width (kept within 200-600 px, as in Streamlit).
    if (typeof start === "number") sidebar.style.setProperty("--nbs-sidebar-width", `${Math.min(600, Math.max(200, start))}px`);
    else sidebar.style.removeProperty("--nbs-sidebar-width");
    const auto = start === "auto" || typeof start === "number";
    show(start === "expanded" || ((auto || start === "locked") && wide));
  }

  /** Dim the elements a running script has not redrawn yet. */
  markStale() {
    const run = this.store.run;
    this.chrome.setRunning(Boolean(run) && this.store.alive);
    for (const fn of this.runWatchers) fn(Boolean(run) && this.store.alive);
    /** @type {Set<HTMLElement>} */
    const now = new Set();
    if (run && this.reconciler.root) {
      const fresh = new Map(run.fresh.map(([path, n]) => [path.join("\u0000"), n]));
      /** @param {Entry} entry @param {string[]} path */
      const walk = (entry, path) => {
        const n = fresh.get(path.join("\u0000"));
        entry.order.forEach((key, i) => {
          const child = /** @type {Entry} */ (entry.children.get(key));
          if (n !== undefined && i >= n) now.add(child.mounted.el);
          else if (child.children.size) walk(child, [...path, key]);
        });
      };
      walk(this.reconciler.root, []);
    }
    for (const el of this.stale) if (!now.has(el)) el.classList.remove("nbs-stale");
    for (const el of now) el.classList.add("nbs-stale");
    this.stale = now;
  }

  showOutput() {
    const parts = this.store.output;
    this.outputEl.hidden = parts.length === 0 || this.store.config.host === "voila";
    this.outputEl.replaceChildren(
      ...parts.map((part) => {
        const span = document.createElement("span");
        span.className = `nbs-output-${part.stream}`;
        span.textContent = part.text;
        return span;
      }),
    );
  }

  /**
   * @param {Entry} entry
   * @param {AbortSignal} signal
   * @returns {ComponentContext}
   */
  contextFor(entry, signal) {
    const store = this.store;
    return {
      // A widget drawn with on_change="ignore" keeps its changes until the next run.
      setValue: (id, value) =>
        store.setValue(id, value, entry.node?.props?.id === id && entry.node.props.on_change === "ignore"),
      click: (id, value) => store.click(id, value),
      markdown: (text, opts) => store.registry.markdown(text, opts),
      blob: (hash) => store.blobs.get(hash),
      signal,
      request: (payload, timeoutMs) => store.request(pathOf(entry), payload, timeoutMs),
      upload: (msg, chunk) => store.upload(msg, chunk),
      navigate: (path, query) => store.navigate(path, query),
      widgetManager: () => store.model?.widget_manager,
      onRunState: (fn) => {
        this.runWatchers.add(fn);
        signal.addEventListener("abort", () => this.runWatchers.delete(fn), { once: true });
      },
      stop: () => store.send({ t: "stop" }),
    };
  }

  /**
   * R reruns and C clears the cache when focus is in the app but not in an input.
   * No key pressed in the app reaches the notebook around it.
   * @param {KeyboardEvent} e
   */
  onKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    e.stopPropagation();
    if (isEditable(e.target) || e.repeat) return;
    const key = e.key.toLowerCase();
    if (key === "r") {
      e.preventDefault();
      this.store.rerun();
    } else if (key === "c" && this.chrome.developer) {
      e.preventDefault();
      if (this.store.interactive) this.store.send({ t: "clear_cache" });
    }
  }
}

/** @param {EventTarget | null} target */
function isEditable(target) {
  const el = /** @type {HTMLElement | null} */ (target);
  if (!el || !el.tagName) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  if (tag !== "input") return el.getAttribute("role") === "textbox" || el.getAttribute("role") === "combobox";
  const type = /** @type {HTMLInputElement} */ (el).type;
  return !["button", "checkbox", "radio", "range", "submit", "reset", "color", "file"].includes(type);
}

/** @param {Entry} entry */
function pathOf(entry) {
  /** @type {string[]} */
  const path = [];
  for (let e = /** @type {Entry | null} */ (entry); e && e.parent; e = e.parent) path.unshift(e.key);
  return path;
}

// ---- the page's areas: drawn by the shell itself ---------------------------------------------

/** @type {WeakMap<HTMLElement, (open: boolean) => void>} each sidebar's open/close */
const SIDEBAR_SHOW = new WeakMap();

/** @type {Record<string, Component>} */
const AREAS = {
  root: () => {
    const el = document.createElement("div");
    el.className = "nbs-areas";
    return { el, update() {} };
  },
  main: () => {
    // A div (not a section) so Streamlit-aimed CSS such as `div.block-container` applies.
    const el = document.createElement("div");
    el.className = "nbs-main stMain block-container";
    el.setAttribute("role", "region");
    el.setAttribute("aria-label", "App");
    return { el, update() {} };
  },
  // st.bottom (and a chat_input of the main area): pinned below the main area, hidden
  // while empty (styles/containers.css).
  bottom: () => {
    const el = document.createElement("div");
    el.className = "nbs-bottom stBottom";
    el.dataset.testid = "stBottom";
    const slot = document.createElement("div");
    slot.className = "nbs-bottom-content nbs-block stBottomBlockContainer";
    slot.dataset.testid = "stBottomBlockContainer";
    el.append(slot);
    el.hidden = true;
    return {
      el,
      slot,
      update() {},
      childrenChanged(children) {
        el.hidden = children.length === 0;
      },
    };
  },
  sidebar: (node, ctx) => {
    const el = document.createElement("section");
    el.className = "nbs-sidebar";
    el.setAttribute("aria-label", "Sidebar");
    const toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "nbs-sidebar-toggle";
    const slot = document.createElement("div");
    slot.className = "nbs-sidebar-content stSidebarContent stSidebarUserContent";
    slot.dataset.testid = "stSidebarUserContent";
    // The pages' menu (st.navigation, a pages/ folder) tops the sidebar.
    const menu = navMenu((path) => ctx.navigate(path, {}), ctx.signal);
    el.append(toggle, menu.el, slot);
    let empty = true;
    const showArea = () => (el.hidden = empty && menu.el.hidden);
    const show = (/** @type {boolean} */ open) => {
      el.classList.toggle("nbs-collapsed", !open);
      toggle.setAttribute("aria-expanded", String(open));
      toggle.setAttribute("aria-label", open ? "Close sidebar" : "Open sidebar");
      toggle.textContent = open ? "«" : "»";
    };
    show(true);
    SIDEBAR_SHOW.set(el, show);
    toggle.addEventListener("click", () => show(el.classList.contains("nbs-collapsed")), { signal: ctx.signal });
    menu.update(node.props.navigation);
    return {
      el,
      slot,
      update(n) {
        menu.update(n.props.navigation);
        showArea();
      },
      childrenChanged(children) {
        empty = children.length === 0;
        showArea();
      },
    };
  },
};

/** Voila shows the notebook's outputs in a page: make it the app's page. */
