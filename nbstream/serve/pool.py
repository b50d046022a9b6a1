"""The served kernels: started with the server, the app loaded once in each, kept warm.

Each kernel is started through Jupyter Server's kernel manager and driven by a kernel
client the server holds; no browser ever talks to it.  The only ``execute_request`` a
pool kernel gets is ``SETUP`` (server-authored: load the app, register the comm target);
after that the server sends it nothing but ``comm_open``/``comm_msg``/``comm_close`` on
the tab sessions' own comms.  A kernel that dies takes only its own sessions with it:
their tabs are told (``Tab.ended``) and a fresh kernel takes its place.

With ``idle_seconds`` (``server.kernelIdleSeconds``), a kernel that has had no session
for that long is shut down, but for the last one, which stays warm; when every kernel
left has sessions and the pool is below its size, a new tab's session goes to one of
them while a fresh kernel starts for the next tabs (or, when they serve
``server.maxSessions`` already, waits for it).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from nbstream.serve.protocol import TARGET

_LOG = logging.getLogger("nbstream")

SETUP = "import nbstream.serve.kernel as _nbs_serve\n_nbs_serve.start({spec})\ndel _nbs_serve\n"
START_TIMEOUT = 120.0
WATCH_SECONDS = 0.5


class Tab(Protocol):
    """The server side of one tab session, as the pool sees it."""

    def deliver(self, content: dict[str, Any], buffers: list[bytes]) -> None: ...

    def ended(self, reason: str) -> None: ...


# Connects the server to a kernel the kernel manager started: (kernel manager, kernel id)
# -> a client with ``session``, ``shell_channel``, ``execute``, ``get_shell_msg``,
# ``get_iopub_msg``, ``wait_for_ready`` and ``stop_channels`` (and, for a kernel that
# knows its own liveness, ``alive()``).
Connect = Callable[[Any, str], Awaitable[Any]]


async def local_client(kernel_manager: Any, kernel_id: str) -> Any:
    """A kernel on this machine: the kernel manager's own client over ZeroMQ."""
    manager = kernel_manager.get_kernel(kernel_id)
    # The pool replaces a dead kernel itself (with the app loaded): no silent restarts
    # of an empty kernel behind the sessions' backs.
    manager.stop_restarter()
    client = manager.client()
    client.start_channels()
    return client


class PoolFull(Exception):
    """Every kernel serves ``server.maxSessions`` sessions already."""


@dataclass
class PoolKernel:
    id: str
    client: Any
    comms: dict[str, Tab] = field(default_factory=dict)
    dead: bool = False
    reader: asyncio.Task[None] | None = None
    # Since when the kernel has had no session (time.monotonic()); None while it has some.
    idle_since: float | None = field(default_factory=time.monotonic)

    def forget(self, comm_id: str) -> Tab | None:
        """Drop a session's comm; the kernel is idle from now when it was the last."""
        tab = self.comms.pop(comm_id, None)
        if tab is not None and not self.comms:
            self.idle_since = time.monotonic()
        return tab


