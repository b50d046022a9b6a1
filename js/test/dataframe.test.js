// @vitest-environment jsdom
import { tableFromArrays, tableToIPC } from "apache-arrow";
import { afterEach, describe, expect, test } from "vitest";
import { components } from "../src/components/index.js";
import { cellText, formatNumber, parseCell } from "../src/components/data/format.js";
import { MAX_PAGES, PAGE } from "../src/components/data/store.js";
import { makeCtx } from "./helpers.js";

afterEach(() => document.body.replaceChildren());

const flush = () => new Promise((r) => setTimeout(r, 0));

/** Arrow IPC of rows `ids` of a table whose column f1 is `n` = row number * 10 and f2 a name. */
function ipcWindow(ids) {
  return tableToIPC(
    tableFromArrays({
      _row: Int32Array.from(ids),
      f0: Int32Array.from(ids),
      f1: Float64Array.from(ids.map((i) => i * 10)),
      f2: ids.map((i) => `name ${i}`),
    }),
    "stream",
  );
}

const COLUMNS = [
  { field: "f0", name: "", label: "", index: true, kind: "integer", type: "number", config: {}, width: null, help: null, disabled: true, required: false, pinned: true, alignment: null, default: null },
  { field: "f1", name: "n", label: "n", index: false, kind: "integer", type: "number", config: {}, width: null, help: "the number", disabled: false, required: false, pinned: false, alignment: null, default: null },
  { field: "f2", name: "name", label: "name", index: false, kind: "string", type: "text", config: {}, width: null, help: null, disabled: false, required: false, pinned: false, alignment: null, default: null },
];

/** A kernel stand-in: answers window requests over `total` rows, sorting and searching. */
function kernel(total) {
  const requests = [];
  const request = async (payload) => {
    requests.push(payload);
    let ids = null;
    if (payload.search) ids = Array.from({ length: total }, (_, i) => i).filter((i) => `name ${i}`.includes(payload.search));
    if (payload.sort) {
      ids ??= Array.from({ length: total }, (_, i) => i);
      if (payload.sort[1] === "desc") ids.reverse();
    }
    const count = ids ? ids.length : total;
    const stop = Math.min(payload.stop, count);
    const slice = [];
    for (let p = payload.start; p < stop; p++) slice.push(ids ? ids[p] : p);
    return { content: { rows: count, start: payload.start, version: 0 }, buffers: [new DataView(ipcWindow(slice).buffer)] };
  };
  return { requests, request };
}

function mountGrid(kind, props, total = props.rows) {
  const ctx = makeCtx();
  const k = kernel(total);
  ctx.request = k.request;
  const node = { kind, key: kind, props };
  const mounted = components[kind](node, ctx);
  document.body.append(mounted.el);
  return { ctx, el: mounted.el, mounted, requests: k.requests, update: (next) => mounted.update({ ...node, props: { ...props, ...next } }) };
}

const base = (rows, extra = {}) => ({
  columns: COLUMNS,
  rows,
  data: ipcWindow(Array.from({ length: Math.min(rows, rows <= 1000 ? rows : 100) }, (_, i) => i)),
  whole: rows <= 1000,
  tail: [],
  version: 0,
  width: "stretch",
  height: "auto",
  selection_mode: [],
  ...extra,
});

const rowsInDom = (el) => el.querySelectorAll(".nbs-df-body .nbs-df-row").length;
const cells = (el, field) => [...el.querySelectorAll(`.nbs-df-body .nbs-df-row`)].map((r) => r.querySelectorAll(".nbs-df-cell")[COLUMNS.findIndex((c) => c.field === field)]?.textContent);

