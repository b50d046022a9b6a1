// @ts-check
/**
 * Draws nbstream apps in nbconvert's HTML export, with no kernel and no server.
 *
 * nbconvert's page draws widgets with @jupyter-widgets/html-manager, which loads a
 * widget's front-end module ("anywidget") with requirejs.  anywidget's own front end is
 * an ES module requirejs cannot load, so no anywidget draws there.  This classic script
 * (a notebook run with no server puts it in an output before each app) defines an AMD
 * module "anywidget" that does what anywidget does for a model: it imports the model's
 * `_esm` (nbstream's loader, which takes the bundle from the saved state), adds its
 * `_css`, and calls the module's initialize and render.  Outside such a page (no
 * requirejs, or the module already defined) it does nothing.
 */
(function () {
  const w = /** @type {any} */ (window);
  if (typeof w.define !== "function" || !w.define.amd || w.__nbstreamAnywidget) return;
  w.__nbstreamAnywidget = true;
  const styles = new Set();

  /** @param {string} css */
  function addStyle(css) {
    if (!css || styles.has(css)) return;
    styles.add(css);
    document.head.append(Object.assign(document.createElement("style"), { textContent: css }));
  }

  /** @param {any} model */
  async function load(model) {
    addStyle(model.get("_css"));
    const url = URL.createObjectURL(new Blob([model.get("_esm")], { type: "text/javascript" }));
    try {
      const mod = await import(url);
      const widget = typeof mod.default === "function" ? await mod.default() : mod.default;
      if (widget.initialize) await widget.initialize({ model });
      return widget;
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  w.define("anywidget", ["@jupyter-widgets/base"], (/** @type {any} */ base) => {
    class AnyModel extends base.DOMWidgetModel {
      /** @param {any} attributes @param {any} options */
      initialize(attributes, options) {
        super.initialize(attributes, options);
        this.nbstreamWidget = load(this);
      }
    }
    class AnyView extends base.DOMWidgetView {
      render() {
        const model = this.model;
        model.nbstreamWidget.then((/** @type {any} */ widget) => widget.render && widget.render({ model, el: this.el }));
      }
    }
    return { AnyModel, AnyView };
  });
})();
