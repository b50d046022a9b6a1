// @ts-check
// A standalone page that draws every element kind from sample nodes, with a toy shell
// that echoes setValue back as the kernel would.  Dev only: for screenshots and poking.
// Query: ?theme=dark, ?section=<name> to show one section.
import { components } from "../src/components/index.js";
import { renderMarkdown } from "../src/markdown.js";

const params = new URLSearchParams(location.search);
const log = /** @type {HTMLElement} */ (document.getElementById("log"));
let n = 0;

/** @param {string} kind @param {Record<string, any>} props @param {any[]} [children] */
const node = (kind, props = {}, children) => ({ kind, key: `${kind}-${++n}`, props: { id: `w${n}`, ...props }, children });
/** @param {Record<string, any>} p */
const w = (p) => ({ help: null, disabled: false, label_visibility: "visible", ...p });

/** Mount a node and its children as the shell would. @param {any} wire */
function mount(wire) {
  const controller = new AbortController();
  /** @type {any} */
  let mounted;
  const ctx = {
    setValue: (/** @type {string} */ id, /** @type {any} */ value) => {
      log.textContent = `setValue(${id}, ${JSON.stringify(value)})`;
      wire = { ...wire, props: { ...wire.props, value } };
      setTimeout(() => mounted.update(wire), 50); // the kernel's echo
    },
    click: (/** @type {string} */ id) => (log.textContent = `click(${id})`),
    markdown: renderMarkdown,
    blob: () => undefined,
    signal: controller.signal,
  };
  const component = components[wire.kind];
  if (!component) throw new Error(`no component for ${wire.kind}`);
  mounted = component(wire, ctx);
  mounted.el.dataset.kind = wire.kind;
  mounted.el.dataset.key = wire.key;
  if (mounted.slot && wire.children) {
    for (const child of wire.children) mounted.slot.append(mount(child));
    mounted.childrenChanged?.(wire.children);
  }
  return mounted.el;
}

const md = (/** @type {string} */ body) => node("markdown", { body, unsafe_allow_html: false, help: null });