describe("dataframe grid", () => {
  test("a 10M-row table draws only the rows in view and fetches pages on scroll, holding a bounded number", async () => {
    const { el, requests, mounted } = mountGrid("dataframe", base(10_000_000));
    expect(el.getAttribute("class")).toContain("nbs-df");
    expect(el.querySelector("[role=grid]").getAttribute("aria-rowcount")).toBe("10000001");
    expect(rowsInDom(el)).toBeLessThan(30);
    expect(cells(el, "f2")[0]).toBe("name 0");
    expect(requests).toEqual([]); // the first rows came with the element
    const scroller = el.querySelector(".nbs-df-scroller");
    const body = el.querySelector(".nbs-df-body");
    expect(parseFloat(body.style.height)).toBeLessThanOrEqual(8_000_000); // scroll range mapped, not 350M px
    for (let step = 1; step <= 12; step++) {
      scroller.scrollTop = step * 500_000;
      scroller.dispatchEvent(new Event("scroll"));
      await new Promise((r) => setTimeout(r, 1));
      await flush();
    }
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => r.op === "rows" && r.stop - r.start === PAGE)).toBe(true);
    const store = /** @type {any} */ (el)._grid?.store;
    void store;
    expect(mounted).toBeTruthy();
    // Rows in view are real rows of the middle of the table.
    const shown = cells(el, "f2").filter((t) => t && t.startsWith("name "));
    expect(shown.length).toBeGreaterThan(5);
    expect(Number(shown[0].slice(5))).toBeGreaterThan(1_000_000);
  });

  test("the browser keeps at most MAX_PAGES pages", async () => {
    const { el } = mountGrid("dataframe", base(10_000_000));
    const grid = gridOf(el);
    for (let p = 0; p < MAX_PAGES + 10; p++) {
      grid.store.ensure(p * PAGE * 50, p * PAGE * 50 + 10);
      await flush();
    }
    expect(grid.store.pages.size).toBeLessThanOrEqual(MAX_PAGES + 1);
    expect(grid.store.held()).toBeLessThanOrEqual((MAX_PAGES + 2) * PAGE);
  });

  test("a click on a header sorts in the kernel: ascending, descending, off", async () => {
    const { el, requests } = mountGrid("dataframe", base(5000));
    const header = el.querySelector('[role=columnheader][data-field="f1"]');
    header.click();
    await flush();
    expect(requests.at(-1)).toMatchObject({ op: "rows", start: 0, sort: ["f1", "asc"] });
    expect(el.querySelector('[role=columnheader][data-field="f1"]').getAttribute("aria-sort")).toBe("ascending");
    el.querySelector('[role=columnheader][data-field="f1"]').click();
    await flush();
    expect(requests.at(-1).sort).toEqual(["f1", "desc"]);
    expect(cells(el, "f2")[0]).toBe("name 4999");
    el.querySelector('[role=columnheader][data-field="f1"]').click();
    expect(el.querySelector('[role=columnheader][data-field="f1"]').getAttribute("aria-sort")).toBe("none");
    expect(cells(el, "f2")[0]).toBe("name 0");
  });

  test("Ctrl+F opens the search; the kernel filters, matches are marked and counted", async () => {
    const { el, requests } = mountGrid("dataframe", base(5000));
    const grid = el.querySelector("[role=grid]");
    grid.focus();
    grid.dispatchEvent(new KeyboardEvent("keydown", { key: "f", ctrlKey: true, bubbles: true, cancelable: true }));
    const input = el.querySelector(".nbs-df-search-input");
    expect(el.querySelector(".nbs-df-search").hidden).toBe(false);
    expect(document.activeElement).toBe(input);
    input.value = "name 42";
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    await flush();
    expect(requests.at(-1)).toMatchObject({ search: "name 42", start: 0 });
    expect(el.querySelector(".nbs-df-status").textContent).toBe('111 rows match "name 42"');
    expect(el.querySelector(".nbs-df-body mark").textContent).toBe("name 42");
  });

  test("cells are selected with the mouse and keyboard and copied as tab-separated text", () => {
    const { el } = mountGrid("dataframe", base(20));
    const first = el.querySelectorAll(".nbs-df-body .nbs-df-row")[1].querySelectorAll(".nbs-df-cell")[1];
    first.dispatchEvent(new MouseEvent("pointerdown", { bubbles: true }));
    const grid = el.querySelector("[role=grid]");
    grid.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", shiftKey: true, bubbles: true }));
    grid.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", shiftKey: true, bubbles: true }));
    expect(el.querySelectorAll(".nbs-df-body [aria-selected=true]").length).toBe(4);
    let copied = "";
    const event = new Event("copy", { bubbles: true, cancelable: true });
    event.clipboardData = { setData: (_type, text) => (copied = text) };
    grid.dispatchEvent(event);
    expect(copied).toBe("10\tname 1\n20\tname 2");
  });

  test("columns resize by dragging a header's edge", () => {
    const { el } = mountGrid("dataframe", base(5));
    const grip = el.querySelector('[data-field="f2"] .nbs-df-resize');
    const before = parseFloat(el.querySelector('[data-field="f2"]').style.width);
    grip.dispatchEvent(new MouseEvent("pointerdown", { clientX: 100, bubbles: true }));
    window.dispatchEvent(new MouseEvent("pointermove", { clientX: 160 }));
    window.dispatchEvent(new MouseEvent("pointerup", { clientX: 160 }));
    expect(parseFloat(el.querySelector('[data-field="f2"]').style.width)).toBe(before + 60);
  });

  test("the toolbar has download, search and fullscreen", () => {
    const { el } = mountGrid("dataframe", base(5));
    const labels = [...el.querySelectorAll(".nbs-df-toolbar button")].map((b) => b.getAttribute("aria-label"));
    expect(labels).toEqual(["Download as CSV", "Search", "Fullscreen"]);
    el.querySelector('[aria-label="Fullscreen"]').click();
    expect(el.classList.contains("nbs-df--fullscreen")).toBe(true);
    el.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect(el.classList.contains("nbs-df--fullscreen")).toBe(false);
  });

  test("row selection sends the selected rows as the widget's value", () => {
    const { el, ctx } = mountGrid("dataframe", base(5, { id: "df1", selection_mode: ["multi-row"], value: { selection: { rows: [], columns: [], cells: [] } } }));
    const markers = el.querySelectorAll(".nbs-df-body .nbs-df-marker");
    markers[3].dispatchEvent(new MouseEvent("pointerdown", { bubbles: true }));
    el.querySelectorAll(".nbs-df-body .nbs-df-marker")[1].dispatchEvent(new MouseEvent("pointerdown", { bubbles: true, ctrlKey: true }));
    expect(ctx.sent.at(-1)).toEqual(["df1", { selection: { rows: [1, 3], columns: [], cells: [] } }]);
    expect(el.querySelectorAll(".nbs-df-body .nbs-df-check[aria-checked=true]").length).toBe(2);
  });

  test("a default cell selection from the kernel shows as the selected cell", () => {
    const { el } = mountGrid("dataframe", base(5, { id: "df1", selection_mode: ["single-cell"], value: { selection: { rows: [], columns: [], cells: [[2, "name"]] } } }));
    const selected = [...el.querySelectorAll(".nbs-df-body .nbs-df-cell[aria-selected=true]")];
    expect(selected.map((c) => c.textContent)).toEqual(["name 2"]);
  });

  test("column selection: a header click selects the column", () => {
    const { el, ctx } = mountGrid("dataframe", base(5, { id: "df1", selection_mode: ["multi-column"], value: { selection: { rows: [], columns: [], cells: [] } } }));
    el.querySelector('[data-field="f2"]').click();
    expect(ctx.sent.at(-1)).toEqual(["df1", { selection: { rows: [], columns: ["name"], cells: [] } }]);
  });
});

