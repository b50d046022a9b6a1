"""The session host without a server: many tab sessions in one process."""

from __future__ import annotations

import sys
import time
import types
from typing import Any

import pytest

from nbstream.runtime.script import Script
from nbstream.serve.host import SessionHost
from nbstream.serve.kernel import notebook_parts

LOADS: list[int] = []
sys.modules["serve_probe"] = types.SimpleNamespace(LOADS=LOADS)  # type: ignore[assignment]

SCRIPT = """
import nbstream as st
import serve_probe as probe

@st.cache_resource
def model():
    probe.LOADS.append(1)
    return object()

shared = model()
st.session_state.setdefault("n", 0)
if st.button("Add"):
    st.session_state.n += 1
st.text(f"count={st.session_state.n} model={id(shared)}")
st.text(f"q={st.query_params.get('who', '-')}")
"""


class Tab:
    """What one browser tab would receive."""

    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []

    def __call__(self, content: dict[str, Any], buffers: list[bytes]) -> None:
        self.messages.append(content)


def texts(hosted: Any) -> list[str]:
    return [n.props.get("body", "") for n in hosted.session.tree.walk() if n.kind == "text"]


def button(hosted: Any) -> str:
    return next(n.id for n in hosted.session.tree.walk() if n.kind == "button")


@pytest.fixture
def host() -> Any:
    LOADS.clear()
    made = SessionHost(Script(SCRIPT), name="app")
    yield made
    made.close_all()


def test_sessions_have_their_own_state_and_share_cache_resource(host: SessionHost) -> None:
    tabs = {f"s{i}": Tab() for i in range(10)}
    hosted = {sid: host.open(sid, tab, query={"who": [sid]}) for sid, tab in tabs.items()}
    for h in hosted.values():
        assert h.session.wait(10)
    for _ in range(3):
        assert host.handle("s3", {"t": "click", "id": button(hosted["s3"]), "values": {}})
        assert hosted["s3"].session.wait(10)
    assert host.handle("s7", {"t": "click", "id": button(hosted["s7"]), "values": {}})
    assert hosted["s7"].session.wait(10)
    counts = {sid: texts(h)[0].split()[0] for sid, h in hosted.items()}
    assert counts["s3"] == "count=3"
    assert counts["s7"] == "count=1"
    assert {c for sid, c in counts.items() if sid not in ("s3", "s7")} == {"count=0"}
    # One load of the cached resource for all sessions: the same object everywhere.
    assert LOADS == [1]
    assert len({texts(h)[0].split()[1] for h in hosted.values()}) == 1
    # Each session has its own query parameters.
    assert texts(hosted["s5"])[1] == "q=s5"


def test_each_tab_gets_its_config_then_only_its_own_patches(host: SessionHost) -> None:
    a, b = Tab(), Tab()
    ha, hb = host.open("a", a), host.open("b", b)
    assert ha.session.wait(10) and hb.session.wait(10)
    assert a.messages[0]["t"] == "init" and a.messages[0]["config"]["host"] == "voila"
    before = len(b.messages)
    host.handle("a", {"t": "click", "id": button(ha), "values": {}})
    assert ha.session.wait(10)
    assert len(b.messages) == before
    assert any(m["t"] == "patch" for m in a.messages[1:])


def test_a_message_for_an_unknown_session_or_an_invalid_one_is_dropped(host: SessionHost) -> None:
    tab = Tab()
    hosted = host.open("a", tab)
    assert hosted.session.wait(10)
    assert not host.handle("nobody", {"t": "rerun"})
    assert not host.handle("a", {"t": "execute_request", "code": "import os"})
    assert not host.handle("a", {"t": "click", "id": "not-a-widget", "values": {}})
    assert hosted.bridge.dropped == 2


