"""st.navigation: the router of a multipage app, and its menu."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from nbstream.elements.navigation.page import StreamlitPage
from nbstream.runtime import context, tree
from nbstream.runtime import pages as routing
from nbstream.runtime.errors import StreamlitAPIException

PageSource = StreamlitPage | str | Path | Callable[[], None]


def navigation(
    pages: Sequence[PageSource] | Mapping[str, Sequence[PageSource]],
    *,
    position: str = "sidebar",
    expanded: bool | int = False,
) -> StreamlitPage:
    """Configure the pages of a multipage app and return the page to show.

    Call it once per run in the entrypoint, then ``.run()`` the page it returns; what
    the entrypoint draws around that call frames every page.

    Parameters
    ----------
    pages : list or dict
        The pages (``st.Page`` objects, or what ``st.Page`` accepts). A dict maps section
        headers to lists of pages; the menu shows the sections in order.
    position : "sidebar", "top" or "hidden"
        Where the menu is: at the top of the sidebar, above the main area, or nowhere
        (build one with ``st.page_link``).
    expanded : bool or int
        Whether the sidebar menu shows all pages (True) or the first few (False), or how
        many it shows.

    Returns
    -------
    StreamlitPage
        The page the user asked for (by menu, link, URL or ``st.switch_page``), or the
        default page.
    """
    if not routing.check_position(position):
        raise StreamlitAPIException("Invalid `position` value. Supported values: 'sidebar', 'hidden', 'top'.")
    if isinstance(expanded, bool) or not isinstance(expanded, int) or expanded < 1:
        expanded = bool(expanded)
    sections = _sections(pages)
    flat = [page for _, section in sections for page in section]
    default = _default_page(flat)
    _check_unique(flat)
    ctx = context.require()
    session = ctx.session
    if session.is_bare:
        default._can_be_called = True
        return default
    routing.mark_uses_navigation(routing.entry_key(session.script))
    candidates = [routing.Candidate(p._url_path, p.script_path, p.title, p.icon) for p in flat]
    index, not_found = routing.choose(session.route, candidates, flat.index(default))
    chosen = flat[index]
    for page in flat:
        page._can_be_called = page is chosen
    ctx.root.props["page"] = routing.page_props(
        chosen._url_path, chosen.title, chosen.icon, default=chosen is default, not_found=not_found
    )
    if position != "hidden":
        # The sidebar draws its menu on top; the shell draws a top menu above the page.
        where = tree.area(ctx.root, "sidebar") if position == "sidebar" else ctx.root
        where.props["navigation"] = {
            "sections": [
                {"header": header, "pages": shown}
                for header, section in sections
                if (shown := [_menu_entry(p) for p in section if p.visibility == "visible"])
            ],
            "current": chosen._url_path,
            "position": position,
            "expanded": expanded,
        }
    ctx.changed()
    return chosen


def _sections(given: Any) -> list[tuple[str, list[StreamlitPage]]]:
    if isinstance(given, Mapping):
        sections = [(str(header), [_as_page(p) for p in _as_list(items)]) for header, items in given.items()]
    else:
        sections = [("", [_as_page(p) for p in _as_list(given)])]
    if not any(section for _, section in sections):
        raise StreamlitAPIException("The `pages` parameter is required. Provide at least one `st.Page`.")
    return sections


def _as_list(items: Any) -> list[Any]:
    if isinstance(items, (str, Path, StreamlitPage)) or callable(items):
        return [items]
    return list(items)


def _as_page(page: Any) -> StreamlitPage:
    return page if isinstance(page, StreamlitPage) else StreamlitPage(page)


def _default_page(flat: list[StreamlitPage]) -> StreamlitPage:
    chosen = [p for p in flat if p._default]
    if len(chosen) > 1:
        raise StreamlitAPIException(
            "Multiple Pages specified with `default=True`. At most one Page can be set to default."
        )
    if not chosen:
        flat[0]._default = True
        return flat[0]
    return chosen[0]


def _check_unique(flat: list[StreamlitPage]) -> None:
    seen: set[str] = set()
    for page in flat:
        if page._url_path in seen:
            raise StreamlitAPIException(
                f"Multiple Pages specified with URL pathname {page._url_path}. URL pathnames must be "
                "unique. The url pathname may be inferred from the filename, callable name, or title."
            )
        seen.add(page._url_path)


def _menu_entry(page: StreamlitPage) -> dict[str, Any]:
    return {
        "url_path": page._url_path,
        "title": page.title,
        "icon": page.icon,
        "default": page._default,
        "help": page.help,
    }
