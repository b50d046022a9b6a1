// @vitest-environment jsdom
// Streamlit 1.67's newer column types in the grid: audio and video players, Markdown
// (rendered in an overlay on a click, edited in a text area), multiselect chips (colored,
// labelled) and their editor.
import { Field, List, Utf8, makeTable, tableToIPC, vectorFromArray } from "apache-arrow";
import { afterEach, describe, expect, test } from "vitest";
import { components } from "../src/components/index.js";
import { chipColor, closeOverlay, fillCell } from "../src/components/data/cells.js";
import { cellText, parseCell } from "../src/components/data/format.js";
import { makeCtx } from "./helpers.js";

afterEach(() => {
  closeOverlay();
  document.body.replaceChildren();
});

const column = (type, config = {}, extra = {}) => ({
  field: "f1", name: "c", label: "c", index: false, kind: "string", type, config, width: null, help: null,
  disabled: false, required: false, pinned: false, alignment: null, default: null, ...extra,
});
const row = (value) => ({ id: 0, values: { _row: 0, f1: value } });

function drawn(col, value) {
  const cell = document.createElement("div");
  document.body.append(cell);
  fillCell(cell, col, row(value), "", makeCtx());
  return cell;
}

describe("media cells", () => {
  test("audio and video URLs become players; other schemes stay text", () => {
    const audio = drawn(column("audio"), "https://example.org/a.mp3").querySelector("audio");
    expect(audio?.getAttribute("src")).toBe("https://example.org/a.mp3");
    expect(audio?.hasAttribute("controls")).toBe(true);
    expect(audio?.getAttribute("preload")).toBe("none");
    expect(drawn(column("video"), "data:video/mp4;base64,AAAA").querySelector("video")).not.toBeNull();
    const refused = drawn(column("audio"), "javascript:alert(1)");
    expect(refused.querySelector("audio")).toBeNull();
    expect(refused.textContent).toBe("javascript:alert(1)");
    expect(drawn(column("video"), "data:text/html,<b>x</b>").querySelector("video")).toBeNull();
  });
});

describe("button cells", () => {
  test("a button labelled by the cell sends its row and label to the column's click widget", () => {
    const ctx = makeCtx();
    /** @type {any[]} */
    const clicks = [];
    ctx.click = (id, value) => clicks.push([id, value]);
    const cell = document.createElement("div");
    fillCell(cell, column("button", { button_type: "tertiary", widget_id: "w-click" }), { id: 4, values: { _row: 7, f1: "View" } }, "", ctx);
    const button = /** @type {HTMLButtonElement} */ (cell.querySelector("button"));
    expect(button.className).toContain("nbs-button--tertiary");
    expect(button.textContent).toBe("View");
    button.click();
    expect(clicks).toEqual([["w-click", { row: 7, label: "View" }]]);
    const keyless = drawn(column("button", { button_type: "secondary" }), "Go").querySelector("button");
    expect(keyless?.disabled).toBe(true);
  });
});

describe("markdown cells", () => {
  test("show their text, and a click shows it rendered in an overlay that Escape closes", () => {
    const cell = drawn(column("markdown"), "**bold** and <script>x()</script>");
    expect(cell.textContent).toBe("**bold** and <script>x()</script>");
    cell.dispatchEvent(new MouseEvent("pointerup", { bubbles: true, button: 0 }));
    const overlay = document.querySelector(".nbs-df-overlay");
    expect(overlay?.querySelector("strong")?.textContent).toBe("bold");
    expect(overlay?.querySelector("script")).toBeNull();
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    expect(document.querySelector(".nbs-df-overlay")).toBeNull();
  });
});

