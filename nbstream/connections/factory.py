"""``st.connection``: which connection class, under which name, and the cached connection object."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import json
import os
from typing import Any, TypeVar

from nbstream.caching.api import ttl_seconds
from nbstream.caching.cached_func import RESOURCE, CachedFunc
from nbstream.connections.base import BaseConnection, connection_secrets
from nbstream.connections.sql import SQLConnection
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.secrets import secrets

ConnectionClass = TypeVar("ConnectionClass", bound=BaseConnection[Any])

_FIRST_PARTY: dict[str, type[BaseConnection[Any]]] = {"sql": SQLConnection}
# Streamlit's cloud connections need their vendors' accounts to test: nbstream has none.
_CLOUD_ONLY = ("snowflake", "snowflake-callers-rights", "snowpark")
# The packages each first-party connection needs, for a clear message when one is missing.
_REQUIRED_PACKAGES = {SQLConnection: "sqlalchemy"}

_cached_makers: dict[tuple[int | None, float | None], CachedFunc] = {}


def connection(
    name: str,
    type: str | type[ConnectionClass] | None = None,
    max_entries: int | None = None,
    ttl: float | dt.timedelta | str | None = None,
    **kwargs: Any,
) -> Any:
    """Create a connection to a data store or API, or return the existing one.

    Connection settings come from the keyword arguments, which take precedence, and from
    the ``[connections.<name>]`` section of ``secrets.toml``.  The connection object is
    cached like ``st.cache_resource``: the same name, type and arguments give the same
    object across reruns and sessions.

    Parameters
    ----------
    name : str
        The connection's name, used to find its secrets under ``[connections.<name>]``.
        ``"env:VAR"`` takes the name from the environment variable ``VAR``.  The name
        ``"sql"`` also selects the type.
    type : str, connection class or None
        ``"sql"`` for ``SQLConnection``, a connection class (a subclass of
        ``st.connections.BaseConnection``), or its importable dotted path
        (``"my_pkg.MyConnection"``).  None: the ``type`` field of the connection's secrets
        section, or the name itself if it is ``"sql"``.
    max_entries : int or None
        The most connection objects to keep in the cache (None: no limit).
    ttl : float, timedelta, str or None
        How long a connection object is kept before it is made again (None: always).
    **kwargs
        Passed to the connection class (for ``SQLConnection``: URL parts and
        ``create_engine`` arguments).

    Returns
    -------
    BaseConnection
        The connection object.

    Example
    -------
    >>> conn = st.connection("pets_db", type="sql")
    >>> st.dataframe(conn.query("select * from pet_owners"))
    """
    if name.startswith("env:"):
        name = os.environ[name.removeprefix("env:")]
    connection_class = _connection_class(name, type)
    maker = _maker(max_entries, ttl_seconds(ttl))
    try:
        return maker(name, _class_path(connection_class), _secrets_digest(name), connection_class, **kwargs)
    except ModuleNotFoundError as error:
        package = _REQUIRED_PACKAGES.get(connection_class)
        if package is not None and error.name is not None and error.name.split(".")[0] == package:
            raise ModuleNotFoundError(
                f"No module named '{package}'. You need to install the '{package}' package "
                "to use this connection.",
                name=package,
            ) from error
        raise


def _connection_class(name: str, type_: Any) -> type[BaseConnection[Any]]:
    if type_ is None:
        known = name in _FIRST_PARTY or name in _CLOUD_ONLY
        # As Streamlit does: a missing secrets file, section or field raises from st.secrets.
        type_ = name if known else secrets["connections"][name]["type"]
    if isinstance(type_, str):
        type_ = _class_from_string(type_)
    if not isinstance(type_, type):
        raise StreamlitAPIException(f"{type_!r} is not a connection class.")
    if not issubclass(type_, BaseConnection):
        raise StreamlitAPIException(f"{type_!r} is not a subclass of BaseConnection!")
    return type_


def _class_from_string(text: str) -> Any:
    if text in _FIRST_PARTY:
        return _FIRST_PARTY[text]
    if text in _CLOUD_ONLY:
        raise StreamlitAPIException(
            f"The '{text}' connection type is not available in nbstream: it needs the vendor's "
            "cloud service to be tested. Write a custom connection class instead."
        )
    module_name, _, class_name = text.rpartition(".")
    if not module_name:
        raise StreamlitAPIException(
            f"Invalid connection '{text}'. Supported connection classes: {_FIRST_PARTY}"
        )
    module = importlib.import_module(module_name)
    return getattr(module, class_name)


def _class_path(connection_class: type) -> str:
    return f"{connection_class.__module__}.{connection_class.__qualname__}"


def _secrets_digest(name: str) -> str:
    """A digest of the connection's secrets: changed secrets make a new connection object."""
    section = connection_secrets(name).to_dict()
    text = json.dumps(section, sort_keys=True, default=repr)
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def _make(
    name: str, class_path: str, secrets_digest: str, _connection_class: type, **kwargs: Any
) -> BaseConnection[Any]:
    return _connection_class(name, **kwargs)


def _maker(max_entries: int | None, ttl: float | None) -> CachedFunc:
    found = _cached_makers.get((max_entries, ttl))
    if found is None:
        if max_entries is not None and (isinstance(max_entries, bool) or not isinstance(max_entries, int)):
            raise StreamlitAPIException(f"max_entries must be an int or None, not {max_entries!r}.")

        def make(
            name: str, class_path: str, secrets_digest: str, _connection_class: type, **kwargs: Any
        ) -> BaseConnection[Any]:
            return _make(name, class_path, secrets_digest, _connection_class, **kwargs)

        # One cache per (max_entries, ttl): a cache is keyed by its function's name.
        make.__qualname__ = f"connection[max_entries={max_entries}, ttl={ttl}]"
        make.__module__ = __name__
        found = _cached_makers[(max_entries, ttl)] = CachedFunc(
            make,
            kind=RESOURCE,
            ttl=ttl,
            max_entries=max_entries,
            show_spinner="Running `st.connection(...)`.",
            show_time=False,
            persist=False,
            hash_funcs=None,
            allow_widgets=False,
        )
    return found
