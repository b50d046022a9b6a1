"""``st.cache_data``, ``st.cache_resource`` and the deprecated ``st.cache``."""

from __future__ import annotations

import datetime as dt
import logging
import numbers
import re
import warnings
from collections.abc import Callable
from typing import Any

from nbstream.caching import cached_func, options, shared
from nbstream.caching.cached_func import DATA, RESOURCE, CachedFunc
from nbstream.caching.digest import clear_memo
from nbstream.runtime import caches, context
from nbstream.runtime.errors import StreamlitAPIException, StreamlitBadTimeStringError

_LOG = logging.getLogger("nbstream")


def ttl_seconds(ttl: float | dt.timedelta | str | None) -> float | None:
    """``ttl`` in seconds: a number, a ``timedelta``, or a string such as ``"1d"`` or ``"10s"``."""
    if ttl is None:
        return None
    if isinstance(ttl, dt.timedelta):
        return ttl.total_seconds()
    if isinstance(ttl, str):
        return _duration(ttl)
    if isinstance(ttl, bool) or not isinstance(ttl, numbers.Real):
        raise StreamlitAPIException(f"ttl must be a number of seconds, a timedelta or a string, not {ttl!r}.")
    return float(ttl)


_UNIT_SECONDS = {
    "w": 604800.0,
    "week": 604800.0,
    "d": 86400.0,
    "day": 86400.0,
    "h": 3600.0,
    "hr": 3600.0,
    "hour": 3600.0,
    "m": 60.0,
    "min": 60.0,
    "minute": 60.0,
    "s": 1.0,
    "sec": 1.0,
    "second": 1.0,
    "ms": 0.001,
    "millisecond": 0.001,
    "us": 1e-6,
    "microsecond": 1e-6,
}
_PART = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-z]+)\s*,?")
_CLOCK = re.compile(r"\s*(?:(\d+)\s*days?,?\s*)?(\d+):(\d{2}):(\d{2}(?:\.\d+)?)\s*")


def _duration(text: str) -> float:
    """Seconds in ``"1d"``, ``"10s"``, ``"1h23m"``, ``"1.5 days"``, ``"2 days 01:00:00"``."""
    lowered = text.strip().lower()
    clock = _CLOCK.fullmatch(lowered)
    if clock:
        days, hours, minutes, seconds = clock.groups()
        return int(days or 0) * 86400.0 + int(hours) * 3600.0 + int(minutes) * 60.0 + float(seconds)
    total, position = 0.0, 0
    for part in _PART.finditer(lowered):
        if part.start() != position:
            break
        number, unit = part.groups()
        factor = _UNIT_SECONDS.get(unit) or _UNIT_SECONDS.get(unit.removesuffix("s"))
        if factor is None:
            break
        total += float(number) * factor
        position = part.end()
    if position == 0 or position != len(lowered):
        raise StreamlitBadTimeStringError(text)
    return total


def _max_entries(max_entries: int | None) -> int | None:
    if max_entries is None:
        return None
    if isinstance(max_entries, bool) or not isinstance(max_entries, numbers.Integral):
        raise StreamlitAPIException(f"max_entries must be an int or None, not {max_entries!r}.")
    return int(max_entries)


def _persist(persist: str | bool | None) -> bool | None:
    if persist is None or isinstance(persist, bool):
        return persist
    if persist == "disk":
        return True
    raise StreamlitAPIException(f"Unsupported persist option '{persist}'. Valid values are 'disk' or None.")


