// Streamlit's component protocol, as streamlit-component-lib speaks it (a shared chunk).
export function post(type, data = {}) {
  window.parent.postMessage({ isStreamlitMessage: true, type, ...data }, "*");
}
export function onRender(fn) {
  window.addEventListener("message", (ev) => {
    if (ev.data && ev.data.type === "streamlit:render") fn(ev.data);
  });
}
