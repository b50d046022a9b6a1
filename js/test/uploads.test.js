// @vitest-environment jsdom
import { expect, test } from "vitest";
import { encodeWav, refusal, sizeText } from "../src/components/widgets/uploads.js";

test("the browser refuses what the kernel would refuse, with the same messages", () => {
  const props = { max_bytes: 1024 * 1024, types: [".csv", ".tar.gz"] };
  expect(refusal("a.CSV", 10, props)).toBe("");
  expect(refusal("b.tar.gz", 10, props)).toBe("");
  expect(refusal("notes.txt", 10, props)).toBe(".txt files are not allowed.");
  expect(refusal("a.csv", 1024 * 1024 + 1, props)).toBe("File must be 1MB or smaller.");
  expect(refusal("anything", 5, { max_bytes: 10, types: null })).toBe("");
});

test("sizes read like Streamlit's", () => {
  expect([sizeText(12), sizeText(2048), sizeText(50 * 1024 * 1024)]).toEqual(["12B", "2.0KB", "50.0MB"]);
});

test("a recording becomes a 16-bit mono WAV at its sample rate", () => {
  const wav = new DataView(encodeWav(new Float32Array([0, 1, -1, 0.5]), 16000));
  const text = (at, n) => String.fromCharCode(...new Uint8Array(wav.buffer, at, n));
  expect([text(0, 4), text(8, 4), text(36, 4)]).toEqual(["RIFF", "WAVE", "data"]);
  expect(wav.getUint32(24, true)).toBe(16000);
  expect(wav.getUint16(22, true)).toBe(1);
  expect([1, 2, 3].map((i) => wav.getInt16(44 + i * 2, true))).toEqual([32767, -32767, 16383]);
});
