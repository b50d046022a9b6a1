"""Pages of a multipage app: how file and function names become labels and URL
pathnames, the ``pages/`` folder, and which page a session shows.

The element layer (``st.Page``, ``st.navigation``) builds on this; the session uses it
to route a run to a page of the ``pages/`` folder.  Spec chapter 7.1 gives the rules:
a file name is ``number``, ``separator``, ``identifier``, ``.py``; the label is the
identifier with underscores as spaces (else the number); the URL pathname is the
identifier with each run of spaces and underscores as one underscore (else the number).
A callable's name is its identifier, unmodified in its URL pathname.
"""

from __future__ import annotations

import json
import math
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nbstream.runtime.script import Script

_FILE_NAME = re.compile(r"^([0-9]*)[_\- ]*(.*?)(?:\.py|\.ipynb)?$", re.DOTALL)
_NAV_POSITIONS = ("sidebar", "top", "hidden")

# Entrypoints whose app called st.navigation (in any session): their pages/ folder is
# ignored from then on, as in Streamlit, until the process restarts.
_USES_NAVIGATION: set[str] = set()


# ---- names ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageName:
    label: str
    url_path: str
    icon: str
    number: float  # math.inf without a number


def name_of_file(file_name: str) -> PageName:
    """Label, URL pathname, icon and sort number of a page file (``"1_🏠_Home.py"``)."""
    match = _FILE_NAME.match(file_name)
    assert match is not None  # the pattern matches every string
    number, identifier = match.group(1), match.group(2)
    name = re.sub(r"[_ ]+", "_", identifier).strip() or number
    icon, name = split_leading_emoji(name)
    label = re.sub(r"_+", " ", name).strip()
    return PageName(label=label, url_path=name, icon=icon, number=float(number) if number else math.inf)


def name_of_callable(fn_name: str) -> PageName:
    """A callable page: its name is the URL pathname as it is, and the label without underscores."""
    label = re.sub(r"_+", " ", fn_name).strip()
    return PageName(label=label, url_path=fn_name, icon="", number=math.inf)


def url_path_of_title(title: str) -> str:
    """The URL pathname a page gets from an explicit title (spaces become underscores)."""
    return re.sub(r"[_ ]+", "_", title.strip()).strip("_")


def split_leading_emoji(text: str) -> tuple[str, str]:
    """``("🏠", "Home")`` for ``"🏠_Home"``; ``("", text)`` when it starts with no emoji."""
    end = 0
    while end < len(text) and _is_emoji_part(text[end], first=end == 0):
        end += 1
    if end == 0:
        return "", text
    return text[:end], text[end:].lstrip("_- ")


def _is_emoji_part(char: str, first: bool) -> bool:
    code = ord(char)
    if not first and (code in (0x200D, 0xFE0F, 0x20E3) or 0x1F3FB <= code <= 0x1F3FF):
        return True  # joiners, variation selectors, keycaps, skin tones continue an emoji
    return code >= 0x1F000 or (0x2600 <= code <= 0x27BF) or unicodedata.category(char) == "So"


def sort_key(name: PageName) -> tuple[float, str]:
    """Pages of a ``pages/`` folder sort by number (``03`` is 3), then by label."""
    return (name.number, name.label.lower())


# ---- pages/ and page files -----------------------------------------------------------------


@dataclass(frozen=True)
class PageFile:
    path: str
    name: PageName


def pages_folder(entrypoint_folder: str) -> list[PageFile]:
    """The ``.py`` files of ``pages/`` beside the entrypoint, in menu order (subfolders ignored).

    Pages whose name is only a separator are left out, as Streamlit leaves them out of the menu.
    """
    folder = Path(entrypoint_folder) / "pages"
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        if entry.is_file() and entry.suffix == ".py":
            name = name_of_file(entry.name)
            if name.url_path:
                found.append(PageFile(str(entry.resolve()), name))
    found.sort(key=lambda f: sort_key(f.name))
    return found


def mark_uses_navigation(entrypoint: str) -> None:
    _USES_NAVIGATION.add(entrypoint)


def uses_navigation(entrypoint: str) -> bool:
    return entrypoint in _USES_NAVIGATION


_SCRIPTS: dict[str, tuple[float, Script]] = {}


def load_script(path: str, app_name: str | None = None) -> Script:
    """The script of a page file (compiled once per change of the file).

    A notebook's script is its first ``%%stapp`` cell, or the cell of ``%%stapp NAME``.
    """
    mtime = os.path.getmtime(path)
    key = f"{path}#{app_name or ''}"
    cached = _SCRIPTS.get(key)
    if cached is not None and cached[0] == mtime:
        return cached[1]
    if path.endswith(".ipynb"):
        source = notebook_app_source(path, app_name)
    else:
        with open(path, encoding="utf-8") as f:
            source = f.read()
    script = Script(source, path=path)
    _SCRIPTS[key] = (mtime, script)
    return script


def notebook_app_source(path: str, app_name: str | None = None) -> str:
    """The body of a notebook's ``%%stapp`` cell (the first, or the one named ``app_name``)."""
    with open(path, encoding="utf-8") as f:
        notebook = json.load(f)
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        text = "".join(source) if isinstance(source, list) else str(source)
        first, _, body = text.lstrip().partition("\n")
        words = first.split()
        if not words or words[0] != "%%stapp":
            continue
        name = next((w for w in words[1:] if not w.startswith("-")), None)
        if app_name is None or name == app_name:
            return body
    which = f"a `%%stapp {app_name}` cell" if app_name else "a `%%stapp` cell"
    raise ValueError(f"The notebook {path} has no {which}.")


