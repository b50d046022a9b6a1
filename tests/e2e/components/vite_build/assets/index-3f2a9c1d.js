import { onRender, post } from "./protocol-8b1e4d2f.js";

const root = document.getElementById("root");
const label = document.createElement("p");
label.id = "label";
const button = document.createElement("button");
button.textContent = "Pick";
root.append(label, button);
// A lazily loaded chunk, as code splitting makes them.
const { greet } = await import("./lazy-0d9e8f7a.js");
let count = 0;
onRender((event) => {
  label.textContent = greet(event.args.name) + " from a module script";
  post("streamlit:setFrameHeight", { height: 90 });
});
button.onclick = () => post("streamlit:setComponentValue", { value: ++count, dataType: "json" });
post("streamlit:componentReady", { apiVersion: 1 });
