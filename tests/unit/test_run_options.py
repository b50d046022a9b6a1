"""Spec 4.2 "Working with configuration options": the four layers and their precedence,
`nbstream run` flags and arguments, `nbstream config show`; spec 4.1's HTTPS rule."""

from __future__ import annotations

import http.server
import json
import logging
import threading
import tomllib
from pathlib import Path

import pytest

import nbstream as st
from nbstream import cli, config


@pytest.fixture
def dirs(tmp_path, monkeypatch):
    home, project = tmp_path / "home", tmp_path / "project"
    home.mkdir()
    project.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(project)
    return home, project


def write(base: Path, text: str, folder: str = ".streamlit") -> Path:
    (base / folder).mkdir(exist_ok=True)
    path = base / folder / "config.toml"
    path.write_text(text)
    config.reload()
    return path


def flags(monkeypatch, **options) -> None:
    monkeypatch.setenv(config.CLI_OPTIONS_ENV, json.dumps(options))
    config.reload()


def test_every_layer_in_order_of_precedence(dirs, monkeypatch):
    """Global file < project file < environment variable < command-line flag (< set_option)."""
    home, project = dirs
    assert st.get_option("server.port") == 8501 and config.source("server.port") == "default"
    global_file = write(home, "[server]\nport = 80\n")
    assert st.get_option("server.port") == 80 and config.source("server.port") == str(global_file)
    project_file = write(project, "[server]\nport = 81\n")
    assert st.get_option("server.port") == 81 and config.source("server.port") == str(project_file)
    monkeypatch.setenv("STREAMLIT_SERVER_PORT", "82")
    config.reload()
    assert st.get_option("server.port") == 82
    assert config.source("server.port") == "the environment variable STREAMLIT_SERVER_PORT"
    monkeypatch.setenv("NBSTREAM_SERVER_PORT", "83")  # nbstream's name first
    config.reload()
    assert st.get_option("server.port") == 83
    flags(monkeypatch, **{"server.port": 84})
    assert st.get_option("server.port") == 84 and config.source("server.port") == "a command-line flag"
    st.set_option("client.toolbarMode", "minimal")
    assert config.source("client.toolbarMode") == "st.set_option"


def test_spec_environment_variable_names(dirs, monkeypatch):
    monkeypatch.setenv("STREAMLIT_CLIENT_SHOW_ERROR_DETAILS", "true")
    monkeypatch.setenv("STREAMLIT_SERVER_ENABLE_STATIC_SERVING", "true")
    config.reload()
    assert st.get_option("client.showErrorDetails") is True
    assert config.show_error_details() == "full"
    assert st.get_option("server.enableStaticServing") is True


def test_unknown_option_in_a_file_warns(dirs, caplog):
    write(dirs[1], "[server]\nprot = 80\n")
    with caplog.at_level(logging.WARNING, logger="nbstream"):
        st.get_option("server.port")
    assert '"server.prot" is not a valid config option' in caplog.text


# ---- nbstream run: flags, Voila's arguments, the script's arguments -------------------------


def test_run_arguments_split():
    options, voila, script = cli.split_run_args(
        ["--server.port", "80", "--server.headless=true", "--Voila.ip=127.0.0.1",
         "--theme.primaryColor", "purple", "--", "--server.port", "x"]
    )  # fmt: skip
    assert options == {"server.port": 80, "server.headless": True, "theme.primaryColor": "purple"}
    assert voila == ["--Voila.ip=127.0.0.1"]
    assert script == ["--server.port", "x"]  # after --, everything is the script's


def test_unknown_flag_is_an_error(capsys):
    assert cli.main(["run", "app.py", "--server.prot", "80"]) == 2
    assert "No such option: --server.prot" in capsys.readouterr().err
    assert cli.main(["run", "app.py", "--server.port"]) == 2
    assert "Option '--server.port' requires an argument." in capsys.readouterr().err


