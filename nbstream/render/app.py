"""App: one app of a notebook -- its session, its publisher and its widget.

``%%stapp NAME`` binds an App to ``NAME``, so other cells can read
``NAME.session_state`` or call ``NAME.rerun()``; displaying it (``NAME`` alone in a
cell) shows another live view of the same app.
"""

from __future__ import annotations

import os
from typing import Any

from nbstream import config, voila
from nbstream._version import __version__
from nbstream.elements.state.views import StateView
from nbstream.render import assets, embeds, interrupt, theme_watch
from nbstream.render.stream import Publisher
from nbstream.render.widget import AppWidget
from nbstream.runtime.pages import PageTarget
from nbstream.runtime.script import Script
from nbstream.runtime.session import AppSession
from nbstream.runtime.watcher import FileWatcher

# How long displaying an app waits for its run, so the display (and the notebook's
# saved state) starts with the app drawn; a longer run streams in afterwards.  With no
# server around (nbconvert, nbclient) nothing streams to anyone: wait for the run.
FIRST_RUN_WAIT = 2.0
BATCH_RUN_WAIT = 300.0


def run_wait() -> float:
    return FIRST_RUN_WAIT if assets.served() else BATCH_RUN_WAIT


def watching_files() -> bool:
    """False when ``server.fileWatcherType`` is "none": no run-on-save, no live theme."""
    return str(config.get_option("server.fileWatcherType")).lower() != "none"


def display_config(
    *, height: int | None = None, wide: bool = False, interactive: bool = True
) -> dict[str, Any]:
    """What the browser needs besides the tree: host, menu mode, theme, layout."""
    return {
        "host": "voila" if voila.in_voila() else "lab",
        "toolbar_mode": config.get_option("client.toolbarMode"),
        "theme": config.theme(),
        "version": __version__,
        "height": height,
        "wide": wide,
        "interactive": interactive,
        "static_dir": _static_dir(),
    }


def _static_dir() -> str | None:
    """The notebook's folder under the Jupyter server's root, for the app's ``app/static/``
    URLs in JupyterLab (js/src/static_urls.js); None where the page's URL is the app's."""
    if voila.in_voila() or not config.get_option("server.enableStaticServing"):
        return None
    # JupyterLab gives its kernels their notebook's path; nbstream's server extension the
    # server's root folder, which page URLs are relative to.
    notebook, root = os.environ.get("JPY_SESSION_NAME"), os.environ.get("NBSTREAM_SERVER_ROOT")
    if not notebook or not root:
        return None
    folder = os.path.relpath(os.path.dirname(os.path.abspath(notebook)), os.path.abspath(root))
    if folder == os.curdir:
        return ""
    if folder.startswith(os.pardir):
        return None
    return folder.replace(os.sep, "/")


def show(widget: AppWidget) -> None:
    """Display an app's widget in the current cell.

    In a notebook run with no server (nbconvert --execute, nbclient), a small script goes
    first: it lets nbconvert's HTML export draw the app from the saved state.
    """
    from IPython.display import display

    if assets.mode() == "inline":
        display({"text/html": assets.export_shim_html()}, raw=True)
    display(widget)


class App:
    """A running app: ``session_state``, ``rerun()``, ``stop()``; display it to see it."""

    def __init__(
        self, script: Script, *, name: str = "app", height: int | None = None, wide: bool = False
    ) -> None:
        self.name = name
        self.session = AppSession(script, name=name)
        self.session.app_id = voila.app_identity()
        interrupt.watch(self.session)
        embeds.watch(self.session)
        if voila.in_voila():
            self.session.query_params = voila.query_params()
            page = voila.requested_page()
            if page is not None:
                self.session.route.target = PageTarget(url_path=page)
        self.publisher = Publisher(self.session, prints="log" if voila.in_voila() else "app")
        self.height = height
        self.wide = wide
        self._widget: AppWidget | None = None
        self._watcher: FileWatcher | None = None
        self.session_state = StateView(lambda: self.session.state)

    @classmethod
    def from_file(cls, path: str, *, run_on_save: bool | None = None, **options: Any) -> App:
        """An app running the script at ``path`` (a Streamlit-style ``app.py``), after its first run.

        With ``run_on_save`` (default: the ``server.runOnSave`` option) the app reruns
        the file each time it is saved, keeping its session state.
        """
        full = os.path.abspath(path)
        with open(full, encoding="utf-8") as f:
            app = cls(
                Script(f.read(), path=full), name=os.path.splitext(os.path.basename(full))[0], **options
            )
        if run_on_save is None:
            # server.fileWatcherType = "none" turns file watching off altogether.
            run_on_save = bool(config.get_option("server.runOnSave")) and watching_files()
        if run_on_save:
            app.watch(full)
        app.run()
        return app

    def watch(self, path: str) -> None:
        """Rerun the script file at ``path`` whenever it is saved (run-on-save)."""
        self.unwatch()
        self._watcher = FileWatcher(path, lambda source: self._saved(source, path))

    def unwatch(self) -> None:
        """Stop rerunning on save."""
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None

    def _saved(self, source: str, path: str) -> None:
        # From the watcher's thread: the session takes requests from any thread.
        self.session.stop()
        self.session.set_script(Script(source, path=path))
        self.session.rerun()

    @property
    def widget(self) -> AppWidget:
        if self._widget is None:
            self._widget = AppWidget(
                self.session, self.publisher, display_config(height=self.height, wide=self.wide)
            )
            if watching_files():
                theme_watch.watch(self)
        return self._widget

    def set_theme(self, theme: dict[str, Any]) -> None:
        """Show the app with these ``[theme]`` options (a config.toml changed)."""
        if self._widget is not None:
            self._widget.set_config(theme=theme)

    def run(self, script: Script | None = None, *, wait: float | None = None) -> None:
        """Run the app (with a new script, if given) and wait up to ``wait`` seconds for it
        (by default 2 s under a Jupyter server, else until the run ends).

        A script still running from before -- even in a button's run -- is stopped first.
        """
        if script is not None:
            self.session.stop()
            self.session.set_script(script)
        self.session.rerun()
        self.session.wait(run_wait() if wait is None else wait)
        if self._widget is not None:
            self._widget.sync_snapshot()
            self._widget.set_config(height=self.height, wide=self.wide)

    def rerun(self, wait: float | None = None) -> None:
        """Rerun the script, as the app menu's Rerun does; session state is kept."""
        self.run(wait=wait)

    def stop(self) -> None:
        """Stop the current run at its next ``st.*`` call."""
        self.session.stop()

    def reset(self) -> None:
        """Forget the session's state, as a new session would start."""
        self.session.stop()
        self.session.wait(FIRST_RUN_WAIT)
        self.session.state.clear()

    def close(self) -> None:
        """End the app: no more runs; its display stays as it was."""
        self.unwatch()
        self.session.close()
        self.publisher.close()

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        return f"<nbstream app {self.name!r}: {self.session.run_count} runs>"
