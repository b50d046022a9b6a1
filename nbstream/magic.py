"""IPython integration: the ``%%stapp`` cell magic, and ``st.*`` calls in ordinary cells.

``%%stapp [NAME] [--reset] [--height PX] [--wide]`` runs the cell as an app script and
displays the app; ``%stapp app.py`` (or ``%stapp NAME --file app.py``, or the cell form
``%%stapp [NAME] --file app.py`` over a body of comments and blank lines) runs a script
file instead and reruns it each time the file is saved (``--no-run-on-save``: not).
Re-executing the cell replaces the script and keeps the session state (as editing a
Streamlit script does); a view of the app still shown elsewhere follows the new script.
The script reads the notebook's globals; what it assigns stays in its own namespace.

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
from IPython.core.magic import Magics, line_cell_magic, magics_class

from nbstream.runtime import context
from nbstream.runtime.context import RunContext
from nbstream.runtime.script import Script

_APPS: dict[str, Any] = {}  # app key (NAME or cell ID) -> render.app.App
_lock = threading.Lock()


@magics_class
class StappMagics(Magics):
    @magic_arguments.magic_arguments()
    @magic_arguments.argument(
        "name",
        nargs="?",
        default=None,
        help="Bind the app object to this name in the notebook (%%stapp); the script file (%stapp).",
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
    @magic_arguments.argument(
        "--file", default=None, help="Run this script file as the app, and rerun it when it is saved."
    )
    @magic_arguments.argument(
        "--no-run-on-save", action="store_true", help="With --file: do not rerun when the file is saved."
    )
    @line_cell_magic
    def stapp(self, line: str, cell: str | None = None) -> None:
        """Run this cell (or a script file) as an nbstream app (a Streamlit script) and display it.

        ``%%stapp [NAME]`` runs the cell; ``%stapp app.py`` or ``%stapp NAME --file app.py``
        runs a script file (so does ``%%stapp NAME --file app.py`` over a body of comments and
        blank lines only: IPython refuses a cell magic with an empty body).  A file reruns
        each time it is saved (run-on-save).
        """
        args = magic_arguments.parse_argstring(self.stapp, line)
        if cell is None and args.file is None:  # the line magic: %stapp app.py
            args.file, args.name = args.name, None
            if args.file is None:
                raise UsageError("%stapp needs a script file: %stapp app.py (or use the %%stapp cell magic)")
        if args.name is not None and not args.name.isidentifier():
            raise UsageError(f"%%stapp NAME must be a Python identifier, not {args.name!r}")
        if args.height is not None and args.height <= 0:
            raise UsageError("--height must be a positive number of pixels")
        if args.file is not None:
            path = os.path.abspath(os.path.expanduser(args.file))
            code = _code_lines(cell or "")
            if code:
                raise UsageError(
                    f"%%stapp --file {args.file} runs that file as the app, so the cell's body may hold "
                    f"only comments and blank lines; it has code: {code[0]!r}. Put the code in the file, "
                    "or drop --file to run the cell itself."
                )
            try:
                with open(path, encoding="utf-8") as f:
                    script = Script(f.read(), path=path)
            except OSError as exc:
                raise UsageError(f"%%stapp --file: cannot read {args.file!r}: {exc.strerror}") from None
        else:
            path = None
            # The notebook's folder is the app's: its st.Page paths and pages/ folder are there.
            script = Script(
                self.shell.transform_cell(cell or ""),  # type: ignore[union-attr]
                seed=self.shell.user_ns,  # type: ignore[union-attr]
                folder=os.getcwd(),
            )
        key = args.name or _cell_id(self.shell) or (f"file:{path}" if path else None)
        app = _start(key, script, args)
        if path is not None and not args.no_run_on_save:
            app.watch(path)
        else:
            app.unwatch()
        if args.name:
            self.shell.user_ns[args.name] = app  # type: ignore[union-attr]
        from nbstream.render.app import show

        show(app.widget)


def _code_lines(body: str) -> list[str]:
    """The lines of a ``%%stapp --file`` cell body that are neither blank nor comments."""
    return [ln.strip() for ln in body.splitlines() if ln.strip() and not ln.strip().startswith("#")]


def _start(key: str | None, script: Script, args: Any) -> Any:
    """The app of ``key`` (a new one, or the one an earlier execution made) run with ``script``."""
    from nbstream.render.app import App

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
    return app


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
