// @ts-check
/**
 * Editing for st.data_editor, on top of the Grid: cell editors by column type, checks
 * against column_config before anything is sent, paste from spreadsheets, the fill
 * handle, adding and deleting rows.
 *
 * The widget's value is the edit state {edited_rows, added_rows, deleted_rows}; after
 * each change the whole state goes to the kernel (ctx.setValue), which reruns and
 * serves the edited rows.  Cells show the new value at once.  A new row with required
 * cells stays here (a draft, outlined) until they are filled, so the kernel never sees
 * a row it would refuse.
 */
import { h, icon, on } from "../_base.js";
import { invalidReason, optionLabel, parseCell, wireValue } from "./format.js";
import { Grid } from "./grid.js";

/** @typedef {import("./grid.js").Column} Column */
/** @typedef {import("./store.js").Row} Row */

/**
 * @param {any} wire
 * @returns {{edited_rows: Record<string, Record<string, any>>, added_rows: Record<string, any>[], deleted_rows: number[]}}
 */
function copyState(wire) {
  return {
    edited_rows: Object.fromEntries(Object.entries(wire?.edited_rows || {}).map(([k, v]) => [k, { ...v }])),
    added_rows: (wire?.added_rows || []).map((/** @type {any} */ r) => ({ ...r })),
    deleted_rows: [...(wire?.deleted_rows || [])],
  };
}

/**
 * A Grid that edits.
 * @param {import("../../types.js").ComponentContext} ctx
 * @param {{kind: string, key: string, props: Record<string, any>}} node
 */
