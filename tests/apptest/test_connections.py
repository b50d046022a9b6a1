"""Spec 5.1 "Connecting to data" and 5.2 "Secrets management": every example, through AppTest,
against a real SQLite file and a real PostgreSQL server (tests/databases.py)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from apphelpers import app, run, values

import nbstream as st
from nbstream import config
from nbstream.caching import cached_func
from nbstream.errors import StreamlitAPIException
from nbstream.secrets import secrets


@pytest.fixture(autouse=True)
def _fresh_caches(tmp_path):
    config.set_option("cache.dir", str(tmp_path / "cache"))
    st.cache_data.clear()
    st.cache_resource.clear()
    cached_func._apps.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


def write_secrets(base: Path, text: str, folder: str = ".streamlit") -> None:
    (base / folder).mkdir(exist_ok=True)
    (base / folder / "secrets.toml").write_text(text)
    secrets.reload()


def errors(at) -> list[str]:
    return [e.message for e in at.exception]


# ---- A simple starting point: the pets database from secrets.toml -------------------------

PETS = """
import nbstream as st
# Create the SQL connection to pets_db as specified in your secrets file.
conn = st.connection('pets_db', type='sql')
# Insert some data with conn.session.
with conn.session as s:
    s.execute('CREATE TABLE IF NOT EXISTS pet_owners (person TEXT, pet TEXT);')
    s.execute('DELETE FROM pet_owners;')
    pet_owners = {'jerry': 'fish', 'barbara': 'cat', 'alex': 'puppy'}
    for k in pet_owners:
        s.execute(
            'INSERT INTO pet_owners (person, pet) VALUES (:owner, :pet);',
            params=dict(owner=k, pet=pet_owners[k])
        )
    s.commit()
# Query and display the data you inserted
pet_owners = conn.query('select * from pet_owners')
st.dataframe(pet_owners)
"""


def test_spec_pets_db_from_secrets(project, database):
    write_secrets(project, database.secrets_toml("pets_db"))
    at = run(PETS)
    assert not at.exception
    df = at.dataframe[0].value
    assert list(df.columns) == ["person", "pet"]
    assert sorted(zip(df.person, df.pet, strict=True)) == [
        ("alex", "puppy"),
        ("barbara", "cat"),
        ("jerry", "fish"),
    ]


def test_spec_sqlite_url_relative_to_the_app_folder(project):
    """The spec's own secrets: ``url = "sqlite:///pets.db"`` makes pets.db where the app runs."""
    write_secrets(project, '[connections.pets_db]\nurl = "sqlite:///pets.db"\n')
    at = run(PETS)
    assert sorted(at.dataframe[0].value.person) == ["alex", "barbara", "jerry"]
    assert (project / "pets.db").is_file()


# ---- Query caching: without ttl forever, with ttl until it passes -------------------------

CACHED = """
import nbstream as st
conn = st.connection("db", type="sql")
ttl = st.session_state.get("ttl")
with conn.session as s:
    s.execute("CREATE TABLE IF NOT EXISTS visits (n INTEGER)")
    s.execute("INSERT INTO visits VALUES (1)")
    s.commit()
st.text(str(len(conn.query("select * from visits", ttl=ttl))))
"""


def test_query_without_ttl_is_cached_until_cleared(project, database):
    write_secrets(project, database.secrets_toml("db"))
    with st.connection("db", type="sql").session as s:
        s.execute("DROP TABLE IF EXISTS visits")
        s.commit()
    at = run(CACHED)
    assert values(at.text) == ["1"]
    at.run()
    at.run()
    assert values(at.text) == ["1"]  # three rows now, the cached result has one
    st.cache_data.clear()
    at.run()
    assert values(at.text) == ["4"]


def test_query_with_ttl_expires(project, database):
    write_secrets(project, database.secrets_toml("db"))
    with st.connection("db", type="sql").session as s:
        s.execute("DROP TABLE IF EXISTS visits")
        s.commit()
    at = app(CACHED)
    at.session_state["ttl"] = 0.5
    at.run()
    assert values(at.text) == ["1"]
    at.run()
    assert values(at.text) == ["1"]
    time.sleep(0.6)
    at.run()
    assert values(at.text) == ["3"]


