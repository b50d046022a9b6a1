"""The ``nbstream`` command.

``nbstream run app.py [--voila] [--section.option value ...] [-- script args]``
    serve a Streamlit-style script as an app (as ``nbstream serve`` does; with
    ``--voila``, in Voila: a kernel per tab); also a notebook (``app.ipynb``), a folder
    (its ``streamlit_app.py``) or the URL of a script
``nbstream serve app.py [--section.option value ...] [-- script args]``
    serve the app to many browser tabs from shared kernels (a session per tab; see
    nbstream/serve/)
``nbstream config show``
    print every configuration option with its description, default and current value

Options given as flags (``--server.port 80``) take precedence over environment variables
and ``config.toml`` files; other arguments before ``--`` go to the server (Jupyter
Server's ``--ServerApp.ip=127.0.0.1``; with ``--voila``, Voila's ``--Voila.ip=...``),
those after it to the script (its ``sys.argv``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

from nbstream import config
from nbstream._options import OPTIONS
from nbstream.serve import COOKIE_SECRET_ENV

_SECTIONS = {name.partition(".")[0] for name in config.DEFAULTS}
# The script's own arguments (after ``--``) for ``nbstream serve``'s kernels, as JSON.
SCRIPT_ARGV_ENV = "NBSTREAM_SCRIPT_ARGV"


# Flags of Jupyter Server's own that nbstream takes as its options (``--gateway-url URL``
# or ``--gateway-url=URL``), so their values can follow with a space.
_FLAG_OPTIONS = {"gateway-url": "server.gatewayUrl"}
# The server.gateway* options as the environment variables Jupyter Server's GatewayClient
# reads (a token stays off the server's command line, out of `ps`).
GATEWAY_ENV = {
    "server.gatewayUrl": "JUPYTER_GATEWAY_URL",
    "server.gatewayAuthToken": "JUPYTER_GATEWAY_AUTH_TOKEN",
    "server.gatewayHeaders": "JUPYTER_GATEWAY_HEADERS",
    "server.gatewayRequestTimeout": "JUPYTER_GATEWAY_REQUEST_TIMEOUT",
    "server.gatewayConnectTimeout": "JUPYTER_GATEWAY_CONNECT_TIMEOUT",
    "server.gatewayValidateCert": "JUPYTER_GATEWAY_VALIDATE_CERT",
}


class UsageError(Exception):
    """A command line nbstream cannot run: the message says why."""


def script_notebook(script: Path, argv: list[str] | None = None) -> dict:
    """A notebook that runs ``script`` as an app, from the script's own folder."""
    folder, path = str(script.parent), str(script)
    source = (
        f"import os, sys\nos.chdir({folder!r})\nsys.argv = {[path, *(argv or [])]!r}\n"
        f"from nbstream.render.app import App\nApp.from_file({path!r})"
    )
    return {
        "cells": [
            {
                "cell_type": "code",
                "id": "nbstream-run",
                "metadata": {},
                "execution_count": None,
                "outputs": [],
                "source": source,
            }
        ],
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def split_run_args(args: list[str]) -> tuple[dict[str, object], list[str], list[str]]:
    """The config flags, Voila's arguments and the script's arguments of ``nbstream run``."""
    flags: dict[str, object] = {}
    voila: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            return flags, voila, args[i + 1 :]
        name, has_value, value = arg[2:].partition("=")
        if arg.startswith("--") and name in _FLAG_OPTIONS:
            name = _FLAG_OPTIONS[name]
        if arg.startswith("--") and "." in name and name.partition(".")[0] in _SECTIONS:
            if name not in config.DEFAULTS:
                raise UsageError(f"No such option: --{name}")
            if not has_value:
                if i + 1 >= len(args):
                    raise UsageError(f"Option '--{name}' requires an argument.")
                i += 1
                value = args[i]
            flags[name] = config.parse_value(value, config.DEFAULTS[name])
        else:
            voila.append(arg)
        i += 1
    return flags, voila, []


def server_args() -> list[str]:
    """Voila's arguments for the ``server.*`` options Voila has options for."""
    args = [f"--port={int(config.get_option('server.port'))}"]
    address = config.get_option("server.address")
    if address:
        args.append(f"--Voila.ip={address}")
    base = str(config.get_option("server.baseUrlPath") or "").strip("/")
    if base:
        args.append(f"--Voila.base_url=/{base}/")
    if not _opens_browser():
        args.append("--no-browser")
    return args


def serve_args(app_dir: Path) -> list[str]:
    """``nbstream serve``'s Jupyter Server arguments for the ``server.*`` options."""
    args = [
        f"--ServerApp.port={int(config.get_option('server.port'))}",
        "--ServerApp.port_retries=0",
        f"--ServeApp.kernels={int(config.get_option('server.kernels'))}",
        f"--ServeApp.max_sessions={int(config.get_option('server.maxSessions'))}",
        f"--ServeApp.grace={float(config.get_option('server.disconnectedSessionTTL'))}",
        f"--ServeApp.idle_seconds={float(config.get_option('server.kernelIdleSeconds'))}",
    ]
    address = config.get_option("server.address")
    if address:
        args.append(f"--ServerApp.ip={address}")
    base = str(config.get_option("server.baseUrlPath") or "").strip("/")
    if base:
        args.append(f"--ServerApp.base_url=/{base}/")
    if not _opens_browser():
        args.append("--ServerApp.open_browser=False")
    cert, key = config.get_option("server.sslCertFile"), config.get_option("server.sslKeyFile")
    if cert and key:
        args += [f"--ServerApp.certfile={cert}", f"--ServerApp.keyfile={key}"]
    if not config.get_option("server.enableXsrfProtection"):
        args.append("--ServerApp.disable_check_xsrf=True")
    if not config.get_option("server.enableCORS"):
        args.append("--ServerApp.allow_origin=*")
    else:
        origins = [str(o).rstrip("/") for o in config.get_option("server.corsAllowedOrigins") or [] if o]
        if origins:
            args.append("--ServerApp.allow_origin_pat=^(" + "|".join(re.escape(o) for o in origins) + ")$")
    if config.get_option("server.enableStaticServing"):
        args.append(f"--ServeApp.static_dir={app_dir / 'static'}")
    kernel_name = config.get_option("server.gatewayKernelName")
    if kernel_name:
        args.append(f"--ServeApp.kernel_name={kernel_name}")
    return args


def gateway_env() -> dict[str, str]:
    """The ``server.gateway*`` options that are set, as GatewayClient's environment
    variables (an unset option leaves the inherited variable, ``JUPYTER_GATEWAY_URL``...)."""
    env: dict[str, str] = {}
    for name, variable in GATEWAY_ENV.items():
        value = config.get_option(name)
        if value is None or value == "":
            continue
        if name == "server.gatewayHeaders":
            try:
                headers = json.loads(value) if isinstance(value, str) else value
            except ValueError:
                headers = None
            if not isinstance(headers, dict):
                raise UsageError(f"server.gatewayHeaders must be a JSON object, not {value!r}")
            value = json.dumps(headers)
        elif name.endswith("Timeout"):
            try:
                value = float(value)
            except (TypeError, ValueError):
                raise UsageError(f"{name} must be a number of seconds, not {value!r}") from None
        elif isinstance(value, bool):
            value = "true" if value else "false"
        env[variable] = str(value)
    return env


def serve(target: str, args: list[str]) -> int:
    """``nbstream serve``: one server, a session per tab inside shared kernels."""
    try:
        flags, server_extra, script_args = split_run_args(args)
        with tempfile.TemporaryDirectory(prefix="nbstream-serve-") as scratch:
            path = _target_path(target, Path(scratch))
            env = {
                **os.environ,
                config.CLI_OPTIONS_ENV: json.dumps(flags),
                "NBSTREAM_APP_DIR": str(path.parent),
                SCRIPT_ARGV_ENV: json.dumps(script_args),
            }
            mapped = _with_flags(flags, lambda: serve_args(path.parent))
            secret = _with_flags(flags, lambda: [str(config.get_option("server.cookieSecret") or "")])[0]
            if secret:
                env[COOKIE_SECRET_ENV] = secret
            env.update(_with_flags(flags, gateway_env))
            argv = [
                sys.executable,
                "-m",
                "nbstream.serve",
                f"--ServeApp.target={path}",
                *mapped,
                *server_extra,
            ]
            return subprocess.call(argv, env=env)
    except UsageError as error:
        print(f"nbstream: {error}", file=sys.stderr)
        return 2


def _trait(arg: str) -> str:
    """The Voila setting an argument sets: ``--port=1`` and ``--Voila.port=1`` both "port"."""
    name = arg.lstrip("-").partition("=")[0].removeprefix("Voila.")
    return {"no-browser": "open_browser", "ip": "ip", "base_url": "base_url"}.get(name, name)


def _unless_given(mapped: list[str], voila_args: list[str]) -> list[str]:
    """The options' Voila arguments, but for the settings the user passed to Voila directly."""
    given = {_trait(arg) for arg in voila_args if arg.startswith("--")}
    return [arg for arg in mapped if _trait(arg) not in given]


def _with_flags(flags: dict[str, object], read: Callable[[], list[str]]) -> list[str]:
    """``read()`` with the command line's options in force (and checked: HTTPS's pair)."""
    before = os.environ.get(config.CLI_OPTIONS_ENV)
    os.environ[config.CLI_OPTIONS_ENV] = json.dumps(flags)
    config.reload()
    try:
        from nbstream.launch import ssl_context

        ssl_context()  # exits with Streamlit's message when misconfigured
        return read()
    finally:
        if before is None:
            os.environ.pop(config.CLI_OPTIONS_ENV, None)
        else:
            os.environ[config.CLI_OPTIONS_ENV] = before
        config.reload()


def _opens_browser() -> bool:
    if config.get_option("server.headless"):
        return False
    # As Streamlit does: on Linux without a display there is no browser to open.
    return not (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def _fetch_script(url: str, folder: Path) -> Path:
    """A script given by URL, saved in ``folder`` (as ``streamlit run https://...`` does)."""
    name = Path(urllib.parse.urlparse(url).path).name or "streamlit_app.py"
    path = folder / (name if name.endswith(".py") else name + ".py")
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            path.write_bytes(response.read())
    except OSError as error:
        raise UsageError(f"Unable to fetch {url}.\n{error}") from None
    return path


def _target_path(target: str, folder: Path) -> Path:
    if urllib.parse.urlparse(target).scheme in ("http", "https"):
        return _fetch_script(target, folder)
    path = Path(target).resolve()
    if path.is_dir():
        path = path / "streamlit_app.py"
    if not path.is_file():
        raise UsageError(f"no such file: {target}")
    if path.suffix not in (".py", ".ipynb"):
        raise UsageError("nbstream run takes a .py script or a .ipynb notebook")
    return path


def run(target: str, args: list[str]) -> int:
    """``nbstream run``: ``nbstream serve`` by default; ``--voila`` for a kernel per tab in Voila."""
    cut = args.index("--") if "--" in args else len(args)
    if "--voila" not in args[:cut]:
        return serve(target, args)
    voila_args = [a for i, a in enumerate(args) if not (a == "--voila" and i < cut)]
    return run_voila(target, voila_args)


def run_voila(target: str, args: list[str]) -> int:
    try:
        flags, voila_args, script_args = split_run_args(args)
        if flags.get("server.gatewayUrl"):
            raise UsageError("kernels through a gateway (--gateway-url) are for nbstream serve: drop --voila")
        with tempfile.TemporaryDirectory(prefix="nbstream-run-") as scratch:
            path = _target_path(target, Path(scratch))
            env = {
                **os.environ,
                config.CLI_OPTIONS_ENV: json.dumps(flags),
                "NBSTREAM_APP_DIR": str(path.parent),
            }
            mapped = _unless_given(_with_flags(flags, server_args), voila_args)
            launcher = [sys.executable, "-m", "nbstream.launch", *mapped, *voila_args]
            if path.suffix == ".ipynb":
                return subprocess.call([*launcher, str(path)], env=env)
            notebook = Path(scratch) / f"{path.stem}.ipynb"
            notebook.write_text(json.dumps(script_notebook(path, script_args)), encoding="utf-8")
            return subprocess.call([*launcher, str(notebook)], env=env)
    except UsageError as error:
        print(f"nbstream: {error}", file=sys.stderr)
        return 2


def _toml(value: object) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):  # [[theme.fontFaces]] tables, chart colors
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value)


