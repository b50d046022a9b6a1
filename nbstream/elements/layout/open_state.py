"""Containers that can track whether they are open: st.tabs, st.expander, st.popover.

With ``on_change="ignore"`` (the default) such a container is a plain block and its
``.open`` is None.  With ``"rerun"`` or a callback it is also a widget: the open tab's
label (tabs) or True/False (expander, popover) is its value, kept in Session State under
its key, and the browser's change reruns the app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from nbstream.elements._base import add_widget, widget_callback
from nbstream.elements.delta_generator import DeltaGenerator
from nbstream.elements.widgets._options import IndexSerde
from nbstream.elements.widgets.toggles import BOOL
from nbstream.runtime.errors import StreamlitValueError


class OpenableContainer(DeltaGenerator):
    """A tab, expander or popover: ``open`` is whether it is open, or None when not tracked."""

    __slots__ = ("open",)

    @classmethod
    def of(cls, dg: DeltaGenerator, is_open: bool | None) -> OpenableContainer:
        out = cls.cast(dg)
        out.open = is_open
        return out  # type: ignore[return-value]


def tracking(on_change: Any) -> tuple[bool, Callable[..., Any] | None]:
    """Whether the container tracks its state, and its callback (a container's
    ``on_change`` takes what a widget's does; "ignore" and None: not tracked)."""
    callback = widget_callback(on_change)
    return on_change is not None and not (isinstance(on_change, str) and on_change == "ignore"), callback


def open_flag_block(
    kind: str,
    props: dict[str, Any],
    *,
    default: bool,
    key: Any,
    callback: Callable[..., Any] | None,
    args: Iterable[Any] | None,
    kwargs: dict[str, Any] | None,
    identity: dict[str, Any],
    bind: str | None = None,
) -> OpenableContainer:
    """An expander or popover whose open state is a widget value."""
    placed, value = add_widget(
        kind,
        props,
        serde=BOOL,
        default=default,
        identity=identity,
        key=key,
        on_change=callback,
        args=args,
        kwargs=kwargs,
        has_default=default,
        block=True,
        bind=bind,
    )
    return OpenableContainer.of(placed, bool(value))


def open_tab_bar(
    labels: Sequence[str],
    props: dict[str, Any],
    *,
    default: str,
    key: Any,
    callback: Callable[..., Any] | None,
    args: Iterable[Any] | None,
    kwargs: dict[str, Any] | None,
    bind: str | None = None,
) -> tuple[DeltaGenerator, str]:
    """A tab bar whose open tab's label is a widget value."""
    return add_widget(  # type: ignore[no-any-return]
        "tab_container",
        props,
        serde=IndexSerde(list(labels)),
        default=default,
        identity={"labels": list(labels), "default": default},
        key=key,
        on_change=callback,
        args=args,
        kwargs=kwargs,
        has_default=default != labels[0],
        block=True,
        bind=bind,
    )


def check_bound_labels(labels: Sequence[str]) -> None:
    """Bound tabs: each label is a query parameter's value, so none is empty and none repeats."""
    if any(not label for label in labels):
        raise StreamlitValueError(
            "tabs", ["non-empty labels. Tab labels must be non-empty when bind='query-params'"]
        )
    if len(set(labels)) != len(labels):
        raise StreamlitValueError(
            "tabs", ["unique labels. Tab labels must be unique when bind='query-params'"]
        )
