"""st.Page: one page of a multipage app (a script file, a notebook's app, or a function)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nbstream.runtime import context, pages, session
from nbstream.runtime.errors import StreamlitAPIException, StreamlitPageNotFoundError, StreamlitValueError


def entry_folder() -> str:
    """The folder that page paths are relative to (the entrypoint's)."""
    ctx = context.get()
    if ctx is None or ctx.session.is_bare:
        return os.getcwd()
    return ctx.session.script.entry_folder


def resolve_page_path(page: str | Path) -> tuple[str, str | None]:
    """The absolute path of a page file and, for ``notebook.ipynb#NAME``, the app's name."""
    text, app_name = str(page), None
    if "\x00" in text:
        raise StreamlitAPIException("Unable to create Page. Page paths must not contain null bytes.")
    if ".ipynb#" in text:
        text, _, app_name = text.rpartition("#")
    return os.path.realpath(os.path.join(entry_folder(), text)), app_name


class StreamlitPage:
    """A page of a multipage app, made by ``st.Page`` and passed to ``st.navigation``.

    ``title``, ``icon`` and ``url_path`` say how the page is shown and reached;
    ``run()`` runs the page (only the page ``st.navigation`` returned, once per run).
    """

    def __init__(
        self,
        page: str | Path | Callable[[], None],
        *,
        title: str | None = None,
        icon: str | None = None,
        url_path: str | None = None,
        default: bool = False,
        visibility: str = "visible",
        help: str | None = None,
    ) -> None:
        if visibility not in ("visible", "hidden"):
            raise StreamlitValueError("visibility", ["visible", "hidden"])
        self._visibility = visibility
        self._help = None if help is None else str(help)
        self._app_name: str | None = None
        if isinstance(page, (str, Path)):
            path, self._app_name = resolve_page_path(page)
            if not os.path.isfile(path):
                raise StreamlitPageNotFoundError(os.path.basename(str(page)))
            inferred = pages.name_of_file(os.path.basename(path))
            self._page: str | Callable[[], None] = path
        elif callable(page):
            if not hasattr(page, "__name__") and title is None:
                raise StreamlitAPIException(
                    "The `title` parameter is required. Streamlit cannot infer a title from this callable."
                )
            inferred = pages.name_of_callable(str(getattr(page, "__name__", "")))
            self._page = page
        else:
            raise StreamlitAPIException(
                f"Invalid page type: {type(page).__name__}. A page must be a path to a Python file, "
                "a pathlib.Path or a callable."
            )
        self._title = inferred.label if title is None else str(title)
        if self._title.strip(" _") == "":
            raise StreamlitAPIException(
                "The `title` parameter is required. It cannot be empty or consist of underscores/spaces only."
            )
        self._icon = inferred.icon if icon is None else str(icon).strip()
        self._url_path = inferred.url_path
        if url_path is not None:
            stripped = str(url_path).strip().strip("/")
            if not stripped and not default:
                raise StreamlitAPIException(
                    "The `url_path` parameter is required. It can only be empty for the default page."
                )
            if "/" in stripped:
                raise StreamlitAPIException(
                    f"The `url_path` `{stripped}` cannot include `/`. Nested URL pathnames are not "
                    "supported, so use a single path segment (e.g. `foo_bar`)."
                )
            self._url_path = stripped
        self._default = bool(default)
        self._can_be_called = False

    @property
    def title(self) -> str:
        """The page's title: its label in the menu and the browser tab's title."""
        return self._title

    @property
    def visibility(self) -> str:
        """ "visible" (in the navigation menu) or "hidden" (reached by link, switch or URL only)."""
        return self._visibility

    @property
    def help(self) -> str | None:
        """The page's summary, the tooltip of its menu entry."""
        return self._help

    @property
    def icon(self) -> str:
        """The page's icon (an emoji or ``:material/name:``), "" for none."""
        return self._icon

    @property
    def url_path(self) -> str:
        """The page's URL pathname ("" for the default page, served at the app's root)."""
        return "" if self._default else self._url_path

    @property
    def script_path(self) -> str:
        """The page's file ("" for a page made from a function)."""
        return self._page if isinstance(self._page, str) else ""

    @property
    def identity(self) -> str:
        """What widget IDs of this page include, so a widget on two pages is two widgets."""
        return f"page:{self._url_path}"

    def run(self) -> None:
        """Run the page: call it in the entrypoint on the page ``st.navigation`` returned.

        Raises ``StreamlitAPIException`` for any other page, and when called twice in a run.
        """
        if not self._can_be_called:
            raise StreamlitAPIException(
                "This page cannot be called directly. "
                "Only the page returned from st.navigation can be called once."
            )
        self._can_be_called = False
        ctx = context.require()
        held, ctx.page = ctx.page, self.identity
        try:
            if isinstance(self._page, str):
                script = pages.load_script(self._page, self._app_name)
                exec(script.code, script.namespace(_magic))
            else:
                self._page()
        finally:
            ctx.page = held

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, StreamlitPage):
            return NotImplemented
        return self._page == other._page and self._url_path == other._url_path

    def __hash__(self) -> int:
        return hash((self._url_path, self.script_path))

    def __repr__(self) -> str:
        return f"StreamlitPage(title={self._title!r}, url_path={self._url_path!r}, default={self._default})"


def _magic(*args: Any) -> Any:
    """A page file's bare expressions are shown as in the entrypoint (st.write)."""
    if session.magic_writer is not None:
        session.magic_writer(*args)
    return args[0] if len(args) == 1 else args


def Page(
    page: str | Path | Callable[[], None],
    *,
    title: str | None = None,
    icon: str | None = None,
    url_path: str | None = None,
    default: bool = False,
    visibility: str = "visible",
    help: str | None = None,
) -> StreamlitPage:
    """Declare a page of a multipage app, to pass to ``st.navigation``.

    Parameters
    ----------
    page : str, pathlib.Path or callable
        The page's source: a ``.py`` file (relative to the entrypoint's folder), a
        notebook (``"report.ipynb"`` runs its first ``%%stapp`` cell,
        ``"report.ipynb#NAME"`` the cell of ``%%stapp NAME``), or a function.
    title : str or None
        The page's label in the menu and the browser tab's title; inferred from the
        file or function name when None (``"02_my_page.py"`` -> "my page").
    icon : str or None
        An emoji or ``:material/icon_name:`` for the menu and the tab; inferred from a
        leading emoji of the file name when None.
    url_path : str or None
        The page's URL pathname; inferred from the file or function name when None.
        Only the default page may have an empty one.
    default : bool
        Make this the default page (shown at the app's root URL). Without one, the first
        page passed to ``st.navigation`` is the default.
    visibility : "visible" or "hidden"
        Whether the page has an entry in the navigation menu.  A hidden page is still
        reached by ``st.page_link``, ``st.switch_page`` and its URL.
    help : str or None
        A short summary of the page: the tooltip of its menu entry.

    Returns
    -------
    StreamlitPage
        The page, with ``.title``, ``.icon``, ``.url_path`` and ``.run()``.
    """
    return StreamlitPage(
        page, title=title, icon=icon, url_path=url_path, default=default, visibility=visibility, help=help
    )
