// @ts-check
/**
 * st.file_uploader, st.camera_input, st.audio_input.
 *
 * Props (elements/widgets/uploads.py): `value` is the list of files the kernel holds
 * [{file_id, name, type, size}]; `types` the allowed extensions (".csv", or null for
 * any); `max_bytes`; `multiple` (false, true or "directory").
 *
 * A chosen file is checked here first (extension, size: refused before a byte is sent),
 * then sent in binary chunks over the widget connection, a few in flight at once, each
 * acknowledged by the kernel (which checks everything again) -- the progress bar shows
 * acknowledged bytes.  Only a complete file is named in the widget's value: a broken
 * transfer shows its error on the file and never reaches the app.
 *
 * @typedef {import("../../types.js").WireNode} WireNode
 * @typedef {import("../../types.js").ComponentContext} ComponentContext
 * @typedef {import("../../types.js").Mounted} Mounted
 * @typedef {{file_id: string, name: string, type: string, size: number}} FileRef
 * @typedef {{ref: FileRef, state: "uploading" | "done" | "error", received: number, error?: string, abort?: boolean}} Entry
 */
import { h, icon, labelled, on } from "../_base.js";
import { applyWidth } from "./_inputs.js";

export const CHUNK_BYTES = 2 * 1024 * 1024;
// Chunks sent before the first answer: 8 uploads ~30% faster than 3 in Voila
// (benchmarks/media.py, a busy 2-core machine); the kernel still gets them in order.
const IN_FLIGHT = 8;

/** "1.2MB", "340.0KB", "12B" @param {number} n */
export function sizeText(n) {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 ** 3).toFixed(1)}GB`;
  if (n >= 1024 * 1024) return `${(n / 1024 ** 2).toFixed(1)}MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)}KB`;
  return `${n}B`;
}

/** Why a file may not be uploaded, or "" (the kernel checks the same). @param {string} name @param {number} size @param {Record<string, any>} p */
export function refusal(name, size, p) {
  if (size > p.max_bytes) return `File must be ${limitText(p.max_bytes)} or smaller.`;
  const lower = name.toLowerCase();
  if (Array.isArray(p.types) && !p.types.some((/** @type {string} */ ext) => lower.endsWith(ext))) {
    const dot = lower.lastIndexOf(".");
    return `${dot > 0 ? lower.slice(dot) : name} files are not allowed.`;
  }
  return "";
}

/** A directory upload takes the files of the allowed types and skips the others. @param {string} name @param {Record<string, any>} p */
export function typeAllowed(name, p) {
  const lower = name.toLowerCase();
  return !Array.isArray(p.types) || p.types.some((/** @type {string} */ ext) => lower.endsWith(ext));
}

/** @param {number} bytes */
function limitText(bytes) {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)}MB`;
}

