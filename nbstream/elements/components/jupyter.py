"""``st.widget``: any Jupyter widget (ipywidgets, anywidget, ipyleaflet, bqplot, ...)
inside an app, drawn by the page's widget manager as a child view of the app (no
iframe), with one of its traits as the app's widget value.

This module never imports a widget library: an embedded object is anything with a
``model_id``.  The front end watches the trait (``render/embeds.py``) and reports the
browser's changes, which rerun the app like any widget's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar

from nbstream.elements._base import add_widget
from nbstream.elements.delta_generator import command
from nbstream.runtime import context
from nbstream.runtime.embeds import TraitValue
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.widgets import InvalidWireValue, values_differ

KIND = "jupyter_widget"


class JupyterWidget(Protocol):
    """What ``st.widget`` needs of an object: the ID of its model in the widget manager."""

    @property
    def model_id(self) -> str: ...


W = TypeVar("W", bound=JupyterWidget)


class TraitSerde:
    """The value is the trait's own Python value; it never crosses the app's wire (the
    widget's model carries it), so only the kernel's ``TraitValue`` is accepted."""

    def serialize(self, value: Any) -> TraitValue:
        return TraitValue(value)

    def deserialize(self, wire: Any) -> Any:
        if not isinstance(wire, TraitValue):
            raise InvalidWireValue("an embedded widget's value comes through its own model")
        return wire.value


SERDE = TraitSerde()


def _model_id(obj: Any) -> str:
    try:
        model_id = obj.model_id
    except Exception:  # a closed ipywidget has no comm left to name
        model_id = None
    if not isinstance(model_id, str) or not model_id:
        raise StreamlitAPIException(
            f"st.widget takes a Jupyter widget (an ipywidgets or anywidget instance with a "
            f"`model_id`), not {type(obj).__name__}; a closed widget cannot be shown."
        )
    return model_id


@command
def widget(
    w: W,
    *,
    key: str | int | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    trait: str = "value",
) -> W:
    """Show a Jupyter widget (ipywidgets, anywidget or any widget library) in the app.

    The widget is drawn by the page's widget manager, as a child view of the app (not
    in an iframe), in JupyterLab and in Voilà.  One of its traits is the app's widget
    value: when the user changes it in the browser, the app reruns (after
    ``on_change``), and ``w.<trait>`` in the script is the browser's current value.

    Parameters
    ----------
    w : ipywidgets.Widget or anywidget.AnyWidget
        The widget to show.  The app keeps the first instance it is given for this
        place (or ``key``) and returns it on every rerun: a new instance passed in its
        place on a later run is closed, so ``st.widget(IntSlider())`` keeps its value.
        Change the kept instance's traits to change what it shows.  It is closed when
        the app no longer shows it.
    key : str or int or None
        A unique key: the widget's identity across reruns (else its place and type),
        and the key of its trait's value in ``st.session_state``.
    on_change : callable or None
        Called before the rerun when the user changed the trait.
    args, kwargs : iterable, dict or None
        Arguments for ``on_change``.
    trait : str
        The trait whose changes rerun the app (``"value"`` by default).

    Returns
    -------
    The widget kept for this place: ``w`` itself on the first run.

    Example
    -------
    >>> import ipywidgets
    >>> slider = st.widget(ipywidgets.IntSlider(value=3, max=10), key="n")
    >>> st.write("Squared:", slider.value**2)
    """
    model_id = _model_id(w)
    if not isinstance(trait, str) or not trait or not hasattr(w, trait):
        raise StreamlitAPIException(f"st.widget: {type(w).__name__} has no trait {trait!r} to follow.")
    kind_name = f"{type(w).__module__}.{type(w).__qualname__}"
    session = context.require().session
    held = None if session.is_bare else session.embeds
    props: dict[str, Any] = {"model_id": model_id, "trait": trait, "widget_class": kind_name}
    identity = {"class": kind_name, "trait": trait}
    value = add_widget(
        KIND,
        props,
        serde=SERDE,
        default=getattr(w, trait),
        identity=identity,
        key=key,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
    )
    if held is None:
        return w
    wid = str(props["id"])
    entry = held.keep(wid, w, trait, getattr(w, trait))
    props["model_id"] = _model_id(entry.obj)
    if values_differ(value, entry.synced):
        # Session State changed (a callback, st.session_state, AppTest): the widget follows.
        entry.synced = value
        if values_differ(getattr(entry.obj, trait), value):
            with held.syncing(wid):
                setattr(entry.obj, trait, value)
    # Else the object holds the newest value (the browser's change may still be on its way
    # to Session State): the script reads it from the object.
    return entry.obj  # type: ignore[no-any-return]
