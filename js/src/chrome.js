// @ts-check
/**
 * The app chrome: a status area ("Running…" with Stop) and the app menu (Rerun,
 * Settings, Print, About, and for developers Clear cache), as Streamlit's spec
 * describes under "The app chrome".
 *
 * `client.toolbarMode`: "developer" shows Clear cache, "viewer" hides it, "minimal"
 * shows only what the app set itself (`st.set_page_config(menu_items=...)`), "auto" is
 * "developer" in JupyterLab and "viewer" in a Voila page.
 */

/**
 * @typedef {Object} ChromeActions
 * @property {() => void} rerun
 * @property {() => void} clearCache
 * @property {() => void} stop
 * @property {() => {theme: string, wide: boolean}} settings
 * @property {(change: {theme?: string, wide?: boolean}) => void} changeSettings
 * @property {(text: string) => HTMLElement} markdown
 */

/**
 * @param {{toolbar_mode?: string, host?: string}} config
 * @returns {"developer" | "viewer" | "minimal"}
 */
export function menuMode(config) {
  const mode = config.toolbar_mode;
  if (mode === "developer" || mode === "viewer" || mode === "minimal") return mode;
  return config.host === "voila" ? "viewer" : "developer";
}

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} [attrs]
 * @param {...(Node | string)} children
 */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

export class Chrome {
  /**
   * @param {HTMLElement} app   the app root (dialogs are placed in it, to share its theme)
   * @param {ChromeActions} actions
   * @param {AbortSignal} signal
   */
  constructor(app, actions, signal) {
    this.app = app;
    this.actions = actions;
    this.signal = signal;
    this.mode = /** @type {"developer" | "viewer" | "minimal"} */ ("developer");
    /** @type {Record<string, string>} */
    this.menuItems = {};
    this.version = "";

    this.stopButton = h("button", { type: "button", class: "nbs-stop-button" }, "Stop");
    this.status = h("div", { class: "nbs-status", role: "status", hidden: "" }, h("span", { class: "nbs-running-icon", "aria-hidden": "true" }), h("span", {}, "Running…"), this.stopButton);
    this.menuButton = h("button", { type: "button", class: "nbs-menu-button", "aria-label": "Main menu", "aria-haspopup": "menu", "aria-expanded": "false", title: "Main menu" }, "⋮");
    this.menu = h("div", { class: "nbs-menu", role: "menu", "aria-label": "Main menu", hidden: "" });
    this.el = h("header", { class: "nbs-header" }, this.status, this.menuButton, this.menu);

    this.stopButton.addEventListener("click", () => actions.stop(), { signal });
    this.menuButton.addEventListener("click", () => this.toggleMenu(), { signal });
    this.menu.addEventListener("keydown", (e) => this.menuKeys(e), { signal });
    document.addEventListener("pointerdown", (e) => {
      if (!this.menu.hidden && !this.el.contains(/** @type {Node} */ (e.target))) this.closeMenu();
    }, { signal, capture: true });
  }

  /**
   * @param {{toolbar_mode?: string, host?: string, version?: string}} config
   * @param {Record<string, any>} pageConfig  the app's st.set_page_config
   */
  configure(config, pageConfig) {
    this.mode = menuMode(config);
    this.version = config.version || "";
    /** @type {Record<string, string>} */
    const items = {};
    for (const [name, value] of Object.entries(pageConfig?.menu_items || {})) {
      if (typeof value === "string" && value) items[name.toLowerCase()] = value;
    }
    this.menuItems = items;
    this.menuButton.hidden = this.mode === "minimal" && Object.keys(items).length === 0;
  }

  /** @param {boolean} running */
  setRunning(running) {
    this.status.hidden = !running;
  }

  /** Whether Clear cache (and its key) is offered. */
  get developer() {
    return this.mode === "developer";
  }

  // ---- the menu ---------------------------------------------------------------------------

  toggleMenu() {
    if (this.menu.hidden) this.openMenu();
    else this.closeMenu();
  }

  openMenu() {
    this.menu.replaceChildren(...this.menuEntries());
    this.menu.hidden = false;
    this.menuButton.setAttribute("aria-expanded", "true");
    /** @type {HTMLElement | null} */ (this.menu.querySelector("[role=menuitem]"))?.focus();
  }

  closeMenu(focusButton = false) {
    this.menu.hidden = true;
    this.menuButton.setAttribute("aria-expanded", "false");
    if (focusButton) this.menuButton.focus();
  }

