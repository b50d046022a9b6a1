"""Shared fixtures: every test starts from the default configuration and no secrets files."""

from __future__ import annotations

import pytest

from nbstream import config
from nbstream.secrets import secrets


@pytest.fixture(autouse=True)
def _fresh_config(tmp_path_factory, monkeypatch):
    """Config and secrets are read from an empty home and project, and re-read per test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name in list(__import__("os").environ):
        if name.startswith(("NBSTREAM_", "STREAMLIT_")):
            monkeypatch.delenv(name)
    config.reload()
    secrets.reload()
    yield
    config.reload()
    secrets.reload()


@pytest.fixture(scope="session")
def postgresql():
    """A PostgreSQL server on 127.0.0.1 for the session (see tests/databases.py)."""
    from tests.databases import postgresql_server

    with postgresql_server() as database:
        if database is None:
            pytest.skip("PostgreSQL is not installed (.ci/run installs Debian's postgresql)")
        yield database


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    """Each connection test runs against a SQLite file and a real PostgreSQL server."""
    from tests.databases import sqlite_database

    if request.param == "sqlite":
        return sqlite_database(tmp_path)
    return request.getfixturevalue("postgresql")


@pytest.fixture(scope="session")
def redis_server():
    """A Redis server on 127.0.0.1 for the session (see tests/redis_server.py)."""
    from tests.redis_server import redis_server as start

    with start() as server:
        if server is None:
            pytest.skip("redis-server is not installed (.ci/run installs Debian's redis-server)")
        yield server
