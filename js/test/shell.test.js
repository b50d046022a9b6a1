// @vitest-environment jsdom
// The app shell: patches applied in place (focus and caret kept), stale marks, the
// model store's versioning, the menu and its keys.
import { afterEach, describe, expect, test } from "vitest";
import { AppStore, AppView, createWidget } from "../src/app.js";
import { menuMode } from "../src/chrome.js";
import { applyToTree, nodeAt, Reconciler } from "../src/patch.js";
import { resolveTheme } from "../src/theme.js";
import { broken, fallback } from "../src/fallback.js";

afterEach(() => document.body.replaceChildren());

/** @param {string} key @param {Record<string, any>} props */
const leaf = (key, props = {}) => ({ kind: key.split("#")[0], key, props });
/** @param {string} key @param {any[]} children */
const block = (key, children, props = {}) => ({ kind: key.split("#")[0], key, props, children });
/** @param {any[]} main */
const root = (main, sidebar = []) => block("root", [block("main", main), block("sidebar", sidebar), block("event", [])]);

/** A component that counts mounts and shows its text; an input for focus tests. */
let mounts = 0;
const registry = {
  components: {
    text: (node) => {
      mounts += 1;
      const el = document.createElement("p");
      el.textContent = node.props.body;
      return { el, update: (n) => (el.textContent = n.props.body) };
    },
    input: (node, ctx) => {
      const el = document.createElement("input");
      el.value = node.props.value;
      el.addEventListener("change", () => ctx.setValue(node.props.id, el.value), { signal: ctx.signal });
      return { el, update() {} };
    },
    box: () => {
      const el = document.createElement("div");
      return { el, update() {} };
    },
  },
  markdown: (text) => Object.assign(document.createElement("div"), { textContent: text }),
};

/** A fake anywidget model. */
function fakeModel(state = {}) {
  const handlers = new Map();
  const sent = [];
  const values = { _snapshot: {}, _blobs: {}, _config: { host: "lab", toolbar_mode: "auto", version: "0.1" }, ...state };
  return {
    sent,
    get: (k) => values[k],
    set: (k, v) => (values[k] = v),
    send: (msg) => sent.push(msg),
    on: (name, fn) => handlers.set(name, [...(handlers.get(name) || []), fn]),
    off: (name, fn) => handlers.set(name, (handlers.get(name) || []).filter((f) => f !== fn)),
    emit: (msg, buffers = []) => (handlers.get("msg:custom") || []).forEach((fn) => fn(msg, buffers)),
  };
}

function app(tree, version = 1) {
  const model = fakeModel({ _snapshot: { v: version, tree, run: null } });
  const store = new AppStore(model, registry);
  const host = document.createElement("div");
  document.body.append(host);
  const view = new AppView(store, host);
  return { model, store, view, host };
}

