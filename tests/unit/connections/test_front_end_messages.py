"""What the browser receives from an app that uses st.connection: never the password; a
spinner while a query runs, none when it is served from the cache."""

from __future__ import annotations

import json
import textwrap

import pytest

import nbstream as st
from nbstream import config
from nbstream.caching import cached_func
from nbstream.render.app import App
from nbstream.runtime.script import Script
from nbstream.secrets import secrets

APP = """
import nbstream as st
conn = st.connection("pg", type="sql")
sql = "select pg_sleep(0.6), 'woof' as sound, current_user as who"
st.dataframe(conn.query(sql, show_spinner=st.session_state.get("spinner", "Running `sql.query(...)`.")))
st.write(conn)
st.write(conn.engine)
st.text(repr(conn.engine.url))
st.write(conn._secrets.keys())
try:
    st.connection("pg_wrong", type="sql").query("select 1")
except Exception as error:
    st.exception(error)
"""


@pytest.fixture
def app(tmp_path, monkeypatch, postgresql):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".streamlit").mkdir()
    wrong = postgresql.secrets_toml("pg_wrong").replace(postgresql.password, "not-the-password")
    (tmp_path / ".streamlit" / "secrets.toml").write_text(postgresql.secrets_toml("pg") + wrong)
    secrets.reload()
    config.set_option("cache.dir", str(tmp_path / "cache"))
    st.cache_data.clear()
    st.cache_resource.clear()
    cached_func._apps.clear()
    running = App(Script(textwrap.dedent(APP)))
    yield running
    running.close()
    st.cache_data.clear()
    st.cache_resource.clear()


def test_the_password_never_reaches_the_front_end(app, postgresql):
    widget = app.widget
    sent: list[bytes] = []

    def record(content, buffers=None):
        sent.append(json.dumps(content).encode())
        sent.extend(bytes(b) for b in buffers or [])

    widget.send = record
    states = []
    for _ in range(2):
        app.run(wait=20)
        state = widget.get_state()
        states.append(json.dumps({k: v for k, v in state.items() if k != "_blobs"}).encode())
        states.extend(bytes(b) for b in state["_blobs"].values() if isinstance(b, bytes | memoryview))
    everything = b"\n".join(sent + states)
    assert b"woof" in everything and postgresql.parts["username"].encode() in everything
    assert b"password authentication failed" in everything  # the wrong password's error is shown
    assert postgresql.password.encode() not in everything
    assert b"not-the-password" not in everything


def test_a_spinner_on_a_miss_and_none_on_a_hit(app):
    widget = app.widget
    sent: list[str] = []
    widget.send = lambda content, buffers=None: sent.append(json.dumps(content))
    app.run(wait=20)
    assert "Running `sql.query(...)`." in "\n".join(sent)  # the default text
    # (The failing pg_wrong query misses on every run: its spinner is not the one looked for.)
    app.session_state["spinner"] = "Fetching the sounds"
    sent.clear()
    st.cache_data.clear()
    app.rerun(wait=20)
    assert "Fetching the sounds" in "\n".join(sent)  # a miss, with show_spinner's text
    sent.clear()
    app.rerun(wait=20)
    assert '"kind": "dataframe"' in json.dumps(widget.get_state()["_snapshot"])
    assert "Fetching the sounds" not in "\n".join(sent)  # a hit: no spinner
