// @vitest-environment jsdom
import { afterEach, describe, expect, test } from "vitest";
import { applyToTree } from "../src/patch.js";
import { key, mount, type } from "./helpers.js";

afterEach(() => document.body.replaceChildren());

// jsdom's Blob has no arrayBuffer(); browsers do.
if (!Blob.prototype.arrayBuffer) {
  Blob.prototype.arrayBuffer = function () {
    return new Promise((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.readAsArrayBuffer(this);
    });
  };
}

/** A ctx whose clicks keep their value too. */
function withValues(m) {
  const events = [];
  m.ctx.click = (id, value) => events.push([id, value]);
  return events;
}

describe("chat_input", () => {
  const props = { id: "c1", placeholder: "Say something", max_chars: null, disabled: false, position: "bottom", width: "stretch", value: null };

  test("Enter sends the text with the event and empties the box; Shift+Enter does not send", () => {
    const m = mount("chat_input", props);
    const events = withValues(m);
    const field = m.el.querySelector("textarea");
    expect(field.getAttribute("aria-label")).toBe("Say something");
    type(field, "hello");
    key(field, "Enter", { shiftKey: true });
    expect(events).toEqual([]);
    key(field, "Enter");
    expect(events).toEqual([["c1", "hello"]]);
    expect(field.value).toBe("");
    expect(document.activeElement).toBe(field);
  });

  test("blank text is not sent; the send button sends", () => {
    const m = mount("chat_input", props);
    const events = withValues(m);
    const field = m.el.querySelector("textarea");
    const send = m.el.querySelector(".nbs-chat-send");
    type(field, "   ");
    key(field, "Enter");
    expect(send.disabled).toBe(true);
    type(field, "hi");
    send.click();
    expect(events).toEqual([["c1", "hi"]]);
  });

  test("pinned in the main area, inline elsewhere; disabled sends nothing", () => {
    const m = mount("chat_input", props);
    expect(m.el.classList.contains("nbs-chat-input--bottom")).toBe(true);
    m.update({ position: "inline", disabled: true });
    expect(m.el.classList.contains("nbs-chat-input--bottom")).toBe(false);
    const events = withValues(m);
    const field = m.el.querySelector("textarea");
    expect(field.disabled).toBe(true);
    field.value = "x";
    key(field, "Enter");
    expect(events).toEqual([]);
  });
});