describe("patches", () => {
  test("apply to the model's tree as new node objects", () => {
    const tree = root([leaf("text#0", { body: "a" }), leaf("text#1", { body: "b" })]);
    const before = nodeAt(tree, ["main", "text#1"]);
    const after = applyToTree(tree, [{ op: "props", at: ["main", "text#1"], set: { body: "B" }, del: [] }]);
    expect(nodeAt(after, ["main", "text#1"]).props.body).toBe("B");
    expect(nodeAt(after, ["main", "text#1"])).not.toBe(before);
    expect(before.props.body).toBe("b");
  });

  test("update elements in place and only the changed ones", () => {
    const { model, host } = app(root([leaf("text#0", { body: "a" }), leaf("text#1", { body: "b" })]));
    const first = host.querySelector("[data-key='text#0']");
    mounts = 0;
    model.emit({ t: "patch", v: 2, base: 1, ops: [{ op: "props", at: ["main", "text#1"], set: { body: "B" }, del: [] }], run: null, blobs: [], drop: [] });
    expect(mounts).toBe(0);
    expect(host.querySelector("[data-key='text#0']")).toBe(first);
    expect(host.querySelector("[data-key='text#1']").textContent).toBe("B");
  });

  test("insert, remove and move children with the shell's data attributes", () => {
    const { model, host } = app(root([leaf("text#0", { body: "a" }), leaf("text#1", { body: "b" }), leaf("text#2", { body: "c" })]));
    const c = host.querySelector("[data-key='text#2']");
    model.emit({
      t: "patch", v: 2, base: 1, blobs: [], drop: [], run: null,
      ops: [{ op: "children", at: ["main"], remove: ["text#1"], place: [[0, "text#2"], [2, leaf("text#9", { body: "new" })]] }],
    });
    const main = host.querySelector(".nbs-main");
    expect([...main.children].map((el) => el.dataset.key)).toEqual(["text#2", "text#0", "text#9"]);
    expect(host.querySelector("[data-key='text#2']")).toBe(c);
    expect(host.querySelector("[data-kind=text][data-key='text#9']").textContent).toBe("new");
  });

  test("keep focus and caret in an input while other elements change and move", () => {
    const { model, host } = app(root([leaf("text#0", { body: "a" }), leaf("input#0", { id: "w", value: "hello" })]));
    const input = /** @type {HTMLInputElement} */ (host.querySelector("input"));
    input.focus();
    input.setSelectionRange(2, 2);
    model.emit({
      t: "patch", v: 2, base: 1, blobs: [], drop: [], run: null,
      ops: [
        { op: "children", at: ["main"], remove: [], place: [[0, "input#0"], [2, leaf("text#1", { body: "z" })]] },
        { op: "props", at: ["main", "text#0"], set: { body: "A" }, del: [] },
      ],
    });
    expect(document.activeElement).toBe(input);
    expect(input.selectionStart).toBe(2);
  });

  test("a patch on another version asks the kernel for the whole app", () => {
    const { model, store } = app(root([leaf("text#0", { body: "a" })]));
    model.sent.length = 0;
    store.askedAt = -Infinity;
    model.emit({ t: "patch", v: 9, base: 8, ops: [], run: null, blobs: [], drop: [] });
    expect(store.version).toBe(1);
    expect(model.sent).toEqual([{ t: "hello", v: 1 }]);
    model.emit({ t: "snapshot", v: 9, tree: root([leaf("text#0", { body: "fresh" })]), run: null, blobs: [] });
    expect(store.version).toBe(9);
    expect(document.querySelector("[data-key='text#0']").textContent).toBe("fresh");
  });

  test("stale elements are dimmed while the run streams and undimmed when it ends", () => {
    const { model, host } = app(root([leaf("text#0", { body: "a" }), leaf("text#1", { body: "b" })]));
    model.emit({ t: "patch", v: 2, base: 1, ops: [], run: { fresh: [[[], 3], [["main"], 1]] }, blobs: [], drop: [] });
    expect(host.querySelector("[data-key='text#0']").classList.contains("nbs-stale")).toBe(false);
    expect(host.querySelector("[data-key='text#1']").classList.contains("nbs-stale")).toBe(true);
    expect(host.querySelector(".nbs-status").hidden).toBe(false);
    model.emit({ t: "patch", v: 3, base: 2, ops: [], run: null, blobs: [], drop: [] });
    expect(host.querySelectorAll(".nbs-stale").length).toBe(0);
    expect(host.querySelector(".nbs-status").hidden).toBe(true);
  });

  test("binary buffers are kept by hash and dropped when no longer used", () => {
    const { model, store } = app(root([]));
    const bytes = new Uint8Array([1, 2, 3]).buffer;
    model.emit({ t: "patch", v: 2, base: 1, ops: [], run: null, blobs: ["h1"], drop: [] }, [new DataView(bytes)]);
    expect(store.blobs.get("h1")?.byteLength).toBe(3);
    model.emit({ t: "patch", v: 3, base: 2, ops: [], run: null, blobs: [], drop: ["h1"] });
    expect(store.blobs.has("h1")).toBe(false);
  });
});

