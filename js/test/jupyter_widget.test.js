// @vitest-environment jsdom
import { afterEach, describe, expect, test } from "vitest";
import { components } from "../src/components/index.js";
import { waitModel } from "../src/components/components/jupyter.js";
import { makeCtx } from "./helpers.js";

afterEach(() => document.body.replaceChildren());

/** A widget manager as ipywidgets 8 has it: models arrive later (comm_open), views are made on demand. */
function fakeManager() {
  const models = new Map();
  const made = [];
  return {
    made,
    models,
    add(id) {
      models.set(id, { id });
    },
    has_model: (id) => models.has(id),
    get_model: async (id) => {
      if (!models.has(id)) throw new Error("widget model not found");
      return models.get(id);
    },
    create_view: async (model) => {
      const el = document.createElement("div");
      el.className = "fake-view";
      el.textContent = `view of ${model.id}`;
      const messages = [];
      const view = {
        el,
        removed: false,
        luminoWidget: { node: el, processMessage: (m) => messages.push(m.type) },
        messages,
        remove() {
          this.removed = true;
          el.remove();
        },
      };
      made.push(view);
      return view;
    },
  };
}

const tick = (ms = 80) => new Promise((resolve) => setTimeout(resolve, ms));

function mountWidget(props, manager) {
  const ctx = { ...makeCtx(), widgetManager: () => manager };
  const node = { kind: "jupyter_widget", key: "w", props };
  const mounted = components.jupyter_widget(node, ctx);
  document.body.append(mounted.el);
  return { ctx, mounted, node };
}

describe("st.widget", () => {
  test("draws the model's view as a child, once the model reaches the manager", async () => {
    const manager = fakeManager();
    const { mounted } = mountWidget({ id: "w", model_id: "m1", trait: "value" }, manager);
    await tick();
    expect(mounted.el.querySelector(".fake-view")).toBeNull();
    manager.add("m1");
    await tick();
    expect(mounted.el.querySelector(".fake-view")?.textContent).toBe("view of m1");
    expect(manager.made[0].messages).toEqual(["before-attach", "after-attach"]);
    expect(mounted.el.querySelector("iframe")).toBeNull();
  });

  test("a new model replaces the view; removal removes it and leaves the model", async () => {
    const manager = fakeManager();
    manager.add("m1");
    manager.add("m2");
    const { ctx, mounted, node } = mountWidget({ id: "w", model_id: "m1" }, manager);
    await tick();
    mounted.update({ ...node, props: { id: "w", model_id: "m1" } });
    await tick();
    expect(manager.made.length).toBe(1);
    mounted.update({ ...node, props: { id: "w", model_id: "m2" } });
    await tick();
    expect(manager.made[0].removed).toBe(true);
    expect(mounted.el.querySelector(".fake-view")?.textContent).toBe("view of m2");
    ctx.abort();
    expect(manager.made[1].removed).toBe(true);
    expect(manager.models.has("m2")).toBe(true);
  });

  test("without a widget manager (a saved page) it says so", () => {
    const { mounted } = mountWidget({ id: "w", model_id: "m1" }, undefined);
    expect(mounted.el.textContent).toContain("only while the app's kernel is connected");
  });

  test("waiting for a model gives up after its time", async () => {
    const manager = fakeManager();
    await expect(waitModel(manager, "nope", new AbortController().signal, 120)).rejects.toThrow("no widget model nope");
  });
});

describe("st.iframe", () => {
  test("an HTML frame of height content gets a measuring script and takes the height it reports", () => {
    const ctx = makeCtx();
    const node = { kind: "iframe", key: "f", props: { srcdoc: "<p>x</p>", auto_height: true, height: 100, sandbox: "allow-scripts", title: "T" } };
    const mounted = components.iframe(node, ctx);
    document.body.append(mounted.el);
    const frame = /** @type {HTMLIFrameElement} */ (mounted.el.querySelector("iframe"));
    expect(frame.srcdoc.startsWith("<p>x</p><script>")).toBe(true);
    expect(frame.title).toBe("T");
    window.dispatchEvent(new MessageEvent("message", { data: { nbstreamFrameHeight: 321 }, source: frame.contentWindow }));
    expect(frame.style.height).toBe("321px");
    window.dispatchEvent(new MessageEvent("message", { data: { nbstreamFrameHeight: 999 }, source: window }));
    expect(frame.style.height).toBe("321px"); // only its own frame is heard
    window.dispatchEvent(new MessageEvent("message", { data: { nbstreamFrameHeight: 1e9 }, source: frame.contentWindow }));
    expect(frame.style.height).toBe("20000px");
  });
});
