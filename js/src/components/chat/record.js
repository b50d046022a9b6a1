// @ts-check
/**
 * The microphone recording of st.chat_input(accept_audio=True): mono samples tapped from
 * the microphone at `sampleRate` (null: the browser's own) and encoded as a WAV file.
 */
import { encodeWav } from "../widgets/uploads.js";

/**
 * Start recording; `stop()` ends it and resolves with the WAV file.  Rejects when the
 * page may not use the microphone.
 * @param {number | null | undefined} sampleRate
 * @returns {Promise<{stop: () => Promise<File>, cancel: () => void}>}
 */
export async function startRecording(sampleRate) {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const audio = new AudioContext(sampleRate ? { sampleRate } : {});
  const source = audio.createMediaStreamSource(stream);
  const tap = audio.createScriptProcessor(4096, 1, 1);
  /** @type {Float32Array[]} */
  const parts = [];
  tap.onaudioprocess = (e) => parts.push(new Float32Array(e.inputBuffer.getChannelData(0)));
  source.connect(tap);
  tap.connect(audio.destination);
  const release = () => {
    source.disconnect();
    tap.disconnect();
    stream.getTracks().forEach((t) => t.stop());
  };
  return {
    async stop() {
      release();
      const all = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) (all.set(p, at), (at += p.length));
      const wav = encodeWav(all, audio.sampleRate);
      await audio.close();
      return new File([wav], "audio.wav", { type: "audio/wav" });
    },
    cancel() {
      release();
      void audio.close();
    },
  };
}
