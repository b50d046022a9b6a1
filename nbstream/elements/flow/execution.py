"""Execution flow: st.rerun, st.stop, st.set_page_config."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NoReturn

from nbstream.runtime import context
from nbstream.runtime.errors import (
    RerunScript,
    StopScript,
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
)


def rerun(scope: str | int | Sequence[str | int] = "app") -> NoReturn:
    """Rerun the script immediately.

    The current run ends at this call and a new run of the whole app starts, with
    Session State as it is now.

    Parameters
    ----------
    scope : "app", "fragment", str, int, or list of str/int
        ``"app"`` (the default) reruns the whole script; ``"fragment"`` reruns only the
        fragment this is called from (during a fragment rerun).  A fragment's ``key``
        (``@st.fragment(key="charts")``), or a list of keys, called from a widget
        callback (``on_click``/``on_change``), reruns just those fragments instead of the
        interaction's own rerun; if another callback of the same interaction does not ask
        for the same, the whole app reruns.

    Example
    -------
    >>> @st.fragment(key="charts")
    ... def charts():
    ...     st.line_chart({"data": [1, 2, 3]})
    >>> charts()
    >>> st.button("Refresh charts", on_click=lambda: st.rerun("charts"))
    """
    keys = _fragment_keys(scope)
    ctx = context.get()
    if keys:
        if ctx is None or not ctx.in_callback:
            raise StreamlitAPIException(_KEY_OUTSIDE_CALLBACK)
        for key in keys:
            if not ctx.session.fragments.by_key(key):
                raise StreamlitAPIException(
                    f"No fragment found for target '{key}'. Pass the same `key` you set on "
                    "`@st.fragment(key=...)`, and make sure that fragment has rendered at least once."
                )
        raise RerunScript("keys", keys)
    if scope == "fragment" and (ctx is None or ctx.fragment_id is None):
        raise StreamlitAPIException(
            'scope="fragment" can only be specified from `@st.fragment`-decorated functions '
            "during fragment reruns."
        )
    raise RerunScript(scope)


_KEY_OUTSIDE_CALLBACK = (
    "Passing a fragment key to `st.rerun()` is only allowed from a widget callback (e.g. "
    "`on_change` / `on_click`). Calling it from the main script body or a fragment body would "
    "abort the current run. If you meant to rerun the whole app or the current fragment, use "
    "`scope='app'` or `scope='fragment'`."
)


def _fragment_keys(scope: Any) -> tuple[str, ...]:
    """The fragment keys ``scope`` names: none for ``"app"``/``"fragment"``."""
    if scope in ("app", "fragment"):
        return ()
    if isinstance(scope, str) or (isinstance(scope, int) and not isinstance(scope, bool)):
        return (str(scope),)
    if isinstance(scope, Sequence) and all(
        isinstance(k, str) or (isinstance(k, int) and not isinstance(k, bool)) for k in scope
    ):
        if not scope:
            raise StreamlitValueError(
                "scope", ["'app'", "'fragment'", "a fragment key", "a list of keys. Got an empty list"]
            )
        return tuple(dict.fromkeys(str(k) for k in scope))
    raise StreamlitInvalidParameterTypeError(
        "Invalid `scope` type. Expected one of: str, int, list[str | int]. "
        f"Provided type: {type(scope).__name__}."
    )


def stop() -> NoReturn:
    """Stop the script here.

    What the run drew so far stays on the page; nothing after this call runs.  Widgets
    not drawn before the stop keep their state: only a run that reaches the end of the
    script cleans up the widgets it did not draw (as in Streamlit).
    """
    ctx = context.get()
    if ctx is not None:
        ctx.check_interrupt()
    raise StopScript()


LAYOUTS = ("centered", "wide")
SIDEBAR_STATES = ("auto", "expanded", "collapsed", "locked")


def _check_sidebar_state(state: Any) -> None:
    """A named state, or a width in pixels (the front end keeps it within 200-600)."""
    if isinstance(state, int) and not isinstance(state, bool) and state > 0:
        return
    if state not in SIDEBAR_STATES:
        supported = [f"'{s}'" for s in SIDEBAR_STATES] + ["a positive integer (width in pixels)"]
        raise StreamlitValueError("initial_sidebar_state", supported, state, show_got=True)


def set_page_config(
    page_title: str | None = None,
    page_icon: str | None = None,
    layout: str | None = None,
    initial_sidebar_state: str | int | None = None,
    menu_items: dict[str, Any] | None = None,
) -> None:
    """Configure the page: its title, icon, layout and sidebar, and the About text.

    It may be called more than once; each argument left None keeps what an earlier call
    set (in this run, or for the layout in an earlier run of the session).

    Parameters
    ----------
    page_title : str or None
        The browser tab's title (Voila apps and ``nbstream serve``).
    page_icon : str or None
        An emoji or ``:material/icon_name:`` shown in the tab.
    layout : "centered", "wide" or None
        How wide the app's main area is (``"centered"`` until a call says otherwise).
    initial_sidebar_state : "auto", "expanded", "collapsed", "locked", int or None
        How the sidebar starts: ``"auto"`` (the default: collapsed on a narrow screen),
        open, closed, ``"locked"`` (open with no control to close it, on a wide screen;
        on a narrow one it starts closed and can be opened), or a width in pixels
        (200 to 600) with ``"auto"``'s behaviour.
    menu_items : dict or None
        ``{"Get help": url, "Report a bug": url, "About": markdown}`` for the app menu; a
        key set to None removes what an earlier call gave it.
    """
    if layout is not None and layout not in LAYOUTS:
        raise StreamlitValueError("layout", [f"'{name}'" for name in LAYOUTS])
    if initial_sidebar_state is not None:
        _check_sidebar_state(initial_sidebar_state)
    if menu_items is not None:
        valid = {"get help", "report a bug", "about"}
        for name in menu_items:
            if name.lower() not in valid:
                raise StreamlitAPIException(
                    'We only accept the keys: "Get help", "Report a bug", and "About" '
                    f'("{name}" is not a valid key.)'
                )
    ctx = context.require()
    earlier = ctx.root.props.get("page_config") or {}
    if layout is None:
        layout = earlier.get("layout") or ctx.session.route.layout or "centered"
    ctx.session.route.layout = layout
    menu = dict(earlier.get("menu_items") or {})
    menu.update(menu_items or {})
    ctx.root.props["page_config"] = {
        "page_title": page_title if page_title is not None else earlier.get("page_title"),
        "page_icon": page_icon if page_icon is not None else earlier.get("page_icon"),
        "layout": layout,
        "initial_sidebar_state": (
            initial_sidebar_state
            if initial_sidebar_state is not None
            else earlier.get("initial_sidebar_state", "auto")
        ),
        "menu_items": {k: v for k, v in menu.items() if v is not None},
    }
    ctx.changed()
