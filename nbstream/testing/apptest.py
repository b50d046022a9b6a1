"""AppTest: run an app headless and inspect and drive it, like Streamlit's AppTest.

It is a client of the same ``AppSession`` that the Jupyter front end drives: a test's
``set_value`` travels through the widget's serde as a browser's value would, and the
elements a test reads are the tree the renderer diffs.
"""

from __future__ import annotations

import inspect
import os
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nbstream.elements.state.views import StateView
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.script import Script
from nbstream.runtime.session import AppSession
from nbstream.runtime.tree import Node, area
from nbstream.runtime.widgets import WidgetMeta
from nbstream.secrets import nest_dotted
from nbstream.testing.containers import Block, Container
from nbstream.testing.elements._base import Widget

DEFAULT_TIMEOUT = 3.0


class AppTest(Container):
    """A simulated app: ``AppTest.from_file("app.py").run()``.

    Read elements with ``at.<kind>`` (``at.button[0]``, ``at.markdown``), keyed widgets
    with ``at.button(key="k")``, containers with ``at.main``, ``at.sidebar``,
    ``at.columns``, ``at.tabs``.  Change widgets (``set_value``, ``click``, ``input``,
    ...) and call ``run()`` to rerun.  ``session_state``, ``secrets`` and
    ``query_params`` can be set before a run and read after it.
    """

    def __init__(
        self,
        script: Script,
        *,
        default_timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.root = self
        self.default_timeout = default_timeout
        self._session = AppSession(script, name="apptest")
        # Tests step runs explicitly: run_every timers would make them nondeterministic.
        self._session.fragments.timers_enabled = False
        self.secrets: dict[str, Any] = {}
        self.query_params: dict[str, Any] = {}
        self.session_state = StateView(lambda: self._session.state)
        self._pending_values: dict[str, Any] = {}
        self._pending_wire: dict[str, Any] = {}
        self._pending_clicks: list[str] = []

    # ---- constructors -------------------------------------------------------------------

    @classmethod
    def from_file(cls, script_path: str | Path, *, default_timeout: float = DEFAULT_TIMEOUT) -> AppTest:
        """An AppTest for the script at ``script_path``.

        A relative path is resolved against the working directory (where ``pytest``
        runs), and failing that against the folder of the calling test file.
        """
        path = Path(script_path)
        if not path.is_absolute() and not path.exists():
            caller = Path(inspect.stack()[1].filename).resolve().parent
            if (caller / path).exists():
                path = caller / path
        path = path.resolve()
        if not path.is_file():
            raise FileNotFoundError(f"No app script at {script_path!r} (looked in {os.getcwd()} too).")
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
        return cls(Script(source, seed=seed), default_timeout=default_timeout)

    # ---- running ------------------------------------------------------------------------

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the script with the values and clicks set since the last run.

        Like Streamlit's AppTest, this is always a full-script run, also after an
        interaction inside a fragment; ``run_fragment`` reruns just one fragment.
        Raises ``RuntimeError`` if the run takes longer than ``timeout`` seconds
        (``default_timeout`` when None).
        """
        return self._step(None, timeout)

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
        session.secrets_override = nest_dotted(self.secrets) if self.secrets else None
        session.query_params.clear()
        for key, value in self.query_params.items():
            session.query_params[key] = (
                [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]
            )
        changes, clicks = self._form_filtered(dict(self._pending_wire)), list(self._pending_clicks)
        self._pending_values.clear()
        self._pending_wire.clear()
        self._pending_clicks.clear()
        session.submit(changes, clicks, fragment_id)
        if not session.wait(timeout):
            session.stop()
            raise RuntimeError(f"AppTest script run timed out after {timeout}(s)")
        self.query_params = {k: (v[0] if len(v) == 1 else list(v)) for k, v in session.query_params.items()}
        return self

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
    def main(self) -> Block:
        """The app's main area."""
        return Block(area(self._session.tree, "main"), self)

    @property
    def sidebar(self) -> Block:  # type: ignore[override]
        """The app's sidebar."""
        return Block(area(self._session.tree, "sidebar"), self)

    def __repr__(self) -> str:
        return f"AppTest({self._session.script.path!r}, runs={self._session.run_count})"

    def __del__(self) -> None:
        session = getattr(self, "_session", None)
        if session is not None:
            session.close()