/** The Grid behind a mounted element (for checks of what it holds). */
function gridOf(el) {
  return el.__grid;
}

describe("cell text", () => {
  test("timezones: naive as-is, zoned in their own zone with the offset", () => {
    const ms = Date.UTC(2020, 0, 10, 10, 30);
    const col = { type: "datetime", config: {}, name: "t", kind: "datetime" };
    expect(cellText(col, ms, null)).toBe("2020-01-10 10:30:00");
    expect(cellText(col, ms, -300)).toBe("2020-01-10 10:30:00-05:00");
    expect(cellText(col, ms, 330)).toBe("2020-01-10 10:30:00+05:30");
    expect(cellText({ ...col, config: { format: "YYYY/MM/DD HH:mm" } }, ms, 60)).toBe("2020/01/10 10:30+01:00");
  });

  test("numbers: plain, printf and named formats", () => {
    expect(formatNumber(1.5, null)).toBe("1.5");
    expect(formatNumber(1 / 3, null)).toBe("0.3333");
    expect(formatNumber(4, "%d ⭐")).toBe("4 ⭐");
    expect(formatNumber(3.14159, "$%.2f")).toBe("$3.14");
    expect(formatNumber(0.25, "percent")).toBe("25.00%");
    expect(formatNumber(1234.5, "dollar")).toBe("$1,234.50");
  });

  test("typed and pasted text is parsed by column type; what does not fit is refused", () => {
    const num = { type: "number", config: {} };
    expect(parseCell(num, "42")).toBe(42);
    expect(parseCell(num, "1,234.5")).toBe(1234.5);
    expect(parseCell(num, "12abc")).toBeUndefined();
    expect(parseCell({ type: "checkbox", config: {} }, "TRUE")).toBe(true);
    expect(parseCell({ type: "date", config: {} }, "2021-02-03")).toBe(Date.UTC(2021, 1, 3));
    expect(parseCell({ type: "time", config: {} }, "25:00")).toBeUndefined();
    expect(parseCell({ type: "selectbox", config: { options: ["a", "b"] } }, "c")).toBeUndefined();
    expect(parseCell({ type: "text", config: {} }, "")).toBeNull();
  });
});