def test_closing_a_session_stops_it_and_forgets_it(host: SessionHost) -> None:
    tab = Tab()
    hosted = host.open("a", tab)
    assert hosted.session.wait(10)
    assert host.close("a")
    assert "a" not in host.sessions
    assert not host.close("a")
    count, runs = len(tab.messages), hosted.session.run_count
    hosted.session.rerun()  # a closed session runs no more
    time.sleep(0.5)
    assert len(tab.messages) == count
    assert hosted.session.run_count == runs


def test_reopening_a_session_id_replaces_the_old_session(host: SessionHost) -> None:
    first = host.open("a", Tab())
    second = host.open("a", Tab())
    assert second.session.wait(10)
    assert host.sessions["a"] is second
    assert first.session is not second.session


def test_notebook_parts_split_setup_cells_from_the_app_cell() -> None:
    notebook = {
        "cells": [
            {"cell_type": "markdown", "source": "# title"},
            {"cell_type": "code", "source": ["import nbstream as st\n", "X = 1"]},
            {"cell_type": "code", "source": "%%stapp demo --wide\nst.write(X)"},
            {"cell_type": "code", "source": "%%stapp other\nst.write(2)"},
        ]
    }
    setup, app = notebook_parts(notebook)
    assert setup == ["import nbstream as st\nX = 1"]
    assert app == "st.write(X)"
    with pytest.raises(ValueError, match="no %%stapp cell"):
        notebook_parts({"cells": [{"cell_type": "code", "source": "x = 1"}]})


def test_an_ended_session_is_freed(host: SessionHost) -> None:
    import gc
    import weakref

    hosted = host.open("a", Tab())
    assert hosted.session.wait(10)
    session = weakref.ref(hosted.session)
    host.close("a")
    del hosted
    for _ in range(20):
        gc.collect()
        if session() is None:
            break
        time.sleep(0.1)
    assert session() is None


CONTEXT_SCRIPT = """
import nbstream as st

st.text(f"ip={st.context.ip_address} agent={st.context.headers.get('user-agent')}")
st.text(f"flavour={st.context.cookies.get('flavour')} url={st.context.url}")
st.text(f"user={st.user.email if st.user.is_logged_in else 'out'}")
"""


def test_each_session_reads_its_own_request_in_st_context_and_st_user() -> None:
    from nbstream import auth_cookie
    from nbstream.runtime.request import parse

    secret = "a test cookie secret"
    signed = auth_cookie.sign(secret, auth_cookie.USER_COOKIE, {"email": "ada@example.test"})
    host = SessionHost(Script(CONTEXT_SCRIPT), name="app")
    try:
        ada = parse(
            {
                "headers": {
                    "User-Agent": "ada-browser",
                    "Cookie": f"flavour=mint; {auth_cookie.USER_COOKIE}={signed}",
                },
                "remote_ip": "10.1.2.3",
                "url": "http://apps.example.test/",
            }
        )
        bob = parse(
            {"headers": {"User-Agent": "bob-browser", "Cookie": "flavour=plain"}, "remote_ip": "10.9.9.9"}
        )
        tampered = parse({"headers": {"Cookie": f"{auth_cookie.USER_COOKIE}={signed[:-2]}xx"}})
        opened = {}
        for name, request in (("ada", ada), ("bob", bob), ("eve", tampered)):
            hosted = host.open(name, Tab(), request=request)
            hosted.session.secrets_override = {"auth": {"cookie_secret": secret}}
            hosted.session.rerun()
            opened[name] = hosted
        for hosted in opened.values():
            assert hosted.session.wait(10)
        assert texts(opened["ada"]) == [
            "ip=10.1.2.3 agent=ada-browser",
            "flavour=mint url=http://apps.example.test/",
            "user=ada@example.test",
        ]
        assert texts(opened["bob"]) == ["ip=10.9.9.9 agent=bob-browser", "flavour=plain url=None", "user=out"]
        assert texts(opened["eve"])[2] == "user=out"
    finally:
        host.close_all()
