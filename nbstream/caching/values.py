"""What ``st.cache_data`` keeps of a return value, and the fresh copy every call gets.

Streamlit pickles every return value and unpickles it on every hit: a safe copy, at the
price of serializing the whole value each time.  nbstream keeps the same promise -- each
caller gets its own copy; mutating it never changes the cache -- more cheaply:

* pandas DataFrames and Series (without ``object`` columns, whose items could be mutable
  objects shared by copies) are kept as a copy-on-write shallow copy; every hit returns
  another shallow copy.  With pandas' Copy-on-Write (always on from pandas 3) the first
  write to a shared column copies that column, so no caller sees another's changes.
  Without Copy-on-Write (pandas 2 with the mode off) the copies are deep.
* Arrow tables and arrays are immutable: every caller gets the same object.
* NumPy arrays of plain dtypes are copied (a memory copy, no serialization).
* None, numbers, strings, bytes and tuples of them are immutable: returned as they are.
* Everything else is pickled once and unpickled on every hit, as in Streamlit.

A value that pickle refuses raises ``UnserializableReturnValueError``, as in Streamlit,
even when nbstream would not need to pickle it (the rule is part of ``cache_data``'s
contract).  Classes and functions defined in the app script (``__main__.X``, which pickle
cannot find by name because the script runs in its own namespace) are pickled by
reference: on a hit they are looked up by name in the namespace of the current run, so
``type(value) is X`` holds in every run, as in Streamlit.  Such values cannot leave the
process and stay out of the disk store.
"""

from __future__ import annotations

import abc
import io
import pickle
import sys
import types
from typing import Any

from nbstream.runtime.errors import UnserializableReturnValueError

_IMMUTABLE = (type(None), bool, int, float, complex, str, bytes, range)
_SCRIPT = "nbstream-script"


class Frozen(abc.ABC):
    """A cached value at rest; ``thaw`` gives a caller its own copy."""

    kind = "?"
    #: the value can be written to the disk store shared by kernels
    portable = True
    #: why not, when it cannot (a debug log says it)
    reason = ""

    @abc.abstractmethod
    def thaw(self, namespace: dict[str, Any] | None = None) -> Any:
        """The caller's own copy (``namespace``: the running script's, for its classes)."""

    @property
    def nbytes(self) -> int:
        return 0


class Immutable(Frozen):
    kind = "immutable"

    def __init__(self, value: Any) -> None:
        self.value = value

    def thaw(self, namespace: dict[str, Any] | None = None) -> Any:
        return self.value

    @property
    def nbytes(self) -> int:
        return sys.getsizeof(self.value)


class Frame(Frozen):
    """A pandas DataFrame or Series held as a copy-on-write snapshot."""

    kind = "frame"

    def __init__(self, frame: Any, cow: bool) -> None:
        self.frame, self.cow = frame, cow

    def thaw(self, namespace: dict[str, Any] | None = None) -> Any:
        return self.frame.copy(deep=not self.cow)

    @property
    def nbytes(self) -> int:
        usage = self.frame.memory_usage(index=True, deep=False)
        return int(usage.sum() if hasattr(usage, "sum") else usage)


class Arrow(Frozen):
    kind = "arrow"

    def __init__(self, value: Any) -> None:
        self.value = value

    def thaw(self, namespace: dict[str, Any] | None = None) -> Any:
        return self.value

    @property
    def nbytes(self) -> int:
        return int(self.value.nbytes)


class Array(Frozen):
    kind = "ndarray"

    def __init__(self, array: Any) -> None:
        self.array = array

    def thaw(self, namespace: dict[str, Any] | None = None) -> Any:
        return self.array.copy(order="K")

    @property
    def nbytes(self) -> int:
        return int(self.array.nbytes)


class Pickled(Frozen):
    """Pickled bytes; ``refs`` are the script's classes and functions it names."""

    kind = "pickle"

    def __init__(self, data: bytes, refs: dict[str, Any] | None = None) -> None:
        self.data = data
        self.refs = refs or {}
        if self.refs:
            self.portable = False
            self.reason = f"it refers to {', '.join(sorted(self.refs))}, defined in the app script"

    def thaw(self, namespace: dict[str, Any] | None = None) -> Any:
        if not self.refs:
            return pickle.loads(self.data)
        return _ScriptUnpickler(io.BytesIO(self.data), namespace or {}, self.refs).load()

    @property
    def nbytes(self) -> int:
        return len(self.data)