def test_query_arguments(project, database):
    write_secrets(project, database.secrets_toml("db"))
    conn = st.connection("db", type="sql")
    with conn.session as s:
        s.execute("DROP TABLE IF EXISTS pets")
        s.execute("CREATE TABLE pets (name TEXT, kind TEXT, age INTEGER)")
        for i, (name, kind) in enumerate([("rex", "dog"), ("tom", "cat"), ("kit", "cat")]):
            s.execute("INSERT INTO pets VALUES (:n, :k, :a)", params={"n": name, "k": kind, "a": i})
        s.commit()
    cats = conn.query("select name from pets where kind = :kind order by name", params={"kind": "cat"})
    assert list(cats.name) == ["kit", "tom"]
    indexed = conn.query("select name, age from pets order by age", index_col="name")
    assert list(indexed.index) == ["rex", "tom", "kit"] and list(indexed.age) == [0, 1, 2]
    chunked = conn.query("select * from pets order by age", chunksize=2)
    assert list(chunked.name) == ["rex", "tom", "kit"]
    assert conn.driver == ("pysqlite" if database.kind == "sqlite" else "psycopg")
    with conn.connect() as c:
        assert c.exec_driver_sql("select count(*) from pets").scalar() == 3


# ---- Connection objects are cached like cache_resource; reset() reconnects ---------------

SAME = """
import nbstream as st
conn = st.connection("db", type="sql")
st.session_state.setdefault("seen", []).append(id(conn))
st.session_state.setdefault("engines", []).append(id(conn.engine))
if st.session_state.get("reset"):
    conn.reset()
"""


def test_same_connection_across_reruns_and_sessions(project, database):
    write_secrets(project, database.secrets_toml("db"))
    first = run(SAME)
    first.run()
    second = run(SAME)
    seen = first.session_state["seen"] + second.session_state["seen"]
    assert len(set(seen)) == 1
    assert len(set(first.session_state["engines"])) == 1


def test_reset_makes_a_new_underlying_connection(project, database):
    write_secrets(project, database.secrets_toml("db"))
    at = app(SAME)
    at.session_state["reset"] = True
    at.run()
    at.run()
    assert len(set(at.session_state["seen"])) == 1  # the same connection object ...
    assert len(set(at.session_state["engines"])) == 2  # ... with a new engine after reset()
    conn = st.connection("db", type="sql")
    assert len(conn.query("select 1 as one")) == 1


def test_connection_ttl_makes_a_new_object(project):
    write_secrets(project, '[connections.db]\nurl = "sqlite://"\n')
    first = st.connection("db", type="sql", ttl=0.3)
    assert st.connection("db", type="sql", ttl=0.3) is first
    time.sleep(0.4)
    assert st.connection("db", type="sql", ttl=0.3) is not first


def test_different_kwargs_make_different_connections(project, tmp_path):
    a = st.connection("db", type="sql", url=f"sqlite:///{tmp_path / 'a.db'}")
    b = st.connection("db", type="sql", url=f"sqlite:///{tmp_path / 'b.db'}")
    assert a is not b
    assert st.connection("db", type="sql", url=f"sqlite:///{tmp_path / 'a.db'}") is a


# ---- Global secrets, env: names, kwargs over secrets -------------------------------------


def test_env_name_picks_the_connection_section(project, monkeypatch, tmp_path):
    """``st.connection("env:DB_CONN", "sql")``: local or staging, chosen by the environment."""
    home = Path.home()
    local, staging = tmp_path / "local.db", tmp_path / "staging.db"
    for path, label in ((local, "local"), (staging, "staging")):
        conn = st.connection(label, type="sql", url=f"sqlite:///{path}")
        with conn.session as s:
            s.execute("CREATE TABLE mytable (db TEXT)")
            s.execute("INSERT INTO mytable VALUES (:db)", params={"db": label})
            s.commit()
    st.cache_resource.clear()
    write_secrets(
        home,
        f'[connections.local]\nurl = "sqlite:///{local}"\n[connections.staging]\nurl = "sqlite:///{staging}"\n',
    )
    script = """
    import nbstream as st
    conn = st.connection("env:DB_CONN", "sql")
    df = conn.query("select * from mytable")
    st.text(df.db[0])
    """
    monkeypatch.setenv("DB_CONN", "local")
    assert values(run(script).text) == ["local"]
    monkeypatch.setenv("DB_CONN", "staging")
    assert values(run(script).text) == ["staging"]
    monkeypatch.delenv("DB_CONN")
    assert errors(run(script)) == ["'DB_CONN'"]


