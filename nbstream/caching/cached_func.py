"""A cached function: the key of a call, the lookup, the computation, the replay.

The key of a call is the function's identity -- module, qualified name and source code,
so editing the function starts a new cache -- and the hashes of its arguments, bound to
its signature with defaults applied (``f(1)`` and ``f(x=1)`` are one entry).  Arguments
whose names start with ``_`` are not hashed.  With ``experimental_allow_widgets=True``
the values of the widgets the function draws are part of the key too.

A lookup looks in this kernel's memory, then (``cache_data`` only, for apps with an
identity) in the store the app's kernels share (``shared``: the disk, or Redis).  A miss
computes under a per-key lock, so concurrent calls with one key compute once in a kernel.
With ``scope="session"`` each session has its own memory, let go when the session ends;
with ``refresh_mode="background"`` an expired entry is handed out while ``refresh``
computes its successor.  An ``async def`` function's calls are awaitables.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import inspect
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

from nbstream.caching import refresh, shared
from nbstream.caching import replay as _replay
from nbstream.caching.calls import BoundMethod, plain_parameters
from nbstream.caching.digest import blake, feed_text, type_name
from nbstream.caching.hashing import Hasher, HashFuncFailed, Unhashable, function_source
from nbstream.caching.memory import Entry, MemoryCache
from nbstream.caching.options import is_coroutine_function
from nbstream.caching.stores import DISK
from nbstream.caching.values import Frozen, Immutable, freeze
from nbstream.runtime import caches, context
from nbstream.runtime.errors import StreamlitAPIException, UnhashableParamError, UserHashError

DATA, RESOURCE = "cache_data", "cache_resource"

# Every cached function's memory, by (decorator, function identity, session id): shared by
# all the sessions of this process, like Streamlit's caches ("" for the session id), or one
# session's own (scope="session").
_caches: dict[tuple[str, str, str], MemoryCache] = {}
_caches_lock = threading.Lock()
# The app identities whose disk entries this process made or read: what a clear clears.
_apps: set[str] = set()
# Source digests by code object: a script's functions keep their code object across
# reruns, so a rerun does not read the source again.
_sources: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()


def memory_caches(kind: str) -> list[MemoryCache]:
    with _caches_lock:
        return [cache for (k, _, _), cache in _caches.items() if k.partition("#")[0] == kind]


def _session_ended(session_id: str) -> None:
    """Let go of a session's session-scoped entries (``on_release`` sees each)."""
    with _caches_lock:
        ended = [key for key in _caches if key[2] == session_id]
        released = [_caches.pop(key) for key in ended]
    for cache in released:
        cache.clear()


caches.on_session_end(_session_ended)


def apps_seen() -> set[str]:
    ctx = context.get()
    seen = set(_apps)
    app_id = getattr(ctx.session, "app_id", None) if ctx is not None else None
    if app_id:
        seen.add(app_id)
    return seen


class _BadEntry(Exception):
    """An entry read from disk that does not thaw: a miss."""