class CacheDataAPI:
    """Decorator to cache functions that return data (DataFrames, arrays, strings, ...).

    Use it bare (``@st.cache_data``) or with arguments (``@st.cache_data(ttl=3600)``).
    The first call with given arguments runs the function; later calls with equal
    arguments (and unchanged function code) return the stored value without running it.
    Each call returns its own copy: changing it never changes the cache.

    In nbstream the cache is shared by every session of the app: by all apps of a
    notebook in JupyterLab, and -- through files in the ``cache.dir`` folder -- by every
    kernel (every browser tab) of an app served with Voila.  Values are pickled to be
    shared (DataFrames and Arrow tables are stored as Arrow IPC): pickle can run code when
    loading, so only cache values you trust.

    Parameters
    ----------
    func : callable
        The function to cache (when used without arguments).
    ttl : float, timedelta, str or None
        How long an entry stays valid: seconds, a ``timedelta``, or a string such as
        ``"1d"``, ``"10s"`` or ``"1h23m"``.  None (the default) keeps entries until cleared.
    max_entries : int or None
        The most entries to keep; the least recently used go first.  None: unbounded.
    max_size : int, str or None
        The most bytes this function's entries may take in this kernel's memory: a number
        of bytes or a string with a unit (``"500MB"``, ``"1.5GiB"``; every unit is a power
        of 1024, fractions round down).  The least recently used entries go first; a value
        larger than the limit alone is kept by itself (with a logged warning) until the next
        new value replaces it.  Counted are the bytes of the stored values (a frame's
        columns, an array's buffer, a pickle's length).  None (the default): no limit.
    show_spinner : bool or str
        Show a spinner while a miss computes; a string sets its text.
    show_time : bool
        Show the seconds elapsed in the spinner.
    persist : "disk", bool or None
        None (the default) follows the ``cache.persist`` option (on): entries are shared
        with the app's other kernels.  False keeps this function's entries in this
        kernel's memory; "disk" or True shares them even when the option is off.
    experimental_allow_widgets : bool
        Allow widgets in the function: their values become part of the cache key, and
        they are replayed on hits.
    hash_funcs : dict or None
        Hash functions for argument types nbstream cannot hash (or hashes otherwise),
        keyed by type or fully qualified type name (``"__main__.MyClass"``).
    scope : "global" or "session"
        ``"global"`` (the default): one cache for every session.  ``"session"``: each
        session has its own entries, in its kernel's memory only, removed when the session
        ends; the function must then be called from the app's script run.
    refresh_mode : "foreground" or "background"
        What happens once an entry is older than ``ttl``: ``"foreground"`` (the default)
        computes it again in the call; ``"background"`` returns the old value at once and
        computes the new one in a background thread (for up to another ``ttl``, set by
        ``runner.cacheBackgroundRefreshTTLMultiplier``; after that a call waits).  Needs a
        ``ttl``; entries stay in this kernel's memory; not with ``persist="disk"`` or
        ``async def`` functions.  The function then runs outside the session: pass what it
        needs as arguments rather than reading ``st.session_state``.

    ``async def`` functions can be cached too: calling one returns an awaitable.

    Example
    -------
    >>> @st.cache_data(ttl=3600)
    ... def load(url):
    ...     return pd.read_csv(url)

    ``load.clear()`` empties this function's cache; ``st.cache_data.clear()`` every
    ``cache_data`` cache.
    """

    _kind = DATA

    def __call__(
        self,
        func: Callable[..., Any] | None = None,
        *,
        ttl: float | dt.timedelta | str | None = None,
        max_entries: int | None = None,
        max_size: int | str | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        persist: str | bool | None = None,
        hash_funcs: dict[Any, Callable[[Any], Any]] | None = None,
        scope: str = "global",
        refresh_mode: str = "foreground",
        experimental_allow_widgets: bool = False,
    ) -> Any:
        """Cache ``func`` (see the class documentation for the parameters)."""
        seconds = ttl_seconds(ttl)
        settings = {
            "ttl": seconds,
            "max_entries": _max_entries(max_entries),
            "max_bytes": options.max_size_bytes(max_size),
            "show_spinner": show_spinner,
            "show_time": bool(show_time),
            "persist": _persist(persist),
            "hash_funcs": hash_funcs,
            "allow_widgets": bool(experimental_allow_widgets),
            "scope": options.check_scope(scope),
            "background": options.background_refresh(refresh_mode, func, seconds, persist),
        }
        return self._decorate(func, settings)

    def _decorate(self, func: Any, settings: dict[str, Any]) -> Any:
        if func is None:

            def decorate(f: Any) -> CachedFunc:
                if settings["background"] and options.is_coroutine_function(f):
                    options.raise_async_background()
                return CachedFunc(f, kind=self._kind, **settings)

            return decorate
        return CachedFunc(func, kind=self._kind, **settings)

    def clear(self) -> None:
        """Clear every ``st.cache_data`` cache: in this kernel, and on disk for the app's kernels."""
        clear_data()

    def __repr__(self) -> str:
        return f"<st.{self._kind}>"