def test_project_secrets_override_global_ones(project, tmp_path):
    write_secrets(Path.home(), '[connections.db]\nurl = "sqlite:///global.db"\n')
    assert st.connection("db", type="sql").engine.url.database == "global.db"
    write_secrets(project, '[connections.db]\nurl = "sqlite:///project.db"\n')
    assert st.connection("db", type="sql").engine.url.database == "project.db"


def test_kwargs_take_precedence_over_secrets(project, database):
    write_secrets(project, database.secrets_toml("db") + 'url_unused = "x"\n')
    conn = st.connection("db", type="sql", url="sqlite:///from_kwargs.db")
    assert conn.engine.url.database == "from_kwargs.db"
    if database.kind == "postgresql":
        moved = st.connection("db", type="sql", database="postgres")
        assert moved.engine.url.database == "postgres"
        assert moved.query("select current_database() as d").d[0] == "postgres"


def test_create_engine_kwargs_from_secrets_and_kwargs(project, postgresql):
    """The spec's [connections.<name>.create_engine_kwargs.connect_args], on PostgreSQL."""
    write_secrets(
        project,
        f'[connections.pg]\nurl = "{postgresql.url}"\n'
        "[connections.pg.create_engine_kwargs.connect_args]\n"
        'application_name = "from-secrets"\n',
    )
    sql = "select current_setting('application_name') as app"
    assert st.connection("pg", type="sql").query(sql).app[0] == "from-secrets"
    by_kwargs = st.connection("pg", type="sql", connect_args={"application_name": "from-kwargs"})
    assert by_kwargs.query(sql).app[0] == "from-kwargs"
    # Entirely in kwargs: no secrets needed.
    st.cache_resource.clear()
    write_secrets(project, "")
    whole = st.connection(
        "other", "sql", url=postgresql.url, connect_args={"application_name": "kwargs-only"}
    )
    assert whole.query(sql).app[0] == "kwargs-only"


def test_autocommit(project, database):
    write_secrets(project, database.secrets_toml("db"))
    conn = st.connection("db", type="sql", autocommit=True)
    assert conn.engine.get_execution_options()["isolation_level"] == "AUTOCOMMIT"


def test_type_from_secrets_and_the_sql_name(project, database):
    write_secrets(project, database.secrets_toml("mine") + 'type = "sql"\n' + database.secrets_toml("sql"))
    assert type(st.connection("mine")).__name__ == "SQLConnection"
    assert type(st.connection("sql")).__name__ == "SQLConnection"
    assert st.connection("sql").query("select 2 as two").two[0] == 2


def test_secrets_from_apptest(project):
    at = app(
        """
        import nbstream as st
        st.text(st.connection("db", type="sql").query("select 'ok' as v").v[0])
        """
    )
    at.secrets["connections.db.url"] = "sqlite://"
    assert values(at.run().text) == ["ok"]


# ---- Errors, with Streamlit's types and messages ------------------------------------------


def test_missing_configuration(project):
    at = run('import nbstream as st\nst.connection("nothere", type="sql")')
    assert errors(at) == [
        "Missing SQL DB connection configuration. "
        "Did you forget to set this in `secrets.toml` or as kwargs to `st.connection`?"
    ]
    with pytest.raises(StreamlitAPIException, match="Missing SQL DB connection configuration"):
        st.connection("nothere", type="sql")


@pytest.mark.parametrize(
    ("kwargs", "missing"),
    [
        ("dialect='postgresql'", "host"),
        ("dialect='postgresql', host='h'", "username"),
        ("host='h'", "dialect"),
    ],
)
def test_missing_url_parts(project, kwargs, missing):
    at = run(f'import nbstream as st\nst.connection("x", type="sql", {kwargs})')
    assert errors(at) == [
        f"The `{missing}` parameter is required. Set this SQL DB connection parameter in "
        "`secrets.toml` or pass it as a kwarg to `st.connection`."
    ]


def test_bad_types(project):
    assert errors(run('import nbstream as st\nst.connection("x", type=int)')) == [
        "<class 'int'> is not a subclass of BaseConnection!"
    ]
    assert errors(run('import nbstream as st\nst.connection("x", type="foo")'))[0].startswith(
        "Invalid connection 'foo'. Supported connection classes: {'sql': "
    )
    assert errors(run('import nbstream as st\nst.connection("x", type="nonexist.module.Cls")')) == [
        "No module named 'nonexist'"
    ]
    snow = errors(run('import nbstream as st\nst.connection("snowflake")'))
    assert snow and "not available in nbstream" in snow[0]


