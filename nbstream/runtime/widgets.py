"""Widget identity and metadata.

A widget's ID is a hash of its kind, its identity arguments (label, options, bounds,
default, placeholder, help, ...), its form, its page and its key; the user's key stays
readable at the end.  Callbacks, their arguments, ``disabled`` and ``label_visibility``
are not identity, so changing them keeps the widget's state (spec: "Widget behavior").
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol


class InvalidWireValue(ValueError):
    """A value from the browser that does not fit the widget it names."""


class Serde(Protocol):
    """Converts one widget kind's values between Python and the wire.

    ``deserialize`` is also the validator of untrusted browser input: it raises
    ``InvalidWireValue`` for anything the widget could not have sent.
    """

    def serialize(self, value: Any) -> Any: ...

    def deserialize(self, wire: Any) -> Any: ...


@dataclass(slots=True)
class WidgetMeta:
    id: str
    kind: str
    key: str | None
    serde: Serde
    default: Any
    on_change: Callable[..., Any] | None = None
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    # A trigger (a button) is True only in the run its click started, never stored.
    trigger: bool = False
    fragment_id: str | None = None
    form_id: str = ""
    # persist_state: "page" or "session" keeps its value under its key while it is not drawn.
    persist: str | None = None
    route: str = ""  # the URL path of the page it was drawn on (persist="page" keeps it there)


def compute_widget_id(
    kind: str, key: str | None, identity: dict[str, Any], form_id: str = "", page: str = ""
) -> str:
    """The deterministic ID of a widget; equal arguments give equal IDs in every run."""
    text = repr((kind, key, form_id, page, sorted(identity.items())))
    digest = hashlib.blake2b(text.encode("utf-8", "backslashreplace"), digest_size=8).hexdigest()
    return f"$$WID-{kind}-{digest}" + (f"-{key}" if key is not None else "")


def is_widget_id(name: str) -> bool:
    return name.startswith("$$WID-")


def values_differ(a: Any, b: Any) -> bool:
    """``a != b`` that also copes with arrays and frames (whose ``!=`` is elementwise)."""
    if a is b:
        return False
    try:
        return bool(a != b)
    except Exception:
        return True