describe("data_editor", () => {
  const editorProps = (extra = {}) =>
    base(3, {
      id: "ed1",
      value: { edited_rows: {}, added_rows: [], deleted_rows: [] },
      num_rows: "fixed",
      base_rows: 3,
      editable: true,
      columns: COLUMNS.map((c) => (c.field === "f1" ? { ...c, config: { integer: true, min_value: 0, max_value: 100 } } : c)),
      ...extra,
    });

  const cell = (el, pos, col) => el.querySelectorAll(".nbs-df-body .nbs-df-row")[pos].querySelectorAll(".nbs-df-cell")[col];

  test("editable columns' headers show a pencil; the index and disabled columns do not", () => {
    const columns = COLUMNS.map((c) => (c.field === "f2" ? { ...c, disabled: true } : c));
    const { el } = mountGrid("data_editor", editorProps({ columns }));
    const pencils = [...el.querySelectorAll(".nbs-df-hcell")].map((h) => Boolean(h.querySelector(".nbs-df-editable")));
    expect(pencils).toEqual([false, true, false]);
    const readOnly = mountGrid("data_editor", editorProps({ editable: false })).el;
    expect(readOnly.querySelector(".nbs-df-editable")).toBeNull();
    expect(mountGrid("dataframe", base(3)).el.querySelector(".nbs-df-editable")).toBeNull();
  });

  test("typing edits a cell; letters never reach a number cell; the state is sent", () => {
    const { el, ctx } = mountGrid("data_editor", editorProps());
    cell(el, 1, 1).dispatchEvent(new MouseEvent("pointerdown", { bubbles: true }));
    const grid = el.querySelector("[role=grid]");
    grid.dispatchEvent(new KeyboardEvent("keydown", { key: "7", bubbles: true, cancelable: true }));
    const input = el.querySelector(".nbs-df-editor");
    expect(input.value).toBe("7");
    input.value = "7x";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    expect(input.value).toBe("7");
    input.value = "500";
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    expect(input.getAttribute("aria-invalid")).toBe("true"); // above max_value: not committed
    expect(ctx.sent).toEqual([]);
    input.value = "75";
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    expect(ctx.sent).toEqual([["ed1", { edited_rows: { 1: { n: 75 } }, added_rows: [], deleted_rows: [] }]]);
    expect(cell(el, 1, 1).textContent).toBe("75");
  });

  test("paste from a spreadsheet fills cells from the active one, skipping what does not fit", () => {
    const { el, ctx, mounted } = mountGrid("data_editor", editorProps());
    cell(el, 0, 1).dispatchEvent(new MouseEvent("pointerdown", { bubbles: true }));
    const event = new Event("paste", { bubbles: true, cancelable: true });
    event.clipboardData = { getData: () => "5\tAnn\nfive\tBob\n" };
    el.querySelector("[role=grid]").dispatchEvent(event);
    expect(ctx.sent.at(-1)[1].edited_rows).toEqual({ 0: { n: 5, name: "Ann" }, 1: { name: "Bob" } });
    void mounted;
  });

  test("the fill handle copies the selection down", () => {
    const { el, ctx } = mountGrid("data_editor", editorProps());
    cell(el, 0, 2).dispatchEvent(new MouseEvent("pointerdown", { bubbles: true }));
    expect(cell(el, 0, 2).querySelector(".nbs-df-fill")).not.toBeNull();
    el.__editor.fill({ pos: 2, col: 2 });
    expect(ctx.sent.at(-1)[1].edited_rows).toEqual({ 1: { name: "name 0" }, 2: { name: "name 0" } });
  });

  test("dynamic rows: a new row with a required cell waits until it is filled; rows are deleted", () => {
    const columns = COLUMNS.map((c) => (c.field === "f2" ? { ...c, required: true } : c));
    const { el, ctx } = mountGrid("data_editor", editorProps({ num_rows: "dynamic", columns }));
    el.querySelector('[aria-label="Add row"]').click();
    expect(ctx.sent).toEqual([]);
    expect(el.querySelectorAll(".nbs-df-missing").length).toBe(1);
    el.__editor.pasteText("\tZed");
    expect(ctx.sent.at(-1)[1].added_rows).toEqual([{ n: null, name: "Zed" }]);
    el.querySelectorAll(".nbs-df-body .nbs-df-marker")[0].dispatchEvent(new MouseEvent("pointerdown", { bubbles: true }));
    el.querySelector('[aria-label="Delete selected rows"]').click();
    expect(ctx.sent.at(-1)[1].deleted_rows).toEqual([0]);
  });

  test("a disabled column does not open an editor", () => {
    const columns = COLUMNS.map((c) => ({ ...c, disabled: true }));
    const { el, ctx } = mountGrid("data_editor", editorProps({ columns, editable: false }));
    cell(el, 0, 2).dispatchEvent(new MouseEvent("dblclick", { bubbles: true }));
    expect(el.querySelector(".nbs-df-editor")).toBeNull();
    expect(ctx.sent).toEqual([]);
  });
});