def test_server_options_map_onto_voila(dirs, monkeypatch):
    write(dirs[1], '[server]\nport = 9000\naddress = "127.0.0.1"\nbaseUrlPath = "my/app"\nheadless = true\n')
    assert cli.server_args() == [
        "--port=9000",
        "--Voila.ip=127.0.0.1",
        "--Voila.base_url=/my/app/",
        "--no-browser",
    ]
    write(dirs[1], "[server]\nheadless = false\n")
    monkeypatch.setenv("DISPLAY", ":0")
    assert cli.server_args() == ["--port=8501"]  # not headless, a display: opens a browser


@pytest.fixture
def launched(monkeypatch):
    """What `nbstream run` would start: the command, its environment, the notebook."""
    seen: dict = {}

    def call(argv, env):
        seen.update(argv=argv, env=env)
        target = Path(argv[-1])
        seen["notebook"] = json.loads(target.read_text()) if target.suffix == ".ipynb" else None
        seen["source"] = seen["notebook"]["cells"][0]["source"] if seen["notebook"] else None
        if seen["source"]:  # the script, read while it exists (a URL's lives in a temporary folder)
            script = Path(seen["source"].split("App.from_file(")[1].rstrip(")").strip("'"))
            seen["script"], seen["script_text"] = script, script.read_text()
        return 0

    monkeypatch.setattr(cli.subprocess, "call", call)
    return seen


def test_run_a_script_with_flags_and_arguments(dirs, launched):
    project = dirs[1]
    (project / "app.py").write_text("import nbstream as st\n")
    assert (
        cli.main(
            [
                "run",
                "app.py",
                "--voila",
                "--server.port",
                "9001",
                "--server.headless",
                "true",
                "--",
                "a",
                "-b",
            ]
        )
        == 0
    )
    assert launched["argv"][1:3] == ["-m", "nbstream.launch"]
    assert "--port=9001" in launched["argv"] and "--no-browser" in launched["argv"]
    assert json.loads(launched["env"][config.CLI_OPTIONS_ENV]) == {
        "server.port": 9001,
        "server.headless": True,
    }
    assert f"sys.argv = {[str(project / 'app.py'), 'a', '-b']!r}" in launched["source"]
    assert launched["env"]["NBSTREAM_APP_DIR"] == str(project)
    assert config.CLI_OPTIONS_ENV not in __import__("os").environ  # this process is left as it was


def test_run_a_folder_runs_its_streamlit_app(dirs, launched, capsys):
    project = dirs[1]
    assert cli.main(["run", str(project), "--voila"]) == 2
    assert "no such file" in capsys.readouterr().err
    (project / "streamlit_app.py").write_text("import nbstream as st\n")
    assert cli.main(["run", str(project), "--voila"]) == 0
    assert f"App.from_file({str(project / 'streamlit_app.py')!r})" in launched["source"]


def test_run_a_script_from_a_url(dirs, launched, capsys):
    script = b"import nbstream as st\nst.title('From a URL')\n"

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200 if self.path == "/apps/remote_app.py" else 404)
            self.end_headers()
            self.wfile.write(script)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/apps/remote_app.py"
        assert cli.main(["run", url, "--voila"]) == 0
        assert launched["script"].name == "remote_app.py"
        assert launched["script_text"] == script.decode()
        assert launched["env"]["NBSTREAM_APP_DIR"] == str(launched["script"].parent)
        assert cli.main(["run", url.replace("remote", "missing"), "--voila"]) == 2
        assert "Unable to fetch" in capsys.readouterr().err
    finally:
        server.shutdown()


def test_python_dash_m_nbstream(dirs):
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "nbstream", "config", "show"], capture_output=True, text=True)
    assert out.returncode == 0
    assert tomllib.loads(out.stdout)["server"]["port"] == 8501


# ---- config show ----------------------------------------------------------------------------


