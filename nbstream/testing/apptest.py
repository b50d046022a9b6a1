"""AppTest: run an app headless and inspect and drive it, like Streamlit's AppTest.

It is a client of the same ``AppSession`` that the Jupyter front end drives: a test's
``set_value`` travels through the widget's serde as a browser's value would, and the
elements a test reads are the tree the renderer diffs.
"""

from __future__ import annotations

import copy
import inspect
import os
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nbstream.elements.state.views import StateView
from nbstream.runtime import client
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.pages import PageTarget
from nbstream.runtime.script import Script
from nbstream.runtime.session import AppSession
from nbstream.runtime.tree import Node, area
from nbstream.runtime.widgets import WidgetMeta
from nbstream.secrets import nest_dotted
from nbstream.testing.containers import Container, SpecialBlock
from nbstream.testing.elements._base import Widget
from nbstream.testing.errors import AppTestError

DEFAULT_TIMEOUT = 3.0
# The keys of ``AppTest.context`` (what the app reads from ``st.context``), as in Streamlit.
CONTEXT_KEYS = ("timezone", "timezone_offset", "locale", "url", "is_embedded", "theme")
# How long a timed-out run gets to stop before the timeout is reported.
STOP_GRACE = 3.0


class AppTest(Container):
    """A simulated app: ``AppTest.from_file("app.py").run()``.

    Read elements with ``at.<kind>`` (``at.button[0]``, ``at.markdown``), keyed widgets
    with ``at.button(key="k")``, containers with ``at.main``, ``at.sidebar``,
    ``at.columns``, ``at.tabs``.  Change widgets (``set_value``, ``click``, ``input``,
    ...) and call ``run()`` to rerun.  ``session_state``, ``secrets`` and
    ``query_params`` can be set before a run and read after it; ``user`` and ``context``
    are the dicts the app's ``st.user`` and ``st.context`` read; ``args`` and ``kwargs``
    are what ``from_function`` passes to the function.  A name that is neither an
    attribute nor an element kind raises ``AttributeError``.
    """

    def __init__(
        self,
        script: Script,
        *,
        default_timeout: float = DEFAULT_TIMEOUT,
        args: tuple[Any, ...] | None = None,
        kwargs: dict[str, Any] | None = None,
    ) -> None:
        self.root = self
        self.default_timeout = default_timeout
        self.args = args
        self.kwargs = kwargs
        self.user: dict[str, Any] = {"email": "test@example.com"}
        self.context: dict[str, Any] = {}
        self._main_path = script.path
        self._session = AppSession(script, name="apptest")
        # Tests step runs explicitly: run_every timers would make them nondeterministic.
        self._session.fragments.timers_enabled = False
        self.secrets: dict[str, Any] = {}
        self.query_params: dict[str, Any] = {}
        self.session_state = StateView(lambda: self._session.state)
        self._pending_values: dict[str, Any] = {}
        self._pending_wire: dict[str, Any] = {}
        self._pending_clicks: list[str] = []
        self._pending_files: dict[str, list[Any]] = {}  # chat_input ID -> files for its next submission
        self._pending_page: PageTarget | None = None

    # ---- constructors -------------------------------------------------------------------

    @classmethod
    def from_file(cls, script_path: str | Path, *, default_timeout: float = DEFAULT_TIMEOUT) -> AppTest:
        """An AppTest for the script at ``script_path``.

        An absolute path is used as given.  A relative path is looked up first beside the
        test file that calls ``from_file`` (as Streamlit does), then in the working
        directory (where ``pytest`` runs, as older Streamlit releases did).  Raises
        ``FileNotFoundError`` if neither has the file.
        """
        path = Path(script_path)
        if not path.is_absolute():
            frame = inspect.currentframe()
            caller = Path.cwd()
            if frame is not None and frame.f_back is not None:
                caller = Path(frame.f_back.f_code.co_filename).resolve().parent
            path = next((p for p in (caller / path, Path.cwd() / path) if p.is_file()), caller / path)
        path = path.resolve()
        if not path.is_file():
            raise FileNotFoundError(
                f"AppTest script not found at {path}. Relative paths are resolved against the "
                f"file that calls AppTest.from_file(), then the working directory ({os.getcwd()})."
            )
        return cls(Script(path.read_text(encoding="utf-8"), path=str(path)), default_timeout=default_timeout)

    @classmethod
    def from_string(cls, script: str, *, default_timeout: float = DEFAULT_TIMEOUT) -> AppTest:
        """An AppTest for a script given as a string."""
        return cls(Script(textwrap.dedent(script)), default_timeout=default_timeout)

    @classmethod
    def from_function(
        cls,
        script: Callable[..., Any],
        *,
        default_timeout: float = DEFAULT_TIMEOUT,
        args: tuple[Any, ...] | None = None,
        kwargs: dict[str, Any] | None = None,
    ) -> AppTest:
        """An AppTest whose script is the body of ``script``, called with ``args``/``kwargs``.

        The function must be self-contained: it runs as a script of its own, so it
        imports what it uses inside its body.
        """
        source = textwrap.dedent(inspect.getsource(script))
        source += f"\n{script.__name__}(*__nbstream_args__, **__nbstream_kwargs__)\n"
        seed = {"__nbstream_args__": tuple(args or ()), "__nbstream_kwargs__": dict(kwargs or {})}
        return cls(Script(source, seed=seed), default_timeout=default_timeout, args=args, kwargs=kwargs)

    # ---- running ------------------------------------------------------------------------

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the script with the values and clicks set since the last run.

        Like Streamlit's AppTest, this is always a full-script run, also after an
        interaction inside a fragment; ``run_fragment`` reruns just one fragment.
        Raises ``RuntimeError`` if the run takes longer than ``timeout`` seconds
        (``default_timeout`` when None).
        """
        return self._step(None, timeout)

    def switch_page(self, page_path: str) -> AppTest:
        """Show another page at the next ``run()`` (this call does not run the app).

        ``page_path`` is the page's file relative to the main script's folder
        (``"pages/settings.py"``); the main script stays the root for later switches.  The
        next run goes through the app's router, as a browser's would: the page of a
        ``pages/`` folder runs, or the entrypoint runs and ``st.navigation`` returns the
        page made from that file.  Raises ``ValueError`` if there is no such file.
        """
        if self._main_path is None:
            raise ValueError("switch_page needs an app made with AppTest.from_file().")
        main = Path(self._main_path)
        page = (main.parent / page_path).resolve()
        if not page.is_file():
            raise ValueError(
                f"Could not find page {page_path!r} relative to the main script {str(main)!r}. "
                f"Resolved page path: {str(page)!r}."
            )
        self._pending_page = PageTarget(script_path=str(page))
        return self

    def run_fragment(self, fragment: str, *, timeout: float | None = None) -> AppTest:
        """Rerun only one fragment, as a user's interaction inside it would.

        ``fragment`` is the fragment function's name (its ``__qualname__``; the first
        call of it in the app) or a fragment ID.  Values and clicks set since the last
        run are applied; the rest of the app is not re-executed.
        """
        for block in self.get("fragment"):
            if fragment in (block.proto.get("name"), block.proto.get("fragment_id")):
                return self._step(block.proto["fragment_id"], timeout)
        raise KeyError(f"No fragment named {fragment!r} in the app.")

    def _step(self, fragment_id: str | None, timeout: float | None) -> AppTest:
        timeout = self.default_timeout if timeout is None else timeout
        session = self._session
        session.client = self._client_info()
        session.secrets_override = nest_dotted(self.secrets) if self.secrets else None
        if not isinstance(self.user, dict):
            raise AppTestError(f"AppTest.user must be a dict, not {type(self.user).__name__}.")
        # A copy: st.logout() in the run clears the run's user, never the test's own dict.
        session.user_info = copy.deepcopy(self.user)
        session.query_params.clear()
        for key, value in self.query_params.items():
            session.query_params[key] = (
                [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]
            )
        changes, clicks = self._form_filtered(dict(self._pending_wire)), list(self._pending_clicks)
        for wid, wire in session.embeds.changed_outside().items():  # `w.value = 5` in the test
            changes.setdefault(wid, wire)
        self._pending_values.clear()
        self._pending_wire.clear()
        self._pending_clicks.clear()
        self._pending_files.clear()
        page, self._pending_page = self._pending_page, None
        session.submit(changes, clicks, fragment_id, page)
        if not session.wait(timeout):
            # Not left running in the test process: stopped even in a pure-Python loop,
            # and left behind (so the next run can go on) if blocked in C code.
            session.stop()
            session.wait(STOP_GRACE)
            raise RuntimeError(f"AppTest script run timed out after {timeout}(s)")
        self.query_params = {k: (v[0] if len(v) == 1 else list(v)) for k, v in session.query_params.items()}
        self.user = dict(session.user_info)
        return self

    def _client_info(self) -> client.ClientInfo:
        """``at.context`` as what a browser would have told the app (``st.context``)."""
        self._check_context()
        try:
            return client.parse(dict(self.context))
        except ValueError as error:
            raise AppTestError(f"AppTest.context: {error}.") from None

    def _check_context(self) -> None:
        unknown = sorted(set(self.context) - set(CONTEXT_KEYS))
        if unknown:
            raise AppTestError(
                f"Unsupported AppTest.context key(s): {', '.join(map(repr, unknown))}. "
                f"Supported keys: {', '.join(CONTEXT_KEYS)}."
            )
        theme = self.context.get("theme")
        if theme not in (None, "light", "dark"):
            raise AppTestError(f'AppTest.context["theme"] must be "light" or "dark", not {theme!r}.')

    def _form_filtered(self, changes: dict[str, Any]) -> dict[str, Any]:
        """Values set inside a form reach the app only with a click on that form's submit button."""
        state = self._session.state
        submitted = {getattr(state.widget_meta(w), "form_id", "") for w in self._pending_clicks}
        return {
            wid: wire
            for wid, wire in changes.items()
            if not getattr(state.widget_meta(wid), "form_id", "")
            or state.widget_meta(wid).form_id in submitted  # type: ignore[union-attr]
        }

    # ---- what the elements call -----------------------------------------------------------

    def _widget_meta(self, widget: Widget) -> WidgetMeta:
        meta = self._session.state.widget_meta(widget.id)
        if meta is None:
            raise StreamlitAPIException(f"The {widget.type} {widget.label!r} is no longer in the app.")
        return meta

    def _serialize(self, widget: Widget, value: Any) -> Any:
        return self._widget_meta(widget).serde.serialize(value)

    def _set_widget_value(self, widget: Widget, value: Any) -> None:
        self._pending_wire[widget.id] = self._serialize(widget, value)
        self._pending_values[widget.id] = value

    def _click(self, widget: Widget) -> None:
        self._widget_meta(widget)
        if widget.id not in self._pending_clicks:
            self._pending_clicks.append(widget.id)

    # ---- reading the tree ---------------------------------------------------------------

    def _scope(self) -> Node:
        return self._session.tree

    @property
    def main(self) -> SpecialBlock:
        """The app's main area."""
        return SpecialBlock(area(self._session.tree, "main"), self)

    @property
    def sidebar(self) -> SpecialBlock:
        """The app's sidebar."""
        return SpecialBlock(area(self._session.tree, "sidebar"), self)

    def __repr__(self) -> str:
        return f"AppTest({self._session.script.path!r}, runs={self._session.run_count})"

    def __del__(self) -> None:
        # At interpreter exit the runner's daemon thread may be frozen holding the
        # runner's lock: closing then would wait forever, and there is nothing to free.
        if sys.is_finalizing():
            return
        session = getattr(self, "_session", None)
        if session is not None:
            session.close()