describe("the shell around the elements", () => {
  test("unknown kinds and failing components still show", () => {
    const reconciler = new Reconciler(() => fallback, () => /** @type {any} */ ({}), broken);
    const entry = reconciler.mountRoot(block("mystery", [leaf("weird", { body: "hello" })]));
    expect(entry.mounted.el.textContent).toContain("st.weird");
    expect(entry.mounted.el.textContent).toContain("cannot be shown");
    expect(entry.mounted.el.textContent).toContain("hello");
    const failing = new Reconciler(() => () => { throw new Error("boom"); }, () => /** @type {any} */ ({}), broken);
    expect(failing.mountRoot(leaf("x")).mounted.el.textContent).toContain("boom");
  });

  test("the kernel hears how many views of the app a page shows", () => {
    const { model, store, view } = app(root([leaf("text#0", { body: "a" })]));
    const counts = () => model.sent.filter((m) => m.t === "views").map((m) => [m.page, m.n]);
    expect(counts()).toEqual([[store.page, 1]]);
    const second = new AppView(store, document.body.appendChild(document.createElement("div")));
    view.dispose();
    second.dispose();
    expect(counts()).toEqual([[store.page, 1], [store.page, 2], [store.page, 1], [store.page, 0]]);
  });

  test("values and clicks go to the kernel as bridge messages", () => {
    const { model, store, host } = app(root([leaf("input#0", { id: "w", value: "a" })]));
    const input = /** @type {HTMLInputElement} */ (host.querySelector("input"));
    input.value = "typed";
    input.dispatchEvent(new Event("change"));
    expect(model.sent.at(-1)).toEqual({ t: "set", values: { w: "typed" }, seq: 1, page: store.page });
  });

  test('a widget with on_change="ignore" keeps its change until the next run starts', () => {
    const { model, store, host } = app(
      root([leaf("input#0", { id: "quiet", value: "a", on_change: "ignore" }), leaf("input#1", { id: "loud", value: "x" })]),
    );
    const [quiet, loud] = /** @type {HTMLInputElement[]} */ ([...host.querySelectorAll("input")]);
    quiet.value = "b";
    quiet.dispatchEvent(new Event("change"));
    expect(model.sent.filter((m) => m.t === "set")).toEqual([]); // nothing reruns the app
    // A run of another kind made meanwhile does not undo what the user left.
    model.emit({ t: "patch", v: 2, base: 1, ops: [{ op: "props", at: ["main", "input#0"], set: { value: "a" }, del: [] }], run: null, blobs: [], drop: [], seq: { [store.page]: 0 } });
    expect(nodeAt(store.tree, ["main", "input#0"]).props.value).toBe("b");
    loud.value = "y";
    loud.dispatchEvent(new Event("change"));
    expect(model.sent.at(-1)).toEqual({ t: "set", values: { quiet: "b", loud: "y" }, seq: 1, page: store.page });
    quiet.value = "c";
    quiet.dispatchEvent(new Event("change"));
    store.click("button-1");
    expect(model.sent.at(-1)).toEqual({ t: "click", id: "button-1", seq: 2, page: store.page, values: { quiet: "c" } });
    quiet.value = "d";
    quiet.dispatchEvent(new Event("change"));
    store.rerun(); // the menu's Rerun takes it too
    expect(model.sent.at(-1)).toEqual({ t: "set", values: { quiet: "d" }, seq: 3, page: store.page });
    store.rerun();
    expect(model.sent.at(-1)).toEqual({ t: "rerun" });
  });

  test("a value the user changed after the kernel made a patch is kept", () => {
    const { model, store } = app(root([leaf("input#0", { id: "w", value: "a" })]));
    store.setValue("w", "b"); // seq 1
    store.setValue("w", "c"); // seq 2
    const patch = (v, value, seq) =>
      model.emit({ t: "patch", v, base: v - 1, ops: [{ op: "props", at: ["main", "input#0"], set: { value }, del: [] }], run: null, blobs: [], drop: [], seq: { [store.page]: seq, other: 99 } });
    patch(2, "b", 1); // made before the kernel saw "c": the user's "c" stays
    expect(nodeAt(store.tree, ["main", "input#0"]).props.value).toBe("c");
    patch(3, "c", 2); // made after: the kernel's value is shown from now on
    expect(nodeAt(store.tree, ["main", "input#0"]).props.value).toBe("c");
    patch(4, "reset", 2);
    expect(nodeAt(store.tree, ["main", "input#0"]).props.value).toBe("reset");
  });

  test("R reruns, C clears the cache, and keys in the app do not bubble out", () => {
    const { model, host } = app(root([leaf("text#0", { body: "a" })]));
    let outside = 0;
    document.body.addEventListener("keydown", () => (outside += 1));
    const appEl = host.querySelector(".nbs-app");
    expect(appEl.getAttribute("data-lm-suppress-shortcuts")).toBe("true");
    model.sent.length = 0;
    appEl.dispatchEvent(new KeyboardEvent("keydown", { key: "r", bubbles: true }));
    appEl.dispatchEvent(new KeyboardEvent("keydown", { key: "c", bubbles: true }));
    expect(model.sent).toEqual([{ t: "rerun" }, { t: "clear_cache" }]);
    expect(outside).toBe(0);
  });

  test("R typed into an input is text, not a rerun", () => {
    const { model, host } = app(root([leaf("input#0", { id: "w", value: "" })]));
    model.sent.length = 0;
    host.querySelector("input").dispatchEvent(new KeyboardEvent("keydown", { key: "r", bubbles: true }));
    expect(model.sent).toEqual([]);
  });

  test("the menu offers Clear cache to developers only", () => {
    expect(menuMode({ toolbar_mode: "auto", host: "lab" })).toBe("developer");
    expect(menuMode({ toolbar_mode: "auto", host: "voila" })).toBe("viewer");
    expect(menuMode({ toolbar_mode: "minimal", host: "lab" })).toBe("minimal");
    const { host } = app(root([]));
    host.querySelector(".nbs-menu-button").click();
    const items = [...host.querySelectorAll("[role=menuitem]")].map((el) => el.textContent);
    expect(items.join("|")).toContain("Rerun");
    expect(items.join("|")).toContain("Clear cache");
    expect(items.join("|")).toContain("About");
  });

  test("theme: the Settings choice over [theme] config over the host", () => {
    document.body.dataset.jpThemeLight = "false";
    expect(resolveTheme("system", {}).base).toBe("dark");
    expect(resolveTheme("system", { base: "light", primaryColor: "#123456" })).toEqual({ base: "light", vars: { "--nbs-primary-color": "#123456" } });
    expect(resolveTheme("light", { base: "dark", primaryColor: "#123456" })).toEqual({ base: "light", vars: {} });
    delete document.body.dataset.jpThemeLight;
  });

  test("the Settings menu switches theme and wide mode for the session", () => {
    const { store, host } = app(root([]));
    store.changeSettings({ theme: "dark", wide: true });
    const appEl = host.querySelector(".nbs-app");
    expect(appEl.dataset.theme).toBe("dark");
    expect(appEl.classList.contains("nbs-wide")).toBe(true);
  });

  test("the saved state follows what is shown, for notebooks saved with widget state", async () => {
    const { model } = app(root([leaf("text#0", { body: "a" })]));
    model.emit({ t: "patch", v: 2, base: 1, ops: [{ op: "props", at: ["main", "text#0"], set: { body: "b" }, del: [] }], run: null, blobs: [], drop: [] });
    await new Promise((r) => setTimeout(r, 600));
    expect(model.get("_snapshot").v).toBe(2);
    expect(nodeAt(model.get("_snapshot").tree, ["main", "text#0"]).props.body).toBe("b");
  });

  test("createWidget gives anywidget initialize and render", () => {
    const widget = createWidget(registry);
    const model = fakeModel({ _snapshot: { v: 4, tree: root([leaf("text#0", { body: "hi" })]), run: null } });
    widget.initialize({ model });
    const el = document.createElement("div");
    document.body.append(el);
    const cleanup = widget.render({ model, el });
    expect(el.textContent).toContain("hi");
    expect(model.sent[0]).toEqual({ t: "hello", v: 4 });
    cleanup();
    expect(el.querySelector(".nbs-app")).toBeNull();
  });
});