class KernelPool:
    """``size`` kernels running the app of ``spec`` (``path``, ``argv``)."""

    def __init__(
        self,
        kernel_manager: Any,
        spec: dict[str, Any],
        *,
        size: int = 1,
        max_sessions: int = 0,
        idle_seconds: float = 0.0,
        log: logging.Logger | None = None,
        connect: Connect = local_client,
        kernel_name: str = "",
    ) -> None:
        self.km = kernel_manager
        self.connect = connect
        self.kernel_name = kernel_name  # "": the kernel manager's default kernel
        self.spec = spec
        self.size = max(1, size)
        self.max_sessions = max_sessions
        self.idle_seconds = idle_seconds  # 0: kernels are never culled
        self.log = log or _LOG
        self.kernels: list[PoolKernel] = []
        self._changed = asyncio.Event()
        self._watcher: asyncio.Task[None] | None = None
        self._starting = 0
        self._warming: set[asyncio.Task[None]] = set()
        self.failure: str | None = None

    async def start(self) -> None:
        """Start the kernels (together) and watch them."""
        await asyncio.gather(*(self._add() for _ in range(self.size)))
        self._watcher = asyncio.ensure_future(self._watch())

    async def stop(self) -> None:
        if self._watcher is not None:
            self._watcher.cancel()
        for kernel in list(self.kernels):
            await self._drop(kernel)

    async def _add(self, counted: bool = False) -> None:
        """Start one more kernel (``counted``: the caller counted it in ``_starting``)."""
        if not counted:
            self._starting += 1
        try:
            kernel = await self._start_kernel()
        except Exception as exc:
            self.failure = str(exc)
            self.log.error("nbstream serve: a kernel did not start: %s", exc)
            return
        finally:
            self._starting -= 1
            self._changed.set()
        self.kernels.append(kernel)
        self.failure = None
        self._changed.set()
        self.log.info("nbstream serve: kernel %s ready (%d in the pool)", kernel.id, len(self.kernels))

    async def _start_kernel(self) -> PoolKernel:
        folder = os.path.dirname(os.path.abspath(str(self.spec["path"])))
        named = {"kernel_name": self.kernel_name} if self.kernel_name else {}
        kernel_id = await self.km.start_kernel(path=folder, **named)
        client = None
        try:
            client = await self.connect(self.km, kernel_id)
            await client.wait_for_ready(timeout=START_TIMEOUT)
            await self._setup(client)
        except BaseException:
            if client is not None:
                client.stop_channels()
            await self.km.shutdown_kernel(kernel_id, now=True)
            raise
        kernel = PoolKernel(kernel_id, client)
        kernel.reader = asyncio.ensure_future(self._read(kernel))
        return kernel

    async def _setup(self, client: Any) -> None:
        code = SETUP.format(spec=repr(json.loads(json.dumps(self.spec))))
        msg_id = client.execute(code, silent=False, store_history=False)
        while True:
            reply = await client.get_shell_msg(timeout=START_TIMEOUT)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        content = reply["content"]
        if content.get("status") != "ok":
            raise RuntimeError(f"the app did not load: {content.get('ename')}: {content.get('evalue')}")

    async def acquire(self, timeout: float = START_TIMEOUT) -> PoolKernel:
        """The live kernel with the fewest sessions (waiting for one while kernels start)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            live = [k for k in self.kernels if not k.dead]
            if live and len(live) + self._starting < self.size and all(k.comms for k in live):
                # Kernels were culled and the ones left are busy: warm one for the next tabs.
                self._starting += 1
                task = asyncio.ensure_future(self._add(counted=True))
                self._warming.add(task)
                task.add_done_callback(self._warming.discard)
            if live:
                kernel = min(live, key=lambda k: len(k.comms))
                if self.max_sessions <= 0 or len(kernel.comms) < self.max_sessions:
                    return kernel
                if self._starting == 0:
                    raise PoolFull(f"every kernel serves {self.max_sessions} sessions")
            if self._starting == 0 and self.failure is not None:
                raise RuntimeError(self.failure)
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                raise TimeoutError("no kernel started in time")
            self._changed.clear()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._changed.wait(), left)

    # ---- one comm per tab session -------------------------------------------------------

    def open(self, kernel: PoolKernel, tab: Tab, data: dict[str, Any]) -> str:
        """Open a session's comm in ``kernel``; its messages go to ``tab``."""
        comm_id = uuid.uuid4().hex
        kernel.comms[comm_id] = tab
        kernel.idle_since = None
        self._send(kernel, "comm_open", {"comm_id": comm_id, "target_name": TARGET, "data": data})
        return comm_id

    def send(self, kernel: PoolKernel, comm_id: str, data: dict[str, Any], buffers: list[bytes]) -> None:
        """One message of a tab to its own session's comm (the only kind a tab can send)."""
        if kernel.dead or comm_id not in kernel.comms:
            return
        self._send(kernel, "comm_msg", {"comm_id": comm_id, "data": data}, buffers)

    def close(self, kernel: PoolKernel, comm_id: str) -> None:
        """End a session: its comm closes, the kernel's session host ends it."""
        if kernel.forget(comm_id) is not None and not kernel.dead:
            self._send(kernel, "comm_close", {"comm_id": comm_id, "data": {}})

    @staticmethod
    def _send(
        kernel: PoolKernel, msg_type: str, content: dict[str, Any], buffers: Sequence[bytes] = ()
    ) -> None:
        msg = kernel.client.session.msg(msg_type, content)
        if buffers:
            msg["buffers"] = list(buffers)
        kernel.client.shell_channel.send(msg)

    # ---- from the kernels ----------------------------------------------------------------

    async def _read(self, kernel: PoolKernel) -> None:
        """Route the kernel's comm messages to their tabs; log what the app printed."""
        while not kernel.dead:
            try:
                msg = await kernel.client.get_iopub_msg()
            except Exception:
                if kernel.dead:
                    return
                await asyncio.sleep(0.05)
                continue
            kind, content = msg["header"]["msg_type"], msg["content"]
            if kind == "comm_msg":
                tab = kernel.comms.get(content.get("comm_id", ""))
                if tab is not None:
                    tab.deliver(content.get("data") or {}, [bytes(b) for b in msg.get("buffers") or []])
            elif kind == "comm_close":
                tab = kernel.forget(content.get("comm_id", ""))
                if tab is not None:
                    tab.ended("closed")
            elif kind == "stream":
                self.log.info("nbstream serve [%s]: %s", kernel.id[:8], content.get("text", "").rstrip())
            elif kind == "error":
                self.log.error("nbstream serve [%s]: %s", kernel.id[:8], content.get("evalue"))

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(WATCH_SECONDS)
            for kernel in list(self.kernels):
                if not await self._alive(kernel):
                    await self._died(kernel)
            for kernel in self.idle(time.monotonic()):
                if kernel.comms or kernel.dead:  # given a session while another was culled
                    continue
                self.log.info(
                    "nbstream serve: kernel %s culled (no session for %gs)", kernel.id, self.idle_seconds
                )
                await self._drop(kernel)

    async def _alive(self, kernel: PoolKernel) -> bool:
        check = getattr(kernel.client, "alive", None)
        if check is not None:  # a remote kernel's link knows (the gateway tells it)
            return bool(await check())
        try:
            return bool(await self.km.get_kernel(kernel.id).is_alive())
        except KeyError:
            return False

    def idle(self, now: float) -> list[PoolKernel]:
        """The kernels to cull: those without a session for ``idle_seconds``, but for one
        kernel of the pool, which stays warm."""
        if self.idle_seconds <= 0:
            return []
        live = [k for k in self.kernels if not k.dead]
        idle = [
            k
            for k in live
            if not k.comms and k.idle_since is not None and now - k.idle_since >= self.idle_seconds
        ]
        return idle[1:] if len(idle) == len(live) else idle

    async def _died(self, kernel: PoolKernel) -> None:
        self.log.warning("nbstream serve: kernel %s died with %d sessions", kernel.id, len(kernel.comms))
        await self._drop(kernel)
        await self._add()

    async def _drop(self, kernel: PoolKernel) -> None:
        kernel.dead = True
        if kernel in self.kernels:
            self.kernels.remove(kernel)
        tabs, kernel.comms = list(kernel.comms.values()), {}
        for tab in tabs:
            tab.ended("kernel")
        if kernel.reader is not None:
            kernel.reader.cancel()
        kernel.client.stop_channels()
        with contextlib.suppress(Exception):  # already gone
            await self.km.shutdown_kernel(kernel.id, now=True)