def show_config() -> int:
    """Print every option by section -- description, default, where the value comes from --
    as TOML one could paste into config.toml."""
    section = None
    for name in sorted(config.DEFAULTS):
        head, _, option = name.partition(".")
        if head != section:
            print(f"\n[{head}]" if section is not None else f"[{head}]")
            section = head
        default, description = OPTIONS[name]
        value, source = config.get_option(name), config.source(name)
        print(f"\n# {description}")
        print(f"# Default: {'(unset)' if default is None else _toml(default)}")
        if source != "default":
            print(f"# The value below was set in {source}")
        print(f"# {option} =" if value is None else f"{option} = {_toml(value)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="nbstream", description="Run nbstream apps and inspect configuration."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run_cmd = commands.add_parser(
        "run", help="serve app.py, app.ipynb, a folder or a script's URL (--voila: a kernel per tab in Voila)"
    )
    run_cmd.add_argument("target", help="a Streamlit-style .py script, a notebook, a folder or a URL")
    run_cmd.add_argument(
        "args", nargs=argparse.REMAINDER, help="--section.option value flags, Voila's options, -- script args"
    )
    serve_cmd = commands.add_parser(
        "serve", help="serve an app to many tabs: a session per tab inside shared kernels"
    )
    serve_cmd.add_argument("target", help="a Streamlit-style .py script, a notebook, a folder or a URL")
    serve_cmd.add_argument(
        "args",
        nargs=argparse.REMAINDER,
        help="--section.option value flags, Jupyter Server's options, -- script args",
    )
    config_cmd = commands.add_parser("config", help="configuration")
    config_cmd.add_argument("action", choices=["show"])
    args = parser.parse_args(argv)
    if args.command == "run":
        return run(args.target, args.args)
    if args.command == "serve":
        return serve(args.target, args.args)
    return show_config()


if __name__ == "__main__":
    sys.exit(main())
