"""``@st.fragment``: functions whose widgets rerun only the function."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Callable
from typing import Any, TypeVar, overload

from nbstream.elements._base import add_block
from nbstream.runtime import context
from nbstream.runtime.durations import to_seconds
from nbstream.runtime.fragments import Fragment

F = TypeVar("F", bound=Callable[..., Any])


@overload
def fragment(func: F) -> F: ...


@overload
def fragment(
    func: None = None, *, run_every: float | dt.timedelta | str | None = None
) -> Callable[[F], F]: ...


def fragment(func: Any = None, *, run_every: float | dt.timedelta | str | None = None) -> Any:
    """Turn a function into a fragment: a part of the app that reruns on its own.

    When a user interacts with a widget drawn in the fragment's body, only the fragment
    function reruns: its elements are redrawn in place and the rest of the app is
    untouched.  Elements it writes to containers created outside it accumulate until
    the next full run; widgets can only go in its own body.  Call ``st.rerun()`` inside
    it for a full run, ``st.rerun(scope="fragment")`` to rerun just the fragment.

    Parameters
    ----------
    func : callable
        The function (use ``@st.fragment`` or ``@st.fragment(...)``).
    run_every : int, float, timedelta, str or None
        Also rerun the fragment on this interval (seconds, a timedelta, or a string
        like "10s" or "1m"), even without user interaction.  None (the default) only
        reruns on interaction.

    Fragment return values are ignored in fragment reruns: share data through
    ``st.session_state``.
    """
    interval = to_seconds(run_every, what="run_every")
    if interval == 0:
        interval = None

    def decorate(fn: F) -> F:
        name = f"{getattr(fn, '__module__', '')}.{getattr(fn, '__qualname__', repr(fn))}"

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            ctx = context.get()
            if ctx is None or ctx.session.is_bare:
                return fn(*args, **kwargs)
            # The n-th call of a function in a run is the same fragment in every run.
            calls = ctx.fragment_calls
            calls[name] = calls.get(name, 0) + 1
            fid = hashlib.blake2b(f"{name}#{calls[name]}".encode(), digest_size=8).hexdigest()
            place = add_block(
                "fragment", {"fragment_id": fid, "name": fn.__qualname__, "run_every": interval}
            )
            assert place._block is not None
            ctx.session.fragments.register(
                Fragment(
                    fid,
                    fn,
                    args,
                    kwargs,
                    place._block,
                    place,
                    interval,
                    parent=ctx.fragment_id,
                    page=ctx.page,
                )
            )
            outer, ctx.fragment_id = ctx.fragment_id, fid
            try:
                with place:
                    return fn(*args, **kwargs)
            finally:
                ctx.fragment_id = outer

        return wrapper  # type: ignore[return-value]

    if func is not None:
        return decorate(func)
    return decorate
