"""st.secrets from secrets.toml files: by key, attribute and dotted key; file precedence."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import nbstream as st
from nbstream.secrets import secrets


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
    (base / folder / "secrets.toml").write_text(text)
    secrets.reload()


SPEC_SECRETS = """
db_username = "Jane"
db_password = "mypassword"

[my_other_secrets]
things_i_like = ["Streamlit", "Python"]
"""


@pytest.fixture
def spec_secrets(dirs, monkeypatch):
    for name in ("db_username", "db_password"):
        monkeypatch.delenv(name, raising=False)  # restored to absent afterwards
    write(dirs[1], ".streamlit", SPEC_SECRETS)


def test_keys_attributes_and_sections(spec_secrets):
    assert st.secrets["db_username"] == "Jane"
    assert st.secrets.db_password == "mypassword"
    assert st.secrets["my_other_secrets"]["things_i_like"] == ["Streamlit", "Python"]
    assert st.secrets.my_other_secrets.things_i_like == ["Streamlit", "Python"]
    assert st.secrets["my_other_secrets.things_i_like"] == ["Streamlit", "Python"]
    assert dict(**st.secrets.my_other_secrets) == {"things_i_like": ["Streamlit", "Python"]}


def test_mapping_api(spec_secrets):
    assert sorted(st.secrets) == ["db_password", "db_username", "my_other_secrets"]
    assert len(st.secrets) == 3
    assert "db_username" in st.secrets
    assert st.secrets.get("missing", "default") == "default"
    assert st.secrets.to_dict() == {
        "db_username": "Jane",
        "db_password": "mypassword",
        "my_other_secrets": {"things_i_like": ["Streamlit", "Python"]},
    }


def test_root_level_secrets_become_environment_variables(spec_secrets):
    assert st.secrets.db_username == "Jane"
    name = "db_username"  # environment variables keep the secret's own case
    assert os.environ[name] == "Jane"
    assert "my_other_secrets" not in os.environ


def test_missing_keys(spec_secrets):
    with pytest.raises(KeyError, match=re.escape('st.secrets has no key "nope"')):
        st.secrets["nope"]
    with pytest.raises(AttributeError, match=re.escape('st.secrets has no attribute "nope"')):
        st.secrets.nope
    with pytest.raises(KeyError):
        st.secrets["my_other_secrets"]["nope"]


def test_secrets_are_read_only(spec_secrets):
    with pytest.raises(TypeError):
        st.secrets.db_username = "x"
    with pytest.raises(TypeError):
        st.secrets["db_username"] = "x"
    with pytest.raises(TypeError):
        st.secrets.my_other_secrets.things_i_like = []
    assert st.secrets.db_username == "Jane"


def test_no_secrets_file(dirs):
    with pytest.raises(FileNotFoundError, match=re.escape("No secrets files found")):
        st.secrets["anything"]
    assert secrets.load_if_toml_exists() is False
    assert repr(st.secrets) == "{}"


def test_project_file_over_global_file(dirs, monkeypatch):
    home, project = dirs
    monkeypatch.delenv("token", raising=False)
    monkeypatch.delenv("only_global", raising=False)
    write(home, ".streamlit", 'token = "global"\nonly_global = "g"\n')
    write(project, ".streamlit", 'token = "project"\n')
    assert st.secrets.token == "project"
    assert st.secrets.only_global == "g"


@pytest.mark.parametrize("where", ["home", "project"])
def test_nbstream_folder_over_streamlit_folder(dirs, monkeypatch, where):
    base = dirs[0] if where == "home" else dirs[1]
    monkeypatch.delenv("token", raising=False)
    write(base, ".streamlit", 'token = "streamlit"\n')
    write(base, ".nbstream", 'token = "nbstream"\n')
    assert st.secrets.token == "nbstream"


def test_reload_reads_the_files_again(dirs, monkeypatch):
    _, project = dirs
    monkeypatch.delenv("token", raising=False)
    write(project, ".nbstream", 'token = "one"\n')
    assert st.secrets.token == "one"
    (project / ".nbstream" / "secrets.toml").write_text('token = "two"\n')
    assert st.secrets.token == "one"  # read once
    secrets.reload()
    assert st.secrets.token == "two"


def test_keys_do_not_show_values(dirs):
    """``st.write(st.secrets.keys())`` lists names only: a Mapping's KeysView would repr values."""
    write(dirs[1], ".streamlit", '[db]\nuser = "u"\npassword = "hunter2"\n')
    assert "hunter2" not in repr(st.secrets.db.keys())
    assert "hunter2" not in repr(st.secrets.keys())
    assert list(st.secrets.db.keys()) == ["user", "password"]