def test_config_show_describes_every_option(dirs, capsys, monkeypatch):
    path = write(dirs[1], '[theme]\nprimaryColor = "purple"\n')
    monkeypatch.setenv("STREAMLIT_SERVER_PORT", "80")
    config.reload()
    assert cli.main(["config", "show"]) == 0
    out = capsys.readouterr().out
    shown = tomllib.loads(out)
    assert shown["theme"]["primaryColor"] == "purple" and shown["server"]["port"] == 80
    block = out.split("\nport = 80")[0].rsplit("\n\n", 1)[1]
    assert block.splitlines() == [
        "# The port the server listens on.",
        "# Default: 8501",
        "# The value below was set in the environment variable STREAMLIT_SERVER_PORT",
    ]
    assert f"# The value below was set in {path}\nprimaryColor = " in out
    for name in config.DEFAULTS:
        option = name.partition(".")[2]
        assert f"\n{option} = " in out or f"\n# {option} =" in out, name


# ---- HTTPS: both files or neither -----------------------------------------------------------


@pytest.mark.parametrize("given", ["sslCertFile", "sslKeyFile"])
def test_https_needs_both_files(dirs, capsys, given):
    (dirs[1] / "app.py").write_text("import nbstream as st\n")
    with pytest.raises(SystemExit) as exited:
        cli.main(["run", "app.py", f"--server.{given}", "/tmp/x.pem"])
    assert exited.value.code == 1
    assert capsys.readouterr().err.strip() == (
        "Options 'server.sslCertFile' and 'server.sslKeyFile' must be set together. "
        "Set missing options or delete existing options."
    )


def test_https_files_that_do_not_load(dirs, capsys):
    (dirs[1] / "app.py").write_text("import nbstream as st\n")
    (dirs[1] / "cert.pem").write_text("not a certificate")
    with pytest.raises(SystemExit) as exited:
        cli.main(["run", "app.py", "--server.sslCertFile", "cert.pem", "--server.sslKeyFile", "key.pem"])
    assert exited.value.code == 1
    assert "Failed to load SSL certificate. Make sure cert file 'cert.pem' and key file 'key.pem'" in (
        capsys.readouterr().err
    )


def test_theme_options_and_the_sidebar_table(dirs, capsys):
    write(
        dirs[1],
        '[theme]\nbase = "dark"\nlinkColor = "#0000ee"\nbaseRadius = "full"\nredColor = "#a00"\n'
        '[theme.sidebar]\nbackgroundColor = "#111111"\nprimaryColor = "gold"\n',
    )
    assert config.theme() == {
        "base": "dark",
        "linkColor": "#0000ee",
        "baseRadius": "full",
        "redColor": "#a00",
        "sidebar": {"backgroundColor": "#111111", "primaryColor": "gold"},
    }
    assert cli.main(["config", "show"]) == 0
    shown = tomllib.loads(capsys.readouterr().out)
    assert shown["theme"]["sidebar"] == {"backgroundColor": "#111111", "primaryColor": "gold"}
    assert shown["theme"]["linkColor"] == "#0000ee"


def test_voila_arguments_given_directly_win(dirs, launched):
    (dirs[1] / "app.py").write_text("import nbstream as st\n")
    args = [
        "run",
        "app.py",
        "--voila",
        "--server.port",
        "9002",
        "--port=9100",
        "--Voila.ip=127.0.0.1",
        "--no-browser",
    ]
    assert cli.main(args) == 0
    argv = launched["argv"]
    assert [a for a in argv if "port" in a] == ["--port=9100"]
    assert argv.count("--no-browser") == 1


def test_logger_level(dirs, monkeypatch):
    monkeypatch.setenv("STREAMLIT_LOGGER_LEVEL", "error")
    config.reload()
    st.get_option("logger.level")
    assert logging.getLogger("nbstream").level == logging.ERROR
    flags(monkeypatch, **{"logger.level": "debug"})
    st.get_option("logger.level")
    assert logging.getLogger("nbstream").level == logging.DEBUG
    monkeypatch.delenv(config.CLI_OPTIONS_ENV)
    monkeypatch.delenv("STREAMLIT_LOGGER_LEVEL")
    config.reload()
    st.get_option("logger.level")
    assert logging.getLogger("nbstream").level == logging.NOTSET  # unset: logging's own setup


def test_max_upload_size_from_a_flag(dirs, monkeypatch):
    from nbstream.elements.widgets.uploads import max_upload_bytes

    flags(monkeypatch, **{"server.maxUploadSize": 1})
    assert max_upload_bytes(None) == 1024 * 1024
