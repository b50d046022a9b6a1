"""The nbstream command: config show, and the notebook `nbstream run app.py` serves."""

from __future__ import annotations

import json
import tomllib

from nbstream import cli, config


def test_config_show_prints_every_option_as_toml(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".nbstream").mkdir()
    (tmp_path / ".nbstream" / "config.toml").write_text('[theme]\nprimaryColor = "purple"\n')
    config.reload()
    assert cli.main(["config", "show"]) == 0
    shown = tomllib.loads(capsys.readouterr().out)
    assert shown["theme"]["primaryColor"] == "purple"
    assert shown["runner"]["magicEnabled"] is True
    assert shown["client"]["toolbarMode"] == "auto"


def test_run_refuses_what_it_cannot_serve(tmp_path, capsys):
    assert cli.main(["run", str(tmp_path / "missing.py")]) == 2
    (tmp_path / "data.csv").write_text("a\n1\n")
    assert cli.main(["run", str(tmp_path / "data.csv")]) == 2
    assert "takes a .py script" in capsys.readouterr().err


def test_the_served_notebook_runs_the_script_from_its_folder(tmp_path):
    script = tmp_path / "app.py"
    notebook = cli.script_notebook(script)
    source = notebook["cells"][0]["source"]
    assert f"os.chdir({str(tmp_path)!r})" in source
    assert f"App.from_file({str(script)!r})" in source
    assert json.loads(json.dumps(notebook))["metadata"]["kernelspec"]["name"] == "python3"
