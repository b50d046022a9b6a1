"""st.switch_page and st.page_link: going to another page of the app (or elsewhere)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NoReturn

from nbstream.elements._base import add_element
from nbstream.elements._button_options import button_width, check_icon_position
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.elements.navigation.page import StreamlitPage, resolve_page_path
from nbstream.runtime import context, pages, parallel
from nbstream.runtime.errors import StreamlitAPIException, StreamlitPageNotFoundError, SwitchPage


def switch_page(
    page: str | Path | StreamlitPage, *, query_params: Mapping[str, Any] | None = None
) -> NoReturn:
    """Stop this run and show another page of the app.

    Session State is kept; query parameters are replaced by ``query_params``.

    Parameters
    ----------
    page : str, pathlib.Path or StreamlitPage
        The page: a file path relative to the entrypoint (``"pages/page_1.py"``, or the
        entrypoint itself), or a page passed to ``st.navigation``.
    query_params : dict or None
        The query parameters the page starts with.
    """
    ctx = context.require()
    parallel.check_not_worker("st.switch_page")
    found = _find(page)
    params = _params(query_params)
    ctx.session.query_params.clear()
    ctx.session.query_params.update(params)
    raise SwitchPage(url_path=found.url_path)


@command
def page_link(
    page: str | Path | StreamlitPage,
    *,
    label: str | None = None,
    icon: str | None = None,
    icon_position: str = "left",
    help: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: int | str = "content",
    query_params: Mapping[str, Any] | None = None,
) -> DeltaGenerator:
    """A link to another page of the app, or to an external URL.

    Parameters
    ----------
    page : str, pathlib.Path or StreamlitPage
        A page of the app (as for ``st.switch_page``), or a URL starting with
        ``http://`` or ``https://`` (opened in a new tab).
    label : str or None
        The link's text (Markdown); the page's title when None (required for a URL).
    icon : str or None
        An emoji or ``:material/icon_name:``; the page's icon when None.
    icon_position : "left" or "right"
        Which side of the label the icon is on.
    help : str or None
        A tooltip shown when hovering the link.
    disabled : bool
        Show the link greyed out, doing nothing.
    use_container_width : bool or None
        Deprecated: True is ``width="stretch"``, False ``width="content"``.
    width : "content", "stretch" or int
        As wide as its label (never wider than its parent), as wide as its parent, or a
        fixed number of pixels (at most the parent's width).
    query_params : dict or None
        The query parameters the page starts with.
    """
    position = check_icon_position(icon_position)
    sized = button_width(width, use_container_width)
    params = _params(query_params)
    props: dict[str, Any] = {
        "help": None if help is None else str(help),
        "disabled": bool(disabled),
        "icon_position": position,
        "width": sized,
        "use_container_width": sized == "stretch",
        "query_params": params,
    }
    text = str(page) if isinstance(page, str) else ""
    if text.startswith(("http://", "https://")):
        if label is None:
            raise StreamlitAPIException(
                "The label param is required for external links used with st.page_link - "
                "please provide a label."
            )
        props.update(label=str(label), icon=icon or "", url=text, page=None, current=False)
        return add_element("page_link", props)
    found = _find(page)
    ctx = context.require()
    route = ctx.session.route
    props.update(
        label=str(label) if label is not None else found.title,
        icon=icon if icon is not None else found.icon,
        url=None,
        page="" if route.offered and found.url_path == route.default else found.url_path,
        current=found.url_path == route.current,
    )
    return add_element("page_link", props)


def _find(page: str | Path | StreamlitPage) -> pages.Candidate:
    """The offered page that ``page`` names; StreamlitPageNotFoundError for none."""
    ctx = context.require()
    route: pages.Route = ctx.session.route
    script = ctx.session.script
    if isinstance(page, StreamlitPage):
        found = route.offered.get(page._url_path)
        if found is None:
            raise StreamlitPageNotFoundError(page.title, script.entry_folder, False)
        return found
    path, _ = resolve_page_path(page)
    for candidate in route.offered.values():
        if candidate.script_path and os.path.realpath(candidate.script_path) == path:
            return candidate
    if not route.offered and script.is_file and os.path.realpath(script.path) == path:
        name = pages.name_of_file(os.path.basename(path))  # a one-page app: its own page
        return pages.Candidate(route.current, path, name.label, name.icon)
    uses_folder = not pages.uses_navigation(pages.entry_key(script))
    raise StreamlitPageNotFoundError(str(page), script.entry_folder, uses_folder)


def _params(query_params: Mapping[str, Any] | None) -> dict[str, list[str]]:
    if query_params is None:
        return {}
    if not isinstance(query_params, Mapping):
        raise StreamlitAPIException("`query_params` must be a dict of strings (or lists of strings).")
    out: dict[str, list[str]] = {}
    for key, value in query_params.items():
        if isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
            out[str(key)] = [str(v) for v in value]
        else:
            out[str(key)] = [str(value)]
    return out
