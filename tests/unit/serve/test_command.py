"""`nbstream serve`: the command line's options as Jupyter Server's and ServeApp's."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from nbstream import cli, config


def serve_argv(monkeypatch, tmp_path: Path, *args: str) -> tuple[list[str], dict[str, str]]:
    """What ``nbstream serve`` would start (the server process is not started)."""
    (tmp_path / "app.py").write_text("import nbstream as st\n")
    calls: list[tuple[list[str], dict[str, str]]] = []
    monkeypatch.setattr(cli.subprocess, "call", lambda argv, env: calls.append((argv, env)) or 0)
    assert cli.main(["serve", str(tmp_path / "app.py"), *args]) == 0
    ((argv, env),) = calls
    return argv, env


def test_serve_maps_the_server_options(monkeypatch, tmp_path):
    argv, env = serve_argv(
        monkeypatch, tmp_path,
        "--server.port", "8600", "--server.address", "127.0.0.1", "--server.baseUrlPath", "my/app",
        "--server.kernels", "3", "--server.maxSessions", "40", "--server.disconnectedSessionTTL", "5",
        "--server.kernelIdleSeconds", "600",
        "--server.enableXsrfProtection", "false", "--server.enableCORS", "false",
        "--server.enableStaticServing", "true",
        "--server.headless", "true", "--ServerApp.log_level=DEBUG", "--", "--flag", "x",
    )  # fmt: skip
    assert argv[:4] == [sys.executable, "-m", "nbstream.serve", f"--ServeApp.target={tmp_path / 'app.py'}"]
    for expected in [
        "--ServerApp.port=8600",
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.base_url=/my/app/",
        "--ServeApp.kernels=3",
        "--ServeApp.max_sessions=40",
        "--ServeApp.grace=5.0",
        "--ServeApp.idle_seconds=600.0",
        "--ServerApp.disable_check_xsrf=True",
        "--ServerApp.allow_origin=*",
        f"--ServeApp.static_dir={tmp_path / 'static'}",
        "--ServerApp.open_browser=False",
        "--ServerApp.log_level=DEBUG",
    ]:
        assert expected in argv
    assert json.loads(env[cli.SCRIPT_ARGV_ENV]) == ["--flag", "x"]
    assert json.loads(env[config.CLI_OPTIONS_ENV])["server.kernels"] == 3


def test_serve_defaults_and_refusals(monkeypatch, tmp_path, capsys):
    argv, _ = serve_argv(monkeypatch, tmp_path)
    assert "--ServeApp.kernels=1" in argv and "--ServeApp.max_sessions=0" in argv
    assert "--ServeApp.grace=120.0" in argv and "--ServeApp.idle_seconds=0.0" in argv
    assert not any(a.startswith(("--ServerApp.disable_check_xsrf", "--ServerApp.allow_origin")) for a in argv)
    assert cli.main(["serve", str(tmp_path / "missing.py")]) == 2
    assert cli.main(["serve", str(tmp_path / "app.py"), "--server.nope", "1"]) == 2
    assert "No such option: --server.nope" in capsys.readouterr().err


def test_run_serves_unless_asked_for_voila(monkeypatch, tmp_path):
    argv, _ = serve_argv(monkeypatch, tmp_path)
    assert argv[2] == "nbstream.serve"
    calls: list[list[str]] = []
    monkeypatch.setattr(cli.subprocess, "call", lambda argv, env: calls.append(argv) or 0)
    assert cli.main(["run", str(tmp_path / "app.py"), "--voila", "--", "--voila"]) == 0
    assert calls[0][2] == "nbstream.launch"
    assert "--voila" not in calls[0]  # taken by nbstream; the one after -- is the script's
    assert cli.main(["run", str(tmp_path / "app.py")]) == 0
    assert calls[1][2] == "nbstream.serve"


def test_a_served_app_is_public_unless_given_a_token(monkeypatch):
    from traitlets.config import Config

    from nbstream.serve.app import PublicIdentityProvider

    monkeypatch.delenv("JUPYTER_TOKEN", raising=False)
    assert PublicIdentityProvider().token == ""
    given = Config({"IdentityProvider": {"token": "sekrit"}})
    assert PublicIdentityProvider(config=given).token == "sekrit"
    monkeypatch.setenv("JUPYTER_TOKEN", "from-env")
    assert PublicIdentityProvider().token == "from-env"