const SECTIONS = {
  text: [
    node("title", { body: "nbstream :red[components]", anchor: null, help: "The title's *help*", divider: false }),
    node("header", { body: "A header with a divider", anchor: null, help: null, divider: true }),
    node("subheader", { body: "Subheader :material/rocket_launch:", anchor: null, help: null, divider: "rainbow" }),
    md("Markdown with **bold**, *italic*, ~~strike~~, `code`, a [link](https://streamlit.io), emoji :paw_prints: :tada:, " +
      ":red[red], :orange[orange], :green[green], :blue[blue], :violet[violet], :gray[gray], :rainbow[rainbow], " +
      ":blue-background[blue background], :green-badge[Badge], icons :material/home: :material/favorite: :material/not_bundled:, " +
      "math $E = mc^2$ and <b>escaped HTML</b>."),
    md("$$\n\\int_0^\\infty e^{-x^2} dx = \\frac{\\sqrt{\\pi}}{2}\n$$\n\n| Column | Value |\n|---|---|\n| a | 1 |\n| b | 2 |\n\n- [x] task done\n- [ ] task to do\n\n> A quote"),
    node("caption", { body: "A caption under something, with `code`.", unsafe_allow_html: false, help: null }),
    node("code", { body: "import nbstream as st\n\ndef hello(name: str) -> str:\n    # greet someone\n    return f\"Hello {name}!\"\n\nst.write(hello(\"world\"), 42)", language: "python", line_numbers: true, wrap_lines: false }),
    node("text", { body: "Fixed-width text\n  keeps   spaces", help: "st.text help" }),
    node("latex", { body: "a + ar + ar^2 + \\cdots + ar^{n-1} = \\sum_{k=0}^{n-1} ar^k = a \\left(\\frac{1-r^{n}}{1-r}\\right)", help: null }),
    node("divider"),
  ],
  alerts: [
    node("success", { body: "This is a success message!", icon: "✅" }),
    node("info", { body: "This is a purely informational message", icon: ":material/info:" }),
    node("warning", { body: "This is a warning", icon: null }),
    node("error", { body: "This is an error with **markdown**", icon: "🚨" }),
    node("exception", { type: "ZeroDivisionError", message: "division by zero", traceback: ['  File "app.py", line 3, in <module>\n    x = 1 / 0\n'], is_api_error: false }),
    node("help", { name: "hello", type: "function", signature: "(name: str) -> str", doc: "Greet someone.\n\nParameters\n----------\nname : str", value: null, members: [{ name: "__call__", type: "method-wrapper", doc: "Call self as a function." }] }),
  ],
  buttons: [
    node("columns", { gap: "small", vertical_alignment: "top", border: false }, [
      node("column", { weight: 1 / 3 }, [node("button", w({ label: "Secondary", type: "secondary", icon: null, use_container_width: false, value: false, help: "A *help* tooltip" }))]),
      node("column", { weight: 1 / 3 }, [node("button", w({ label: "Primary", type: "primary", icon: ":material/rocket_launch:", use_container_width: false, value: false }))]),
      node("column", { weight: 1 / 3 }, [node("button", w({ label: "Disabled", type: "secondary", icon: "🔥", use_container_width: false, value: false, disabled: true }))]),
    ]),
    node("button", w({ label: "Tertiary :material/arrow_forward:", type: "tertiary", icon: null, use_container_width: false, value: false })),
    node("button", w({ label: "Full width", type: "secondary", icon: null, use_container_width: true, value: false })),
    node("checkbox", w({ label: "I agree", value: true, help: "Checkbox help" })),
    node("checkbox", w({ label: "Disabled checkbox", value: false, disabled: true })),
    node("toggle", w({ label: "Activate feature", value: true })),
    node("toggle", w({ label: "Off toggle", value: false })),
    node("radio", w({ label: "What's your favorite movie genre", options: [":rainbow[Comedy]", "***Drama***", "Documentary :movie_camera:"], value: 0, horizontal: false, captions: ["Laugh out loud.", "Get the popcorn.", "Never stop learning."], help: "Pick one" })),
    node("radio", w({ label: "Horizontal", options: ["Email", "Phone", "Mail"], value: 1, horizontal: true, captions: null })),
    node("selectbox", w({ label: "How would you like to be contacted?", options: ["Email", "Home phone", "Mobile phone"], value: 0, placeholder: "Choose an option" })),
    node("selectbox", w({ label: "Empty selectbox", options: ["Email", "Home phone", "Mobile phone"], value: null, placeholder: "Select contact method..." })),
    node("multiselect", w({ label: "What are your favorite colors", options: ["Green", "Yellow", "Red", "Blue"], value: [0, 2], max_selections: null, placeholder: "Choose an option" })),
  ],
  numeric: [
    node("slider", w({ label: "How old are you?", min_value: 0, max_value: 130, step: 1, format: "%d", data_type: "int", value: 25 })),
    node("slider", w({ label: "Select a range of values", min_value: 0, max_value: 100, step: 0.5, format: "%0.1f", data_type: "float", value: [25, 75] })),
    node("slider", w({ label: "Schedule your appointment", min_value: 0, max_value: 86340000000, step: 900000000, format: "HH:mm", data_type: "time", value: [41400000000, 45000000000] })),
    node("slider", w({ label: "When do you start?", min_value: 1577836800000000, max_value: 1609459200000000, step: 86400000000, format: "MM/DD/YY", data_type: "date", value: 1593561600000000 })),
    node("select_slider", w({ label: "Select a color of the rainbow", options: ["red", "orange", "yellow", "green", "blue", "indigo", "violet"], value: [1, 4] })),
    node("slider", w({ label: "Disabled slider", min_value: 0, max_value: 10, step: 1, format: "%d%%", data_type: "int", value: 3, disabled: true })),
    node("number_input", w({ label: "Insert a number", min_value: null, max_value: null, step: 0.01, format: "%0.2f", data_type: "float", placeholder: null, value: 3.14 })),
    node("number_input", w({ label: "Empty number", min_value: 0, max_value: 10, step: 1, format: "%d", data_type: "int", placeholder: "Type a number...", value: null })),
  ],
  inputs: [
    node("text_input", w({ label: "Movie title", max_chars: null, type: "default", placeholder: null, autocomplete: "", value: "Life of Brian" })),
    node("text_input", w({ label: "Password", max_chars: 20, type: "password", placeholder: "Your password", autocomplete: "new-password", value: "secret" })),
    node("text_input", w({ label: "Hidden label", max_chars: null, type: "default", placeholder: "label_visibility='hidden'", autocomplete: "", value: "", label_visibility: "hidden" })),
    node("text_input", w({ label: "Collapsed label", max_chars: null, type: "default", placeholder: "label_visibility='collapsed'", autocomplete: "", value: "", label_visibility: "collapsed" })),
    node("text_area", w({ label: "Text to analyze", height: null, max_chars: 500, placeholder: null, value: "It was the best of times, it was the worst of times..." })),
    node("color_picker", w({ label: "Pick a color", value: "#00f900" })),
    node("date_input", w({ label: "When's your birthday", min_value: "2014-07-06", max_value: "2034-07-06", format: "YYYY/MM/DD", is_range: false, value: "2019-07-06" })),
    node("date_input", w({ label: "Select your vacation for next year", min_value: "2024-01-01", max_value: "2026-12-31", format: "MM.DD.YYYY", is_range: true, value: ["2025-01-01", "2025-01-07"] })),
    node("time_input", w({ label: "Set an alarm for", step: 900, value: "08:45" })),
  ],
  status: [
    node("progress", { value: 60, text: "Operation in progress. Please wait." }),
    node("spinner", { text: "Wait for it...", show_time: true, started: 0 }),
    node("status", { label: "Downloading data...", expanded: true, state: "running", initially_expanded: true }, [md("Searching for data...")]),
    node("status", { label: "Download complete!", expanded: false, state: "complete", initially_expanded: false }, [md("Found URL.")]),
    node("status", { label: "Download failed", expanded: false, state: "error", initially_expanded: false }, [md("Oops.")]),
    node("form", { form_id: "my_form", clear_on_submit: false, enter_to_submit: true, border: true, has_submit_button: true }, [
      node("text_input", w({ label: "Name inside a form", max_chars: null, type: "default", placeholder: null, autocomplete: "", value: "" })),
      node("checkbox", w({ label: "Form checkbox", value: false })),
      node("button", w({ label: "Submit", type: "secondary", icon: null, use_container_width: false, value: false, is_form_submitter: true, form_id: "my_form" })),
    ]),
    node("event", {}, [node("toast", { body: "Your edited image was saved!", icon: "😍", nonce: 1 })]),
  ],
  layout: [
    node("columns", { gap: "medium", vertical_alignment: "center", border: true }, [
      node("column", { weight: 0.25, border: true }, [md("**Column 1** (weight 1)")]),
      node("column", { weight: 0.5, border: true }, [md("**Column 2** (weight 2)"), node("caption", { body: "taller", unsafe_allow_html: false, help: null })]),
      node("column", { weight: 0.25, border: true }, [md("**Column 3**")]),
    ]),
    node("container", { height: 120, border: true, key: "scroller" }, Array.from({ length: 6 }, (_, i) => md(`Scrolling line ${i + 1}`))),
    node("expander", { label: "See explanation :material/info:", expanded: true, icon: ":material/lightbulb:" }, [md("The chart above shows some numbers I picked for you.")]),
    node("expander", { label: "Collapsed expander", expanded: false, icon: null }, [md("Hidden")]),
    node("tab_container", { labels: ["Cat", "Dog", ":material/pets: Owl"] }, [
      node("tab", { label: "Cat" }, [md("A cat :cat:")]),
      node("tab", { label: "Dog" }, [md("A dog :dog:")]),
      node("tab", { label: "Owl" }, [md("An owl")]),
    ]),
    node("popover", { label: "Open popover", help: null, icon: ":material/settings:", disabled: false, use_container_width: false }, [md("Inside the popover"), node("checkbox", w({ label: "Red", value: false }))]),
    node("empty"),
  ],
};