  menuEntries() {
    /** @type {HTMLElement[]} */
    const entries = [];
    const help = this.menuItems["get help"];
    const bug = this.menuItems["report a bug"];
    if (this.mode !== "minimal") {
      entries.push(this.item("Rerun", () => this.actions.rerun(), "R"));
      entries.push(this.item("Settings", () => this.openSettings()));
      entries.push(h("div", { class: "nbs-menu-separator", role: "separator" }));
      entries.push(this.item("Print", () => window.print(), "Ctrl+P"));
    }
    if (help) entries.push(this.link("Get help", help));
    if (bug) entries.push(this.link("Report a bug", bug));
    if (this.mode !== "minimal" || this.menuItems.about) entries.push(this.item("About", () => this.openAbout()));
    if (this.developer) {
      entries.push(h("div", { class: "nbs-menu-separator", role: "separator" }));
      entries.push(h("div", { class: "nbs-menu-section" }, "Developer options"));
      entries.push(this.item("Clear cache", () => this.actions.clearCache(), "C"));
    }
    return entries;
  }

  /**
   * @param {string} label
   * @param {() => void} run
   * @param {string} [key]
   */
  item(label, run, key) {
    const el = h("button", { type: "button", role: "menuitem", class: "nbs-menu-item", tabindex: "-1" }, h("span", {}, label));
    if (key) el.append(h("kbd", {}, key));
    el.addEventListener("click", () => {
      this.closeMenu();
      run();
    }, { signal: this.signal });
    return el;
  }

  /**
   * @param {string} label
   * @param {string} href
   */
  link(label, href) {
    const safe = /^(https?:|mailto:)/i.test(href) ? href : "#";
    const el = h("a", { role: "menuitem", class: "nbs-menu-item", href: safe, target: "_blank", rel: "noopener noreferrer", tabindex: "-1" }, label);
    el.addEventListener("click", () => this.closeMenu(), { signal: this.signal });
    return el;
  }

  /** @param {KeyboardEvent} e */
  menuKeys(e) {
    const items = /** @type {HTMLElement[]} */ ([...this.menu.querySelectorAll("[role=menuitem]")]);
    const i = items.indexOf(/** @type {HTMLElement} */ (document.activeElement));
    if (e.key === "Escape") this.closeMenu(true);
    else if (e.key === "ArrowDown") items[(i + 1) % items.length]?.focus();
    else if (e.key === "ArrowUp") items[(i - 1 + items.length) % items.length]?.focus();
    else if (e.key === "Home") items[0]?.focus();
    else if (e.key === "End") items[items.length - 1]?.focus();
    else return;
    e.preventDefault();
  }

  // ---- dialogs ----------------------------------------------------------------------------

  /**
   * @param {string} title
   * @param {HTMLElement} body
   */
  dialog(title, body) {
    const heading = h("h2", { class: "nbs-dialog-title" }, title);
    const close = h("button", { type: "button", class: "nbs-dialog-close", "aria-label": "Close" }, "×");
    const box = h("div", { class: "nbs-dialog", role: "dialog", "aria-modal": "true", "aria-label": title, tabindex: "-1" }, h("div", { class: "nbs-dialog-head" }, heading, close), body);
    const backdrop = h("div", { class: "nbs-dialog-backdrop" }, box);
    const done = () => {
      backdrop.remove();
      this.menuButton.focus();
    };
    close.addEventListener("click", done);
    backdrop.addEventListener("pointerdown", (e) => {
      if (e.target === backdrop) done();
    });
    backdrop.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        done();
      }
    });
    this.app.append(backdrop);
    box.focus();
    return box;
  }

  openSettings() {
    const current = this.actions.settings();
    const wide = h("input", { type: "checkbox", id: "nbs-wide" });
    wide.checked = current.wide;
    const theme = h(
      "select",
      { "aria-label": "Theme" },
      h("option", { value: "system" }, "Use system setting"),
      h("option", { value: "light" }, "Light"),
      h("option", { value: "dark" }, "Dark"),
    );
    theme.value = current.theme;
    wide.addEventListener("change", () => this.actions.changeSettings({ wide: wide.checked }));
    theme.addEventListener("change", () => this.actions.changeSettings({ theme: theme.value }));
    const body = h(
      "div",
      { class: "nbs-settings" },
      h("label", { class: "nbs-setting" }, wide, h("span", {}, h("strong", {}, "Wide mode"), h("br"), "Turn on to make this app occupy the entire width of the screen.")),
      h("label", { class: "nbs-setting nbs-setting-column" }, h("strong", {}, "Choose app theme, colors and fonts"), theme),
    );
    this.dialog("Settings", body);
  }

  openAbout() {
    const body = h("div", { class: "nbs-about" });
    if (this.menuItems.about) body.append(this.actions.markdown(this.menuItems.about));
    body.append(h("p", {}, `Made with nbstream ${this.version}`));
    this.dialog("About", body);
  }
}
