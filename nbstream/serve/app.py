"""``nbstream serve``: a Jupyter Server application that serves one app to many tabs.

    python -m nbstream.serve --ServeApp.target=app.py [Jupyter Server options]

Built on Jupyter Server (its HTTP server, kernel management, auth, XSRF and TLS), with
only nbstream's routes: the page (``page.py``), the tab websocket (``relay.py``), the
front end's files, the app's ``./static`` folder, ``st.login``'s handlers
(``nbstream.auth_server``) and large media by URL (``nbstream.media_files``).  Jupyter Server's own services
(contents, kernels, sessions, terminals, files...) are not mounted, so with auth off --
the default here, as for ``streamlit run`` -- a visitor can reach no kernel, file or
API; only the tab's own session.  ``--IdentityProvider.token=<secret>`` (or a
password) puts Jupyter Server's login in front of the app.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from typing import Any

from jupyter_core.paths import jupyter_runtime_dir
from jupyter_server.auth.identity import IdentityProvider, PasswordIdentityProvider
from jupyter_server.base.handlers import FileFindHandler
from jupyter_server.extension.application import ExtensionApp
from jupyter_server.serverapp import ServerApp
from jupyter_server.utils import url_path_join
from traitlets import Float, Int, List, Type, Unicode, default

from nbstream import media_files
from nbstream.auth_server import handlers as login_handlers
from nbstream.serve import COOKIE_SECRET_ENV, gateway
from nbstream.serve.page import STATIC_ROUTE, MediaHandler, PageHandler, static_folder
from nbstream.serve.pool import KernelPool, local_client
from nbstream.serve.relay import RelayHandler
from nbstream.serve.sessions import Sessions
from nbstream.static_files import URL_PATH, StaticFilesHandler


class PublicIdentityProvider(PasswordIdentityProvider):  # type: ignore[misc]
    """No token unless one is given (``--IdentityProvider.token``, ``JUPYTER_TOKEN``) or a
    password is set: a public app, as ``streamlit run`` serves it."""

    @default("token")
    def _public_by_default(self) -> str:
        token = os.environ.get("JUPYTER_TOKEN", "")
        self.token_generated = False
        return token


class ServeServerApp(ServerApp):  # type: ignore[misc]
    """Jupyter Server with none of its services mounted: only the serve extension's routes."""

    default_services = ("auth",)
    identity_provider_class = Type(
        default_value=PublicIdentityProvider,
        klass=IdentityProvider,
        config=True,
        help="The identity provider (by default: no token unless one is given).",
    )

    @default("cookie_secret")
    def _shared_cookie_secret(self) -> bytes:
        """``server.cookieSecret`` when given (replicas behind a proxy share it, so a login
        cookie one replica signed is good on the next after a failover); else Jupyter
        Server's own (a file in this server's runtime folder)."""
        shared = os.environ.pop(COOKIE_SECRET_ENV, "")
        if not shared:
            return super()._default_cookie_secret()
        # As Jupyter Server derives its own from the file's key: bound to the password too.
        digest = hmac.new(shared.encode(), digestmod=hashlib.sha256)
        digest.update(self.password.encode())
        return self.identity_provider.cookie_secret_hook(digest).digest()


# The routes a served app keeps of Jupyter Server's own (login/logout, its static files
# for the login page, /favicon.ico): everything else in its default router is removed.
_KEPT = ("LoginHandler", "LogoutHandler", "FileFindHandler", "PublicStaticFileHandler", "Template404")


