"""AppSession: one user's session of one app.

It holds the script, Session State, query parameters and the last tree, and runs the
script (in its runner thread) whenever a client asks.  AppTest and the Jupyter front
end are its two clients; both only call the methods of this class.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from nbstream import config
from nbstream.runtime import alias, caches, context, parallel, tree
from nbstream.runtime.binding import Bindings
from nbstream.runtime.client import ClientInfo
from nbstream.runtime.context import RunContext
from nbstream.runtime.embeds import EmbeddedWidgets
from nbstream.runtime.errors import (
    RerunScript,
    RunInterrupted,
    RunTimeLimitExceeded,
    ScriptControl,
    StopScript,
    SwitchPage,
)
from nbstream.runtime.exceptions import exception_node
from nbstream.runtime.forms import PendingForms
from nbstream.runtime.fragments import Fragment, Fragments
from nbstream.runtime.pages import PageTarget, Route, folder_route
from nbstream.runtime.request import RequestInfo
from nbstream.runtime.runner import Runner, RunRequest, max_run_seconds, stoppable
from nbstream.runtime.script import Script
from nbstream.runtime.state import SessionState
from nbstream.runtime.uploads import UploadStore

_LOG = logging.getLogger("nbstream")

# Set by the element layer: what magic calls for a bare expression (st.write).
magic_writer: Callable[..., Any] | None = None


class SessionListener(Protocol):
    def run_started(self, ctx: RunContext) -> None: ...

    def tree_changed(self, ctx: RunContext) -> None: ...

    def run_finished(self, ctx: RunContext, completed: bool) -> None: ...

    def run_abandoned(self, ctx: RunContext, thread_ident: int) -> None:
        """A run blocked in C code was given up on (its thread lingers until the call returns)."""


class AppSession:
    _bare: AppSession | None = None
    _bare_lock = threading.Lock()

    def __init__(self, script: Script | None = None, *, page: str = "", name: str = "app") -> None:
        self.id = uuid.uuid4().hex
        self.script = script or Script("")
        self.state = SessionState()
        self.uploads = UploadStore()  # files users uploaded, by file_uploader widget
        self.embeds = EmbeddedWidgets()  # Jupyter widgets the app shows (st.widget)
        self.query_params: dict[str, list[str]] = {}
        self.bindings = Bindings()  # widgets bound to query parameters (bind="query-params")
        # Secrets that replace the secrets files for this session (AppTest.secrets).
        self.secrets_override: Mapping[str, Any] | None = None
        # The user ``st.user`` shows (AppTest.user); None: the logged-out user.
        self.user_info: dict[str, Any] | None = None
        # The request that opened this session, when the server passed it (nbstream serve).
        self.request: RequestInfo | None = None
        self.page = page
        self.name = name
        # Which page of a multipage app this session shows (runtime/pages.py).
        self.route = Route()
        # What the browser said about itself (st.context); ``client_read`` is set when a
        # run reads it, so news from the browser then reruns the app.
        self.client = ClientInfo()
        self.client_read = False
        self.tree = tree.new_root()
        self.forms = PendingForms()
        self.fragments = Fragments(self._fragment_tick)
        self.run_count = 0
        self.last_run_seconds = 0.0
        self.is_bare = False
        # The app's identity for caches shared between kernels (st.cache_data's disk store):
        # the notebook's or script's path, set by the front end that serves the app.  None
        # (AppTest, plain Python) keeps cached data in this process only.
        self.app_id: str | None = None
        self._listeners: list[SessionListener] = []
        self._runner = Runner(self._execute, name=f"nbstream-{name}", on_abandon=self._abandoned)

    # ---- what clients call ----------------------------------------------------------

    def rerun(self) -> None:
        """Ask for a run with no new input (the app menu's Rerun, ``app.rerun()``)."""
        self._runner.submit_values({})

    def set_client(self, info: ClientInfo) -> None:
        """The browser's client info (validated); reruns if a run read the old one."""
        if info == self.client:
            return
        self.client = info
        if self.client_read:
            self.rerun()

    def set_values(self, changes: dict[str, Any]) -> None:
        """New widget values from the browser (wire form); validated when the run starts.

        Values of widgets inside a form are held until the form is submitted; values of
        widgets inside a fragment rerun only that fragment.
        """
        now: dict[str, Any] = {}
        for wid, wire in changes.items():
            meta = self.state.widget_meta(wid)
            if meta is not None and meta.form_id:
                self.forms.hold(meta.form_id, wid, wire)
            else:
                now[wid] = wire
        if now or not changes:
            self._runner.submit_values(now, self._fragment_of(now))

    def click(self, widget_id: str, changes: dict[str, Any] | None = None) -> None:
        """A click on a button-like widget: an event that gets its own run.

        A form's submit button brings the values held for its form.
        """
        meta = self.state.widget_meta(widget_id)
        merged = dict(changes or {})
        if meta is not None and meta.form_id:
            merged = {**self.forms.take(meta.form_id), **merged}
        fragment = self._fragment_of({widget_id: None, **merged})
        self._runner.submit_click(widget_id, merged, fragment)

    def _fragment_of(self, changes: dict[str, Any]) -> str | None:
        """The fragment to rerun for these changes: the one fragment all of them belong to."""
        fragments = {getattr(self.state.widget_meta(wid), "fragment_id", None) for wid in changes}
        if len(fragments) == 1:
            return fragments.pop()
        return None

    def submit(
        self,
        changes: dict[str, Any],
        triggers: list[str],
        fragment_id: str | None = None,
        page: PageTarget | None = None,
    ) -> None:
        """One step of a test: these values and clicks together start exactly one run
        (of the whole script, or of one fragment, or of the ``page`` asked for)."""
        self._runner.submit(RunRequest(dict(changes), list(triggers), fragment_id, page))

    def open_page(self, target: PageTarget) -> None:
        """Show another page of a multipage app (a menu or page link, Back/Forward, a URL):
        a run of its own, which stops the current one."""
        self._runner.submit(RunRequest(page=target))

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until no run is going on or queued; False on timeout."""
        return self._runner.wait_idle(timeout)

    def stop(self) -> None:
        """Stop the current run: at its next ``st.*`` call, or, if it makes none (a loop in
        pure Python), by raising in its thread; a run blocked in C code is left behind."""
        self._runner.interrupt()

    @property
    def lingering(self) -> int:
        """Earlier runs given up on while blocked in C code, whose threads still go on."""
        return self._runner.lingering

    def _abandoned(self, ctx: RunContext, thread_ident: int) -> None:
        # The run's own thread will never end it: end it here, as an interrupted run.
        self.state.end_run(completed=False, clean_up=False)
        if ctx.fragment_id is None:
            self.fragments.end_full_run(False)
        for listener in self._listeners:
            listener.run_abandoned(ctx, thread_ident)

    def close(self) -> None:
        """End the session: no more runs, no more fragment timers, no embedded widgets."""
        self.fragments.close()
        self._runner.close()
        self.embeds.close_all()
        caches.session_ended(self.id)

    def _fragment_tick(self, fragment_id: str) -> None:
        self._runner.submit_values({}, fragment_id, from_user=False)

    @property
    def idle(self) -> bool:
        return self._runner.idle

    def set_script(self, script: Script) -> None:
        """Swap the script (an edited cell); state is kept, as when a Streamlit script is edited."""
        self.script = script

    def add_listener(self, listener: SessionListener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: SessionListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    # ---- called from the run context ------------------------------------------------

    def tree_changed(self, ctx: RunContext) -> None:
        for listener in self._listeners:
            listener.tree_changed(ctx)

    # ---- one run ----------------------------------------------------------------------

    def _execute(self, request: RunRequest, started: Callable[[RunContext], None]) -> RunRequest | None:
        """Run the script (or one fragment); return the run the script asked for next, if any."""
        if request.page is not None:
            self.route.target = request.page
            if request.page.query is not None:
                self.query_params.clear()
                self.query_params.update(request.page.query)
        fragment = self._fragment_for(request) if request.page is None else None
        ctx = self._context_for(request, fragment)
        started(ctx)
        t0 = time.perf_counter()
        for listener in self._listeners:
            listener.run_started(ctx)
        completed, follow = self._run(ctx, request, fragment)
        if ctx.abandoned:  # given up on while blocked: the session has moved on
            return None
        if follow is None and request.more_fragments:
            first, *rest = request.more_fragments
            follow = RunRequest(fragment_id=first, more_fragments=tuple(rest))
        if fragment is None:
            self.fragments.end_full_run(completed)
        if completed:
            self._finish_forms(ctx, full=fragment is None)
            self.tree = ctx.root
            self.run_count += 1
        self.last_run_seconds = time.perf_counter() - t0
        for listener in self._listeners:
            listener.run_finished(ctx, completed)
        return follow

    def _fragment_for(self, request: RunRequest) -> Fragment | None:
        """The fragment a request reruns; None for a full run (also when its block is gone)."""
        fragment = self.fragments.get(request.fragment_id) if request.fragment_id else None
        if fragment is not None and not any(n is fragment.block for n in self.tree.walk()):
            return None
        return fragment

    def _context_for(self, request: RunRequest, fragment: Fragment | None) -> RunContext:
        if fragment is None:
            self.fragments.begin_full_run()
            ctx = RunContext(session=self, root=tree.new_root(), uninterruptible=request.is_click)
            self._show_query(ctx)
        else:
            # A fragment run redraws the fragment's block in the current tree, nothing else.
            ctx = RunContext(
                session=self, root=self.tree, uninterruptible=request.is_click, fragment_id=fragment.id
            )
            ctx.stack.append(fragment.place)
            ctx.page = fragment.page
            ctx.parallel_fragment = fragment.id if fragment.parallel else None
            assert fragment.block.children is not None
            fragment.block.children.clear()
        ctx.changes = dict(request.changes)
        return ctx

    def _run(
        self, ctx: RunContext, request: RunRequest, fragment: Fragment | None
    ) -> tuple[bool, RunRequest | None]:
        """Callbacks, then the script or fragment; returns (completed, the next run asked for)."""
        alias.install()
        callbacks = self.state.begin_run(request.changes, request.triggers)
        # A run cut short (st.stop, st.rerun, an error) keeps the widgets it did not reach:
        # only a run that reaches the end of the script cleans up, as in Streamlit.
        completed, reached_end, follow = True, False, None
        with context.activate(ctx):
            try:
                with stoppable(ctx):
                    targets = self._run_callbacks(ctx, callbacks)
                    if targets == APP and fragment is not None:
                        raise RerunScript("app")
                    if targets and targets != APP:
                        raise _Retarget(targets)
                    if fragment is not None:
                        fragment.fn(*fragment.args, **fragment.kwargs)
                    else:
                        self._run_script(ctx)
                        parallel.join(ctx)
                reached_end = True
            except StopScript:
                pass
            except _Retarget as exc:
                # A callback named the fragments to rerun instead of this run: the page
                # stays as it is (nothing of this run is kept) and they rerun in turn.
                ctx.rerun_requested, completed = True, False
                follow = RunRequest(fragment_id=exc.fragment_ids[0], more_fragments=exc.fragment_ids[1:])
            except RerunScript as exc:
                ctx.rerun_requested = True
                again = fragment.id if fragment is not None and exc.scope == "fragment" else None
                follow = RunRequest(fragment_id=again)
            except SwitchPage as exc:
                ctx.rerun_requested = True
                follow = RunRequest(page=PageTarget(url_path=exc.url_path, script_path=exc.script_path))
            except RunInterrupted:
                if ctx.stop_reason == "time" and not ctx.abandoned:
                    # Stopped by runner.maxRunSeconds: shown, and the app keeps what it drew.
                    where = fragment.block if fragment is not None else tree.area(ctx.root, "main")
                    where.children.append(exception_node(RunTimeLimitExceeded(max_run_seconds())))  # type: ignore[union-attr]
                else:
                    completed = False
            except ScriptControl:
                pass
            except BaseException as exc:  # the app's error: shown in the app, session lives on
                if isinstance(exc, KeyboardInterrupt):
                    completed = False
                else:
                    where = fragment.block if fragment is not None else tree.area(ctx.root, "main")
                    where.children.append(exception_node(exc, uncaught=True))  # type: ignore[union-attr]
            finally:
                parallel.join(ctx, rerun=False)  # a run that ended early still waits for them
                with ctx.lock:
                    ctx.finished = True
                    live = not ctx.abandoned
                if live:
                    scope = self.fragments.within(fragment.id) if fragment is not None else None
                    self._show_query(ctx)  # a fragment's run: on the whole tree, its root
                    self.state.end_run(
                        completed=completed, clean_up=reached_end, fragments=scope, page=self.route.current
                    )
                    self.embeds.sweep(lambda wid: self.state.widget_meta(wid) is not None)
        return completed, follow

    def _show_query(self, ctx: RunContext) -> None:
        """The query parameters on the run's root: the front end mirrors them into the page URL."""
        ctx.root.props["query"] = {k: list(v) for k, v in self.query_params.items()}

    def _run_script(self, ctx: RunContext) -> None:
        """Run the entrypoint, or the page of the ``pages/`` folder the session shows."""
        script = self.script
        if self.route.layout is not None:  # kept for the session until set_page_config changes it
            ctx.root.props["page_config"] = {"layout": self.route.layout}
        run = folder_route(
            self.route, script, self.name, bool(config.get_option("client.showSidebarNavigation"))
        )
        if run is not None:
            ctx.page = run.page_id
            ctx.root.props["page"] = run.page
            if run.menu is not None:
                tree.area(ctx.root, "sidebar").props["navigation"] = run.menu
            script = run.script
        self.script.add_folder_to_path()
        exec(script.code, script.namespace(self._magic))

    def _finish_forms(self, ctx: RunContext, full: bool) -> None:
        if full:
            self.forms.forget_except(set(ctx.forms))
        if not ctx.forms_to_clear:
            return
        reset = self.state.reset_to_defaults(ctx.forms_to_clear)
        for node in ctx.root.walk():
            if node.id in reset:
                meta = self.state.widget_meta(node.id)
                if meta is not None:
                    node.props["value"] = meta.serde.serialize(reset[node.id])

    def _run_callbacks(self, ctx: RunContext, callbacks: list[Any]) -> tuple[str, ...] | str:
        """Run the interaction's callbacks; return the fragments they asked to rerun instead
        (``st.rerun("<key>")`` from every one of them), ``APP`` when some asked for that
        and others did not (a full-app rerun), or ``()`` for the interaction's own run."""
        # Callbacks run to the end even if newer input arrives; they are part of the
        # interaction that started this run.
        held, ctx.uninterruptible, ctx.in_callback = ctx.uninterruptible, True, True
        targets: list[str] = []
        others = False
        try:
            for meta in callbacks:
                try:
                    meta.on_change(*meta.args, **meta.kwargs)
                    others = True
                except RerunScript as exc:
                    if exc.keys:
                        found = [f for key in exc.keys for f in self.fragments.by_key(key)]
                        targets += [f for f in found if f not in targets]
                        continue
                    others = True
                    _LOG.warning("st.rerun() in a callback does nothing: the interaction reruns the app.")
                except StopScript:
                    others = True
                    _LOG.warning("st.stop() in a callback does nothing.")
        finally:
            ctx.uninterruptible, ctx.in_callback = held, False
        if targets and others:
            return APP
        return tuple(targets)

    @staticmethod
    def _magic(*args: Any) -> Any:
        if magic_writer is not None:
            magic_writer(*args)
        return args[0] if len(args) == 1 else args

    # ---- outside any app --------------------------------------------------------------

    @classmethod
    def bare(cls) -> AppSession:
        """The process-wide session used by ``st.*`` calls made outside any app run."""
        with cls._bare_lock:
            if cls._bare is None:
                cls._bare = cls(name="bare")
                cls._bare.is_bare = True
            return cls._bare

    def context(self) -> RunContext:
        """A one-call run context on a fresh tree (bare mode: widgets give their defaults)."""
        return RunContext(session=self, root=tree.new_root())


# ``st.*`` calls outside any app run use the bare session (until a front end takes them over).
context.set_bare_run_factory(lambda: AppSession.bare().context())


APP = "app"  # _run_callbacks: the callbacks' keyed reruns escalate to a full-app rerun


class _Retarget(Exception):
    """Callbacks asked for these fragments to rerun instead of the interaction's run."""

    def __init__(self, fragment_ids: tuple[str, ...]) -> None:
        super().__init__(fragment_ids)
        self.fragment_ids = fragment_ids
