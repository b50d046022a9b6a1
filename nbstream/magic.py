"""IPython integration: the ``%%stapp`` cell magic, and ``st.*`` calls in ordinary cells.

``%%stapp [NAME] [--reset] [--height PX] [--wide]`` runs the cell as an app script and
displays the app.  Re-executing the cell replaces the script and keeps the session
state (as editing a Streamlit script does); a view of the app still shown elsewhere
follows the new script.  The script reads the notebook's globals; what it assigns stays
in its own namespace.

Outside any app, an ``st.*`` call in a cell displays its element in that cell's output:
the cell is a one-run app (widgets return their defaults, nothing reruns).

While another cell executes, the kernel handles no app messages: interactions wait
until the cell finishes (the script itself runs in its own thread and does not block
the notebook).
"""

from __future__ import annotations

import os
import threading
from typing import Any

from IPython.core import magic_arguments
from IPython.core.error import UsageError
from IPython.core.magic import Magics, cell_magic, magics_class

from nbstream.runtime import context
from nbstream.runtime.context import RunContext
from nbstream.runtime.script import Script

_APPS: dict[str, Any] = {}  # app key (NAME or cell ID) -> render.app.App
_lock = threading.Lock()


@magics_class
class StappMagics(Magics):
    @magic_arguments.magic_arguments()
    @magic_arguments.argument(
        "name", nargs="?", default=None, help="Bind the app object to this name in the notebook."
    )
    @magic_arguments.argument(
        "--reset", action="store_true", help="Start the app with a fresh session state."
    )
    @magic_arguments.argument(
        "--height", type=int, default=None, help="Height of the app's display in pixels (it scrolls)."
    )
    @magic_arguments.argument(
        "--wide", action="store_true", help="Use the full width for the app's main area."
    )
    @cell_magic
    def stapp(self, line: str, cell: str) -> None:
        """Run this cell as an nbstream app (a Streamlit script) and display the app."""
        from nbstream.render.app import App, show

        args = magic_arguments.parse_argstring(self.stapp, line)
        if args.name is not None and not args.name.isidentifier():
            raise UsageError(f"%%stapp NAME must be a Python identifier, not {args.name!r}")
        if args.height is not None and args.height <= 0:
            raise UsageError("--height must be a positive number of pixels")
        # The notebook's folder is the app's: its st.Page paths and pages/ folder are there.
        script = Script(self.shell.transform_cell(cell), seed=self.shell.user_ns, folder=os.getcwd())  # type: ignore[union-attr]
        key = args.name or _cell_id(self.shell)
        with _lock:
            app = _APPS.get(key) if key else None
            if app is None:
                app = App(script, name=args.name or "app", height=args.height, wide=args.wide)
                if key:
                    _APPS[key] = app
                fresh = True
            else:
                app.height, app.wide = args.height, args.wide
                fresh = False
        if args.reset and not fresh:
            app.reset()
        app.run(None if fresh else script)
        if args.name:
            self.shell.user_ns[args.name] = app  # type: ignore[union-attr]
        show(app.widget)


def _cell_id(shell: Any) -> str | None:
    """The ID of the executing cell, which JupyterLab sends with each execution."""
    kernel = getattr(shell, "kernel", None)
    try:
        parent = kernel.get_parent() if kernel is not None else {}
    except Exception:
        parent = {}
    cell_id = (parent.get("metadata") or {}).get("cellId")
    return f"cell:{cell_id}" if isinstance(cell_id, str) and cell_id else None


class CellApps:
    """Shows the ``st.*`` calls of an ordinary cell in that cell's output, as a one-run app."""

    def __init__(self, shell: Any) -> None:
        self.shell = shell
        self._current: tuple[RunContext, Any, Any] | None = None
        shell.events.register("post_run_cell", self.end_cell)

    def context(self) -> RunContext:
        current = self._current
        if current is None:
            current = self._current = self._start()
        return current[0]

    def _start(self) -> tuple[RunContext, Any, Any]:
        from nbstream import voila
        from nbstream.render.app import display_config, show
        from nbstream.render.stream import Publisher
        from nbstream.render.widget import AppWidget
        from nbstream.runtime.session import AppSession

        session = AppSession(name="cell")
        session.is_bare = True
        session.app_id = voila.app_identity()
        ctx = session.context()
        publisher = Publisher(session)
        publisher.begin(ctx)
        widget = AppWidget(session, publisher, display_config(interactive=False), interactive=False)
        show(widget)
        return ctx, publisher, widget

    def end_cell(self, result: Any = None) -> None:
        current, self._current = self._current, None
        if current is None:
            return
        ctx, publisher, widget = current
        publisher.finish(ctx, True)
        widget.sync_snapshot()
        publisher.close()


def load(shell: Any) -> None:
    """Register ``%%stapp`` and the display of ``st.*`` calls made outside an app."""
    from nbstream.elements.delta_generator import DeltaGenerator

    shell.register_magics(StappMagics)
    apps = getattr(shell, "_nbstream_cell_apps", None)
    if apps is None:
        apps = CellApps(shell)
        shell._nbstream_cell_apps = apps
    context.set_outside_run_factory(apps.context)
    # An st.* call's return value (where to write next) is not worth an Out[] line.
    formatter = shell.display_formatter.ipython_display_formatter
    formatter.for_type(DeltaGenerator, lambda obj: None)
