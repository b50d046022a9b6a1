"""What replicas of one app behind a proxy share: ``server.cookieSecret`` (the browser
test, tests/e2e/test_serve_replicas.py, runs two of them behind HAProxy)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_command import serve_argv

from nbstream.serve import COOKIE_SECRET_ENV
from nbstream.serve.app import ServeServerApp


def test_the_cookie_secret_goes_to_the_server_by_environment_only(monkeypatch, tmp_path):
    monkeypatch.delenv(COOKIE_SECRET_ENV, raising=False)
    argv, env = serve_argv(monkeypatch, tmp_path, "--server.cookieSecret", "s3cret-value")
    assert env[COOKIE_SECRET_ENV] == "s3cret-value"
    assert not any("s3cret-value" in arg for arg in argv)
    monkeypatch.setenv("NBSTREAM_SERVER_COOKIE_SECRET", "from-the-environment")
    assert serve_argv(monkeypatch, tmp_path)[1][COOKIE_SECRET_ENV] == "from-the-environment"
    monkeypatch.delenv("NBSTREAM_SERVER_COOKIE_SECRET")
    assert COOKIE_SECRET_ENV not in serve_argv(monkeypatch, tmp_path)[1]


def server(runtime: Path) -> ServeServerApp:
    app = ServeServerApp(cookie_secret_file=str(runtime / "jupyter_cookie_secret"))
    app.identity_provider = app.identity_provider_class(parent=app)
    return app


@pytest.fixture
def runtimes(tmp_path: Path) -> tuple[Path, Path]:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    return one, two


def test_replicas_given_one_secret_sign_alike_and_others_do_not(monkeypatch, runtimes):
    one, two = runtimes
    monkeypatch.setenv(COOKIE_SECRET_ENV, "shared")
    first = server(one).cookie_secret
    monkeypatch.setenv(COOKIE_SECRET_ENV, "shared")
    assert server(two).cookie_secret == first
    monkeypatch.setenv(COOKIE_SECRET_ENV, "another")
    assert server(two).cookie_secret != first
    # The server's kernels (the app's code) do not inherit it.
    assert COOKIE_SECRET_ENV not in os.environ


def test_without_a_shared_secret_each_replica_makes_its_own(monkeypatch, runtimes):
    monkeypatch.delenv(COOKIE_SECRET_ENV, raising=False)
    one, two = runtimes
    first, second = server(one).cookie_secret, server(two).cookie_secret
    assert first and second and first != second
    assert (one / "jupyter_cookie_secret").exists()  # Jupyter Server's own, kept across restarts
    assert server(one).cookie_secret == first
