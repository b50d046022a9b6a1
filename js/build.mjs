// Builds the front end into ../nbstream/static (see nbstream/render/assets.py):
//   app.js          the ESM entry: the shell (src/app.js) with the components and markdown,
//                   split: chunks/ holds what loads on demand (Vega)
//   app.css         its styles; KaTeX fonts as files in fonts/
//   app-inline.js   the same as one file, for when it travels as text (widget state, kernel)
//   app-inline.css  the styles with the fonts inlined (no server needed)
//   loader.js       the small `_esm` that imports app.js from the server
//   export-shim.js  a classic script that draws apps in nbconvert's HTML export
//   manifest.json   the content hash the loader and the bundle agree on
// `node build.mjs --watch` rebuilds on change; a kernel started afterwards loads the new build.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, "src");
// NBSTREAM_BUILD_OUT: build elsewhere (tests/unit/test_first_hour.py builds into a temporary folder).
const out = process.env.NBSTREAM_BUILD_OUT || join(here, "..", "nbstream", "static");
const PLACEHOLDER = "__NBSTREAM_BUILD__";
const watch = process.argv.includes("--watch");

/**
 * Streamlit's look comes from Source Sans 3 (text) and Source Code Pro (code), under the SIL
 * Open Font License: bundled (Latin subsets, the weights the theme uses) so pages look the
 * same offline, in JupyterLab and in Voila.
 */
const FONTS = [
  ...["400", "400-italic", "600", "700"].flatMap((w) => [`@fontsource/source-sans-3/latin-${w}.css`, `@fontsource/source-sans-3/latin-ext-${w}.css`]),
  ...["400", "600"].map((w) => `@fontsource/source-code-pro/latin-${w}.css`),
];

/**
 * The bundle's entry, made from what exists: the components and the markdown renderer
 * are written alongside the shell, and a kind without a component uses the shell's
 * fallback.
 */
function entrySource() {
  const at = (/** @type {string} */ path) => JSON.stringify(join(src, path));
  const lines = [`import "katex/dist/katex.min.css";`, ...FONTS.map((css) => `import "${css}";`), `import ${at("app.css")};`];
  const styles = join(src, "styles");
  if (existsSync(styles)) {
    const files = readdirSync(styles).filter((f) => f.endsWith(".css"));
    files.sort((a, b) => (a === "theme.css" ? -1 : b === "theme.css" ? 1 : a.localeCompare(b)));
    for (const file of files) lines.push(`import ${at(`styles/${file}`)};`);
  }
  if (existsSync(join(src, "components", "index.js"))) lines.push(`import { components } from ${at("components/index.js")};`);
  else lines.push(`const components = {};`);
  if (existsSync(join(src, "markdown.js"))) lines.push(`import { renderMarkdown } from ${at("markdown.js")};`);
  else
    lines.push(
      `const renderMarkdown = (text, opts = {}) => { const el = document.createElement(opts.inline ? "span" : "div"); el.textContent = String(text ?? ""); return el; };`,
    );
  lines.push(`import { createWidget } from ${at("app.js")};`);
  lines.push(`import { serveApp } from ${at("serve.js")};`);
  lines.push(`export const BUILD = "${PLACEHOLDER}";`);
  lines.push(`export default () => createWidget({ components, markdown: renderMarkdown });`);
  // The page of `nbstream serve` (nbstream/serve/page.py): the same app over its websocket.
  lines.push(`export const serve = (el, opts) => serveApp(el, opts, () => createWidget({ components, markdown: renderMarkdown }));`);
  return lines.join("\n");
}

/**
 * Renderers only some apps need, loaded on demand from chunks/ when the bundle is served.
 * The one-file copy (sent as text, saved in notebooks) leaves them out: there, such a
 * chart shows that its renderer needs the served front end, instead of every saved
 * notebook carrying megabytes of Graphviz, ECharts, Mermaid and deck.gl.
 */