# ---- freezing ----------------------------------------------------------------------------


def freeze(value: Any, func_name: str) -> Frozen:
    """Keep ``value`` for ``cache_data``; raise ``UnserializableReturnValueError`` if it cannot be."""
    t = type(value)
    if t in _IMMUTABLE or (t in (tuple, frozenset) and _all_immutable(value)):
        return Immutable(value)
    module = t.__module__.partition(".")[0]
    if module == "pandas":
        frozen = _freeze_pandas(value)
        if frozen is not None:
            return frozen
    elif module == "pyarrow":
        import pyarrow as pa

        if isinstance(value, (pa.Table, pa.RecordBatch, pa.Array, pa.ChunkedArray)):
            return Arrow(value)
    elif module == "numpy":
        import numpy as np

        if t is np.ndarray and not value.dtype.hasobject:
            return Array(value.copy(order="K"))
    return pickled(value, func_name)


def _all_immutable(items: Any, depth: int = 0) -> bool:
    if depth > 4 or len(items) > 1000:
        return False
    for item in items:
        t = type(item)
        if t in _IMMUTABLE:
            continue
        if t in (tuple, frozenset) and _all_immutable(item, depth + 1):
            continue
        return False
    return True


def copy_on_write() -> bool:
    """True when pandas copies shared data on write (always from pandas 3)."""
    import pandas as pd

    if int(pd.__version__.split(".")[0]) >= 3:
        return True
    return pd.options.mode.copy_on_write is True


def _freeze_pandas(value: Any) -> Frozen | None:
    import pandas as pd

    if type(value) is pd.DataFrame:
        dtypes = list(value.dtypes)
    elif type(value) is pd.Series:
        dtypes = [value.dtype]
    else:
        return None
    import numpy as np

    if any(isinstance(dtype, np.dtype) and dtype.kind == "O" for dtype in dtypes):
        return None  # items could be mutable objects that copies would share: pickle
    cow = copy_on_write()
    return Frame(value.copy(deep=not cow), cow)


def pickled(value: Any, func_name: str) -> Pickled:
    try:
        return Pickled(pickle.dumps(value, protocol=5))
    except Exception as plain_error:
        refs: dict[str, Any] = {}
        buffer = io.BytesIO()
        try:
            _ScriptPickler(buffer, refs).dump(value)
        except Exception:
            raise UnserializableReturnValueError(func_name, _type_name(value)) from plain_error
        return Pickled(buffer.getvalue(), refs)


def _type_name(value: Any) -> str:
    t = type(value)
    return t.__qualname__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"


def _resolve(namespace: dict[str, Any], qualname: str) -> Any:
    head, *rest = qualname.split(".")
    if "<locals>" in rest or head not in namespace:
        return None
    obj = namespace[head]
    for part in rest:
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


class _ScriptPickler(pickle.Pickler):
    """Pickles the app script's own classes and functions by name, for the script to resolve."""

    def __init__(self, file: Any, refs: dict[str, Any]) -> None:
        super().__init__(file, protocol=5)
        self.refs = refs
        main = sys.modules.get("__main__")
        self._main = vars(main) if main is not None else {}

    def persistent_id(self, obj: Any) -> Any:
        named = isinstance(obj, (type, types.FunctionType))
        # Only what the script can name is found again: never a lambda or a nested function
        # (pickle refuses those in Streamlit too, whose script is __main__ itself).
        from_script = named and getattr(obj, "__module__", None) == "__main__" and "<" not in obj.__qualname__
        if from_script and _resolve(self._main, obj.__qualname__) is not obj:
            self.refs[obj.__qualname__] = obj
            return (_SCRIPT, obj.__qualname__)
        return None


class _ScriptUnpickler(pickle.Unpickler):
    def __init__(self, file: Any, namespace: dict[str, Any], refs: dict[str, Any]) -> None:
        super().__init__(file)
        self.namespace, self.refs = namespace, refs

    def persistent_load(self, pid: Any) -> Any:
        tag, qualname = pid
        if tag != _SCRIPT:
            raise pickle.UnpicklingError(f"unknown reference {pid!r}")
        found = _resolve(self.namespace, qualname)
        return found if found is not None else self.refs[qualname]
