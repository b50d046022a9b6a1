"""The Voila server ``nbstream run`` starts: Voila, with the ``server.*`` options applied.

    python -m nbstream.launch <voila arguments>

Voila's own options map from nbstream's (``server.port`` to ``--port``...) in
``nbstream.cli``; what Voila has no option for is done here: HTTPS
(``server.sslCertFile`` and ``server.sslKeyFile``), static files
(``server.enableStaticServing``, for the app folder in ``NBSTREAM_APP_DIR``), XSRF and
CORS (``server.enableXsrfProtection``, ``server.enableCORS``,
``server.corsAllowedOrigins``), the URL the browser opens (``browser.serverAddress``,
``browser.serverPort``) and the login handlers of ``st.login`` (``nbstream.auth_server``).
"""

from __future__ import annotations

import os
import re
import ssl
import sys
from typing import Any

from voila.app import Voila

from nbstream import config
from nbstream.static_files import URL_PATH, StaticFilesHandler

APP_DIR_ENV = "NBSTREAM_APP_DIR"


def ssl_context() -> ssl.SSLContext | None:
    """The TLS context of ``server.sslCertFile`` and ``server.sslKeyFile``, or None; exits
    with Streamlit's messages when only one is set or they do not load."""
    cert, key = config.get_option("server.sslCertFile"), config.get_option("server.sslKeyFile")
    if not cert and not key:
        return None
    if not cert or not key:
        print(
            "Options 'server.sslCertFile' and 'server.sslKeyFile' must be set together. "
            "Set missing options or delete existing options.",
            file=sys.stderr,
        )
        sys.exit(1)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        context.load_cert_chain(cert, key)
    except (OSError, ssl.SSLError):
        print(
            f"Failed to load SSL certificate. Make sure cert file '{cert}' and key file '{key}' "
            "exist and are valid.",
            file=sys.stderr,
        )
        sys.exit(1)
    return context


def tornado_settings() -> dict[str, Any]:
    """The Jupyter server settings of the ``server.*`` options Voila has no flag for.

    Jupyter's handlers check XSRF tokens on POST requests and refuse cross-origin API and
    websocket requests by default, which is what Streamlit's defaults ask; only a change
    from them needs a setting.
    """
    settings: dict[str, Any] = {}
    if not config.get_option("server.enableXsrfProtection"):
        settings["disable_check_xsrf"] = True
    if not config.get_option("server.enableCORS"):
        settings["allow_origin"] = "*"
    else:
        origins = [str(o).rstrip("/") for o in config.get_option("server.corsAllowedOrigins") or [] if o]
        if origins:
            settings["allow_origin_pat"] = "^(" + "|".join(re.escape(o) for o in origins) + ")$"
    return settings


def browser_url(url: str) -> str:
    """``url`` as the browser should open it: ``browser.serverAddress`` and
    ``browser.serverPort``, when set, replace the host and port the server listens on
    (a server behind a proxy or in a container)."""
    address, port = config.get_option("browser.serverAddress"), config.get_option("browser.serverPort")
    set_address = config.source("browser.serverAddress") != "default"
    set_port = config.source("browser.serverPort") != "default"
    if not set_address and not set_port:
        return url
    scheme, _, rest = url.partition("://")
    netloc, slash, path = rest.partition("/")
    host, _, listen_port = netloc.rpartition(":") if ":" in netloc else (netloc, "", "")
    host = str(address) if set_address else host
    listen_port = str(int(port)) if set_port else listen_port
    return f"{scheme}://{host}{':' + listen_port if listen_port else ''}{slash}{path}"


class NbstreamVoila(Voila):
    """Voila with HTTPS and the app's static folder."""

    _ssl: ssl.SSLContext | None = None

    @property
    def connection_url(self) -> str:
        url = super().connection_url
        return browser_url(url.replace("http://", "https://", 1) if self._ssl is not None else url)

    def start(self) -> None:
        # Settings given on the command line (--Voila.tornado_settings) win.
        self.tornado_settings = {**tornado_settings(), **self.tornado_settings}
        # st.user reads the login's cookie from the request Voila passes each kernel.
        headers = list(self.voila_configuration.http_header_envs)
        if not any(h.lower() == "cookie" for h in headers):
            self.voila_configuration.http_header_envs = [*headers, "Cookie"]
        super().start()

    def init_handlers(self) -> list[Any]:
        from nbstream.auth_server import handlers as login_handlers

        handlers = super().init_handlers()
        if not getattr(type(self), "_nbstream_logins", False):  # etc/jupyter/voila.py adds them
            handlers = [*login_handlers(self.base_url), *handlers]
        app_dir = os.environ.get(APP_DIR_ENV)
        if config.get_option("server.enableStaticServing") and app_dir:
            route = self.base_url.rstrip("/") + "/" + URL_PATH + "(.*)"
            folder = os.path.join(app_dir, "static")
            handlers.insert(0, (route, StaticFilesHandler, {"folder": folder}))
        return handlers

    def listen(self) -> None:
        self._ssl = ssl_context()
        if self._ssl is not None:
            listen, context = self.app.listen, self._ssl
            self.app.listen = lambda port, address="", **kw: listen(port, address, ssl_options=context, **kw)
        super().listen()


def main() -> None:
    NbstreamVoila.launch_instance()


if __name__ == "__main__":
    main()
