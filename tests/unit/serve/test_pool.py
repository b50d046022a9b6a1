"""The kernel pool's routing over kernel-client doubles (no kernel process)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from nbstream.serve.pool import KernelPool, PoolFull, PoolKernel
from nbstream.serve.protocol import TARGET


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

    asyncio.run(go())


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

    asyncio.run(go())
