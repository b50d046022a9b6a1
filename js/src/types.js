// @ts-check
/**
 * The contract between the app shell (app.js, patch.js) and the element components.
 *
 * The kernel sends the element tree as WireNodes.  A node's `kind` names the Python
 * function that made it (nbstream/elements/<family>/), the component that draws it
 * (components/index.js maps kind -> Component) and the AppTest accessor.  Its
 * `props` are exactly the props the Python element function sets (read them there).
 *
 * Widgets carry `props.id` (the widget ID) and `props.value` (the wire value, as the
 * widget's serde in Python defines it: an option index, a number, an ISO date, ...).
 *
 * Binary data: a Python `bytes` value anywhere in props (an Arrow IPC table, an image,
 * a download) arrives as {"$blob": "<content hash>"}; read it with ctx.blob(hash).
 * Blobs are content-addressed and sent once per browser view.
 */

/**
 * @typedef {Object} WireNode
 * @property {string} kind
 * @property {string} key             stable within its parent: the widget ID, or kind + position
 * @property {Record<string, any>} props
 * @property {WireNode[]} [children]  present on blocks (containers) only
 */

/**
 * What a component may ask of the app shell.
 *
 * @typedef {Object} ComponentContext
 * @property {(id: string, value: any) => void} setValue
 *   Commit a widget's new wire value (text inputs on Enter/blur, sliders on release).
 *   Value changes coalesce in the kernel: only the latest one matters.
 * @property {(id: string, value?: any) => void} click
 *   A click on a button-like widget: an event, never merged with another click.  A
 *   trigger that carries a value (chat_input's submitted text) passes it as `value`.
 * @property {(text: string, opts?: {inline?: boolean, allowHtml?: boolean}) => HTMLElement} markdown
 *   Streamlit-dialect markdown (GFM, :emoji:, :red[...], :material/icon:, $math$) as DOM.
 * @property {(hash: string) => (DataView|ArrayBuffer|undefined)} blob
 *   A binary buffer the kernel sent, by content hash (props refer to it as {"$blob": hash}).
 * @property {(msg: Record<string, any>, chunk: ArrayBuffer | null) => Promise<{content: any, buffers: DataView[]}>} upload
 *   Send one chunk of a file to an uploader widget (msg: id, file, name, type, size,
 *   offset; or cancel); resolves with the bytes the kernel holds of it ("received").
 * @property {AbortSignal} signal
 *   Aborted when the element is removed: scope event listeners with it.
 * @property {(path: string, query?: Record<string, string[]>) => void} navigate
 *   Show another page of a multipage app (its URL pathname, "" for the default page),
 *   starting with these query parameters (st.page_link, the navigation menu).
 * @property {(payload: Record<string, any>, timeoutMs?: number) => Promise<{content: any, buffers: DataView[]}>} request
 *   Ask the kernel something about this element (rows of a large table on scroll, a
 *   sorted or searched window).  The kernel answers with the handler registered for the
 *   element's kind (nbstream/elements/_base.py: REQUEST_HANDLERS / @answers(kind)); the
 *   promise rejects on timeout or error.  The message carries the element's key so the
 *   kernel finds the element in the current tree.
 * @property {() => any} [widgetManager]
 *   The page's Jupyter widget manager (the app model's `widget_manager`; undefined with
 *   no live kernel): st.widget draws embedded widgets' views with it.
 * @property {(fn: (running: boolean) => void) => void} [onRunState]
 *   Call `fn` whenever the app's run state is redrawn (a patch or snapshot arrived),
 *   with whether a script run is going on (chat_input's submit_mode).  Ends with `signal`.
 * @property {() => void} [stop]
 *   Stop the running script, as the app's Stop button does.
 */

/**
 * A mounted element: what a Component returns.
 *
 * @typedef {Object} Mounted
 * @property {HTMLElement} el
 *   The element's root DOM node; the shell places it in its parent.
 * @property {(node: WireNode) => void} update
 *   Called with the element's new node when its props changed.  Update the DOM in
 *   place; never reset what the user is editing (focus, caret, an open drop-down);
 *   never report a value the kernel set as a user change.
 * @property {HTMLElement} [slot]
 *   Blocks only: where the shell puts the children's elements.
 * @property {(children: WireNode[]) => void} [childrenChanged]
 *   Blocks only, optional: told the children after the shell placed them (tabs read
 *   their labels here, columns their weights).
 * @property {() => void} [destroy]
 *   Release anything not tied to `ctx.signal`.
 */

/** @typedef {(node: WireNode, ctx: ComponentContext) => Mounted} Component */

/*
 * Conventions every component keeps, so the shell, the tests and users can rely on them:
 * - The shell sets `data-kind` (node.kind) and `data-key` (node.key) on each `el`.
 * - Widgets are reachable by ARIA role and accessible name (their label), so browser
 *   tests use getByRole/getByLabel: button -> button, checkbox -> checkbox,
 *   toggle -> switch, radio -> radiogroup/radio, selectbox and multiselect -> combobox
 *   (options -> option), slider and select_slider -> slider (one per thumb, arrow keys
 *   move it, the value commits on release), number_input -> spinbutton,
 *   text_input/text_area -> textbox, tabs -> tablist/tab/tabpanel.
 * - Colors, fonts and spacing come from the CSS variables in styles/theme.css
 *   (--nbs-primary-color, --nbs-background-color, --nbs-secondary-background-color,
 *   --nbs-text-color, --nbs-font, ...), which the shell sets from the theme.
 * - Disabled widgets are not focusable for input and send nothing.
 */

export {};
