"""Form values held until their form is submitted.

A change to a widget inside a form does not rerun the script: the session keeps it
here, per form, and a click on the form's submit button carries all of them into that
click's run.  Values are kept as wire values and validated when the run starts, like
any other browser input.
"""

from __future__ import annotations

import threading
from typing import Any


class PendingForms:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: dict[str, dict[str, Any]] = {}

    def hold(self, form_id: str, widget_id: str, wire: Any) -> None:
        with self._lock:
            self._values.setdefault(form_id, {})[widget_id] = wire

    def take(self, form_id: str) -> dict[str, Any]:
        """The held values of one form, which are then forgotten (a submit)."""
        with self._lock:
            return self._values.pop(form_id, {})

    def peek(self, form_id: str) -> dict[str, Any]:
        with self._lock:
            return dict(self._values.get(form_id, {}))

    def forget_except(self, form_ids: set[str]) -> None:
        """Drop what is held for forms the last run did not draw."""
        with self._lock:
            for form_id in [f for f in self._values if f not in form_ids]:
                del self._values[form_id]

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
