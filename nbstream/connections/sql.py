"""``SQLConnection``: a SQLAlchemy engine whose ``query`` results are cached like ``st.cache_data``."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import TYPE_CHECKING, Any

from nbstream.caching.api import ttl_seconds
from nbstream.caching.cached_func import DATA, CachedFunc
from nbstream.connections.base import BaseConnection
from nbstream.runtime.errors import StreamlitAPIException

if TYPE_CHECKING:
    import pandas as pd
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session

# The parts of a URL (sqlalchemy.engine.URL.create), by the names secrets and kwargs use.
_URL_PARAMS = ("url", "driver", "dialect", "username", "password", "host", "port", "database", "query")
_REQUIRED_WITHOUT_URL = ("dialect", "host", "username")
# Keys of the secrets section that are neither URL parts nor create_engine() arguments.
_NOT_ENGINE_ARGS = (*_URL_PARAMS, "type", "create_engine_kwargs", "autocommit")


def _text_session(engine: Engine) -> Session:
    """A SQLAlchemy session that also takes plain SQL strings in ``execute``, as SQLAlchemy 1.4 did."""
    from sqlalchemy import text
    from sqlalchemy.orm import Session

    class TextSession(Session):
        def execute(self, statement: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(statement, str):
                statement = text(statement)
            return super().execute(statement, *args, **kwargs)

    return TextSession(engine)


class SQLConnection(BaseConnection["Engine"]):
    """A connection to a SQL database through a SQLAlchemy engine.

    Make it with ``st.connection("<name>", type="sql")`` (or ``st.connection("sql")``),
    never directly.  Parameters come from the ``[connections.<name>]`` section of
    ``secrets.toml`` and from keyword arguments to ``st.connection``, which take
    precedence:

    * ``url`` (passed to ``sqlalchemy.engine.make_url``), or its parts ``dialect``,
      ``driver``, ``username``, ``password``, ``host``, ``port``, ``database`` and
      ``query`` (at least ``dialect``, ``host`` and ``username`` without a ``url``);
    * ``create_engine_kwargs`` (a secrets section) and any other keyword argument:
      arguments of ``sqlalchemy.create_engine`` (``connect_args``, ``pool_size``...);
    * ``autocommit=True`` for an engine in AUTOCOMMIT isolation.

    ``query`` runs a read-only query into a DataFrame, cached; ``session`` gives a
    SQLAlchemy session for everything else (writes, transactions).

    Example
    -------
    >>> conn = st.connection("pets_db", type="sql")
    >>> with conn.session as s:
    ...     s.execute("INSERT INTO pet_owners VALUES (:o, :p)", params={"o": "jerry", "p": "fish"})
    ...     s.commit()
    >>> st.dataframe(conn.query("select * from pet_owners"))
    """

    def _connect(self, autocommit: bool = False, **kwargs: Any) -> Engine:
        import sqlalchemy

        secrets = self._secrets.to_dict()
        params = {**secrets, **kwargs}
        if not params:
            raise StreamlitAPIException(
                "Missing SQL DB connection configuration. "
                "Did you forget to set this in `secrets.toml` or as kwargs to `st.connection`?"
            )
        autocommit = bool(params.get("autocommit", autocommit))
        if "url" in params:
            url = sqlalchemy.engine.make_url(params["url"])
        else:
            for name in _REQUIRED_WITHOUT_URL:
                if name not in params:
                    raise StreamlitAPIException(
                        f"The `{name}` parameter is required. Set this SQL DB connection parameter "
                        "in `secrets.toml` or pass it as a kwarg to `st.connection`."
                    )
            driver = params.get("driver")
            port = params.get("port")
            url = sqlalchemy.engine.URL.create(
                drivername=f"{params['dialect']}+{driver}" if driver else params["dialect"],
                username=params["username"],
                password=params.get("password"),
                host=params["host"],
                port=int(port) if port is not None else None,
                database=params.get("database"),
                query=params.get("query") or {},
            )
        engine_kwargs = dict(secrets.get("create_engine_kwargs") or {})
        engine_kwargs.update({k: v for k, v in kwargs.items() if k not in _NOT_ENGINE_ARGS})
        engine_kwargs.update(kwargs.get("create_engine_kwargs") or {})
        engine = sqlalchemy.create_engine(url, **engine_kwargs)
        if autocommit:
            return engine.execution_options(isolation_level="AUTOCOMMIT")
        return engine

    @property
    def _cache_scope(self) -> str:
        """Which database query results belong to: the name, and a digest of the URL and of
        every setting (two engines on one URL may differ, in ``connect_args`` say)."""
        engine = self._instance
        scope = self.__dict__.get("_scope")
        if scope is None or scope[0] is not engine:
            settings = {
                "url": engine.url.render_as_string(hide_password=False),
                "kwargs": self._kwargs,
                "secrets": self._secrets.to_dict(),
            }
            text = json.dumps(settings, sort_keys=True, default=repr)
            digest = hashlib.blake2b(text.encode(), digest_size=12).hexdigest()
            scope = self.__dict__["_scope"] = (engine, f"{self._connection_name}.{digest}")
        return scope[1]

    def query(
        self,
        sql: str,
        *,
        show_spinner: bool | str = "Running `sql.query(...)`.",
        ttl: float | int | dt.timedelta | str | None = None,
        index_col: str | list[str] | None = None,
        chunksize: int | None = None,
        params: Any = None,
        **kwargs: Any,
    ) -> pd.DataFrame:
        """Run a read-only SQL query and return its result as a DataFrame, cached.

        Results are cached like ``st.cache_data``: the same query with the same arguments
        on the same database returns the stored result without reaching the database,
        until ``ttl`` passes.  A spinner shows while a query runs.

        Parameters
        ----------
        sql : str
            The read-only SQL query; ``:name`` placeholders take values from ``params``.
        show_spinner : bool or str
            Show a spinner on a cache miss; a string sets its text.
        ttl : float, int, timedelta, str or None
            How long to keep the result: seconds, a ``timedelta`` or a string such as
            ``"1d"``.  None (the default) keeps it until the cache is cleared.
        index_col : str, list of str or None
            Column(s) to make the DataFrame's index.
        chunksize : int or None
            Read the result from the database this many rows at a time (the rows are
            then put together into one DataFrame, which is what is cached).
        params : dict, list or None
            Values for the query's placeholders.
        **kwargs
            Passed on to ``pandas.read_sql``.

        Returns
        -------
        pandas.DataFrame

        Example
        -------
        >>> conn = st.connection("sql")
        >>> df = conn.query("select * from pet_owners where pet = :pet", params={"pet": "cat"}, ttl=600)
        """
        cached = self._cached_query(ttl_seconds(ttl), show_spinner)
        return cached(self._cache_scope, sql, index_col, chunksize, params, **kwargs)

    def _cached_query(self, ttl: float | None, show_spinner: bool | str) -> CachedFunc:
        made: dict[tuple[Any, Any], CachedFunc] = self.__dict__.setdefault("_queries", {})
        found = made.get((ttl, show_spinner))
        if found is None:
            found = made[(ttl, show_spinner)] = self._make_cached_query(ttl, show_spinner)
        return found

    def _make_cached_query(self, ttl: float | None, show_spinner: bool | str) -> CachedFunc:
        engine_of = self

        def run_query(
            scope: str, sql: str, index_col: Any, chunksize: Any, params: Any, **kwargs: Any
        ) -> pd.DataFrame:
            return engine_of._read(sql, index_col, chunksize, params, **kwargs)

        # One cache per connection and ttl: the cache of a function is keyed by its name.
        run_query.__qualname__ = f"SQLConnection.query[{self._connection_name}, ttl={ttl}]"
        run_query.__module__ = __name__
        return CachedFunc(
            run_query,
            kind=DATA,
            ttl=ttl,
            max_entries=None,
            show_spinner=show_spinner,
            show_time=False,
            persist=None,
            hash_funcs=None,
            allow_widgets=False,
        )

    def _read(self, sql: str, index_col: Any, chunksize: Any, params: Any, **kwargs: Any) -> pd.DataFrame:
        import pandas as pd
        from sqlalchemy import exc, text

        for attempt in range(2):
            try:
                with self._instance.connect() as conn:
                    result = pd.read_sql(
                        text(sql), con=conn, index_col=index_col, chunksize=chunksize, params=params, **kwargs
                    )
                    if chunksize is not None:
                        chunks = list(result)
                        result = pd.concat(chunks) if chunks else pd.DataFrame()
                    return result
            except (exc.OperationalError, exc.InterfaceError) as error:
                # A dropped server connection: connect again once.  Errors in the query itself
                # fail the same way the second time and are raised then.
                if attempt == 1 or (not error.connection_invalidated and not _looks_stale(error)):
                    raise
                self.reset()
        raise AssertionError("unreachable")

    def connect(self) -> Connection:
        """A new ``sqlalchemy.engine.Connection`` from the engine (close it when done)."""
        return self._instance.connect()

    @property
    def engine(self) -> Engine:
        """The underlying ``sqlalchemy.engine.Engine``."""
        return self._instance

    @property
    def driver(self) -> str:
        """The name of the driver the engine uses, such as ``"pysqlite"`` or ``"psycopg"``."""
        return self._instance.driver

    @property
    def session(self) -> Session:
        """A new SQLAlchemy session; use it as a context manager and ``commit()`` writes.

        ``execute`` also takes plain SQL strings (SQLAlchemy 1.4 did; 2.x wants
        ``text()``), so Streamlit's examples work as written.
        """
        return _text_session(self._instance)


def _looks_stale(error: Exception) -> bool:
    message = str(error).lower()
    return any(
        hint in message
        for hint in ("server closed the connection", "connection is closed", "terminating connection")
    )