const ON_DEMAND_ONLY = /^(@hpcc-js\/wasm-graphviz|echarts|mermaid|maplibre-gl|@deck\.gl\/[a-z-]+)(\/|$)/;
const leaveOutOnDemand = {
  name: "leave-out-on-demand",
  setup(/** @type {any} */ build) {
    build.onResolve({ filter: ON_DEMAND_ONLY }, (/** @type {any} */ args) => ({ path: args.path, namespace: "on-demand-only" }));
    build.onLoad({ filter: /.*/, namespace: "on-demand-only" }, (/** @type {any} */ args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is loaded from the served front end, which this page does not have`)});`,
      loader: "js",
    }));
  },
};

/**
 * MapLibre's stylesheet as a string: the base-map chunk adds it to the page when a map
 * draws, so the app's stylesheet does not carry it.
 */
const mapLibreCssAsText = {
  name: "maplibre-css-as-text",
  setup(/** @type {any} */ build) {
    build.onLoad({ filter: /maplibre-gl[\\/]dist[\\/]maplibre-gl\.css$/ }, (/** @type {any} */ args) => ({
      contents: readFileSync(args.path, "utf8"),
      loader: "text",
    }));
  },
};

const common = {
  bundle: true,
  format: "esm",
  minify: !watch,
  target: ["es2022"],
  logLevel: "warning",
  legalComments: "eof",
};

/** Every file under a folder, relative paths, sorted. @param {string} dir @returns {string[]} */
function filesUnder(dir, prefix = "") {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

const started = Date.now();
/** One line per build step (a first build takes about a minute with `npm install`). */
function step(/** @type {string} */ what) {
  if (!watch) console.log(`nbstream front end: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function buildOnce() {
  step("bundling the app (shell, components, markdown, Vega on demand)");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // The entry is generated; it lives outside the source tree and imports by absolute path.
  const entryDir = mkdtempSync(join(tmpdir(), "nbstream-entry-"));
  const entry = join(entryDir, "app.js");
  writeFileSync(entry, entrySource());
  const resolve = { nodePaths: [join(here, "node_modules")] };
  try {
    // Served as static files: split, so code only some apps need (Vega) loads on demand.
    await esbuild.build({
      ...common,
      ...resolve,
      entryPoints: [entry],
      outdir: out,
      splitting: true,
      chunkNames: "chunks/[name]-[hash]",
      plugins: [mapLibreCssAsText],
      assetNames: "fonts/[name]-[hash]",
      loader: { ".woff2": "file", ".woff": "empty", ".ttf": "empty" },
    });
    // Sent as text (widget state, or by the kernel): one file, fonts inlined.
    step("bundling the one-file copy (fonts inlined)");
    const inline = await esbuild.build({
      ...common,
      ...resolve,
      entryPoints: [entry],
      outdir: out,
      write: false,
      plugins: [leaveOutOnDemand],
      loader: { ".woff2": "dataurl", ".woff": "empty", ".ttf": "empty" },
    });
    for (const file of inline.outputFiles) {
      writeFileSync(join(out, file.path.endsWith(".css") ? "app-inline.css" : "app-inline.js"), file.text);
    }
  } finally {
    rmSync(entryDir, { recursive: true, force: true });
  }
  step("bundling the loader and the HTML-export shim");
  await esbuild.build({ ...common, entryPoints: [join(src, "loader.js")], outfile: join(out, "loader.js") });
  await esbuild.build({
    ...common,
    format: "iife",
    entryPoints: [join(src, "export-shim.js")],
    outfile: join(out, "export-shim.js"),
  });
  if (!existsSync(join(out, "app.css"))) writeFileSync(join(out, "app.css"), "");
  if (!existsSync(join(out, "app-inline.css"))) writeFileSync(join(out, "app-inline.css"), "");

  const digest = createHash("sha256");
  for (const name of filesUnder(out)) digest.update(name).update(readFileSync(join(out, name)));
  const hash = digest.digest("hex").slice(0, 16);
  for (const name of ["app.js", "app-inline.js"]) {
    writeFileSync(join(out, name), readFileSync(join(out, name), "utf8").replaceAll(PLACEHOLDER, hash));
  }
  const manifest = { hash, js: "app.js", css: "app.css", inline_js: "app-inline.js", inline_css: "app-inline.css", loader: "loader.js", export_shim: "export-shim.js" };
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
