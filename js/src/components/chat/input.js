// @ts-check
/**
 * st.chat_input: a message box.  Enter sends (Shift+Enter is a new line), the box empties
 * and keeps focus; the text travels with the event (ctx.click(id, text)), never as a
 * value the kernel would show back.  position "bottom": the kernel placed it in the bottom
 * area (st.bottom, pinned: styles/containers.css); "inline": where it was called.
 *
 * With `accept_file` (true, "multiple", "directory") a paperclip button and dropping on
 * the box attach files: they upload at once through the uploaders' chunked path
 * (widgets/uploads.js, checked against `file_type` and `max_bytes` here and again in the
 * kernel) and are listed above the box; Send is held while one still uploads, and the
 * submission carries `{text, files}` (files alone may be sent with empty text).
 *
 * With `accept_audio` a microphone button records (at `audio_sample_rate`, chat/record.js);
 * Stop ends it and the WAV uploads like a file, listed above the box; the next
 * submission carries it as `audio` (a recording alone may be sent).
 *
 * `submit_mode` "disable" locks the box from a submission until the run it starts ends
 * (ctx.onRunState); "stop" also turns Send into a Stop button (ctx.stop).  `height`: a
 * least height in pixels, or "stretch" to fill the parent.
 */
import { h, icon, on } from "../_base.js";
import { uploadList } from "../widgets/uploads.js";
import { startRecording } from "./record.js";

/** @typedef {import("../_base.js").Component} Component */
/** @typedef {import("../_base.js").WireNode} WireNode */

const MAX_ROWS = 8;

