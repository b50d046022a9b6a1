// @vitest-environment jsdom
// st.chat_input(accept_audio=True): the microphone button records, the WAV uploads like a
// file, and the next submission carries it as `audio`.  The microphone itself is a fake.
import { afterEach, describe, expect, test, vi } from "vitest";
import { mount } from "./helpers.js";

const recorder = vi.hoisted(() => ({ rates: [], fail: false }));
vi.mock("../src/components/chat/record.js", () => ({
  startRecording: async (rate) => {
    if (recorder.fail) throw new Error("denied");
    recorder.rates.push(rate);
    return { stop: async () => new File([new Uint8Array(44)], "audio.wav", { type: "audio/wav" }), cancel: () => {} };
  },
}));

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

afterEach(() => {
  document.body.replaceChildren();
  recorder.rates.length = 0;
  recorder.fail = false;
});

const PROPS = { id: "c1", placeholder: "Say", max_chars: null, disabled: false, position: "inline", width: "stretch", value: null,
  accept_file: false, accept_audio: true, audio_sample_rate: 8000, max_bytes: 1 << 20, submit_mode: "submit", height: "content" };

async function until(done) {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(done()).toBe(true);
}

function chat(extra = {}) {
  const m = mount("chat_input", { ...PROPS, ...extra });
  const events = [];
  const uploads = [];
  m.ctx.click = (id, value) => events.push([id, value]);
  m.ctx.upload = (msg, chunk) => {
    uploads.push({ ...msg, bytes: chunk ? chunk.byteLength : 0 });
    return Promise.resolve({ content: { received: msg.size } });
  };
  return { m, events, uploads, mic: m.el.querySelector(".nbs-chat-mic"), send: m.el.querySelector(".nbs-chat-send") };
}

describe("chat_input accept_audio", () => {
  test("no microphone without accept_audio", () => {
    expect(chat({ accept_audio: false }).mic.hidden).toBe(true);
  });

  test("record, stop: the WAV uploads and a recording alone may be sent", async () => {
    const c = chat();
    expect(c.mic.hidden).toBe(false);
    c.mic.click();
    await until(() => c.mic.getAttribute("aria-label") === "Stop recording");
    expect(recorder.rates).toEqual([8000]);
    expect(c.send.disabled).toBe(true); // not while recording
    c.mic.click();
    await until(() => c.m.el.querySelectorAll(".nbs-upload-file--done").length === 1);
    expect(c.uploads.map((u) => [u.name, u.type, u.size])).toEqual([["audio.wav", "audio/wav", 44]]);
    expect(c.send.disabled).toBe(false);
    c.send.click();
    expect(c.events).toHaveLength(1);
    const [, value] = c.events[0];
    expect(value.text).toBe("");
    expect(value.files).toBeUndefined();
    expect([value.audio.name, value.audio.file_id]).toEqual(["audio.wav", c.uploads[0].file]);
    expect(c.m.el.querySelectorAll(".nbs-upload-file")).toHaveLength(0);
  });

  test("text without a recording carries audio null; with files both go", async () => {
    const c = chat({ accept_file: true });
    const field = c.m.el.querySelector("textarea");
    field.value = "hi";
    field.dispatchEvent(new Event("input"));
    c.send.click();
    expect(c.events[0][1]).toEqual({ text: "hi", files: [], audio: null });
  });

  test("a refused microphone says so and sends nothing", async () => {
    recorder.fail = true;
    const c = chat();
    c.mic.click();
    await until(() => c.m.el.querySelector(".nbs-chat-mic-status").textContent !== "");
    expect(c.m.el.querySelector(".nbs-chat-mic-status").textContent).toContain("microphone");
    expect(c.uploads).toEqual([]);
  });
});
