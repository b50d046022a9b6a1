"""The Voila server ``nbstream run`` starts: Voila, with the ``server.*`` options applied.

    python -m nbstream.launch <voila arguments>

Voila's own options map from nbstream's (``server.port`` to ``--port``...) in
``nbstream.cli``; what Voila has no option for is done here: HTTPS
(``server.sslCertFile`` and ``server.sslKeyFile``) and static files
(``server.enableStaticServing``, for the app folder in ``NBSTREAM_APP_DIR``).
"""

from __future__ import annotations

import os
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


class NbstreamVoila(Voila):
    """Voila with HTTPS and the app's static folder."""

    _ssl: ssl.SSLContext | None = None

    @property
    def connection_url(self) -> str:
        url = super().connection_url
        return url.replace("http://", "https://", 1) if self._ssl is not None else url

    def init_handlers(self) -> list[Any]:
        handlers = super().init_handlers()
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