class ServeApp(ExtensionApp):  # type: ignore[misc]
    name = "nbstream_serve"
    description = "Serve an nbstream app to many browser tabs from shared kernels."
    extension_url = "/"
    load_other_extensions = False
    serverapp_class = ServeServerApp

    target = Unicode("", config=True, help="The app: a .py script or a notebook with a %%stapp cell.")
    argv = List(Unicode(), config=True, help="The script's arguments (its sys.argv[1:]).")

    @default("argv")
    def _argv_from_cli(self) -> list[str]:
        raw = os.environ.get("NBSTREAM_SCRIPT_ARGV")
        return [str(a) for a in json.loads(raw)] if raw else []

    kernels = Int(1, config=True, help="Kernels started with the server; sessions spread over them.")
    max_sessions = Int(0, config=True, help="Sessions one kernel serves at most (0: no limit).")
    idle_seconds = Float(
        0.0,
        config=True,
        help="Seconds without a session after which a kernel is shut down (0: never); one stays.",
    )
    grace = Float(120.0, config=True, help="Seconds a disconnected tab's session is kept.")
    static_dir = Unicode("", config=True, help="The app's ./static folder, served at app/static/.")
    kernel_name = Unicode("", config=True, help="The kernelspec of the kernels (empty: the default).")

    @classmethod
    def get_extension_package(cls) -> str:
        return "nbstream.serve.app"

    def _jupyter_server_config(self) -> dict[str, Any]:
        config = super()._jupyter_server_config()
        # The root check guards a notebook server's code execution, which this server has none of.
        config["ServerApp"].setdefault("allow_root", True)
        config["ServerApp"].setdefault("root_dir", os.path.dirname(os.path.abspath(self.target or ".")))
        return config

    def initialize_settings(self) -> None:
        if not self.target:
            raise SystemExit("nbstream serve: no app given (--ServeApp.target=app.py)")
        spec: dict[str, Any] = {"path": os.path.abspath(self.target), "argv": list(self.argv)}
        connect = local_client
        if self.remote_kernels:
            # Kernels on the gateway's machines: the app's source goes with SETUP, media inline.
            spec = gateway.remote_spec(self.target, list(self.argv))
            connect = gateway.connect
            url = self.serverapp.gateway_config.url
            self.log.info("nbstream serve: kernels through the gateway at %s", url)
        self.pool = KernelPool(
            self.serverapp.kernel_manager,
            spec,
            size=self.kernels,
            max_sessions=self.max_sessions,
            idle_seconds=self.idle_seconds,
            log=self.log,
            connect=connect,
            kernel_name=self.kernel_name,
        )
        self.sessions = Sessions(self.pool, grace=self.grace, log=self.log)
        title = os.path.splitext(os.path.basename(self.target))[0]
        self.settings.update(nbstream_sessions=self.sessions, nbstream_title=title)
        self.log.info(
            "nbstream serve: %s; visitors get its page and their own session only (no Jupyter "
            "Server API is mounted, whatever the auth)",
            self.target,
        )

    def initialize_handlers(self) -> None:
        self.handlers.extend(
            [
                (r"/?", PageHandler),
                (r"/_nbstream/ws", RelayHandler),
                (r"/" + STATIC_ROUTE, FileFindHandler, {"path": [static_folder()], "no_cache_paths": ["/"]}),
            ]
        )
        if self.static_dir:
            self.handlers.append((r"/" + URL_PATH + "(.*)", StaticFilesHandler, {"folder": self.static_dir}))
        self._keep_only_own_routes()
        base_url = self.serverapp.base_url
        # st.login's handlers (auth/login, the redirect_uri callback, auth/logout), under the
        # base URL; they match before the extension's own routes.
        routes = login_handlers(base_url)
        if not self.remote_kernels:
            routes.append(self._media_route(base_url))
        self.serverapp.web_app.add_handlers(".*$", routes)

    @property
    def remote_kernels(self) -> bool:
        """Kernels through a Jupyter (Enterprise) Gateway (``--gateway-url``)."""
        return bool(self.serverapp.gateway_config.gateway_enabled)

    def _media_route(self, base_url: str) -> tuple[Any, ...]:
        # Large media by URL: the kernels the pool starts inherit NBSTREAM_MEDIA_DIR (set
        # here, before they start) and write each session's media there; the route serves a
        # file only to the tab holding its session's key cookie.
        # (A gateway's kernels have no such directory in common with this server: their
        # media go inline, and the route is not mounted.)
        root = media_files.server_directory(jupyter_runtime_dir())
        return (url_path_join(base_url, media_files.ROUTE), MediaHandler, {"root": str(root)})

    def _keep_only_own_routes(self) -> None:
        router = self.serverapp.web_app.wildcard_router
        # The identity provider's own login form (LoginFormHandler by default): the page a
        # token or password sends a visitor without the login cookie to.
        identity = self.serverapp.identity_provider
        login = {identity.login_handler_class, identity.logout_handler_class}
        router.rules = [
            rule
            for rule in router.rules
            if getattr(rule.target, "__name__", "") in _KEPT or rule.target in login
        ]

    async def _start_jupyter_server_extension(self, serverapp: Any) -> None:
        import asyncio

        self._starting = asyncio.ensure_future(self.pool.start())

    async def stop_extension(self) -> None:
        for session_id in list(self.sessions._by_id):
            self.sessions.end(session_id)
        await self.pool.stop()


def _jupyter_server_extension_points() -> list[dict[str, Any]]:
    return [{"module": "nbstream.serve.app", "app": ServeApp}]


def main() -> None:
    ServeApp.launch_instance()
