"""The markdown cell before each app of the notebooks make_notebooks.py writes: what the app shows."""

from __future__ import annotations

INTROS: dict[str, str] = {
    "hello": "# Hello, nbstream\n\nA first app: a text input in the sidebar, a button counting clicks in "
    "`st.session_state`, a slider and two columns. Every interaction reruns the cell as a Streamlit script.",
    "text": "# Text elements\n\nTitles, headers with dividers, Streamlit's markdown (colours, badges, emoji, "
    "icons, math), captions, code, LaTeX, plain text, and HTML in markdown (escaped unless allowed).",
    "write": "# st.write and magic\n\n`st.write` picks how to show each argument (markdown, numbers, "
    "dicts as JSON); a bare string on its own line is written too; `st.echo` shows its code and runs it; "
    "`st.help` documents an object.",
    "alerts": "# Alerts\n\nSuccess, info, warning and error boxes (with an icon), and `st.exception` "
    "showing a caught exception with its traceback.",
    "buttons": "# Buttons\n\nA primary button counting its clicks in session state, a secondary and a "
    "disabled button, and a download button that saves a text file.",
    "media": "# Files and media\n\nA CSV file uploader (a sample frame until a file comes), its data as a "
    "table and a line chart, a gallery of generated images, a generated tone with `st.audio`, and a link "
    "button.",
    "components": "# Custom components\n\n`components.html` in a sandboxed frame, `st.html` in the page, and "
    "a component declared with `declare_component` whose front end sends its click count back to Python.",
    "selection": "# Choosing\n\nCheckbox, toggle, radio, selectbox with a placeholder, multiselect, pills, "
    "segmented control and a badge; the app writes back what was chosen.",
    "numeric": "# Numbers\n\nA slider, a range slider, a select slider and a number input with bounds; "
    "the app writes their values.",
    "textual": "# Text input\n\nA text input, a text area and a colour picker, written back as markdown.",
    "time": "# Dates and times\n\nA date, a date range, a time and a datetime input, and the browser's time "
    "zone and locale from `st.context`.",
    "layout": "# Layout\n\nSidebar, bordered columns, tabs, an expander, a popover, a bordered container, an "
    "`st.empty` placeholder, a horizontal container of buttons, spacing, and tabs whose open tab reruns "
    'the app (`on_change="rerun"`).',
    "data": "# Data\n\nA dataframe, a static table, a metric with its delta, JSON, and a data editor with "
    "dynamic rows whose edits the app sums.",
    "status": "# Status\n\nA progress bar filling up, a spinner, a status container that completes, and "
    "balloons and a toast on a button click.",
    "forms": "# Forms\n\nA form whose selectbox and number input only reach the script when its submit "
    "button is pressed.",
    "fragments": "# Fragments\n\nA clock fragment rerunning every second on its own, and a fragment with a "
    "button that reruns only that fragment.",
    "caching": "# Caching\n\n`@st.cache_data` making a slow function fast once its result is cached, and "
    "`@st.cache_resource` sharing one object across reruns (the app menu's Clear cache empties both).",
    "chat": "# Chat\n\nA chat with a stand-in assistant: messages kept in session state, answers streamed "
    "with `st.write_stream`, thumbs feedback on each answer, and a dialog confirming that the "
    "conversation is cleared.",
    "connections": "# Connections\n\n`st.connection` over a SQLite file: a table written in a session, and a "
    "parameterised query, cached for 60 seconds, filtered by a selectbox.",
    "multipage": "# A multipage app\n\n`st.navigation` with pages from functions: a log-in page first, then "
    "a dashboard and a search page in sections, `st.page_link` and `st.switch_page` between them, and a "
    "sidebar widget kept on every page.",
    "pages_app/home": "# Home page of a `pages/` app\n\nThis cell is the home page; each `.py` file of the "
    "`pages/` folder beside the notebook is a page of the app, listed in the sidebar.",
}
