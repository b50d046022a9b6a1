"""Connections: ``st.connection`` and the connection classes (``st.connections.*``).

* ``base`` -- ``BaseConnection`` (``ExperimentalBaseConnection``), what custom connections extend;
* ``sql`` -- ``SQLConnection``, a SQLAlchemy engine with a cached ``query``;
* ``factory`` -- ``st.connection``: names (``env:``), types, and the cached connection objects.

This layer sits above ``caching``: connection objects are ``cache_resource`` entries and
``query`` results ``cache_data`` entries.
"""

from nbstream.connections.base import BaseConnection, ExperimentalBaseConnection
from nbstream.connections.factory import connection
from nbstream.connections.sql import SQLConnection

__all__ = ["BaseConnection", "ExperimentalBaseConnection", "SQLConnection", "connection"]
