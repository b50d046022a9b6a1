"""Real databases for the connection tests: a SQLite file, and a PostgreSQL server.

The PostgreSQL server is Debian's (``.ci/run`` installs the ``postgresql`` package when
missing), started for the test session on 127.0.0.1 with password authentication, in a
temporary folder, and stopped afterwards.  As root (CI), it runs as the ``postgres``
user, since the server refuses to run as root.
"""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PG_USER = "nbstream_tester"
PG_DATABASE = "nbstream_test"


@dataclass(frozen=True)
class Database:
    """Where a test database is, as the parts a ``[connections.<name>]`` section holds."""

    kind: str  # "sqlite" or "postgresql"
    url: str
    parts: dict  # dialect, driver, host, port, username, password, database (no url)
    password: str | None

    def secrets_toml(self, name: str) -> str:
        """A ``secrets.toml`` section for this database, with its URL parts (not the URL)."""
        lines = [f"[connections.{name}]"]
        for key, value in self.parts.items():
            lines.append(f"{key} = {value!r}" if isinstance(value, int) else f'{key} = "{value}"')
        return "\n".join(lines) + "\n"


def sqlite_database(folder: Path) -> Database:
    path = folder / "test.db"
    return Database("sqlite", f"sqlite:///{path}", {"url": f"sqlite:///{path}"}, None)


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def postgresql_server() -> Iterator[Database | None]:
    """A running PostgreSQL server with a database and a password user; None without PostgreSQL."""
    bin_dir = _pg_bin()
    if bin_dir is None:
        yield None
        return
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    folder = Path(tempfile.mkdtemp(prefix="nbstream-pg-"))
    data, pwfile = folder / "data", folder / "pw"
    password = "pw-" + secrets.token_hex(12)
    pwfile.write_text(password + "\n")
    if as_postgres:
        shutil.chown(folder, "postgres", "postgres")
        shutil.chown(pwfile, "postgres", "postgres")
    pwfile.chmod(0o600)
    port = _free_port()
    run = lambda *args: subprocess.run(  # noqa: E731
        [*as_postgres, *args], check=True, capture_output=True, text=True, cwd=folder
    )
    run(
        str(bin_dir / "initdb"),
        "-D",
        str(data),
        "-U",
        PG_USER,
        "--auth=scram-sha-256",
        f"--pwfile={pwfile}",
        "--no-sync",
    )
    options = f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off -c full_page_writes=off"
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start")
    try:
        env = {**os.environ, "PGPASSWORD": password}
        subprocess.run(
            [str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", PG_USER, PG_DATABASE],
            check=True,
            capture_output=True,
            env=env,
        )
        parts = {
            "dialect": "postgresql",
            "driver": "psycopg",
            "host": "127.0.0.1",
            "port": port,
            "username": PG_USER,
            "password": password,
            "database": PG_DATABASE,
        }
        url = f"postgresql+psycopg://{PG_USER}:{password}@127.0.0.1:{port}/{PG_DATABASE}"
        yield Database("postgresql", url, parts, password)
    finally:
        subprocess.run(
            [*as_postgres, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
            capture_output=True,
            cwd=folder,
        )
        shutil.rmtree(folder, ignore_errors=True)
