// Builds the component gallery (dev only, not shipped): `node dev/build.mjs` from js/,
// then open dev/gallery.html, or screenshot it with dev/screenshot.py.
import * as esbuild from "esbuild";

await esbuild.build({
  entryPoints: { gallery: new URL("gallery.js", import.meta.url).pathname, styles: new URL("../src/styles/index.css", import.meta.url).pathname },
  bundle: true,
  format: "esm",
  outdir: new URL("dist", import.meta.url).pathname,
  loader: { ".woff2": "dataurl", ".woff": "empty", ".ttf": "empty" },
  logLevel: "warning",
});
console.log("built dev/dist");
