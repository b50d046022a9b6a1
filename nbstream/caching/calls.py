"""How calls reach a cached function: arguments bound by name without ``inspect`` in the
common case, and cached methods bound to their object (or class)."""

from __future__ import annotations

import functools
import inspect
from typing import Any


def plain_parameters(signature: inspect.Signature) -> tuple[list[str], dict[str, Any]] | None:
    """Names and defaults when every parameter is positional-or-keyword, else None."""
    names, defaults = [], {}
    for param in signature.parameters.values():
        if param.kind is not inspect.Parameter.POSITIONAL_OR_KEYWORD:
            return None
        names.append(param.name)
        if param.default is not inspect.Parameter.empty:
            defaults[param.name] = param.default
    return names, defaults


class BoundMethod:
    """A cached method bound to its instance (or class): ``obj.method(...)``."""

    def __init__(self, cached: Any, owner: Any) -> None:
        self._cached, self._owner = cached, owner
        functools.update_wrapper(self, cached._func)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._cached(self._owner, *args, **kwargs)

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Clear the method's cache (with arguments: the entry for this object and those arguments)."""
        if args or kwargs:
            self._cached.clear(self._owner, *args, **kwargs)
        else:
            self._cached.clear()