class CacheResourceAPI(CacheDataAPI):
    """Decorator to cache functions that return global resources (connections, ML models).

    Every call with equal arguments returns the same object -- no copy -- so a change to
    it is seen by every session: the object must be thread-safe.  The cache lives in this
    kernel's memory: in JupyterLab all the apps and sessions of a notebook share it; with
    Voila each browser tab is its own kernel and has its own (resources such as
    connections cannot cross processes).

    Parameters
    ----------
    func : callable
        The function to cache (when used without arguments).
    ttl : float, timedelta, str or None
        How long an entry stays valid (seconds, ``timedelta`` or a string like ``"1d"``).
    max_entries : int or None
        The most entries to keep; the least recently used go first.
    show_spinner : bool or str
        Show a spinner while a miss computes; a string sets its text.
    show_time : bool
        Show the seconds elapsed in the spinner.
    validate : callable or None
        Called with the cached object on every hit; when it returns False the object is
        dropped and the function runs again (a closed connection, say).
    hash_funcs : dict or None
        Hash functions by type or fully qualified type name.
    on_release : callable or None
        Called with each object that leaves the cache: expired (``ttl``, noticed when it
        is next asked for), evicted (``max_entries``), refused by ``validate``, cleared,
        replaced by a background refresh, or let go with its session
        (``scope="session"``).  It must be a plain (not ``async``) function and
        thread-safe; it is not called when the app shuts down.
    scope : "global" or "session"
        ``"global"`` (the default): one object for every session of the kernel.
        ``"session"``: one per session, released (``on_release``) when the session ends.
    refresh_mode : "foreground" or "background"
        Past ``ttl``: make the object again in the call (``"foreground"``, the default),
        or hand out the old one while a new one is made in a background thread
        (``"background"``; needs a ``ttl``; the old one is then given to ``on_release``).
    experimental_allow_widgets : bool
        Allow widgets in the function: their values become part of the cache key.

    Example
    -------
    >>> @st.cache_resource
    ... def connect():
    ...     return sqlite3.connect("app.db", check_same_thread=False)
    """

    _kind = RESOURCE

    def __call__(  # type: ignore[override]
        self,
        func: Callable[..., Any] | None = None,
        *,
        ttl: float | dt.timedelta | str | None = None,
        max_entries: int | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        validate: Callable[[Any], bool] | None = None,
        hash_funcs: dict[Any, Callable[[Any], Any]] | None = None,
        on_release: Callable[[Any], Any] | None = None,
        scope: str = "global",
        refresh_mode: str = "foreground",
        experimental_allow_widgets: bool = False,
    ) -> Any:
        """Cache ``func`` (see the class documentation for the parameters)."""
        if validate is not None and not callable(validate):
            raise StreamlitAPIException("validate must be a function taking the cached object.")
        seconds = ttl_seconds(ttl)
        settings = {
            "ttl": seconds,
            "max_entries": _max_entries(max_entries),
            "show_spinner": show_spinner,
            "show_time": bool(show_time),
            "persist": False,
            "hash_funcs": hash_funcs,
            "allow_widgets": bool(experimental_allow_widgets),
            "validate": validate,
            "on_release": options.check_on_release(on_release),
            "scope": options.check_scope(scope),
            "background": options.background_refresh(refresh_mode, func, seconds),
        }
        return self._decorate(func, settings)

    def clear(self) -> None:
        """Clear every ``st.cache_resource`` cache of this kernel."""
        clear_resource()


cache_data = CacheDataAPI()
cache_resource = CacheResourceAPI()

DEPRECATION = (
    "`st.cache` is deprecated. Please use one of Streamlit's new caching commands, "
    "`st.cache_data` or `st.cache_resource`."
)


def cache(
    func: Callable[..., Any] | None = None,
    persist: bool = False,
    allow_output_mutation: bool = False,
    show_spinner: bool = True,
    suppress_st_warning: bool = False,
    hash_funcs: dict[Any, Callable[[Any], Any]] | None = None,
    max_entries: int | None = None,
    ttl: float | None = None,
) -> Any:
    """Deprecated: use ``st.cache_data`` (data) or ``st.cache_resource`` (resources).

    ``allow_output_mutation=True`` maps to ``st.cache_resource``, anything else to
    ``st.cache_data``; ``suppress_st_warning`` is ignored.  A deprecation warning is shown.
    """
    warnings.warn(DEPRECATION, DeprecationWarning, stacklevel=2)
    ctx = context.get()
    if ctx is not None and not ctx.session.is_bare:
        from nbstream.elements.status.alerts import warning

        warning(DEPRECATION)
    else:
        _LOG.warning(DEPRECATION)
    if allow_output_mutation:
        return cache_resource(
            func, ttl=ttl, max_entries=max_entries, show_spinner=show_spinner, hash_funcs=hash_funcs
        )
    return cache_data(
        func,
        ttl=ttl,
        max_entries=max_entries,
        show_spinner=show_spinner,
        hash_funcs=hash_funcs,
        persist="disk" if persist else None,
    )


def clear_data() -> None:
    """Empty every ``cache_data`` cache of this kernel and the app's entries on disk."""
    for memory in cached_func.memory_caches(DATA):
        memory.clear()
    for app in cached_func.apps_seen():
        shared.current().clear(app)
    clear_memo()


def clear_resource() -> None:
    """Empty every ``cache_resource`` cache of this kernel."""
    for memory in cached_func.memory_caches(RESOURCE):
        memory.clear()


def clear_all() -> None:
    """What the app menu's "Clear cache" does: clear ``cache_data`` and ``cache_resource``."""
    clear_data()
    clear_resource()


caches.register("cache_data", clear_data)
caches.register("cache_resource", clear_resource)