def test_no_type_anywhere(project):
    with pytest.raises(FileNotFoundError, match="No secrets files found"):  # no secrets.toml at all
        st.connection("nothere")
    write_secrets(project, '[connections.other]\nurl = "sqlite://"\n')
    message = errors(run('import nbstream as st\nst.connection("nothere")'))[0]
    assert message.startswith(
        '\'st.secrets has no key "nothere".'
    )  # a KeyError, quoted as Streamlit shows it
    with pytest.raises(KeyError):
        st.connection("nothere")


def test_attribute_of_the_underlying_object(project):
    conn = st.connection("x", type="sql", url="sqlite://")
    with pytest.raises(
        AttributeError, match=r"`dispose` doesn't exist here, but you can call `._instance.dispose`"
    ):
        conn.dispose
    with pytest.raises(AttributeError, match="'SQLConnection' object has no attribute 'fooo'"):
        conn.fooo


# ---- Build your own connection: the spec's DuckDB example, as written ---------------------

DUCK = """
import nbstream as st
from nbstream.connections import ExperimentalBaseConnection
import duckdb

class DuckDBConnection(ExperimentalBaseConnection[duckdb.DuckDBPyConnection]):
    def _connect(self, **kwargs) -> duckdb.DuckDBPyConnection:
        if 'database' in kwargs:
            db = kwargs.pop('database')
        else:
            db = self._secrets['database']
        return duckdb.connect(database=db, **kwargs)

    def query(self, sql, ttl=3600):
        @st.cache_data(ttl=ttl)
        def _query(sql):
            return self._instance.execute(sql).df()
        return _query(sql)

conn = st.connection("ducks", type=DuckDBConnection)
st.session_state.setdefault("objects", []).append(id(conn))
st.dataframe(conn.query("select 42 as answer, current_database() as db"))
"""


def test_spec_custom_connection(project):
    pytest.importorskip("duckdb")
    write_secrets(project, '[connections.ducks]\ndatabase = "ducks.duckdb"\n')
    at = run(DUCK)
    assert not at.exception
    df = at.dataframe[0].value
    assert df.answer[0] == 42 and df.db[0] == "ducks"
    assert (project / "ducks.duckdb").is_file()
    at.run()
    assert len(set(at.session_state["objects"])) == 1


def test_custom_connection_by_dotted_path_and_life_cycle(project, monkeypatch):
    (project / "my_conns.py").write_text(
        "import sqlite3\n"
        "from nbstream.connections import BaseConnection\n"
        "MADE = []\n"
        "class Lite(BaseConnection[sqlite3.Connection]):\n"
        "    def _connect(self, **kwargs):\n"
        "        MADE.append(kwargs)\n"
        "        return sqlite3.connect(kwargs.get('path') or self._secrets['path'], check_same_thread=False)\n"
    )
    monkeypatch.syspath_prepend(str(project))
    write_secrets(project, '[connections.lite]\npath = ":memory:"\n')
    conn = st.connection("lite", type="my_conns.Lite")
    import my_conns

    assert my_conns.MADE == [{}]  # made when created, from its secrets
    assert conn._instance.execute("select 1").fetchone() == (1,)
    conn.reset()
    assert my_conns.MADE == [{}]  # reset drops the object; nothing is made until it is used
    conn._instance.execute("select 1")
    assert my_conns.MADE == [{}, {}]
    assert st.connection("lite", type="my_conns.Lite") is conn
    st.connection("lite", type="my_conns.Lite", path=":memory:")
    assert my_conns.MADE[-1] == {"path": ":memory:"}


def test_password_from_the_drivers_environment(project, postgresql, monkeypatch):
    """Data-source configuration fills in what secrets and kwargs leave out (lowest
    precedence): here libpq's PGPASSWORD, so the password need not be in any file."""
    import sqlalchemy

    section = postgresql.secrets_toml("pg").replace(f'password = "{postgresql.password}"\n', "")
    assert postgresql.password not in section
    write_secrets(project, section)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    with pytest.raises(sqlalchemy.exc.OperationalError, match="password"):
        st.connection("pg", type="sql").query("select 1 as one")
    st.cache_resource.clear()
    monkeypatch.setenv("PGPASSWORD", postgresql.password)
    assert st.connection("pg", type="sql").query("select 1 as one").one[0] == 1
