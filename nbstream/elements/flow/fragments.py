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
from nbstream.runtime.errors import StreamlitAPIException, StreamlitDuplicateElementKey
from nbstream.runtime.fragments import Fragment
from nbstream.runtime.parallel import start as start_parallel

F = TypeVar("F", bound=Callable[..., Any])


@overload
def fragment(func: F) -> F: ...


@overload
def fragment(
    func: None = None,
    *,
    run_every: float | dt.timedelta | str | None = None,
    parallel: bool = False,
    key: str | int | None = None,
) -> Callable[[F], F]: ...


def fragment(
    func: Any = None,
    *,
    run_every: float | dt.timedelta | str | None = None,
    parallel: bool = False,
    key: str | int | None = None,
) -> Any:
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
    parallel : bool
        Run the fragment's body on a thread of its own during full runs of the app,
        while the rest of the script goes on (the call returns None at once; the run
        ends when every parallel body has).  For independent, slow parts: several of
        them, and the script, overlap.  Reruns of the fragment alone (after a widget in
        it changes) stay sequential.  A parallel body writes only inside itself (not to
        ``st.sidebar``, ``st.bottom`` or containers made outside it), and in its first
        run cannot open a ``@st.dialog`` or ``st.switch_page`` (both raise
        ``StreamlitInvalidLayoutContextError``).  Guard shared objects it changes with a
        lock.
    key : str, int or None
        A name for the fragment, so that a widget callback can rerun it alone:
        ``st.rerun("<key>")``.  Every call site of the function shares it (they rerun
        together); two different fragment functions drawn in one run cannot share one
        (``StreamlitDuplicateElementKey``).  ``"app"`` and ``"fragment"`` are reserved.

    Fragment return values are ignored in fragment reruns: share data through
    ``st.session_state``.
    """
    interval = to_seconds(run_every, what="run_every")
    if interval == 0:
        interval = None
    fragment_key = None if key is None else str(key)
    if fragment_key in ("app", "fragment"):
        raise StreamlitAPIException(
            f"`{fragment_key}` is a reserved name and cannot be used as a fragment key, because "
            "`st.rerun(scope=...)` reads it as a rerun level. Choose a different key for "
            "`@st.fragment(key=...)`."
        )

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
            # Inside a parallel body the count is its own (its thread keeps its own counts).
            within = f"{ctx.parallel_fragment}/" if ctx.parallel_fragment else ""
            fid = hashlib.blake2b(f"{within}{name}#{calls[name]}".encode(), digest_size=8).hexdigest()
            if fragment_key is not None and not ctx.session.fragments.claim_key(fragment_key, name):
                raise StreamlitDuplicateElementKey(fragment_key)
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
                    key=fragment_key,
                    parallel=bool(parallel),
                )
            )
            if parallel and ctx.fragment_id is None:  # a full run: the body goes on the pool
                body = functools.partial(_run_body, place, fn, args, kwargs)
                start_parallel(ctx, fid, place._block, place, body)
                return None
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


def _run_body(place: Any, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    with place:
        fn(*args, **kwargs)
