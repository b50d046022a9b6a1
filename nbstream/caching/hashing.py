"""Hashing the arguments of cached functions: fast, and the same in every process.

Keys must match across kernels (the disk store is shared), so nothing here uses
``hash()`` or ``id()``: every value is fed, with a type tag, into a BLAKE2b digest.

What is hashed: None, bools, numbers, strings, bytes; tuples, lists, dicts (in
insertion order, as the function sees them), sets (in any order); dates, times and
datetimes with their time zone (``zoneinfo``, ``pytz``, fixed offsets); Enum members;
dataclass instances (by their fields); functions (by module, name and source code);
classes and modules (by name); files and in-memory streams; NumPy arrays and scalars;
pandas DataFrames, Series, Index and scalars; Arrow tables, record batches and arrays;
PIL images.  Anything else raises ``UnhashableParamError``, unless ``hash_funcs`` names
its type (or a base class), as a type or as a ``"module.QualName"`` string.

Large data (see ``BufferMemo``): an array, a frame column or an Arrow buffer of more
than ``SMALL_BYTES`` is hashed in full the first time its memory is seen.  Passed again
-- the same object, or a copy-on-write copy sharing its buffers, such as every
``cache_data`` hit returns -- only ``SAMPLE_ROWS`` evenly spaced elements are re-read
and compared, and the full digest is reused.  A new or copied frame is therefore always
hashed in full (Streamlit hashes a 50,000-row sample of any large frame, so it misses
edits outside the sample even in new frames), while an in-place edit, outside the
sample, of memory hashed before goes unseen, as in Streamlit.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import enum
import fractions
import functools
import inspect
import io
import os
import pathlib
import re
import struct
import types
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from nbstream.caching import hash_data
from nbstream.caching.digest import SMALL_BYTES, blake, buffer_digest, feed_text, type_name


class Unhashable(Exception):
    """Raised inside the hasher for an object it cannot hash (becomes UnhashableParamError)."""

    def __init__(self, obj: Any) -> None:
        super().__init__(type_name(type(obj)))
        self.obj = obj


class HashFuncFailed(Exception):
    """A user's hash function raised (becomes UserHashError)."""

    def __init__(self, func: Callable[..., Any], obj: Any, error: BaseException) -> None:
        super().__init__(str(error))
        self.func, self.obj, self.error = func, obj, error


# ---- the hasher ------------------------------------------------------------------------


class Hasher:
    """Turns a value into bytes that identify it; one per cached function and call.

    ``hash_funcs`` maps types, or ``"module.QualName"`` strings, to functions whose
    result is hashed instead of the object.  ``process_local`` becomes True when a key
    depends on object identity (``hash_funcs`` with ``id``): such keys mean nothing in
    another process, so their entries stay out of the shared disk store.
    """

    def __init__(self, hash_funcs: Mapping[Any, Callable[[Any], Any]] | None = None) -> None:
        self._by_type: dict[type, Callable[[Any], Any]] = {}
        self._by_name: dict[str, Callable[[Any], Any]] = {}
        for target, func in (hash_funcs or {}).items():
            if isinstance(target, str):
                self._by_name[target] = func
            elif isinstance(target, type):
                self._by_type[target] = func
            else:
                raise TypeError(f"hash_funcs keys must be types or qualified type names, not {target!r}")
        self._custom = bool(self._by_type or self._by_name)
        self._resolved: dict[type, Callable[[Any], Any] | None] = {}
        self._stack: list[int] = []
        self.process_local = False

    def digest(self, obj: Any) -> bytes:
        h = blake()
        self.update(h, obj)
        return h.digest()

    def update(self, h: Any, obj: Any) -> None:
        t = type(obj)
        if self._custom:
            func = self._hash_func_for(t)
            if func is not None:
                self._user_hash(h, func, obj)
                return
        handler = _EXACT.get(t)
        if handler is not None:
            handler(self, h, obj)
            return
        if id(obj) in self._stack:  # a cycle: refer back to the container's depth
            h.update(b"@" + str(self._stack.index(id(obj))).encode())
            return
        self._stack.append(id(obj))
        try:
            _dispatch(self, h, obj)
        finally:
            self._stack.pop()

    def _hash_func_for(self, t: type) -> Callable[[Any], Any] | None:
        if t in self._resolved:
            return self._resolved[t]
        found = None
        for klass in t.__mro__:
            found = self._by_type.get(klass) or self._by_name.get(type_name(klass))
            if found is not None:
                break
        self._resolved[t] = found
        return found

    def _user_hash(self, h: Any, func: Callable[[Any], Any], obj: Any) -> None:
        if func is id:
            self.process_local = True
        try:
            result = func(obj)
        except Exception as exc:
            raise HashFuncFailed(func, obj, exc) from exc
        h.update(b"U")
        saved, self._custom = self._custom, False  # a hash func's result is hashed plainly
        try:
            self.update(h, result)
        finally:
            self._custom = saved

    @property
    def custom(self) -> bool:
        """Whether hash functions apply right now (not while hashing a hash function's result)."""
        return self._custom

    def sub_digest(self, obj: Any) -> bytes:
        h = blake()
        self.update(h, obj)
        return h.digest()