describe("table", () => {
  test("every row as an HTML table", () => {
    const { el } = mountGrid("table", base(3));
    expect([...el.querySelectorAll("thead th")].map((t) => t.textContent)).toEqual(["", "n", "name"]);
    expect([...el.querySelectorAll("tbody tr")].map((r) => r.textContent)).toEqual(["00name 0", "110name 1", "220name 2"]);
  });
});

describe("metric", () => {
  test("label, value, and a colored delta with its arrow that hides when there is none", () => {
    const { el, update } = mountGrid("metric", { label: "**Temp**", body: "70 °F", delta: "-1.2 °F", delta_color: "normal", direction: "down", color: "red", help: "today", label_visibility: "visible", border: true });
    expect(el.querySelector(".nbs-metric-label strong")?.textContent).toBe("Temp");
    expect(el.querySelector(".nbs-metric-value")?.textContent).toBe("70 °F");
    const delta = el.querySelector(".nbs-metric-delta");
    expect(delta.dataset.color).toBe("red");
    expect(delta.textContent).toBe("-1.2 °F");
    expect(delta.querySelector("svg")).not.toBeNull();
    expect(el.querySelector("[role=tooltip]")?.textContent).toContain("today");
    update({ delta: "", direction: "none", color: "gray" });
    expect(delta.hidden).toBe(true);
  });
});

describe("json", () => {
  const body = JSON.stringify({ name: "nb", tags: ["a", "b"], nested: { deep: { deeper: 1 } }, none: null });
  const opens = (el) => [...el.querySelectorAll("details")].map((d) => d.open);

  test("typed values in a tree, open to the depth asked", () => {
    const all = mountGrid("json", { body, expanded: true, max_expand_depth: null }).el;
    expect(all.querySelector(".nbs-json-string").textContent).toBe('"nb"');
    expect(all.querySelector(".nbs-json-null").textContent).toBe("null");
    expect(opens(all).every(Boolean)).toBe(true);
    expect(opens(mountGrid("json", { body, expanded: false, max_expand_depth: null }).el)[0]).toBe(false);
    const one = opens(mountGrid("json", { body, expanded: true, max_expand_depth: 1 }).el);
    expect(one[0]).toBe(true);
    expect(one.slice(1).every((o) => !o)).toBe(true);
    expect(mountGrid("json", { body: "not json", expanded: true, max_expand_depth: null }).el.textContent).toBe('"not json"');
  });
});