# ---- the session's route -----------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    url_path: str
    script_path: str  # "" for a callable page
    title: str = ""
    icon: str = ""


@dataclass
class PageTarget:
    """A page a client asked for: by URL pathname, or by script file (AppTest.switch_page)."""

    url_path: str | None = None
    script_path: str | None = None
    query: dict[str, list[str]] | None = None


@dataclass
class Route:
    """Which page a session shows, and the pages its last run offered."""

    # Asked for and not yet shown: the next run that resolves pages honours it.
    target: PageTarget | None = None
    # URL pathname of the page shown ("" until a multipage run resolved one).
    current: str = ""
    # The page shown is the default page (served at the app's root URL).
    current_is_default: bool = True
    # URL pathname of the default page the last run offered.
    default: str = ""
    # The layout the session's last st.set_page_config chose: a page that does not call
    # it keeps that layout (titles and icons are per page).
    layout: str | None = None
    # The pages the last run offered, by URL pathname.
    offered: dict[str, Candidate] = field(default_factory=dict)

    def take_target(self) -> PageTarget | None:
        target, self.target = self.target, None
        return target


def page_props(
    url_path: str, title: str, icon: str, *, default: bool, not_found: str | None
) -> dict[str, Any]:
    """What the browser needs of the page shown: its URL pathname, tab title and favicon."""
    return {
        "url_path": "" if default else url_path,
        "title": title,
        "icon": icon,
        "not_found": not_found,
    }


def check_position(position: str) -> bool:
    return position in _NAV_POSITIONS


# ---- choosing the page of a run ------------------------------------------------------------


def choose(route: Route, candidates: list[Candidate], default: int) -> tuple[int, str | None]:
    """The page this run shows, among ``candidates``, and the pathname asked for that none has.

    A page asked for (browser, st.switch_page) wins; else the page shown before stays, as
    long as it is still offered (a login flow changes the pages); else the default page.
    The chosen page becomes the route's current page.
    """
    target = route.take_target()
    chosen, not_found = None, None
    if target is not None:
        chosen = _find(candidates, target)
        if chosen == -1:  # the app's root URL: the default page
            chosen = default
        elif chosen is None:
            not_found = target.url_path if target.url_path is not None else target.script_path
    elif not route.current_is_default:
        chosen = next((i for i, c in enumerate(candidates) if c.url_path == route.current), None)
    index = default if chosen is None else chosen
    route.current = candidates[index].url_path
    route.current_is_default = index == default
    route.offered = {c.url_path: c for c in candidates}
    route.default = candidates[default].url_path
    return index, not_found


def _find(candidates: list[Candidate], target: PageTarget) -> int | None:
    if target.script_path is not None:
        wanted = os.path.realpath(target.script_path)
        return next(
            (
                i
                for i, c in enumerate(candidates)
                if c.script_path and os.path.realpath(c.script_path) == wanted
            ),
            None,
        )
    if target.url_path in (None, ""):
        return None if target.url_path is None else -1
    wanted_url = target.url_path.strip("/")
    return next((i for i, c in enumerate(candidates) if c.url_path == wanted_url), None)


def entry_key(script: Script) -> str:
    return os.path.abspath(script.path) if script.is_file else script.entry_folder


@dataclass
class FolderRun:
    """A run of an app with a ``pages/`` folder: the script to run and what to show of it."""

    script: Script
    page_id: str
    menu: dict[str, Any] | None
    page: dict[str, Any]


def folder_route(route: Route, entry: Script, home_label: str, show_menu: bool) -> FolderRun | None:
    """Route a run through the ``pages/`` folder; None for an app without one, or one that
    uses st.navigation (then its entrypoint routes)."""
    if uses_navigation(entry_key(entry)):
        return None
    files = pages_folder(entry.entry_folder)
    if not files:
        return None
    home = name_of_file(os.path.basename(entry.path)) if entry.is_file else name_of_callable(home_label)
    names = [home] + [f.name for f in files]
    candidates = [Candidate(home.url_path, entry_key(entry) if entry.is_file else "", home.label, home.icon)]
    candidates += [Candidate(f.name.url_path, f.path, f.name.label, f.name.icon) for f in files]
    index, not_found = choose(route, candidates, 0)
    chosen = names[index]
    menu = None
    if show_menu:
        menu = {
            "sections": [
                {
                    "header": "",
                    "pages": [
                        _menu_page(n, c.url_path, i == 0)
                        for i, (n, c) in enumerate(zip(names, candidates, strict=True))
                    ],
                }
            ],
            "current": candidates[index].url_path,
            "position": "sidebar",
            "expanded": True,
        }
    page = page_props(chosen.url_path, chosen.label, chosen.icon, default=index == 0, not_found=not_found)
    script = entry if index == 0 else load_script(files[index - 1].path)
    return FolderRun(script, "" if index == 0 else f"page:{chosen.url_path}", menu, page)


def _menu_page(name: PageName, url_path: str, default: bool) -> dict[str, Any]:
    return {"url_path": url_path, "title": name.label, "icon": name.icon, "default": default}