def _h_none(hs: Hasher, h: Any, obj: Any) -> None:
    h.update(b"N")


def _h_bool(hs: Hasher, h: Any, obj: bool) -> None:
    h.update(b"T" if obj else b"F")


def _h_int(hs: Hasher, h: Any, obj: int) -> None:
    feed_text(h, b"i", repr(int(obj)))


def _h_float(hs: Hasher, h: Any, obj: float) -> None:
    h.update(b"f" + (b"nan" if obj != obj else struct.pack("<d", obj)))


def _h_complex(hs: Hasher, h: Any, obj: complex) -> None:
    h.update(b"c")
    _h_float(hs, h, obj.real)
    _h_float(hs, h, obj.imag)


def _h_str(hs: Hasher, h: Any, obj: str) -> None:
    feed_text(h, b"s", obj)


def _h_bytes(hs: Hasher, h: Any, obj: Any) -> None:
    view = memoryview(obj)
    view = (view if view.contiguous else memoryview(view.tobytes())).cast("B")
    h.update(b"b" + view.nbytes.to_bytes(8, "little"))
    h.update(view if view.nbytes <= SMALL_BYTES else buffer_digest(view))


_PRIMITIVES = (type(None), bool, int, float, str)


def _h_sequence(hs: Hasher, h: Any, obj: Any) -> None:
    h.update((b"L" if isinstance(obj, list) else b"(") + len(obj).to_bytes(8, "little"))
    if len(obj) > 64 and not hs.custom and all(type(x) in _PRIMITIVES for x in obj):
        feed_text(h, b"r", repr(obj))  # repr tells 1, 1.0, True and "1" apart
        return
    for item in obj:
        hs.update(h, item)


def _h_dict(hs: Hasher, h: Any, obj: dict[Any, Any]) -> None:
    # Insertion order counts: the function may iterate the dict.
    h.update(b"{" + len(obj).to_bytes(8, "little"))
    for key, value in obj.items():
        hs.update(h, key)
        hs.update(h, value)


def _h_set(hs: Hasher, h: Any, obj: Any) -> None:
    # Iteration order of a set varies between processes: hash the items in sorted order.
    h.update((b"S" if isinstance(obj, set) else b"%") + len(obj).to_bytes(8, "little"))
    for digest in sorted(hs.sub_digest(item) for item in obj):
        h.update(digest)


def _h_range(hs: Hasher, h: Any, obj: range) -> None:
    feed_text(h, b"g", f"{obj.start},{obj.stop},{obj.step}")


def _h_slice(hs: Hasher, h: Any, obj: slice) -> None:
    h.update(b"l")
    for part in (obj.start, obj.stop, obj.step):
        hs.update(h, part)


def _tz_identity(tz: dt.tzinfo | None, moment: Any) -> str:
    if tz is None:
        return ""
    name = getattr(tz, "key", None) or getattr(tz, "zone", None)  # zoneinfo, pytz
    if name:
        return f"{name}|{moment.utcoffset()}"
    return f"{type(tz).__module__}.{type(tz).__qualname__}|{moment.tzname()}|{moment.utcoffset()}"


