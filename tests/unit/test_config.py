"""Configuration: defaults, config.toml files, environment variables and set_option.

Precedence, lowest first: defaults, the global file (~/.nbstream, else ~/.streamlit), the
project file ($CWD/.nbstream, else $CWD/.streamlit), NBSTREAM_*/STREAMLIT_* environment
variables, st.set_option.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

import nbstream as st
from nbstream import config
from nbstream.errors import StreamlitAPIException


@pytest.fixture
def dirs(tmp_path, monkeypatch):
    home, project = tmp_path / "home", tmp_path / "project"
    home.mkdir()
    project.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(project)
    return home, project


def write(base: Path, folder: str, text: str) -> None:
    (base / folder).mkdir(exist_ok=True)
    (base / folder / "config.toml").write_text(text)
    config.reload()


def test_defaults(dirs):
    assert st.get_option("runner.magicEnabled") is True
    assert st.get_option("runner.enumCoercion") == "nameOnly"
    assert st.get_option("runner.enforceSerializableSessionState") is False
    assert st.get_option("client.showErrorDetails") == "full"
    assert st.get_option("client.toolbarMode") == "auto"
    assert st.get_option("theme.primaryColor") is None
    assert config.theme() == {}


def test_global_file(dirs):
    home, _ = dirs
    write(home, ".streamlit", '[client]\ntoolbarMode = "minimal"\n')
    assert st.get_option("client.toolbarMode") == "minimal"


def test_project_file_over_global_file(dirs):
    home, project = dirs
    write(home, ".nbstream", '[client]\ntoolbarMode = "minimal"\n[runner]\nmagicEnabled = false\n')
    write(project, ".nbstream", '[client]\ntoolbarMode = "viewer"\n')
    assert st.get_option("client.toolbarMode") == "viewer"
    assert st.get_option("runner.magicEnabled") is False  # still from the global file


@pytest.mark.parametrize("where", ["home", "project"])
def test_nbstream_folder_over_streamlit_folder(dirs, where):
    base = dirs[0] if where == "home" else dirs[1]
    write(base, ".streamlit", '[client]\ntoolbarMode = "minimal"\n[runner]\nmagicEnabled = false\n')
    write(base, ".nbstream", '[client]\ntoolbarMode = "viewer"\n')
    assert st.get_option("client.toolbarMode") == "viewer"
    assert st.get_option("runner.magicEnabled") is True  # .streamlit is not read when .nbstream exists


def test_streamlit_folder_when_there_is_no_nbstream_folder(dirs):
    _, project = dirs
    write(project, ".streamlit", '[theme]\nprimaryColor = "#FF4B4B"\nbase = "dark"\n')
    assert st.get_option("theme.primaryColor") == "#FF4B4B"
    assert config.theme() == {"primaryColor": "#FF4B4B", "base": "dark"}


def test_theme_section_of_the_spec(dirs):
    _, project = dirs
    write(
        project,
        ".streamlit",
        '[theme]\nprimaryColor="#FF4B4B"\nbackgroundColor="#FFFFFF"\nsecondaryBackgroundColor="#F0F2F6"\n'
        'textColor="#31333F"\nfont="sans serif"\n',
    )
    assert config.theme() == {
        "primaryColor": "#FF4B4B",
        "backgroundColor": "#FFFFFF",
        "secondaryBackgroundColor": "#F0F2F6",
        "textColor": "#31333F",
        "font": "sans serif",
    }


@pytest.mark.parametrize("prefix", ["NBSTREAM", "STREAMLIT"])
def test_environment_variables_over_files(dirs, monkeypatch, prefix):
    _, project = dirs
    write(project, ".streamlit", '[client]\ntoolbarMode = "minimal"\n[runner]\nmagicEnabled = true\n')
    monkeypatch.setenv(f"{prefix}_CLIENT_TOOLBAR_MODE", "developer")
    monkeypatch.setenv(f"{prefix}_RUNNER_MAGIC_ENABLED", "false")
    monkeypatch.setenv(f"{prefix}_CLIENT_SHOW_ERROR_DETAILS", "true")
    config.reload()
    assert st.get_option("client.toolbarMode") == "developer"
    assert st.get_option("runner.magicEnabled") is False
    assert config.show_error_details() == "full"


def test_nbstream_environment_variable_over_streamlit_one(dirs, monkeypatch):
    monkeypatch.setenv("STREAMLIT_THEME_PRIMARY_COLOR", "red")
    monkeypatch.setenv("NBSTREAM_THEME_PRIMARY_COLOR", "green")
    config.reload()
    assert st.get_option("theme.primaryColor") == "green"


def test_integer_environment_variable(dirs, monkeypatch):
    monkeypatch.setenv("STREAMLIT_SERVER_PORT", "80")
    config.reload()
    assert st.get_option("server.port") == 80


def test_set_option_over_everything(dirs, monkeypatch):
    monkeypatch.setenv("NBSTREAM_CLIENT_TOOLBAR_MODE", "developer")
    config.reload()
    st.set_option("client.toolbarMode", "viewer")
    assert st.get_option("client.toolbarMode") == "viewer"
    st.set_option("theme.primaryColor", "purple")
    assert config.theme()["primaryColor"] == "purple"


def test_set_option_of_a_server_option_raises(dirs):
    with pytest.raises(StreamlitAPIException, match=re.escape("server.port cannot be set on the fly")):
        st.set_option("server.port", 80)


def test_unknown_options(dirs):
    with pytest.raises(RuntimeError, match=re.escape('Config key "runner.nope" not defined.')):
        st.get_option("runner.nope")
    with pytest.raises(StreamlitAPIException, match=re.escape('Config key "runner.nope" not defined.')):
        st.set_option("runner.nope", 1)


@pytest.mark.parametrize(
    ("option", "bad"), [("runner.enumCoercion", "sometimes"), ("client.toolbarMode", "loud")]
)
def test_set_option_validates_choices(dirs, option, bad):
    with pytest.raises(StreamlitAPIException, match=option):
        st.set_option(option, bad)


@pytest.mark.parametrize(
    ("raw", "mode"),
    [
        (True, "full"),
        (False, "none"),
        ("full", "full"),
        ("stacktrace", "stacktrace"),
        ("type", "type"),
        ("none", "none"),
    ],
)
def test_show_error_details_values(dirs, raw, mode):
    st.set_option("client.showErrorDetails", raw)
    assert config.show_error_details() == mode


def test_a_broken_file_is_reported_and_skipped(dirs, caplog):
    home, project = dirs
    write(home, ".streamlit", '[client]\ntoolbarMode = "minimal"\n')
    write(project, ".streamlit", "[client\nthis is not toml")
    with caplog.at_level(logging.WARNING, logger="nbstream"):
        assert st.get_option("client.toolbarMode") == "minimal"
    assert any("could not read" in r.getMessage() for r in caplog.records)


def test_reload_reads_files_again_and_forgets_set_option(dirs):
    _, project = dirs
    st.set_option("client.toolbarMode", "viewer")
    write(project, ".nbstream", '[client]\ntoolbarMode = "minimal"\n')  # write() reloads
    assert st.get_option("client.toolbarMode") == "minimal"
