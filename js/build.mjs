// Builds the front end into ../nbstream/static (see nbstream/render/assets.py):
//   app.js          the ESM bundle: the shell (src/app.js) with the components and markdown
//   app.css         its styles; KaTeX fonts as files in fonts/
//   app-inline.css  the same styles with the fonts inlined (no server needed)
//   loader.js       the small `_esm` that imports app.js from the server
//   manifest.json   the content hash the loader and the bundle agree on
// `node build.mjs --watch` rebuilds on change; a kernel started afterwards loads the new build.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, "src");
const out = join(here, "..", "nbstream", "static");
const PLACEHOLDER = "__NBSTREAM_BUILD__";
const watch = process.argv.includes("--watch");

/**
 * The bundle's entry, made from what exists: the components and the markdown renderer
 * are written alongside the shell, and a kind without a component uses the shell's
 * fallback.
 */
function entrySource() {
  const lines = [`import "katex/dist/katex.min.css";`, `import "./src/app.css";`];
  const styles = join(src, "styles");
  if (existsSync(styles)) {
    const files = readdirSync(styles).filter((f) => f.endsWith(".css"));
    files.sort((a, b) => (a === "theme.css" ? -1 : b === "theme.css" ? 1 : a.localeCompare(b)));
    for (const file of files) lines.push(`import "./src/styles/${file}";`);
  }
  if (existsSync(join(src, "components", "index.js"))) lines.push(`import { components } from "./src/components/index.js";`);
  else lines.push(`const components = {};`);
  if (existsSync(join(src, "markdown.js"))) lines.push(`import { renderMarkdown } from "./src/markdown.js";`);
  else
    lines.push(
      `const renderMarkdown = (text, opts = {}) => { const el = document.createElement(opts.inline ? "span" : "div"); el.textContent = String(text ?? ""); return el; };`,
    );
  lines.push(`import { createWidget } from "./src/app.js";`);
  lines.push(`export const BUILD = "${PLACEHOLDER}";`);
  lines.push(`export default () => createWidget({ components, markdown: renderMarkdown });`);
  return lines.join("\n");
}

const common = {
  bundle: true,
  format: "esm",
  minify: !watch,
  target: ["es2022"],
  logLevel: "warning",
  legalComments: "eof",
};

async function buildOnce() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const stdin = { contents: entrySource(), resolveDir: here, sourcefile: "entry.js", loader: "js" };
  await esbuild.build({
    ...common,
    stdin,
    outfile: join(out, "app.js"),
    loader: { ".woff2": "file", ".woff": "empty", ".ttf": "empty" },
    assetNames: "fonts/[name]-[hash]",
  });
  const inline = await esbuild.build({
    ...common,
    stdin,
    write: false,
    outfile: join(out, "inline.js"),
    loader: { ".woff2": "dataurl", ".woff": "empty", ".ttf": "empty" },
  });
  const inlineCss = inline.outputFiles.find((f) => f.path.endsWith(".css"));
  writeFileSync(join(out, "app-inline.css"), inlineCss ? inlineCss.text : "");
  await esbuild.build({ ...common, entryPoints: [join(src, "loader.js")], outfile: join(out, "loader.js") });

  const js = readFileSync(join(out, "app.js"), "utf8");
  const css = existsSync(join(out, "app.css")) ? readFileSync(join(out, "app.css"), "utf8") : "";
  if (!css) writeFileSync(join(out, "app.css"), "");
  const hash = createHash("sha256").update(js).update(css).digest("hex").slice(0, 16);
  writeFileSync(join(out, "app.js"), js.replaceAll(PLACEHOLDER, hash));
  const manifest = { hash, js: "app.js", css: "app.css", inline_css: "app-inline.css", loader: "loader.js" };
  writeFileSync(join(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (watch) {
  const { watch: watchFiles } = await import("node:fs");
  let timer = null;
  const rebuild = () => {
    clearTimeout(timer);
    timer = setTimeout(() => buildOnce().then((m) => console.log(`rebuilt ${m.hash}`), (e) => console.error(e)), 100);
  };
  await buildOnce();
  watchFiles(src, { recursive: true }, rebuild);
  console.log("watching js/src");
} else {
  const manifest = await buildOnce();
  console.log(`built nbstream/static (${manifest.hash})`);
}
