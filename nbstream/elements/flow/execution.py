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
SIDEBAR_STATES = ("auto", "expanded", "collapsed")


def set_page_config(
    page_title: str | None = None,
    page_icon: str | None = None,
    layout: str = "centered",
    initial_sidebar_state: str = "auto",
    menu_items: dict[str, Any] | None = None,
) -> None:
    """Configure the page: its title, icon, layout and sidebar, and the About text.

    Parameters
    ----------
    page_title : str or None
        The browser tab's title (Voila apps) .
    page_icon : str or None
        An emoji or ``:material/icon_name:`` shown in the tab.
    layout : "centered" or "wide"
        How wide the app's main area is.
    initial_sidebar_state : "auto", "expanded" or "collapsed"
        How the sidebar starts.
    menu_items : dict or None
        ``{"Get help": url, "Report a bug": url, "About": markdown}`` for the app menu.
    """
    if layout not in LAYOUTS:
        raise StreamlitAPIException(f'`layout` must be "centered" or "wide" (got "{layout}")')
    if initial_sidebar_state not in SIDEBAR_STATES:
        raise StreamlitAPIException(
            '`initial_sidebar_state` must be "auto" or "expanded" or "collapsed" '
            f'(got "{initial_sidebar_state}")'
        )
    if menu_items is not None:
        valid = {"get help", "report a bug", "about"}
        for name in menu_items:
            if name.lower() not in valid:
                raise StreamlitAPIException(
                    'We only accept the keys: "Get help", "Report a bug", and "About" '
                    f'("{name}" is not a valid key.)'
                )
    ctx = context.require()
    ctx.session.route.layout = layout
    ctx.root.props["page_config"] = {
        "page_title": page_title,
        "page_icon": page_icon,
        "layout": layout,
        "initial_sidebar_state": initial_sidebar_state,
        "menu_items": dict(menu_items or {}),
    }
    ctx.changed()