export function editorGrid(ctx, node) {
  /** @type {Grid} */
  let grid = /** @type {any} */ (null); // set by the Grid's init hook, before its first render
  let state = copyState(node.props.value);
  /** @type {{pos: number, col: number, input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} | null} */
  let editing = null;
  const canAdd = () => ["dynamic", "add"].includes(grid.props.num_rows) && grid.props.editable !== false;
  const canDelete = () => ["dynamic", "delete"].includes(grid.props.num_rows) && grid.props.editable !== false;
  const base = () => Number(grid.props.base_rows ?? grid.props.rows);
  const editable = (/** @type {Column} */ col) => !col.disabled && !col.index;

  const send = () => ctx.setValue(grid.props.id, state);

  /** Record a cell's new value (a JS value) in the state and in the row shown. */
  const record = (/** @type {Row} */ row, /** @type {Column} */ col, /** @type {any} */ value) => {
    row.values[col.field] = value;
    delete row.values[`d${col.field.slice(1)}`];
    const wire = wireValue(col, value);
    if (row.id < base()) (state.edited_rows[String(row.id)] ||= {})[col.name] = wire;
    else if (row.values.__draft) row.values.__cells = { ...(row.values.__cells || {}), [col.name]: wire };
    else if (state.added_rows[row.id - base()]) state.added_rows[row.id - base()][col.name] = wire;
  };

  /** Drafts whose required cells are now filled join added_rows. */
  const promoteDrafts = () => {
    const ready = grid.store.extra.filter((r) => r.values.__draft && missingRequired(r).length === 0);
    for (const row of ready) {
      state.added_rows.push({ ...(row.values.__cells || {}) });
      grid.store.extra.splice(grid.store.extra.indexOf(row), 1);
    }
    return ready.length > 0;
  };

  const missingRequired = (/** @type {Row} */ row) =>
    grid.columns.filter((c) => c.required && !c.index && (row.values[c.field] === null || row.values[c.field] === undefined));

  /**
   * Set cells from text (typed or pasted); cells whose text does not fit are skipped.
   * Returns how many cells changed.
   * @param {{pos: number, col: number, text: string}[]} changes
   */
  const setTexts = (changes) => {
    let changed = 0, draftChanged = false;
    for (const { pos, col: c, text } of changes) {
      const col = grid.columns[c];
      const row = grid.store.row(pos);
      if (!col || !row || !editable(col)) continue;
      const value = parseCell(col, text);
      if (value === undefined || (invalidReason(col, value) && !(value === null && row.values.__draft))) continue;
      record(row, col, value);
      if (row.values.__draft) draftChanged = true;
      else changed += 1;
    }
    const promoted = promoteDrafts();
    if (changed || promoted) send();
    if (changed || promoted || draftChanged) grid.render();
    return changed;
  };

  // ---- the cell editor ---------------------------------------------------------------------------

  const openEditor = (/** @type {number} */ pos, /** @type {number} */ c, /** @type {string | undefined} */ text = undefined) => {
    const col = grid.columns[c];
    const row = grid.store.row(pos);
    if (!col || !row || !editable(col)) return;
    if (col.type === "checkbox") {
      setTexts([{ pos, col: c, text: row.values[col.field] ? "false" : "true" }]);
      return;
    }
    grid.select(pos, c);
    const cell = /** @type {HTMLElement | null} */ (grid.rowEls.get(pos)?.querySelector(`[data-col="${c}"]`));
    if (!cell) return;
    /** @type {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} */
    let input;
    /** The editor's text, as a paste would give it (`parseCell` reads both). */
    let read = () => input.value;
    const commitLater = () => commit(0, 0);
    if (col.type === "multiselect") {
      const held = Array.isArray(row.values[col.field]) ? row.values[col.field].map(String) : [];
      const options = [...new Set([...(col.config.options || []), ...held])];
      const select = h("select", { class: "nbs-df-editor nbs-df-editor-multi", multiple: true, "aria-label": col.label, size: Math.min(6, Math.max(2, options.length)) });
      for (const o of options) select.append(h("option", { value: o, selected: held.includes(o) }, optionLabel(col.config, o)));
      input = select;
      read = () => JSON.stringify([...select.selectedOptions].map((o) => o.value));
      if (col.config.accept_new_options) {
        // A typed option joins the list (selected) on Enter.
        const typed = h("input", { class: "nbs-df-editor-new", type: "text", placeholder: "Add an option", "aria-label": `${col.label}: new option` });
        on(typed, "keydown", (/** @type {KeyboardEvent} */ e) => {
          e.stopPropagation();
          if (e.key !== "Enter" || !typed.value.trim()) return;
          e.preventDefault();
          select.append(h("option", { value: typed.value.trim(), selected: true }, typed.value.trim()));
          typed.value = "";
        }, ctx);
        on(typed, "blur", (/** @type {FocusEvent} */ e) => {
          if (e.relatedTarget !== select) commitLater();
        }, ctx);
        queueMicrotask(() => select.after(typed));
      }
    } else if (col.type === "markdown") {
      const current = row.values[col.field] === null || row.values[col.field] === undefined ? "" : String(row.values[col.field]);
      input = h("textarea", { class: "nbs-df-editor nbs-df-editor-markdown", "aria-label": col.label, rows: 4 });
      input.value = text ?? current;
    } else if (col.type === "selectbox") {
      const select = h("select", { class: "nbs-df-editor", "aria-label": col.label });
      select.append(h("option", { value: "" }, ""));
      for (const o of col.config.options || []) select.append(h("option", { value: String(o), selected: row.values[col.field] === o }, String(o)));
      input = select;
    } else {
      const current = row.values[col.field] === null || row.values[col.field] === undefined ? "" : grid.copyText(col, row);
      input = h("input", {
        class: "nbs-df-editor",
        "aria-label": col.label,
        type: "text",
        inputmode: col.type === "number" ? "decimal" : null,
        maxlength: col.config?.max_chars || null,
        value: text ?? (["date", "time", "datetime"].includes(col.type) ? String(wireValue(col, row.values[col.field]) ?? "").replace("T", " ") : current),
      });
    }
    cell.replaceChildren(input);
    cell.classList.add("nbs-df-editing");
    editing = { pos, col: c, input };
    input.focus();
    if (input instanceof HTMLInputElement && text !== undefined) input.setSelectionRange(input.value.length, input.value.length);
    const commit = (/** @type {number} */ dPos, /** @type {number} */ dCol) => {
      if (!editing || editing.input !== input) return;
      const value = parseCell(col, read());
      const reason = value === undefined ? "invalid" : invalidReason(col, value);
      if (reason && !(value === null && row.values.__draft)) {
        input.setAttribute("aria-invalid", "true");
        input.title = reason;
        return;
      }
      editing = null;
      setTexts([{ pos, col: c, text: read() }]);
      grid.clearRows();
      grid.select(Math.min(grid.store.count() - 1, pos + dPos), Math.max(0, Math.min(grid.columns.length - 1, c + dCol)));
      grid.grid.focus({ preventScroll: true });
    };
    on(input, "keydown", (/** @type {KeyboardEvent} */ e) => {
      e.stopPropagation();
      if (e.key === "Enter" && !(input instanceof HTMLTextAreaElement && e.shiftKey)) {
        e.preventDefault();
        commit(1, 0);
      } else if (e.key === "Tab") {
        e.preventDefault();
        commit(0, e.shiftKey ? -1 : 1);
      } else if (e.key === "Escape") {
        editing = null;
        grid.clearRows();
        grid.render();
        grid.grid.focus({ preventScroll: true });
      }
    }, ctx);
    on(input, "input", () => {
      // Number cells take no letters: the text is refused as it is typed.
      if (col.type === "number" && /[^\d.,eE+\-\s$€¥%]/.test(input.value)) {
        input.value = input.value.replace(/[^\d.,eE+\-\s$€¥%]/g, "");
      }
      input.removeAttribute("aria-invalid");
    }, ctx);
    on(input, "blur", (/** @type {FocusEvent} */ e) => {
      // Moving to the multiselect's "new option" field is still editing.
      if (!(e.relatedTarget instanceof HTMLElement && e.relatedTarget.classList.contains("nbs-df-editor-new"))) commit(0, 0);
    }, ctx);
    if (input instanceof HTMLSelectElement && !input.multiple) on(input, "change", () => commit(0, 0), ctx);
  };

  // ---- rows ------------------------------------------------------------------------------------------

  const addRow = () => {
    if (!canAdd()) return;
    /** @type {Record<string, any>} */
    const values = { _row: base() + state.added_rows.length + grid.store.extra.length, __draft: true, __cells: {} };
    for (const col of grid.columns) {
      values[col.field] = col.default ?? null;
      if (col.default !== null && col.default !== undefined) values.__cells[col.name] = col.default;
    }
    const row = { id: values._row, values };
    grid.store.extra.push(row);
    if (!promoteDrafts()) {
      grid.applySize();
      grid.render();
    } else send();
    const first = grid.columns.findIndex((c) => editable(c));
    grid.select(grid.store.count() - 1, Math.max(0, first));
  };

  const deleteSelectedRows = () => {
    if (!canDelete() || !grid.selectedRows.size) return false;
    const ids = [...grid.selectedRows].sort((a, b) => b - a);
    for (const id of ids) {
      if (id < base()) {
        if (!state.deleted_rows.includes(id)) state.deleted_rows.push(id);
      } else if (id - base() < state.added_rows.length) state.added_rows.splice(id - base(), 1);
      else grid.store.extra = grid.store.extra.filter((r) => r.id !== id);
    }
    grid.selectedRows.clear();
    send();
    grid.render();
    return true;
  };

  /** Fill the cells from the selected range to `to` with the range's values, repeated. */
  const fill = (/** @type {{pos: number, col: number}} */ to) => {
    const r = grid.range();
    if (!r) return;
    const changes = [];
    const down = to.pos > r.bottom, right = to.col > r.right && !down;
    const height = r.bottom - r.top + 1, width = r.right - r.left + 1;
    const rows = down ? [r.bottom + 1, to.pos] : [r.top, r.bottom];
    const cols = right ? [r.right + 1, to.col] : [r.left, r.right];
    if (!down && !right) return;
    for (let pos = rows[0]; pos <= rows[1]; pos++) {
      for (let c = cols[0]; c <= cols[1]; c++) {
        const srcPos = down ? r.top + ((pos - r.top) % height) : pos;
        const srcCol = right ? r.left + ((c - r.left) % width) : c;
        const src = grid.store.row(srcPos);
        if (src) changes.push({ pos, col: c, text: grid.copyText(grid.columns[srcCol], src) });
      }
    }
    setTexts(changes);
    grid.active = { pos: down ? to.pos : r.bottom, col: right ? to.col : r.right };
    grid.anchor = { pos: r.top, col: r.left };
    grid.render();
  };

  const startFill = (/** @type {PointerEvent} */ e) => {
    e.preventDefault();
    e.stopPropagation();
    let target = { ...grid.active };
    const move = (/** @type {PointerEvent} */ ev) => {
      const el = document.elementFromPoint?.(ev.clientX, ev.clientY);
      const hit = el ? grid.cellAt(/** @type {any} */ ({ target: el })) : null;
      if (hit && hit.col >= 0) target = { pos: hit.pos, col: hit.col };
    };
    const up = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      fill(target);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  };

  // ---- hooks into the grid ----------------------------------------------------------------------------

  const tools = [];
  const addButton = h("button", { type: "button", class: "nbs-df-tool", "aria-label": "Add row", title: "Add row" }, icon("add"));
  const deleteButton = h("button", { type: "button", class: "nbs-df-tool", "aria-label": "Delete selected rows", title: "Delete selected rows" }, icon("delete"));
  on(addButton, "click", addRow, ctx);
  on(deleteButton, "click", deleteSelectedRows, ctx);
  tools.push(addButton, deleteButton);

  new Grid(ctx, node, {
    init: (g) => (grid = g),
    tools,
    edit: openEditor,
    editable: (col) => grid.props.editable !== false && editable(col),
    key(e) {
      if (editing) return true;
      const { pos, col } = grid.active;
      const mod = e.ctrlKey || e.metaKey;
      if ((e.key === "Delete" || e.key === "Backspace") && deleteSelectedRows()) {
        e.preventDefault();
        return true;
      }
      if (pos < 0) return false;
      if (e.key === "Enter" || e.key === "F2") {
        e.preventDefault();
        openEditor(pos, col);
        return true;
      }
      if (e.key === "Delete" || e.key === "Backspace") {
        const r = grid.range();
        if (!r) return false;
        e.preventDefault();
        const changes = [];
        for (let p = r.top; p <= r.bottom; p++) for (let c = r.left; c <= r.right; c++) changes.push({ pos: p, col: c, text: "" });
        setTexts(changes);
        return true;
      }
      if (e.key === " " && grid.columns[col]?.type === "checkbox") {
        e.preventDefault();
        openEditor(pos, col);
        return true;
      }
      if (e.key.length === 1 && !mod && !e.altKey) {
        e.preventDefault();
        openEditor(pos, col, e.key);
        return true;
      }
      return false;
    },
    paste(e) {
      if (editing || grid.active.pos < 0) return;
      const text = e.clipboardData?.getData("text/plain") ?? "";
      if (!text) return;
      e.preventDefault();
      pasteText(text);
    },
    click(pos, c, cell) {
      const col = grid.columns[c];
      if (col?.type === "checkbox" && editable(col) && cell.querySelector(".nbs-df-check")) {
        grid.select(pos, c);
        openEditor(pos, c);
        return true;
      }
      return false;
    },
    decorate(cell, pos, c, row) {
      const col = grid.columns[c];
      if (!editable(col)) cell.classList.add("nbs-df-readonly");
      const edited = row.id < base() ? state.edited_rows[String(row.id)]?.[col.name] !== undefined : true;
      if (edited && row.id < base() && !col.index) cell.classList.add("nbs-df-edited");
      if (row.values.__draft && col.required && (row.values[col.field] === null || row.values[col.field] === undefined)) {
        cell.classList.add("nbs-df-missing");
        cell.setAttribute("aria-invalid", "true");
      }
      const r = grid.range();
      if (r && pos === r.bottom && c === r.right && editable(col) && !editing) {
        const handle = h("span", { class: "nbs-df-fill", "aria-hidden": "true" });
        on(handle, "pointerdown", startFill, ctx);
        cell.append(handle);
      }
    },
    footer: undefined,
  });

  /** Paste tab-separated text at the active cell; rows past the end are added when allowed. */
  const pasteText = (/** @type {string} */ text) => {
    const lines = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n").map((l) => l.split("\t"));
    const { pos, col } = grid.active;
    /** @type {{pos: number, col: number, text: string}[]} */
    const changes = [];
    while (canAdd() && pos + lines.length > grid.store.count()) addRow();
    lines.forEach((cells, i) => cells.forEach((t, j) => changes.push({ pos: pos + i, col: col + j, text: t })));
    setTexts(changes);
  };

  const footerRow = () => {
    const el = h("div", { class: "nbs-df-row nbs-df-addrow", role: "row" }, h("button", { type: "button", class: "nbs-df-addrow-button", "aria-label": "Add row" }, icon("add")));
    on(el, "click", addRow, ctx);
    return el;
  };
  grid.hooks.footer = canAdd() ? footerRow : undefined;
  grid.el.classList.add("nbs-data-editor");
  grid.applySize();
  grid.render();

  return {
    grid,
    el: grid.el,
    fill,
    pasteText,
    addRow,
    deleteSelectedRows,
    state: () => state,
    /** @param {{props: Record<string, any>}} next */
    update(next) {
      const mine = JSON.stringify(next.props.value) === JSON.stringify(state);
      if (!mine) state = copyState(next.props.value);
      if (editing) {
        grid.props = next.props; // keep the open editor; rows refresh after it closes
        return;
      }
      grid.update(next);
      addButton.hidden = !canAdd();
      deleteButton.hidden = !canDelete();
      grid.hooks.footer = canAdd() ? footerRow : undefined;
    },
  };
}
