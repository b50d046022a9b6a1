"""The server's tab sessions over a pool double: grace period, takeover, kernel death."""

from __future__ import annotations

import asyncio
from typing import Any

from nbstream.serve.pool import PoolKernel
from nbstream.serve.sessions import Sessions
from tests.unit.loop_helpers import run_coroutine


class Pool:
    """Records what the sessions ask of the kernels."""

    def __init__(self) -> None:
        self.kernel = PoolKernel("k1", client=None)
        self.opened: list[dict[str, Any]] = []
        self.sent: list[tuple[str, dict[str, Any]]] = []
        self.closed: list[str] = []

    async def acquire(self) -> PoolKernel:
        return self.kernel

    def open(self, kernel: PoolKernel, tab: Any, data: dict[str, Any]) -> str:
        self.opened.append(data)
        comm = f"comm{len(self.opened)}"
        kernel.comms[comm] = tab
        return comm

    def send(self, kernel: PoolKernel, comm_id: str, msg: dict[str, Any], buffers: list[bytes]) -> None:
        self.sent.append((comm_id, msg))

    def close(self, kernel: PoolKernel, comm_id: str) -> None:
        self.closed.append(comm_id)


class Tab:
    def __init__(self) -> None:
        self.got: list[dict[str, Any]] = []

    def __call__(self, content: dict[str, Any], buffers: list[bytes]) -> None:
        self.got.append(content)


def run(coro: Any) -> Any:
    return run_coroutine(coro)


def test_a_session_is_kept_for_the_grace_period_then_ended() -> None:
    async def go() -> None:
        pool = Pool()
        sessions = Sessions(pool, grace=0.2)  # type: ignore[arg-type]
        session = await sessions.create({"who": ["a"]}, None)
        assert pool.opened == [{"session": session.id, "query": {"who": ["a"]}, "page": None, "request": {}}]
        tab = Tab()
        session.attach(tab)
        session.deliver({"t": "init", "config": {}}, [])
        session.detach(tab)
        session.deliver({"t": "patch", "v": 1}, [])  # held for the tab's return
        await asyncio.sleep(0.1)
        again = Tab()
        assert sessions.get(session.id) is session
        session.attach(again)
        assert [m["t"] for m in again.got] == ["init", "patch"]
        session.detach(again)
        await asyncio.sleep(0.3)
        assert sessions.get(session.id) is None
        assert pool.closed == [session.comm_id]

    run(go())


def test_only_the_tab_showing_a_session_reaches_it() -> None:
    async def go() -> None:
        pool = Pool()
        sessions = Sessions(pool)  # type: ignore[arg-type]
        session = await sessions.create({}, None)
        first, second = Tab(), Tab()
        session.attach(first)
        session.attach(second)  # a reload, or a duplicated tab, takes it over
        assert first.got[-1] == {"t": "ended", "reason": "elsewhere"}
        session.send(first, {"t": "rerun"}, [])
        session.send(second, {"t": "stop"}, [])
        assert pool.sent == [(session.comm_id, {"t": "stop"})]
        session.detach(first)  # the old tab closing changes nothing
        assert session.sink == second

    run(go())


def test_a_session_whose_kernel_ended_it_is_forgotten_and_its_tab_told() -> None:
    async def go() -> None:
        pool = Pool()
        sessions = Sessions(pool)  # type: ignore[arg-type]
        session = await sessions.create({}, None)
        tab = Tab()
        session.attach(tab)
        session.ended("kernel")
        assert tab.got[-1] == {"t": "ended", "reason": "kernel"}
        assert sessions.get(session.id) is None and len(sessions) == 0
        session.send(tab, {"t": "rerun"}, [])
        assert pool.sent == []

    run(go())


def test_a_session_comes_back_only_to_a_request_with_its_cookies() -> None:
    async def go() -> None:
        pool = Pool()
        sessions = Sessions(pool, grace=5)  # type: ignore[arg-type]
        request = {"headers": {"Cookie": "_xsrf=1", "User-Agent": "x"}, "remote_ip": "10.0.0.1"}
        session = await sessions.create({}, None, request)
        # The kernel is given the request the session was opened by.
        assert pool.opened[0]["request"] == request
        assert session.same_visitor({"headers": {"Cookie": "_xsrf=1", "User-Agent": "y"}})
        # Logged in since (a new identity cookie), or another browser: not the same visitor.
        assert not session.same_visitor({"headers": {"Cookie": "_xsrf=1; _streamlit_user=abc"}})
        assert not session.same_visitor({"headers": {}})

    run(go())
