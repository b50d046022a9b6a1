// Builds the component gallery (dev only, not shipped): `node dev/build.mjs` from js/,
// then open dev/gallery.html, or screenshot it with dev/screenshot.py.  The styles are
// gathered as the package build gathers them: KaTeX's, the shell's app.css, then
// every file in src/styles (theme.css first).
import * as esbuild from "esbuild";
import { existsSync, readdirSync, writeFileSync } from "node:fs";

const dev = new URL(".", import.meta.url).pathname;
const src = new URL("../src/", import.meta.url).pathname;
const files = readdirSync(`${src}styles`).filter((f) => f.endsWith(".css"));
files.sort((a, b) => (a === "theme.css" ? -1 : b === "theme.css" ? 1 : a.localeCompare(b)));
const imports = [
  `@import "katex/dist/katex.min.css";`,
  ...(existsSync(`${src}app.css`) ? [`@import "../src/app.css";`] : []),
  ...files.map((f) => `@import "../src/styles/${f}";`),
];
writeFileSync(`${dev}styles.css`, imports.join("\n") + "\n");

await esbuild.build({
  entryPoints: { gallery: `${dev}gallery.js`, styles: `${dev}styles.css` },
  bundle: true,
  format: "esm",
  outdir: `${dev}dist`,
  loader: { ".woff2": "dataurl", ".woff": "empty", ".ttf": "empty" },
  logLevel: "warning",
});
console.log("built dev/dist");
