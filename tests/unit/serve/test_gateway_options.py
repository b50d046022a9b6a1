"""`nbstream serve --gateway-url` and the server.gateway* options, down to the Jupyter Server
GatewayClient the served app's server builds from them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from jupyter_server.gateway.gateway_client import GatewayClient

from nbstream import cli

GATEWAY_VARIABLES = list(cli.GATEWAY_ENV.values())


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in GATEWAY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name in list(os.environ):
        if name.startswith(("NBSTREAM_SERVER_", "STREAMLIT_SERVER_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def serve(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *args: str) -> tuple[list[str], dict[str, str]]:
    (tmp_path / "app.py").write_text("import nbstream as st\n")
    calls: list[tuple[list[str], dict[str, str]]] = []
    monkeypatch.setattr(cli.subprocess, "call", lambda argv, env: calls.append((argv, env)) or 0)
    assert cli.main(["serve", str(tmp_path / "app.py"), *args]) == 0
    ((argv, env),) = calls
    return argv, env


def gateway_client(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> GatewayClient:
    """The GatewayClient the server process would build from its environment."""
    for name in GATEWAY_VARIABLES:
        if name in env:
            monkeypatch.setenv(name, env[name])
    GatewayClient.clear_instance()
    client = GatewayClient.instance()
    client.init_connection_args()
    return client


@pytest.fixture(autouse=True)
def fresh_client(monkeypatch: pytest.MonkeyPatch) -> None:
    # GatewayClient keeps its launch timeout in a class attribute and the environment.
    monkeypatch.setattr(GatewayClient, "KERNEL_LAUNCH_TIMEOUT", GatewayClient.KERNEL_LAUNCH_TIMEOUT)
    monkeypatch.setenv("KERNEL_LAUNCH_TIMEOUT", os.environ.get("KERNEL_LAUNCH_TIMEOUT", "40"))
    yield
    GatewayClient.clear_instance()


def test_the_gateway_flag_and_options_reach_the_gateway_client(monkeypatch, tmp_path):
    argv, env = serve(
        monkeypatch, tmp_path,
        "--gateway-url", "https://gateway.example:8888",
        "--server.gatewayAuthToken", "s3cret",
        "--server.gatewayHeaders", '{"X-Team": "data"}',
        "--server.gatewayRequestTimeout", "95",
        "--server.gatewayConnectTimeout", "7.5",
        "--server.gatewayValidateCert", "false",
        "--server.gatewayKernelName", "py-remote",
    )  # fmt: skip
    assert "--ServeApp.kernel_name=py-remote" in argv
    # The token travels in the environment, not on the server's command line.
    assert not any("s3cret" in arg for arg in argv) and env["JUPYTER_GATEWAY_AUTH_TOKEN"] == "s3cret"
    assert not any(arg.startswith("--gateway-url") or "gateway.example" in arg for arg in argv)
    client = gateway_client(monkeypatch, env)
    assert client.gateway_enabled and client.url == "https://gateway.example:8888"
    assert client.ws_url == "wss://gateway.example:8888"
    assert client.auth_token == "s3cret"
    assert json.loads(client.headers) == {"X-Team": "data"}
    assert client.request_timeout == 95.0 and client.connect_timeout == 7.5
    assert client.validate_cert is False
    args = client.load_connection_args()
    assert args["headers"]["Authorization"] == "token s3cret" and args["headers"]["X-Team"] == "data"
    assert args["validate_cert"] is False and args["connect_timeout"] == 7.5


def test_the_flag_with_an_equals_sign_and_the_config_file(monkeypatch, tmp_path):
    _, env = serve(monkeypatch, tmp_path, "--gateway-url=http://127.0.0.1:8889")
    assert env["JUPYTER_GATEWAY_URL"] == "http://127.0.0.1:8889"
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text('[server]\ngatewayUrl = "http://from-config:1"\n')
    _, env = serve(monkeypatch, tmp_path)
    assert env["JUPYTER_GATEWAY_URL"] == "http://from-config:1"
    # A flag beats the config file.
    _, env = serve(monkeypatch, tmp_path, "--gateway-url", "http://from-flag:2")
    assert gateway_client(monkeypatch, env).url == "http://from-flag:2"


def test_jupyter_servers_own_variables_still_work_when_no_option_is_set(monkeypatch, tmp_path):
    monkeypatch.setenv("JUPYTER_GATEWAY_URL", "http://from-environment:3")
    monkeypatch.setenv("JUPYTER_GATEWAY_AUTH_TOKEN", "env-token")
    _, env = serve(monkeypatch, tmp_path)
    client = gateway_client(monkeypatch, env)
    assert client.url == "http://from-environment:3" and client.auth_token == "env-token"


def test_without_a_gateway_the_kernels_stay_local(monkeypatch, tmp_path):
    argv, env = serve(monkeypatch, tmp_path)
    assert "JUPYTER_GATEWAY_URL" not in env
    assert not any("kernel_name" in arg for arg in argv)
    assert not gateway_client(monkeypatch, env).gateway_enabled


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--server.gatewayHeaders", "[1, 2]"], "server.gatewayHeaders must be a JSON object"),
        (["--server.gatewayHeaders", "{nope"], "server.gatewayHeaders must be a JSON object"),
        (["--server.gatewayRequestTimeout", "soon"], "server.gatewayRequestTimeout must be a number"),
    ],
)
def test_bad_gateway_options_are_refused(monkeypatch, tmp_path, capsys, args, error):
    (tmp_path / "app.py").write_text("import nbstream as st\n")
    monkeypatch.setattr(cli.subprocess, "call", lambda argv, env: 0)
    assert cli.main(["serve", str(tmp_path / "app.py"), "--gateway-url", "http://g:1", *args]) == 2
    assert error in capsys.readouterr().err


def test_voila_mode_refuses_a_gateway(monkeypatch, tmp_path, capsys):
    (tmp_path / "app.py").write_text("import nbstream as st\n")
    monkeypatch.setattr(cli.subprocess, "call", lambda argv, env: 0)
    assert cli.main(["run", str(tmp_path / "app.py"), "--voila", "--gateway-url", "http://g:1"]) == 2
    assert "are for nbstream serve" in capsys.readouterr().err
