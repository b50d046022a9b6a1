"""Execution flow: st.rerun, st.stop, st.set_page_config."""

from __future__ import annotations

from typing import Any, NoReturn

from nbstream.runtime import context
from nbstream.runtime.errors import RerunScript, StopScript, StreamlitAPIException


def rerun(*, scope: str = "app") -> NoReturn:
    """Rerun the script immediately.

    The current run ends at this call and a new run of the whole app starts, with
    Session State as it is now.

    Parameters
    ----------
    scope : "app" or "fragment"
        "app" reruns the whole script; "fragment" reruns only the fragment this is called from.
    """
    if scope not in ("app", "fragment"):
        raise StreamlitAPIException(
            f"'{scope}' is not a valid rerun scope. Valid scopes are 'app' and 'fragment'."
        )
    ctx = context.get()
    if scope == "fragment" and (ctx is None or ctx.fragment_id is None):
        raise StreamlitAPIException(
            'scope="fragment" can only be specified from `@st.fragment`-decorated functions '
            "during fragment reruns."
        )
    raise RerunScript(scope)


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
