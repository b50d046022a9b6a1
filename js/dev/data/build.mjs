// Bundles the data elements dev page: node dev/data/build.mjs (from js/)
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const styles = join(here, "..", "..", "src", "styles");
const css = readdirSync(styles).filter((f) => f.endsWith(".css")).sort((a, b) => (a === "theme.css" ? -1 : b === "theme.css" ? 1 : a.localeCompare(b)));
const entry = [...css.map((f) => `import "../../src/styles/${f}";`), `import "./page.js";`].join("\n");
await esbuild.build({
  stdin: { contents: entry, resolveDir: here, sourcefile: "entry.js", loader: "js" },
  bundle: true,
  format: "esm",
  outdir: join(here, "dist"),
  entryNames: "page",
  loader: { ".woff2": "file", ".woff": "file", ".ttf": "file" },
  logLevel: "warning",
});
