"""``BaseConnection``: what every connection class extends.

A subclass implements ``_connect(**kwargs)``, which makes the underlying object (a
SQLAlchemy engine, a DuckDB connection...) from its keyword arguments and its secrets,
``self._secrets`` -- the ``[connections.<name>]`` section of ``secrets.toml``.  The
object is made when the connection is created, kept as ``_instance``, and made again on
first use after ``reset()``.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any, Generic, TypeVar

from nbstream.secrets import AttrDict, secrets

RawConnectionT = TypeVar("RawConnectionT")


def connection_secrets(name: str) -> AttrDict:
    """The ``[connections.<name>]`` section of the current secrets, empty when there is none."""
    try:
        section = secrets["connections"]
    except (FileNotFoundError, KeyError):
        return AttrDict({})
    found = section.get(name) if isinstance(section, Mapping) else None
    return found if isinstance(found, AttrDict) else AttrDict({})


class BaseConnection(ABC, Generic[RawConnectionT]):
    """The base class of connections made by ``st.connection``.

    Subclass it with the type of the underlying connection object and implement
    ``_connect``::

        class DuckDBConnection(BaseConnection[duckdb.DuckDBPyConnection]):
            def _connect(self, **kwargs) -> duckdb.DuckDBPyConnection:
                db = kwargs.pop("database", None) or self._secrets["database"]
                return duckdb.connect(database=db, **kwargs)

    Then ``st.connection("ducks", type=DuckDBConnection)`` makes (or returns the cached)
    connection.  Keyword arguments given to ``st.connection`` reach ``_connect``; they
    should take precedence over ``self._secrets``.  Add read methods wrapped in
    ``st.cache_data`` where results should be cached.
    """

    def __init__(self, connection_name: str, **kwargs: Any) -> None:
        self._connection_name = connection_name
        self._kwargs = kwargs
        self._lock = threading.RLock()
        self._raw_instance: RawConnectionT | None = self._connect(**kwargs)

    @abstractmethod
    def _connect(self, **kwargs: Any) -> RawConnectionT:
        """Make the underlying connection object from ``kwargs`` and ``self._secrets``."""
        raise NotImplementedError

    @property
    def _secrets(self) -> AttrDict:
        """This connection's section of ``secrets.toml`` (``[connections.<name>]``), maybe empty."""
        return connection_secrets(self._connection_name)

    @property
    def _instance(self) -> RawConnectionT:
        """The underlying connection object, made again if ``reset()`` dropped it."""
        with self._lock:
            if self._raw_instance is None:
                self._raw_instance = self._connect(**self._kwargs)
            return self._raw_instance

    def reset(self) -> None:
        """Drop the underlying connection object: the next use connects again.

        Use it when a connection went stale (a closed server connection, an expired
        token)::

            conn = st.connection("my_db", type="sql")
            try:
                df = conn.query("select * from t")
            except OperationalError:
                conn.reset()
        """
        with self._lock:
            self._raw_instance = None

    def __getattr__(self, name: str) -> Any:
        # Only reached when normal lookup failed: point at the underlying object if it has it.
        if name.startswith("_"):
            raise AttributeError(name)
        raw = self.__dict__.get("_raw_instance")
        if raw is not None and hasattr(raw, name):
            raise AttributeError(f"`{name}` doesn't exist here, but you can call `._instance.{name}` instead")
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __repr__(self) -> str:
        # Never the kwargs or secrets: they may hold passwords.
        return f"<{type(self).__module__}.{type(self).__qualname__} {self._connection_name!r}>"


ExperimentalBaseConnection = BaseConnection