describe("multiselect cells", () => {
  const conf = { options: ["exploration", "visualization", "llm"], format_labels: ["Exploration", "Visualization", "LLM"] };

  test("chips with format_func's labels and the configured colors", () => {
    const cell = drawn(column("multiselect", { ...conf, color: ["#ff0000", "primary"] }), ["llm", "exploration", "new"]);
    const chips = [...cell.querySelectorAll(".nbs-df-chip")];
    expect(chips.map((c) => c.textContent)).toEqual(["LLM", "Exploration", "new"]);
    expect(chips.map((c) => c.style.getPropertyValue("--nbs-chip"))).toEqual(["#ff0000", "#ff0000", "#ff0000"]);
    expect(chipColor({ ...conf, color: ["#ff0000", "primary"] }, "visualization")).toBe("var(--nbs-primary-color)");
    expect(chipColor({ ...conf, color: "auto" }, "visualization")).toBe("#83c9ff"); // the palette's second color
    expect(chipColor(conf, "llm")).toBeNull();
    expect(cellText(column("multiselect", conf), ["llm", "new"])).toBe("LLM, new");
  });

  test("typed or pasted values must be options unless new ones are accepted", () => {
    const col = column("multiselect", { options: ["a", "b, c"] });
    expect(parseCell(col, '["a", "b, c"]')).toEqual(["a", "b, c"]);
    expect(parseCell(col, "a, a")).toEqual(["a"]);
    expect(parseCell(col, "a, z")).toBeUndefined();
    expect(parseCell(column("multiselect", { options: ["a"], accept_new_options: true }), "a, z")).toEqual(["a", "z"]);
    expect(parseCell(col, "[not json")).toBeUndefined();
  });
});

describe("editing the new column types in data_editor", () => {
  const tags = new List(new Field("item", new Utf8(), true));
  const data = tableToIPC(
    makeTable({
      _row: Int32Array.from([0, 1]),
      f0: Int32Array.from([0, 1]),
      f1: vectorFromArray([["a"], []], tags),
      f2: vectorFromArray(["*one*", "two"], new Utf8()),
    }),
    "stream",
  );
  const index = column("number", {}, { field: "f0", name: "", label: "", index: true, kind: "integer", disabled: true, pinned: true });
  const props = {
    id: "ed1", rows: 2, data, whole: true, tail: [], version: 0, width: "stretch", height: "auto", selection_mode: [],
    value: { edited_rows: {}, added_rows: [], deleted_rows: [] }, num_rows: "fixed", base_rows: 2, editable: true,
    columns: [
      index,
      column("multiselect", { options: ["a", "b", "c"], accept_new_options: true }, { field: "f1", name: "tags", label: "tags", kind: "list" }),
      column("markdown", {}, { field: "f2", name: "notes", label: "notes" }),
    ],
  };
  const mount = () => {
    const ctx = makeCtx();
    const mounted = components.data_editor({ kind: "data_editor", key: "ed", props }, ctx);
    document.body.append(mounted.el);
    return { ctx, el: mounted.el };
  };
  const cell = (el, pos, col) => el.querySelectorAll(".nbs-df-body .nbs-df-row")[pos].querySelectorAll(".nbs-df-cell")[col];
  const open = (el, pos, col) => {
    cell(el, pos, col).dispatchEvent(new MouseEvent("pointerdown", { bubbles: true }));
    el.querySelector("[role=grid]").dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
  };

  test("a multiselect cell is edited by picking options and typing a new one", async () => {
    const { el, ctx } = mount();
    open(el, 0, 1);
    const select = /** @type {HTMLSelectElement} */ (el.querySelector("select.nbs-df-editor"));
    expect([...select.options].map((o) => [o.value, o.selected])).toEqual([["a", true], ["b", false], ["c", false]]);
    select.options[2].selected = true;
    await new Promise((r) => queueMicrotask(() => r(null)));
    const typed = /** @type {HTMLInputElement} */ (el.querySelector(".nbs-df-editor-new"));
    typed.value = "zeta";
    typed.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    select.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    expect(ctx.sent.at(-1)).toEqual(["ed1", { edited_rows: { 0: { tags: ["a", "c", "zeta"] } }, added_rows: [], deleted_rows: [] }]);
    expect([...cell(el, 0, 1).querySelectorAll(".nbs-df-chip")].map((c) => c.textContent)).toEqual(["a", "c", "zeta"]);
  });

  test("a markdown cell is edited in a text area", () => {
    const { el, ctx } = mount();
    open(el, 1, 2);
    const area = /** @type {HTMLTextAreaElement} */ (el.querySelector("textarea.nbs-df-editor"));
    expect(area.value).toBe("two");
    area.value = "# Two\nlines";
    area.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    expect(ctx.sent.at(-1)).toEqual(["ed1", { edited_rows: { 1: { notes: "# Two\nlines" } }, added_rows: [], deleted_rows: [] }]);
  });
});