function render() {
  const root = /** @type {HTMLElement} */ (document.getElementById("root"));
  const app = document.createElement("div");
  app.className = "nbs-app";
  const areas = document.createElement("div");
  areas.className = "nbs-areas gallery-page";
  app.dataset.theme = params.get("theme") || "light";
  const only = params.get("section");
  // The areas are the shell's (app.js); the gallery builds the same DOM for them.
  const sidebar = document.createElement("aside");
  sidebar.className = "nbs-sidebar";
  const sidebarSlot = document.createElement("div");
  sidebarSlot.className = "nbs-sidebar-content";
  sidebar.append(sidebarSlot);
  for (const wire of [node("header", { body: "Sidebar", anchor: false, help: null, divider: false }), node("selectbox", w({ label: "Page", options: ["Home", "Data"], value: 0, placeholder: "" })), node("slider", w({ label: "Zoom", min_value: 0, max_value: 10, step: 1, format: "%d", data_type: "int", value: 4 }))]) sidebarSlot.append(mount(wire));
  const main = document.createElement("section");
  main.className = "nbs-main gallery-main";
  for (const [name, nodes] of Object.entries(SECTIONS)) {
    if (only && only !== name) continue;
    const section = document.createElement("div");
    section.className = "gallery-section nbs-block";
    section.innerHTML = `<h2 class="gallery-title">${name}</h2>`;
    for (const wire of nodes) section.append(mount(wire));
    main.append(section);
  }
  if (params.get("sidebar") !== "0") areas.append(sidebar);
  areas.append(main);
  app.append(areas);
  root.append(app);
  document.body.style.background = getComputedStyle(app).backgroundColor;
}

render();