def _h_datetime(hs: Hasher, h: Any, obj: dt.datetime) -> None:
    feed_text(h, b"D", f"{obj.replace(tzinfo=None).isoformat()}|{obj.fold}|{_tz_identity(obj.tzinfo, obj)}")


def _h_date(hs: Hasher, h: Any, obj: dt.date) -> None:
    feed_text(h, b"d", obj.isoformat())


def _h_time(hs: Hasher, h: Any, obj: dt.time) -> None:
    feed_text(h, b"t", f"{obj.replace(tzinfo=None).isoformat()}|{obj.fold}|{_tz_identity(obj.tzinfo, obj)}")


def _h_timedelta(hs: Hasher, h: Any, obj: dt.timedelta) -> None:
    feed_text(h, b"e", f"{obj.days},{obj.seconds},{obj.microseconds}")


def _h_timezone(hs: Hasher, h: Any, obj: dt.tzinfo) -> None:
    name = getattr(obj, "key", None) or getattr(obj, "zone", None) or repr(obj)
    feed_text(h, b"z", f"{type_name(type(obj))}|{name}")


def _h_by_str(tag: bytes) -> Callable[[Hasher, Any, Any], None]:
    def handler(hs: Hasher, h: Any, obj: Any) -> None:
        feed_text(h, tag, f"{type_name(type(obj))}|{obj}")

    return handler


def _h_uuid(hs: Hasher, h: Any, obj: uuid.UUID) -> None:
    h.update(b"u" + obj.bytes)


def _h_pattern(hs: Hasher, h: Any, obj: re.Pattern[Any]) -> None:
    h.update(b"p" + str(obj.flags).encode())
    hs.update(h, obj.pattern)


def _h_type(hs: Hasher, h: Any, obj: type) -> None:
    feed_text(h, b"y", type_name(obj))


def _h_module(hs: Hasher, h: Any, obj: types.ModuleType) -> None:
    feed_text(h, b"m", obj.__name__)


def function_source(func: Callable[..., Any]) -> str:
    """The source text of a function, or a stand-in from its bytecode when there is none."""
    try:
        return inspect.getsource(func)
    except (OSError, TypeError):
        code = getattr(func, "__code__", None)
        if code is None:
            return repr(func)
        return _code_text(code)


def _code_text(code: types.CodeType) -> str:
    consts = [(_code_text(c) if isinstance(c, types.CodeType) else repr(c)) for c in code.co_consts]
    return f"{code.co_code.hex()}|{consts}|{code.co_names}|{code.co_varnames}"


def _h_function(hs: Hasher, h: Any, obj: types.FunctionType) -> None:
    feed_text(h, b"F", f"{obj.__module__}.{obj.__qualname__}")
    feed_text(h, b"F", function_source(obj))


def _h_builtin(hs: Hasher, h: Any, obj: Any) -> None:
    owner = getattr(obj, "__self__", None)
    module = getattr(obj, "__module__", None) or (type_name(type(owner)) if owner is not None else "")
    feed_text(h, b"B", f"{module}.{getattr(obj, '__qualname__', obj.__name__)}")
    if owner is not None and not isinstance(owner, types.ModuleType):
        hs.update(h, owner)


def _h_method(hs: Hasher, h: Any, obj: types.MethodType) -> None:
    h.update(b"M")
    hs.update(h, obj.__func__)
    hs.update(h, obj.__self__)


def _h_partial(hs: Hasher, h: Any, obj: functools.partial[Any]) -> None:
    h.update(b"P")
    hs.update(h, obj.func)
    hs.update(h, obj.args)
    hs.update(h, obj.keywords)


