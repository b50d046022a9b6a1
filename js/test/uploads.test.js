// @vitest-environment jsdom
import { expect, test } from "vitest";
import { encodeWav, refusal, sizeText, typeAllowed, walkEntries } from "../src/components/widgets/uploads.js";

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

/** Fake FileSystemEntry trees, as Chromium gives for a dropped folder. */
function fileEntry(path, text) {
  return { isFile: true, isDirectory: false, name: path.split("/").pop(), fullPath: `/${path}`,
    file: (ok) => ok(new File([text], path.split("/").pop(), { type: "text/plain" })) };
}
function dirEntry(path, children, batch = 2) {
  return { isFile: false, isDirectory: true, name: path.split("/").pop(), fullPath: `/${path}`,
    createReader() {
      let at = 0;
      return { readEntries: (ok) => { const part = children.slice(at, at + batch); at += batch; ok(part); } };
    } };
}

test("a dropped folder is walked, nested folders and every readEntries batch, with relative paths", async () => {
  const tree = [
    dirEntry("photos", [
      fileEntry("photos/a.csv", "1"),
      fileEntry("photos/b.txt", "22"),
      dirEntry("photos/2024", [fileEntry("photos/2024/c.csv", "333")]),
      fileEntry("photos/d.csv", "4444"),
    ]),
    fileEntry("loose.csv", "x"),
  ];
  const found = await walkEntries(tree);
  expect(found.map((f) => f.path)).toEqual(["photos/a.csv", "photos/b.txt", "photos/2024/c.csv", "photos/d.csv", "loose.csv"]);
  expect(found.map((f) => f.file.size)).toEqual([1, 2, 3, 4, 1]);
});

test("a directory upload keeps the allowed types only", () => {
  const props = { types: [".csv"] };
  expect(["a/x.CSV", "a/y.txt"].filter((n) => typeAllowed(n, props))).toEqual(["a/x.CSV"]);
  expect(typeAllowed("any.bin", { types: null })).toBe(true);
});
