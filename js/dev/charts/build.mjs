// Builds the chart dev page (dev only): `node dev/charts/build.mjs` from js/.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const styles = join(here, "..", "..", "src", "styles");
const css = readdirSync(styles).filter((f) => f.endsWith(".css")).sort((a, b) => (a === "theme.css" ? -1 : b === "theme.css" ? 1 : a.localeCompare(b)));
mkdirSync(join(here, "dist"), { recursive: true });
writeFileSync(join(here, "dist", "styles-entry.css"), css.map((f) => `@import "${join(styles, f)}";`).join("\n"));
await esbuild.build({
  entryPoints: { page: join(here, "page.js"), "page-css": join(here, "dist", "styles-entry.css") },
  bundle: true, format: "esm", target: ["es2022"], outdir: join(here, "dist"), logLevel: "warning",
  loader: { ".woff2": "empty", ".woff": "empty", ".ttf": "empty" },
});
copyFileSync(join(here, "dist", "page-css.css"), join(here, "dist", "page.css"));
const plotly = process.env.PLOTLY_JS;
if (plotly) copyFileSync(plotly, join(here, "dist", "plotly.min.js"));
console.log("built dev/charts/dist");