_EXACT: dict[type, Callable[[Hasher, Any, Any], None]] = {
    type(None): _h_none,
    bool: _h_bool,
    int: _h_int,
    float: _h_float,
    complex: _h_complex,
    str: _h_str,
    bytes: _h_bytes,
    bytearray: _h_bytes,
    memoryview: _h_bytes,
    range: _h_range,
    slice: _h_slice,
    dt.datetime: _h_datetime,
    dt.date: _h_date,
    dt.time: _h_time,
    dt.timedelta: _h_timedelta,
    dt.timezone: _h_timezone,
    decimal.Decimal: _h_by_str(b"x"),
    fractions.Fraction: _h_by_str(b"q"),
    uuid.UUID: _h_uuid,
    re.Pattern: _h_pattern,
    types.ModuleType: _h_module,
    types.FunctionType: _h_function,
    types.BuiltinFunctionType: _h_builtin,
    types.MethodType: _h_method,
    functools.partial: _h_partial,
    type(Ellipsis): _h_by_str(b"."),
}


# ---- types found by isinstance or by module (the containers' own handlers) -------------

_DESCRIPTORS = (
    types.MethodDescriptorType,
    types.WrapperDescriptorType,
    types.MethodWrapperType,
    types.ClassMethodDescriptorType,
)


def _dispatch(hs: Hasher, h: Any, obj: Any) -> None:
    t = type(obj)
    module = t.__module__.partition(".")[0]
    handler = hash_data.BY_MODULE.get(module)
    if handler is not None and handler(hs, h, obj):
        return
    if isinstance(obj, (list, tuple)):
        if isinstance(obj, tuple) and t is not tuple:  # a named tuple: its type counts too
            feed_text(h, b"n", type_name(t))
        _h_sequence(hs, h, obj)
    elif isinstance(obj, dict):
        _h_dict(hs, h, obj)
    elif isinstance(obj, (set, frozenset)):
        _h_set(hs, h, obj)
    elif isinstance(obj, enum.Enum):
        feed_text(h, b"E", f"{type_name(t)}.{obj.name}")
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        feed_text(h, b"C", type_name(t))
        for f in dataclasses.fields(obj):
            feed_text(h, b"k", f.name)
            hs.update(h, getattr(obj, f.name))
    elif isinstance(obj, type):
        _h_type(hs, h, obj)
    elif isinstance(obj, dt.datetime):
        _h_datetime(hs, h, obj)
    elif isinstance(obj, dt.date):
        _h_date(hs, h, obj)
    elif isinstance(obj, dt.time):
        _h_time(hs, h, obj)
    elif isinstance(obj, dt.timedelta):
        _h_timedelta(hs, h, obj)
    elif isinstance(obj, dt.tzinfo):
        _h_timezone(hs, h, obj)
    elif isinstance(obj, (str, int, float, complex, bytes, bytearray)):  # subclasses: type and value
        feed_text(h, b"V", type_name(t))
        base: Any = next(b for b in (str, int, float, complex, bytes, bytearray) if isinstance(obj, b))
        _EXACT[base](hs, h, base(obj))
    elif isinstance(obj, pathlib.PurePath):
        feed_text(h, b"a", f"{type_name(t)}|{obj}")
    elif isinstance(obj, (io.BytesIO, io.StringIO)):
        h.update(b"I")
        hs.update(h, obj.getvalue())
    elif isinstance(obj, io.IOBase):
        _h_file(hs, h, obj)
    elif isinstance(obj, _DESCRIPTORS):  # str.upper, list.append, ...
        feed_text(h, b"B", f"{getattr(obj, '__module__', None)}|{obj.__qualname__}")
    elif isinstance(obj, (staticmethod, classmethod)):
        h.update(b"Z")
        hs.update(h, obj.__func__)
    else:
        raise Unhashable(obj)


def _h_file(hs: Hasher, h: Any, obj: io.IOBase) -> None:
    # An open file is the file's name, size, change time and the read position: the
    # function reads from where the file stands.
    name = getattr(obj, "name", None)
    if not isinstance(name, (str, bytes, os.PathLike)) or obj.closed:
        raise Unhashable(obj)
    try:
        info = os.stat(name)
        position = obj.tell()
    except (OSError, ValueError) as exc:
        raise Unhashable(obj) from exc
    feed_text(h, b"o", f"{os.path.abspath(os.fsdecode(name))}|{info.st_size}|{info.st_mtime_ns}|{position}")