function newId() {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === "function") return c.randomUUID().replace(/-/g, "");
  return `${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
}

/**
 * The upload machinery every upload widget shares (and chat_input's attachments): the
 * file list with progress bars and remove buttons, and `send(file)`.  `props()` gives
 * `id`, `disabled`, `multiple`, `types` and `max_bytes`.  By default the done files are
 * the widget's value (`ctx.setValue`); `onCommit` replaces that (chat_input sends them
 * with its message), and `onDraw` hears of every change.
 * @param {ComponentContext} ctx
 * @param {() => Record<string, any>} props
 * @param {{onCommit?: (files: FileRef[]) => void, onDraw?: () => void}} [hooks]
 */
export function uploadList(ctx, props, hooks = {}) {
  const list = h("ul", { class: "nbs-upload-files", "aria-label": "Uploaded files" });
  /** @type {Entry[]} */
  let entries = [];

  const done = () => entries.filter((e) => e.state === "done").map((e) => e.ref);
  const commit = () => (hooks.onCommit ? hooks.onCommit(done()) : ctx.setValue(props().id, done()));

  function draw() {
    hooks.onDraw?.();
    list.replaceChildren(
      ...entries.map((entry) => {
        const { ref } = entry;
        const remove = h("button", { type: "button", class: "nbs-upload-remove", "aria-label": `Remove ${ref.name}` }, icon("close"));
        on(remove, "click", () => removeEntry(entry), ctx);
        remove.disabled = Boolean(props().disabled);
        const row = h("li", { class: `nbs-upload-file nbs-upload-file--${entry.state}`, "data-name": ref.name },
          h("span", { class: "nbs-upload-icon" }, icon("description")),
          h("span", { class: "nbs-upload-name" }, ref.name),
          h("span", { class: "nbs-upload-size" }, sizeText(ref.size)),
          remove);
        if (entry.state === "uploading") {
          const pct = ref.size ? Math.round((100 * entry.received) / ref.size) : 100;
          const bar = h("div", { class: "nbs-upload-progress", role: "progressbar", "aria-label": `Uploading ${ref.name}`,
            "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": pct }, h("div", { class: "nbs-upload-progress-fill" }));
          /** @type {HTMLElement} */ (bar.firstElementChild).style.width = `${pct}%`;
          row.append(bar);
        } else if (entry.state === "error") {
          row.append(h("span", { class: "nbs-upload-error", role: "alert" }, entry.error || "Upload failed."));
        }
        return row;
      }),
    );
  }

  /** @param {Entry} entry */
  function removeEntry(entry) {
    entries = entries.filter((e) => e !== entry);
    if (entry.state === "uploading") {
      entry.abort = true;
      ctx.upload({ id: props().id, file: entry.ref.file_id, cancel: true }, null).catch(() => {});
    }
    draw();
    if (entry.state === "done") commit();
  }

  /** @param {File} file @param {string} [name] */
  async function send(file, name = file.name) {
    const p = props();
    const ref = { file_id: newId(), name, type: file.type || "application/octet-stream", size: file.size };
    /** @type {Entry} */
    const entry = { ref, state: "uploading", received: 0 };
    if (!p.multiple) {
      for (const e of entries) if (e.state === "uploading") e.abort = true;
      entries = [];
    }
    entries.push(entry);
    const refused = refusal(name, file.size, p);
    if (refused) {
      Object.assign(entry, { state: "error", error: refused });
      draw();
      return;
    }
    draw();
    try {
      let next = 0;
      /** @type {Set<Promise<void>>} */
      const flying = new Set();
      // Chunks are read and sent in order (the kernel appends them), a few
      // unacknowledged at a time.
      do {
        if (entry.abort) return;
        const offset = next;
        const chunk = await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer();
        const msg = { id: p.id, file: ref.file_id, name, type: ref.type, size: ref.size, offset };
        const job = ctx.upload(msg, chunk).then((answer) => {
          entry.received = Math.max(entry.received, Number(answer.content?.received) || 0);
          draw();
        });
        flying.add(job);
        job.finally(() => flying.delete(job)).catch(() => {});
        next += CHUNK_BYTES;
        if (flying.size >= IN_FLIGHT) await Promise.race(flying);
      } while (next < file.size);
      await Promise.all(flying);
      if (entry.abort) return;
      entry.state = "done";
      draw();
      commit();
    } catch (error) {
      if (entry.abort) return;
      Object.assign(entry, { state: "error", error: String(/** @type {Error} */ (error)?.message || error) });
      draw();
    }
  }

  /** The kernel's value: its files are the done ones; local uploads and errors stay. @param {FileRef[]} value */
  function sync(value) {
    const held = new Map((value || []).map((ref) => [ref.file_id, ref]));
    entries = entries.filter((e) => e.state !== "done" || held.has(e.ref.file_id));
    for (const ref of held.values()) {
      if (!entries.some((e) => e.ref.file_id === ref.file_id)) entries.push({ ref, state: "done", received: ref.size });
    }
    draw();
  }

  /** Forget every file without telling the kernel (they went with a chat message). */
  function reset() {
    for (const e of entries) e.abort = true;
    entries = [];
    draw();
  }

  return {
    list,
    send,
    sync,
    done,
    reset,
    busy: () => entries.some((e) => e.state === "uploading"),
    clear: () => { for (const e of entries) removeEntry(e); },
  };
}

/**
 * The files under dropped entries (FileSystemEntry: files and directories, walked
 * depth first), each with its path relative to the drop ("photos/2024/a.jpg"), which
 * is the name a directory upload gives it, as Streamlit does.
 * @param {any[]} entries
 * @returns {Promise<{file: File, path: string}[]>}
 */
export async function walkEntries(entries) {
  /** @type {{file: File, path: string}[]} */
  const found = [];
  /** @param {any} entry */
  async function visit(entry) {
    if (entry.isFile) {
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      found.push({ file, path: String(entry.fullPath || entry.name).replace(/^\/+/, "") });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        // readEntries answers in batches (100 in Chromium) until an empty one.
        /** @type {any[]} */
        const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
        if (!batch.length) break;
        for (const child of batch) await visit(child);
      }
    }
  }
  for (const entry of entries) await visit(entry);
  return found;
}

/** @param {WireNode} node @param {ComponentContext} ctx @returns {Mounted} */
export function file_uploader(node, ctx) {
  let props = node.props;
  const input = h("input", { type: "file", class: "nbs-upload-input", tabindex: -1 });
  const browse = h("button", { type: "button", class: "nbs-button nbs-button--secondary nbs-upload-browse" }, "Browse files");
  const hint = h("span", { class: "nbs-upload-hint" });
  const zone = h("section", { class: "nbs-upload-zone", "aria-label": "Upload files" },
    h("span", { class: "nbs-upload-zone-icon" }, icon("upload_file")),
    h("div", { class: "nbs-upload-zone-text" }, h("span", {}, "Drag and drop files here"), hint),
    browse, input);
  const frame = labelled("file_uploader", ctx, { named: () => [input, zone] });
  const uploads = uploadList(ctx, () => props);
  frame.el.append(zone, uploads.list);

  on(browse, "click", () => !props.disabled && input.click(), ctx);
  on(input, "change", () => {
    let files = Array.from(input.files || []);
    if (props.multiple === "directory") files = files.filter((f) => typeAllowed(f.name, props));
    for (const f of props.multiple ? files : files.slice(0, 1)) uploads.send(f, /** @type {any} */ (f).webkitRelativePath || f.name);
    input.value = "";
  }, ctx);
  on(zone, "dragover", (e) => {
    e.preventDefault();
    zone.classList.toggle("nbs-upload-zone--over", !props.disabled);
  }, ctx);
  on(zone, "dragleave", () => zone.classList.remove("nbs-upload-zone--over"), ctx);
  on(zone, "drop", (e) => {
    e.preventDefault();
    zone.classList.remove("nbs-upload-zone--over");
    if (props.disabled) return;
    const data = /** @type {DragEvent} */ (e).dataTransfer;
    if (props.multiple === "directory") {
      // Entries must be taken while the event runs; their files are read after.
      // An item without an entry (a page-made DataTransfer) is a plain file.
      /** @type {any[]} */
      const entries = [];
      /** @type {{file: File, path: string}[]} */
      const loose = [];
      for (const item of Array.from(data?.items || [])) {
        const entry = item.kind === "file" ? item.webkitGetAsEntry?.() : null;
        const file = entry ? null : item.getAsFile();
        if (entry) entries.push(entry);
        else if (file) loose.push({ file, path: file.name });
      }
      walkEntries(entries).then((found) => {
        for (const { file, path } of [...found, ...loose]) if (typeAllowed(path, props)) uploads.send(file, path);
      });
      return;
    }
    const files = Array.from(data?.files || []);
    for (const f of props.multiple ? files : files.slice(0, 1)) uploads.send(f);
  }, ctx);

  /** @param {WireNode} next */
  function show(next) {
    props = next.props;
    frame.update(props);
    input.multiple = Boolean(props.multiple);
    input.toggleAttribute("webkitdirectory", props.multiple === "directory");
    input.accept = Array.isArray(props.types) ? props.types.join(",") : "";
    input.disabled = browse.disabled = Boolean(props.disabled);
    const kinds = Array.isArray(props.types) ? ` • ${props.types.map((/** @type {string} */ t) => t.slice(1).toUpperCase()).join(", ")}` : "";
    hint.textContent = `Limit ${limitText(props.max_bytes)} per file${kinds}`;
    if (typeof props.width === "number") frame.el.style.width = `${props.width}px`;
    uploads.sync(props.value);
  }
  show(node);
  return { el: frame.el, update: show };
}

/**
 * What camera_input asks the camera for: a picture `resolutionHeight` pixels high (the
 * width follows the camera's aspect ratio), or whatever it gives without one.
 * @param {number | null | undefined} resolutionHeight
 * @returns {MediaStreamConstraints}
 */
export function cameraConstraints(resolutionHeight) {
  return { video: resolutionHeight ? { height: { ideal: resolutionHeight } } : true, audio: false };
}

/**
 * The picture's size: the camera's own with a `resolution`; without one, the size the
 * preview is shown at (never more than the camera's).
 * @param {number} videoWidth @param {number} videoHeight @param {number} shownWidth
 * @param {number | null | undefined} resolutionHeight
 */
export function captureSize(videoWidth, videoHeight, shownWidth, resolutionHeight) {
  if (resolutionHeight || !shownWidth || shownWidth >= videoWidth) return { width: videoWidth, height: videoHeight };
  return { width: Math.round(shownWidth), height: Math.round((videoHeight * shownWidth) / videoWidth) };
}

/** st.camera_input: a live preview, "Take Photo", then the photo with "Clear photo". @param {WireNode} node @param {ComponentContext} ctx @returns {Mounted} */
export function camera_input(node, ctx) {
  let props = node.props;
  const video = /** @type {HTMLVideoElement} */ (h("video", { class: "nbs-camera-preview", autoplay: true, playsinline: true, muted: true }));
  const photo = /** @type {HTMLImageElement} */ (h("img", { class: "nbs-camera-photo", alt: "Photo", hidden: true }));
  const take = h("button", { type: "button", class: "nbs-button nbs-button--secondary" }, "Take Photo");
  const message = h("div", { class: "nbs-camera-message", role: "status" });
  const frame = labelled("camera_input", ctx, { named: () => [take] });
  const uploads = uploadList(ctx, () => props);
  frame.el.append(h("div", { class: "nbs-camera" }, video, photo, message), take, uploads.list);
  /** @type {MediaStream | null} */
  let stream = null;
  let hasPhoto = false;
  /** @type {number | null} the resolution the open stream was asked for */
  let streamHeight = null;

  async function start() {
    if (stream && streamHeight !== (props.resolution_height ?? null)) {
      stream.getTracks().forEach((t) => t.stop());
      stream = null;
    }
    if (stream || props.disabled) return;
    try {
      streamHeight = props.resolution_height ?? null;
      stream = await navigator.mediaDevices.getUserMedia(cameraConstraints(streamHeight));
      video.srcObject = stream;
      message.textContent = "";
    } catch (error) {
      message.textContent = "This app would like to use your camera. Allow camera access in your browser to take a photo.";
    }
  }
  on(take, "click", async () => {
    if (hasPhoto) {
      hasPhoto = false;
      photo.hidden = true;
      video.hidden = false;
      take.textContent = "Take Photo";
      uploads.clear();
      return;
    }
    if (!stream || !video.videoWidth) return;
    const size = captureSize(video.videoWidth, video.videoHeight, video.clientWidth, props.resolution_height);
    const canvas = h("canvas", size);
    canvas.getContext("2d")?.drawImage(video, 0, 0, size.width, size.height);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.92));
    if (!blob) return;
    hasPhoto = true;
    photo.src = canvas.toDataURL("image/jpeg");
    photo.hidden = false;
    video.hidden = true;
    take.textContent = "Clear photo";
    uploads.send(new File([/** @type {Blob} */ (blob)], "image.jpg", { type: "image/jpeg" }));
  }, ctx);
  ctx.signal.addEventListener("abort", () => stream?.getTracks().forEach((t) => t.stop()));

  /** @param {WireNode} next */
  function show(next) {
    props = next.props;
    frame.update(props);
    applyWidth(frame.el, props.width);
    take.disabled = Boolean(props.disabled);
    uploads.sync(props.value);
    start();
  }
  show(node);
  return { el: frame.el, update: show };
}

/** 16-bit PCM WAV of mono samples. @param {Float32Array} samples @param {number} rate */
export function encodeWav(samples, rate) {
  const out = new DataView(new ArrayBuffer(44 + samples.length * 2));
  const text = (/** @type {number} */ at, /** @type {string} */ s) => [...s].forEach((c, i) => out.setUint8(at + i, c.charCodeAt(0)));
  text(0, "RIFF");
  out.setUint32(4, 36 + samples.length * 2, true);
  text(8, "WAVE");
  text(12, "fmt ");
  out.setUint32(16, 16, true);
  out.setUint16(20, 1, true);
  out.setUint16(22, 1, true);
  out.setUint32(24, rate, true);
  out.setUint32(28, rate * 2, true);
  out.setUint16(32, 2, true);
  out.setUint16(34, 16, true);
  text(36, "data");
  out.setUint32(40, samples.length * 2, true);
  samples.forEach((s, i) => out.setInt16(44 + i * 2, Math.max(-1, Math.min(1, s)) * 0x7fff, true));
  return out.buffer;
}

/** st.audio_input: "Record" / "Stop" with the microphone; the recording as WAV. @param {WireNode} node @param {ComponentContext} ctx @returns {Mounted} */
export function audio_input(node, ctx) {
  let props = node.props;
  const record = h("button", { type: "button", class: "nbs-button nbs-button--secondary" }, "Record");
  const player = /** @type {HTMLAudioElement} */ (h("audio", { controls: true, hidden: true }));
  const message = h("div", { class: "nbs-audio-input-message", role: "status" });
  const frame = labelled("audio_input", ctx, { named: () => [record] });
  const uploads = uploadList(ctx, () => props);
  frame.el.append(record, player, message, uploads.list);
  /** @type {null | {stop: () => Promise<void>}} */
  let recording = null;

  async function begin() {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const audio = new AudioContext(props.sample_rate ? { sampleRate: props.sample_rate } : {});
    const source = audio.createMediaStreamSource(stream);
    const tap = audio.createScriptProcessor(4096, 1, 1);
    /** @type {Float32Array[]} */
    const parts = [];
    tap.onaudioprocess = (e) => parts.push(new Float32Array(e.inputBuffer.getChannelData(0)));
    source.connect(tap);
    tap.connect(audio.destination);
    return {
      async stop() {
        source.disconnect();
        tap.disconnect();
        stream.getTracks().forEach((t) => t.stop());
        const all = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) (all.set(p, at), (at += p.length));
        const wav = encodeWav(all, audio.sampleRate);
        await audio.close();
        const url = URL.createObjectURL(new Blob([wav], { type: "audio/wav" }));
        player.src = url;
        player.hidden = false;
        uploads.send(new File([wav], "audio.wav", { type: "audio/wav" }));
      },
    };
  }
  on(record, "click", async () => {
    if (props.disabled) return;
    if (recording) {
      const r = recording;
      recording = null;
      record.textContent = "Record";
      await r.stop();
      return;
    }
    try {
      recording = await begin();
      record.textContent = "Stop recording";
      message.textContent = "Recording…";
    } catch (error) {
      message.textContent = "This app would like to use your microphone. Allow microphone access to record.";
      return;
    }
  }, ctx);
  on(record, "click", () => { if (!recording) message.textContent = ""; }, ctx);

  /** @param {WireNode} next */
  function show(next) {
    props = next.props;
    frame.update(props);
    record.disabled = Boolean(props.disabled);
    uploads.sync(props.value);
  }
  show(node);
  return { el: frame.el, update: show };
}