describe("chat_input with files", () => {
  const props = { id: "c1", placeholder: "Say", max_chars: null, disabled: false, position: "bottom", width: "stretch",
    value: null, accept_file: "multiple", file_type: [".txt"], max_bytes: 1024 };

  /** Choose files with the paperclip's file picker. */
  function choose(m, files) {
    const picker = m.el.querySelector("input[type=file]");
    Object.defineProperty(picker, "files", { value: files, configurable: true });
    picker.dispatchEvent(new Event("change"));
  }

  /** A ctx whose uploads the kernel acknowledges in full. */
  function acking(m) {
    const uploads = [];
    m.ctx.upload = (msg, chunk) => {
      uploads.push({ ...msg, bytes: chunk ? chunk.byteLength : 0 });
      return Promise.resolve({ content: { received: msg.size } });
    };
    return uploads;
  }

  /** Wait (up to 5 s) until `done()` holds: file reads and acks are asynchronous. */
  async function until(done) {
    for (let i = 0; i < 500 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(done()).toBe(true);
  }

  test("a text-only chat_input has no paperclip", () => {
    const m = mount("chat_input", { ...props, accept_file: false });
    expect(m.el.querySelector(".nbs-chat-attach").hidden).toBe(true);
  });

  test("attached files upload at once and go with the message, text or not", async () => {
    const m = mount("chat_input", props);
    const events = withValues(m);
    const uploads = acking(m);
    const attach = m.el.querySelector(".nbs-chat-attach");
    expect(attach.hidden).toBe(false);
    expect(m.el.querySelector("input[type=file]").accept).toBe(".txt");
    choose(m, [new File(["hello"], "a.txt", { type: "text/plain" }), new File(["bye"], "b.txt", { type: "text/plain" })]);
    await until(() => m.el.querySelectorAll(".nbs-upload-file--done").length === 2);
    expect(uploads.map((u) => [u.name, u.size, u.offset, u.bytes])).toEqual([["a.txt", 5, 0, 5], ["b.txt", 3, 0, 3]]);
    expect([...m.el.querySelectorAll(".nbs-upload-name")].map((e) => e.textContent)).toEqual(["a.txt", "b.txt"]);
    const send = m.el.querySelector(".nbs-chat-send");
    expect(send.disabled).toBe(false);  // files alone may be sent
    send.click();
    expect(events).toHaveLength(1);
    const [id, value] = events[0];
    expect(id).toBe("c1");
    expect(value.text).toBe("");
    expect(value.files.map((f) => [f.name, f.size, f.file_id])).toEqual(uploads.map((u) => [u.name, u.size, u.file]));
    expect(m.el.querySelectorAll(".nbs-upload-file")).toHaveLength(0);  // the box is empty again
    expect(send.disabled).toBe(true);
  });

  test("a refused file is shown with its reason and never sent", async () => {
    const m = mount("chat_input", props);
    const events = withValues(m);
    const uploads = acking(m);
    choose(m, [new File(["x"], "cat.png"), new File(["x".repeat(2000)], "big.txt")]);
    await until(() => m.el.querySelectorAll(".nbs-upload-error").length === 2);
    expect(uploads).toEqual([]);
    expect([...m.el.querySelectorAll(".nbs-upload-error")].map((e) => e.textContent)).toEqual([
      ".png files are not allowed.", "File must be 0.0MB or smaller.",
    ]);
    const field = m.el.querySelector("textarea");
    type(field, "hi");
    key(field, "Enter");
    expect(events).toEqual([["c1", { text: "hi", files: [] }]]);
  });

  test("accept_file=True keeps one file; Send waits for an upload in flight", async () => {
    const m = mount("chat_input", { ...props, accept_file: true });
    const events = withValues(m);
    let release;
    m.ctx.upload = (msg) => new Promise((resolve) => { release = () => resolve({ content: { received: msg.size } }); });
    choose(m, [new File(["1"], "one.txt"), new File(["2"], "two.txt")]);
    await until(() => release !== undefined);  // its chunk is read and sent, not yet acknowledged
    const field = m.el.querySelector("textarea");
    type(field, "wait");
    key(field, "Enter");
    expect(events).toEqual([]);  // still uploading
    release();
    await until(() => m.el.querySelectorAll(".nbs-upload-file--done").length === 1);
    key(field, "Enter");
    expect(events.map(([, v]) => [v.text, v.files.map((f) => f.name)])).toEqual([["wait", ["one.txt"]]]);
  });
});

describe("chat_message", () => {
  const message = (props) => mount("chat_message", { name: "user", avatar_type: "icon", avatar: "user", avatar_image: null, width: "stretch", ...props }, { children: [] });

  test("built-in avatars for user and assistant; others show their initial or emoji", () => {
    expect(message({}).el.querySelector(".nbs-chat-avatar--user svg")).not.toBeNull();
    expect(message({ name: "assistant", avatar: "assistant" }).el.querySelector(".nbs-chat-avatar--assistant")).not.toBeNull();
    expect(message({ name: "bob", avatar: "" }).el.querySelector(".nbs-chat-avatar").textContent).toBe("B");
    expect(message({ name: "x", avatar_type: "emoji", avatar: "🦖" }).el.querySelector(".nbs-chat-avatar").textContent).toBe("🦖");
    const img = message({ name: "x", avatar_type: "image", avatar: "https://example.com/a.png" }).el.querySelector("img");
    expect(img.getAttribute("src")).toBe("https://example.com/a.png");
  });

  test("the children go in the content slot, labelled with the author", () => {
    const m = message({ name: "Ann", avatar: "" });
    expect(m.mounted.slot.classList.contains("nbs-chat-content")).toBe(true);
    expect(m.el.getAttribute("aria-label")).toBe("Chat message from Ann");
  });
});

describe("feedback", () => {
  test("thumbs: click selects (1 is up), clicking again clears", () => {
    const m = mount("feedback", { id: "f1", options: "thumbs", disabled: false, width: "content", value: null });
    const up = m.el.querySelector("[aria-label='Thumbs up']");
    up.click();
    expect(m.ctx.sent).toEqual([["f1", 1]]);
    expect(up.getAttribute("aria-pressed")).toBe("true");
    up.click();
    expect(m.ctx.sent).toEqual([["f1", 1], ["f1", null]]);
  });

  test("stars light up to the selected one; the kernel's value shows", () => {
    const m = mount("feedback", { id: "f1", options: "stars", disabled: false, width: "content", value: 2 });
    const lit = [...m.el.querySelectorAll("button")].map((b) => b.classList.contains("nbs-feedback-on"));
    expect(lit).toEqual([true, true, true, false, false]);
    m.update({ options: "faces", value: null });
    expect(m.el.querySelectorAll("button").length).toBe(5);
  });
});

describe("dialog", () => {
  test("opens over the app, Escape dismisses and tells the kernel when it asked", async () => {
    const app = document.createElement("div");
    app.className = "nbs-app";
    document.body.append(app);
    const m = mount("dialog", { title: "Vote", width: "small", dismissible: true, dismiss_id: "d1" }, { children: [] });
    app.append(m.el);
    await Promise.resolve();
    await new Promise((r) => requestAnimationFrame(r));
    const box = app.querySelector("[role=dialog]");
    expect(box.getAttribute("aria-label")).toBe("Vote");
    key(box, "Escape");
    expect(app.querySelector("[role=dialog]")).toBeNull();
    expect(m.ctx.clicks).toEqual(["d1"]);
  });

  test("not dismissible: no close button, Escape keeps it", async () => {
    const app = document.createElement("div");
    app.className = "nbs-app";
    document.body.append(app);
    const m = mount("dialog", { title: "Stay", width: "large", dismissible: false, dismiss_id: null }, { children: [] });
    app.append(m.el);
    await new Promise((r) => requestAnimationFrame(r));
    const box = app.querySelector("[role=dialog]");
    expect(box.querySelector(".nbs-st-dialog-close").hidden).toBe(true);
    key(box, "Escape");
    expect(app.querySelector("[role=dialog]")).not.toBeNull();
  });
});

describe("append ops", () => {
  test("a text prop grows by its tail", () => {
    const tree = { kind: "root", key: "root", props: {}, children: [{ kind: "markdown", key: "markdown#0", props: { body: "x".repeat(40) } }] };
    const out = applyToTree(tree, [{ op: "props", at: ["markdown#0"], set: {}, del: [], append: { body: "yz" } }]);
    expect(out.children[0].props.body).toBe("x".repeat(40) + "yz");
  });
});

describe("dialog reopening", () => {
  test("a dismissed dialog opens again when a later run opens it again", async () => {
    const app = document.createElement("div");
    app.className = "nbs-app";
    document.body.append(app);
    const props = { title: "Again", width: "small", dismissible: true, dismiss_id: null, opening: 1 };
    const m = mount("dialog", props, { children: [] });
    app.append(m.el);
    await new Promise((r) => requestAnimationFrame(r));
    key(app.querySelector("[role=dialog]"), "Escape");
    expect(app.querySelector("[role=dialog]")).toBeNull();
    m.update({ opening: 1 });
    await new Promise((r) => requestAnimationFrame(r));
    expect(app.querySelector("[role=dialog]")).toBeNull();
    m.update({ opening: 2 });
    await new Promise((r) => requestAnimationFrame(r));
    expect(app.querySelector("[role=dialog]")).not.toBeNull();
  });
});

describe("dialog close button", () => {
  test("the close button dismisses; with on_dismiss 'ignore' the kernel hears nothing", async () => {
    const app = document.createElement("div");
    app.className = "nbs-app";
    document.body.append(app);
    const m = mount("dialog", { title: "Bye", width: 300, dismissible: true, dismiss_id: null, opening: 1 }, { children: [] });
    app.append(m.el);
    await new Promise((r) => requestAnimationFrame(r));
    const box = app.querySelector("[role=dialog]");
    expect(box.style.width).toBe("300px");
    box.querySelector(".nbs-st-dialog-close").click();
    expect(app.querySelector("[role=dialog]")).toBeNull();
    expect(m.ctx.clicks).toEqual([]);
  });
});