/** @type {Component} */
export function chat_input(node, ctx) {
  const field = h("textarea", { class: "nbs-chat-textarea", rows: 1 });
  const send = h("button", { type: "button", class: "nbs-chat-send", "aria-label": "Send message" }, icon("send"));
  const count = h("span", { class: "nbs-chat-count", "aria-hidden": "true" });
  const attach = h("button", { type: "button", class: "nbs-chat-attach", "aria-label": "Attach files" }, icon("attach_file"));
  const picker = h("input", { type: "file", class: "nbs-upload-input", tabindex: -1 });
  const mic = h("button", { type: "button", class: "nbs-chat-mic", "aria-label": "Record audio" }, icon("mic"));
  const box = h("div", { class: "nbs-chat-box" }, attach, picker, field, count, mic, send);
  /** @type {Record<string, any>} */
  let props = node.props;
  const accepts = () => props.accept_file === true || props.accept_file === "multiple" || props.accept_file === "directory";
  const files = uploadList(ctx, () => ({
    id: props.id,
    disabled: props.disabled,
    multiple: props.accept_file === true ? false : props.accept_file,
    types: props.file_type,
    max_bytes: props.max_bytes,
  }), { onCommit: () => refresh(), onDraw: () => refresh() });
  files.list.classList.add("nbs-chat-files");
  // accept_audio: the recording uploads like a file (one, a .wav) and goes with the next message.
  const recording = uploadList(ctx, () => ({
    id: props.id,
    disabled: props.disabled,
    multiple: false,
    types: [".wav"],
    max_bytes: props.max_bytes,
  }), { onCommit: () => refresh(), onDraw: () => refresh() });
  recording.list.classList.add("nbs-chat-files", "nbs-chat-recording");
  const status = h("span", { class: "nbs-chat-mic-status", role: "status" });
  const el = h("div", { class: "nbs-chat-input" }, files.list, recording.list, status, box);
  /** @type {null | {stop: () => Promise<File>, cancel: () => void}} */
  let recorder = null;
  ctx.signal.addEventListener("abort", () => recorder?.cancel());

  const fit = () => {
    field.style.height = "auto";
    const line = parseFloat(getComputedStyle(field).lineHeight) || 24;
    field.style.height = `${Math.min(field.scrollHeight || line, line * MAX_ROWS)}px`;
  };
  const recorded = () => (props.accept_audio ? recording.done()[0] || null : null);
  const sendable = () =>
    !props.disabled &&
    !recorder &&
    !files.busy() &&
    !recording.busy() &&
    (field.value.trim() !== "" || (accepts() && files.done().length > 0) || recorded() !== null);
  function refresh() {
    send.disabled = locked ? props.submit_mode !== "stop" : !sendable();
    count.textContent = props.max_chars && field.value ? `${field.value.length}/${props.max_chars}` : "";
  }
  // submit_mode "disable"/"stop": locked from a submission until the run it starts ends.
  let locked = false;
  const lock = (/** @type {boolean} */ on_) => {
    locked = on_;
    const stopping = locked && props.submit_mode === "stop";
    el.classList.toggle("nbs-chat-input--locked", locked);
    send.classList.toggle("nbs-chat-stop", stopping);
    send.setAttribute("aria-label", stopping ? "Stop" : "Send message");
    send.replaceChildren(icon(stopping ? "stop" : "send"));
    field.disabled = Boolean(props.disabled) || locked;
    attach.disabled = picker.disabled = Boolean(props.disabled) || locked;
    mic.disabled = Boolean(props.disabled) || locked;
    refresh();
  };
  ctx.onRunState?.((running) => {
    if (locked && !running) lock(false);
  });
  const submit = () => {
    const text = field.value;
    if (locked || !sendable()) return;
    if (accepts() || props.accept_audio) {
      /** @type {Record<string, any>} */
      const value = { text };
      if (accepts()) value.files = files.done();
      if (props.accept_audio) value.audio = recorded();
      ctx.click(props.id, value);
      files.reset();
      recording.reset();
    } else {
      ctx.click(props.id, text);
    }
    field.value = "";
    fit();
    if (props.submit_mode === "disable" || props.submit_mode === "stop") lock(true);
    else {
      refresh();
      field.focus({ preventScroll: true });
    }
  };

  on(field, "input", () => {
    refresh();
    fit();
  }, ctx);
  on(field, "keydown", (/** @type {KeyboardEvent} */ e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      submit();
    }
  }, ctx);
  on(send, "click", () => (locked && props.submit_mode === "stop" ? ctx.stop?.() : submit()), ctx);
  /** @param {File[]} chosen */
  const take = (chosen) => {
    if (props.disabled || !accepts()) return;
    for (const f of props.accept_file === true ? chosen.slice(0, 1) : chosen) {
      files.send(f, /** @type {any} */ (f).webkitRelativePath || f.name);
    }
  };
  on(mic, "click", async () => {
    if (props.disabled || locked || !props.accept_audio) return;
    if (recorder) {
      const r = recorder;
      recorder = null;
      mic.classList.remove("nbs-chat-mic--on");
      mic.setAttribute("aria-label", "Record audio");
      mic.replaceChildren(icon("mic"));
      status.textContent = "";
      recording.reset();
      recording.send(await r.stop());
      refresh();
      return;
    }
    try {
      recorder = await startRecording(props.audio_sample_rate);
    } catch {
      status.textContent = "This app would like to use your microphone. Allow microphone access to record.";
      return;
    }
    mic.classList.add("nbs-chat-mic--on");
    mic.setAttribute("aria-label", "Stop recording");
    mic.replaceChildren(icon("stop"));
    status.textContent = "Recording…";
    refresh();
  }, ctx);
  on(attach, "click", () => !props.disabled && picker.click(), ctx);
  on(picker, "change", () => {
    take(Array.from(picker.files || []));
    picker.value = "";
  }, ctx);
  on(box, "dragover", (e) => {
    if (!accepts()) return;
    e.preventDefault();
    box.classList.toggle("nbs-chat-box--over", !props.disabled);
  }, ctx);
  on(box, "dragleave", () => box.classList.remove("nbs-chat-box--over"), ctx);
  on(box, "drop", (e) => {
    if (!accepts()) return;
    e.preventDefault();
    box.classList.remove("nbs-chat-box--over");
    take(Array.from(/** @type {DragEvent} */ (e).dataTransfer?.files || []));
  }, ctx);

  const update = (/** @type {WireNode} */ n) => {
    props = n.props;
    field.placeholder = props.placeholder ?? "";
    field.setAttribute("aria-label", props.placeholder || "Chat input");
    field.disabled = Boolean(props.disabled) || locked;
    if (props.max_chars) field.maxLength = props.max_chars;
    else field.removeAttribute("maxlength");
    el.classList.toggle("nbs-chat-input--bottom", props.position === "bottom");
    el.style.width = typeof props.width === "number" ? `${props.width}px` : "";
    attach.hidden = picker.hidden = !accepts();
    mic.hidden = !props.accept_audio;
    mic.disabled = Boolean(props.disabled) || locked;
    attach.disabled = picker.disabled = Boolean(props.disabled) || locked;
    el.dataset.height = typeof props.height === "number" ? "pixels" : props.height || "content";
    box.style.minHeight = typeof props.height === "number" ? `${props.height}px` : "";
    picker.multiple = props.accept_file === "multiple" || props.accept_file === "directory";
    picker.toggleAttribute("webkitdirectory", props.accept_file === "directory");
    picker.accept = Array.isArray(props.file_type) ? props.file_type.join(",") : "";
    refresh();
  };
  update(node);
  return { el, update };
}
