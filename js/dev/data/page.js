// The data elements dev page: mounts each element of app.py with a context whose
// requests go to serve.py (the real kernel handlers).
import { components } from "../../src/components/index.js";
import { renderMarkdown } from "../../src/markdown.js";

const b64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const unwrap = (v) => (v && typeof v === "object" ? (v.$b64 !== undefined ? b64(v.$b64) : Array.isArray(v) ? v.map(unwrap) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrap(x)]))) : v);

const post = async (path, body) => (await fetch(path, { method: "POST", body: JSON.stringify(body) })).json();

async function main() {
  const app = document.getElementById("app");
  const tree = (await (await fetch("/tree")).json()).map(unwrap);
  tree.forEach((node, index) => {
    const controller = new AbortController();
    const ctx = {
      setValue: (id, value) => post("/set", { id, value }).then(() => (window.sent = [...(window.sent || []), [id, value]])),
      click: () => {},
      markdown: (text, opts) => renderMarkdown(text, opts),
      blob: () => undefined,
      signal: controller.signal,
      request: async (payload) => {
        const answer = await post("/request", { index, payload });
        if (answer.error) throw new Error(answer.error);
        return { content: answer.content, buffers: answer.buffers.map((s) => new DataView(b64(s).buffer)) };
      },
    };
    const mounted = components[node.kind](node, ctx);
    mounted.el.dataset.kind = node.kind;
    const wrap = document.createElement("div");
    wrap.className = "element";
    wrap.append(mounted.el);
    app.append(wrap);
  });
  document.body.dataset.ready = "1";
}
main();