class CachedFunc:
    """What ``@st.cache_data`` / ``@st.cache_resource`` return: call it as the function.

    ``.clear()`` empties this function's cache; ``.clear(*args, **kwargs)`` removes the
    one entry for those arguments.
    """

    def __init__(
        self,
        func: Any,
        *,
        kind: str,
        ttl: float | None,
        max_entries: int | None,
        show_spinner: bool | str,
        show_time: bool,
        persist: bool | None,
        hash_funcs: dict[Any, Callable[[Any], Any]] | None,
        allow_widgets: bool,
        validate: Callable[[Any], bool] | None = None,
        max_bytes: int | None = None,
        scope: str = "global",
        background: bool = False,
        on_release: Callable[[Any], Any] | None = None,
    ) -> None:
        self._binding = None
        if isinstance(func, staticmethod):
            func, self._binding = func.__func__, "static"
        elif isinstance(func, classmethod):
            func, self._binding = func.__func__, "class"
        if not callable(func):
            raise TypeError(f"@st.{kind} decorates functions, not {type(func).__name__} objects.")
        functools.update_wrapper(self, func)
        self._func = func
        self._kind = kind
        self._ttl, self._max_entries = ttl, max_entries
        self._show_spinner, self._show_time = show_spinner, show_time
        self._persist, self._hash_funcs = persist, hash_funcs
        self._allow_widgets, self._validate = allow_widgets, validate
        self._max_bytes, self._scope = max_bytes, scope
        self._background, self._on_release = background, on_release
        self._async = is_coroutine_function(func)
        self._name = getattr(func, "__name__", repr(func))
        self._identity: str | None = None
        self._signature: inspect.Signature | None = None
        self._plain: tuple[list[str], dict[str, Any]] | None = None

    # ---- methods, static methods, class methods ---------------------------------------------

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if self._binding == "static":
            return self
        if self._binding == "class":
            return BoundMethod(self, owner if owner is not None else type(instance))
        if instance is None:
            return self
        return BoundMethod(self, instance)

    def __repr__(self) -> str:
        return f"<CachedFunc ({self._kind}): {self._func!r}>"

    # ---- identity and keys ------------------------------------------------------------------

    @property
    def identity(self) -> str:
        """Module, qualified name and a digest of the source: what the cache is keyed by."""
        if self._identity is None:
            code = getattr(self._func, "__code__", None)
            digest = _sources.get(code) if code is not None else None
            if digest is None:
                text = function_source(self._func)
                digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
                if code is not None:
                    _sources[code] = digest
            module = getattr(self._func, "__module__", None)
            self._identity = f"{module}.{getattr(self._func, '__qualname__', self._name)}:{digest}"
        return self._identity

    def _memory(self, index: bool = False) -> MemoryCache:
        """This function's entries in this process (``index``: which widgets each call drew)."""
        key = (self._kind + (_INDEX if index else ""), self.identity, self._session_id())
        with _caches_lock:
            cache = _caches.get(key)
            if cache is None:
                cache = _caches[key] = MemoryCache(self._name)
        cache.ttl, cache.max_entries = self._ttl, None if index else self._max_entries
        if not index:
            cache.max_bytes, cache.on_release = self._max_bytes, self._on_release
            cache.stale_for = refresh.grace_seconds(self._ttl) if self._background and self._ttl else 0.0
        return cache

    def _session_id(self) -> str:
        if self._scope != "session":
            return ""
        ctx = context.get()
        if ctx is None or ctx.session.is_bare:
            raise StreamlitAPIException(
                "A session-scoped cache was accessed outside of the app execution thread. Make sure "
                "all session-scoped caches are read during rendering and not read in background threads."
            )
        return str(ctx.session.id)

    def _folder(self, index: bool = False) -> str:
        """This function's folder in an app's disk store."""
        return _function_dir(self.identity + (_INDEX if index else ""))

    def _bind(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
        """The call's arguments by parameter name, defaults included; TypeError if they do not fit."""
        if self._signature is None:
            self._signature = inspect.signature(self._func)
            self._plain = plain_parameters(self._signature)
        if self._plain is not None and not kwargs and len(args) <= len(self._plain):
            # The common call, bound without inspect: positional arguments, defaults after.
            names, defaults = self._plain
            if len(args) >= len(names) - len(defaults):
                arguments = dict(zip(names, args, strict=False))
                for name in names[len(args) :]:
                    arguments[name] = defaults[name]
                return arguments
        bound = self._signature.bind(*args, **kwargs)
        bound.apply_defaults()
        return bound.arguments

    def _key(self, arguments: dict[str, Any]) -> tuple[str, bool]:
        """The key of a call, and whether it only means something in this process."""
        assert self._signature is not None
        hasher = Hasher(self._hash_funcs)
        h = blake()
        for name, value in arguments.items():
            if name.startswith("_"):
                continue
            param = self._signature.parameters[name]
            if param.kind is inspect.Parameter.VAR_KEYWORD:
                value = {k: v for k, v in value.items() if not k.startswith("_")}
            feed_text(h, b"n", name)
            try:
                hasher.update(h, value)
            except Unhashable:
                raise UnhashableParamError(name, type_name(type(value)), self._name, self._kind) from None
            except HashFuncFailed as failed:
                func_name = getattr(failed.func, "__name__", repr(failed.func))
                raise UserHashError(
                    failed.error, func_name, type_name(type(failed.obj)), self._name, self._kind
                ) from failed.error
        return h.hexdigest(), hasher.process_local

    def _app(self, process_local: bool) -> str | None:
        """The app identity whose disk store this call may use, or None (memory only)."""
        if self._kind != DATA or process_local or self._persist is False:
            return None
        if self._scope == "session" or self._background:
            return None  # kept in this kernel's memory: a session's own, or expiring
        if self._persist is None and not DISK.enabled():
            return None
        ctx = context.get()
        if ctx is not None:
            session = ctx.session
        else:
            from nbstream.runtime.session import AppSession

            session = AppSession.bare()
        return getattr(session, "app_id", None)

    # ---- calling ------------------------------------------------------------------------------

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self._async:
            return self._acall(args, kwargs)
        try:
            bound = self._bind(args, kwargs)
        except TypeError:
            return self._func(*args, **kwargs)  # arguments that do not fit: let Python say so
        key, process_local = self._key(bound)
        ctx = context.get()
        cache = self._memory()
        app = self._app(process_local)
        if self._background:
            self._refresh_if_expired(cache, key, args, kwargs)
        widgets = self._allow_widgets and ctx is not None and not ctx.session.is_bare
        full_key = self._widget_key(cache, key, app, ctx) if widgets else key
        if full_key is not None:
            found = self._deliver(cache, full_key, app, ctx)
            if found is not _MISS:
                return found
        with cache.computing(key):
            full_key = self._widget_key(cache, key, app, ctx) if widgets else key
            if full_key is not None:
                found = self._deliver(cache, full_key, app, ctx)
                if found is not _MISS:
                    return found
            return self._compute(cache, key, app, ctx, args, kwargs, widgets)

    async def _acall(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """A call of an ``async def`` function: a hit, or its awaited value stored."""
        try:
            bound = self._bind(args, kwargs)
        except TypeError:
            return await self._func(*args, **kwargs)
        key, process_local = self._key(bound)
        ctx = context.get()
        cache, app = self._memory(), self._app(process_local)
        found = self._deliver(cache, key, app, ctx)
        if found is not _MISS:
            return found
        recorder = self._recorder(ctx)
        with self._spinner(ctx), recorder if recorder is not None else contextlib.nullcontext():
            value = await self._func(*args, **kwargs)
        return self._keep(cache, key, app, value, recorder, widgets=False)

    def _refresh_if_expired(
        self, cache: MemoryCache, key: str, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> None:
        entry = cache.get(key)
        if entry is None or not cache.expired(entry):
            return

        def compute() -> None:
            value = self._func(*args, **kwargs)
            self._store(cache, key, None, freeze(value, self._name) if self._kind == DATA else value, None)

        refresh.start(cache, key, compute)

    def _lookup(self, cache: MemoryCache, key: str, app: str | None, index: bool = False) -> Entry | None:
        entry = cache.get(key)
        store = shared.current() if (entry is not None and entry.app is not None) or app is not None else None
        if entry is not None and entry.app is not None:
            assert store is not None
            entry_app = entry.app
            if entry.epoch != store.epoch(entry_app):  # cleared by another kernel of the app
                cache.drop(key)
                entry = None
            elif time.time() - entry.touched > 1.0:
                entry.touched = time.time()
                store.touch(entry_app, self._folder(index), key)
        if entry is not None or app is None:
            return entry
        assert store is not None
        epoch = store.epoch(app)
        found = store.get(app, self._folder(index), key, self._ttl)
        if found is None:
            return None
        frozen, meta, created = found
        _apps.add(app)
        entry = Entry(frozen, meta.get("replay"), created, app, epoch, touched=time.time(), from_disk=True)
        cache.put(key, entry)
        return entry

    def _deliver(self, cache: MemoryCache, key: str, app: str | None, ctx: Any) -> Any:
        """The value of a hit (with its elements replayed), or ``_MISS``."""
        for _attempt in range(2):
            entry = self._lookup(cache, key, app)
            if entry is None:
                return _MISS
            try:
                value = self._value(entry)
            except _BadEntry:
                cache.drop(key)
                if entry.app is not None:
                    shared.current().delete(entry.app, self._folder(), key)
                continue
            if self._validate is not None and not self._validate(value):
                cache.drop(key)
                return _MISS
            if entry.replay and ctx is not None:
                _replay.replay(entry.replay, ctx, self._name, self._kind)
            return value
        return _MISS

    def _value(self, entry: Entry) -> Any:
        if self._kind != DATA:
            return entry.value
        frozen: Frozen = entry.value
        try:
            return frozen.thaw(getattr(self._func, "__globals__", None))
        except Exception as exc:
            if entry.from_disk:  # e.g. a pickle naming a class this kernel lacks
                raise _BadEntry() from exc
            raise

    def _compute(
        self,
        cache: MemoryCache,
        key: str,
        app: str | None,
        ctx: Any,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        widgets: bool,
    ) -> Any:
        recorder = self._recorder(ctx)
        with self._spinner(ctx), recorder if recorder is not None else contextlib.nullcontext():
            value = self._func(*args, **kwargs)
        return self._keep(cache, key, app, value, recorder, widgets)

    def _recorder(self, ctx: Any) -> _replay.Recorder | None:
        if ctx is None or ctx.session.is_bare:
            return None
        return _replay.Recorder(ctx, allow_widgets=self._allow_widgets, decorator=self._kind)

    def _keep(
        self, cache: MemoryCache, key: str, app: str | None, value: Any, recorder: Any, widgets: bool
    ) -> Any:
        """Store a computed value (and, with widgets, which widgets it drew); return it."""
        recording = recorder.recording if recorder is not None and recorder.recording else None
        stored: Any = value
        if self._kind == DATA:
            stored = freeze(value, self._name)
        full_key = key
        if widgets:
            drawn = recording.widgets if recording is not None else []
            drawn_ids = Immutable(tuple((wid, k) for wid, k, _ in drawn))
            self._store(self._memory(index=True), key, app, drawn_ids, None, index=True)
            full_key = _with_widget_values(key, [(wid, v) for wid, _, v in drawn])
        self._store(cache, full_key, app, stored, recording)
        return value

    def _store(
        self, cache: MemoryCache, key: str, app: str | None, stored: Any, recording: Any, index: bool = False
    ) -> None:
        created = time.time()
        if self._kind != DATA:
            value = stored.value if isinstance(stored, Immutable) else stored
            cache.put(key, Entry(value, recording, created))
            return
        store = shared.current() if app is not None else None
        epoch = store.epoch(app) if store is not None and app is not None else 0
        size = stored.nbytes if cache.max_bytes is not None else 0
        entry = Entry(stored, recording, created, app, epoch, touched=created, size=size)
        cache.put(key, entry)
        if store is not None and app is not None:
            _apps.add(app)
            meta = {"replay": recording, "function": self._name}
            max_entries = None if index else self._max_entries
            store.put(app, self._folder(index), key, stored, meta, created, max_entries, ttl=self._ttl)

    def _widget_key(self, cache: MemoryCache, key: str, app: str | None, ctx: Any) -> str | None:
        """The key with the current values of the widgets the function drew, if all are known."""
        found_index = self._lookup(self._memory(index=True), key, app, index=True)
        if found_index is None:
            return None
        held = found_index.value
        drawn = held.value if isinstance(held, Immutable) else held
        state = ctx.session.state
        values = []
        for wid, user_key in drawn:
            found, value = state.peek_widget(wid, user_key)
            if not found:
                return None
            values.append((wid, value))
        return _with_widget_values(key, values)

    def _spinner(self, ctx: Any) -> Any:
        if not self._show_spinner or ctx is None or ctx.session.is_bare:
            return contextlib.nullcontext()
        from nbstream.elements.status.live import spinner

        text = self._show_spinner if isinstance(self._show_spinner, str) else f"Running `{self._name}(...)`."
        return spinner(text, show_time=self._show_time)

    # ---- clearing -----------------------------------------------------------------------------

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Clear this function's cache, or with arguments only the entry for those arguments.

        For ``st.cache_data`` this clears the entries on disk too, for every kernel of the
        app.
        """
        sections = (False, True)  # the values, and the widgets each call drew
        if not args and not kwargs:
            for index in sections:
                self._memory(index).clear()
                if self._kind == DATA:
                    for app in apps_seen():
                        shared.current().clear(app, self._folder(index))
            return
        key, _ = self._key(self._bind(args, kwargs))
        for index in sections:
            self._memory(index).drop(key)
            if self._kind == DATA:
                for app in apps_seen():
                    shared.current().delete(app, self._folder(index), key)


_MISS = object()


_INDEX = "#widgets"


def _function_dir(identity: str) -> str:
    return hashlib.blake2b(identity.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def _with_widget_values(key: str, values: list[tuple[str, Any]]) -> str:
    h = blake()
    h.update(key.encode())
    hasher = Hasher()
    for wid, value in values:
        feed_text(h, b"W", wid)
        try:
            hasher.update(h, value)
        except Unhashable:
            feed_text(h, b"r", repr(value))
    return h.hexdigest()
