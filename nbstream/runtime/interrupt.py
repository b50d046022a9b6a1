"""Raising an exception inside another thread, between two of its bytecodes.

A script stuck in pure Python (``while True: pass``) never reaches an ``st.*`` call,
so the flag a run checks there cannot stop it.  CPython can deliver an exception to
another thread asynchronously: the thread raises it at its next bytecode boundary.
A thread blocked inside C code (``time.sleep``, a C extension) raises it only once
that call returns.
"""

from __future__ import annotations

import ctypes

_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = (ctypes.c_ulong, ctypes.py_object)
_set_async_exc.restype = ctypes.c_int


def raise_in_thread(ident: int, exc_type: type[BaseException]) -> bool:
    """Make thread ``ident`` raise ``exc_type`` soon; False if no such thread runs."""
    return _set_async_exc(ident, exc_type) == 1


def cancel_pending(ident: int) -> None:
    """Withdraw an exception raised with ``raise_in_thread`` that has not fired yet."""
    _set_async_exc(ident, ctypes.py_object())
