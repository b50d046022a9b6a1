"""The kernel pool's routing over kernel-client doubles (no kernel process)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from nbstream.serve.pool import KernelPool, PoolFull, PoolKernel
from nbstream.serve.protocol import TARGET
from tests.unit.loop_helpers import run_coroutine


class Session:
    def msg(self, msg_type: str, content: dict[str, Any]) -> dict[str, Any]:
        return {"header": {"msg_type": msg_type}, "content": content}


class Client:
    """Records shell messages; plays iopub messages queued by the test."""

    def __init__(self) -> None:
        self.session = Session()
        self.shell: list[dict[str, Any]] = []
        self.shell_channel = self
        self.iopub: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    def send(self, msg: dict[str, Any]) -> None:
        self.shell.append(msg)

    async def get_iopub_msg(self) -> dict[str, Any]:
        return await self.iopub.get()

    def stop_channels(self) -> None:
        pass


class Manager:
    def __init__(self) -> None:
        self.shut: list[str] = []

    async def shutdown_kernel(self, kernel_id: str, now: bool = False) -> None:
        self.shut.append(kernel_id)


class Tab:
    def __init__(self) -> None:
        self.got: list[tuple[dict[str, Any], list[bytes]]] = []
        self.why: list[str] = []

    def deliver(self, content: dict[str, Any], buffers: list[bytes]) -> None:
        self.got.append((content, buffers))

    def ended(self, reason: str) -> None:
        self.why.append(reason)


def pool_of(n: int, max_sessions: int = 0) -> KernelPool:
    pool = KernelPool(Manager(), {"path": "app.py"}, size=n, max_sessions=max_sessions)
    pool.kernels = [PoolKernel(f"k{i}", Client()) for i in range(n)]
    return pool


def test_sessions_go_to_the_least_busy_kernel_up_to_the_bound() -> None:
    async def go() -> None:
        pool = pool_of(2, max_sessions=2)
        placed = []
        for _ in range(4):
            kernel = await pool.acquire()
            pool.open(kernel, Tab(), {"session": "s"})
            placed.append(kernel.id)
        assert sorted(placed) == ["k0", "k0", "k1", "k1"]
        with pytest.raises(PoolFull):
            await pool.acquire()

    run_coroutine(go())


def test_a_tab_reaches_only_its_own_comm_and_gets_only_its_own_messages() -> None:
    async def go() -> None:
        pool = pool_of(1)
        kernel = pool.kernels[0]
        a, b = Tab(), Tab()
        comm_a = pool.open(kernel, a, {"session": "a"})
        comm_b = pool.open(kernel, b, {"session": "b"})
        opened = kernel.client.shell[0]
        assert opened["header"]["msg_type"] == "comm_open" and opened["content"]["target_name"] == TARGET
        pool.send(kernel, comm_a, {"t": "rerun"}, [b"x"])
        sent = kernel.client.shell[-1]
        assert sent["header"]["msg_type"] == "comm_msg"
        assert sent["content"] == {"comm_id": comm_a, "data": {"t": "rerun"}} and sent["buffers"] == [b"x"]
        pool.send(kernel, "not-a-comm", {"t": "rerun"}, [])
        assert len(kernel.client.shell) == 3
        kernel.reader = asyncio.ensure_future(pool._read(kernel))
        await kernel.client.iopub.put(
            {
                "header": {"msg_type": "comm_msg"},
                "content": {"comm_id": comm_b, "data": {"t": "patch"}},
                "buffers": [b"1"],
            }
        )
        await kernel.client.iopub.put({"header": {"msg_type": "comm_close"}, "content": {"comm_id": comm_a}})
        await asyncio.sleep(0.05)
        assert b.got == [({"t": "patch"}, [b"1"])] and a.got == []
        assert a.why == ["closed"] and comm_a not in kernel.comms
        await pool._drop(kernel)
        assert b.why == ["kernel"] and pool.kernels == [] and pool.km.shut == ["k0"]

    run_coroutine(go())


def test_idle_kernels_are_culled_but_one_stays_warm() -> None:
    pool = pool_of(3)
    pool.idle_seconds = 10
    k0, k1, k2 = pool.kernels
    now = k0.idle_since + 100
    # Never with culling off; a kernel with a session is not idle.
    pool.idle_seconds = 0
    assert pool.idle(now) == []
    pool.idle_seconds = 10
    comm = pool.open(k1, Tab(), {"session": "s"})
    assert pool.idle(now) == [k0, k2]
    assert pool.idle(k0.idle_since + 5) == []  # not idle long enough
    # The last session leaving starts the idle clock again; with every kernel idle, one stays.
    pool.close(k1, comm)
    assert k1.idle_since is not None
    assert pool.idle(k1.idle_since + 100) == [k1, k2]


def test_a_culled_pool_warms_a_kernel_when_the_ones_left_are_busy() -> None:
    async def go() -> None:
        pool = pool_of(1, max_sessions=1)
        pool.size = 2  # one of two kernels was culled
        started: list[str] = []

        async def fresh() -> PoolKernel:
            await asyncio.sleep(0.01)
            started.append("k9")
            return PoolKernel("k9", Client())

        pool._start_kernel = fresh  # type: ignore[method-assign]
        first = await pool.acquire()
        assert first.id == "k0" and started == []  # a warm kernel with room: no start
        pool.open(first, Tab(), {"session": "a"})
        # k0 is full: the next tab waits for the fresh kernel instead of being refused.
        second = await pool.acquire(timeout=5)
        assert second.id == "k9" and started == ["k9"]
        pool.open(second, Tab(), {"session": "b"})
        # At its size and full: refused, as before.
        with pytest.raises(PoolFull):
            await pool.acquire()

    run_coroutine(go())
