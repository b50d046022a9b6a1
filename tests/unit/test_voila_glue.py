"""Voila glue: query parameters from the request, and the app identity for shared caches."""

from __future__ import annotations

import os

from nbstream import voila
from nbstream.render.app import App
from nbstream.runtime.script import Script


def _clear(monkeypatch):
    for name in (
        "JPY_SESSION_NAME",
        "SERVER_SOFTWARE",
        "SCRIPT_NAME",
        "VOILA_KERNEL_ID",
        "VOILA_PREHEAT",
        "QUERY_STRING",
    ):
        monkeypatch.delenv(name, raising=False)


def test_no_identity_outside_jupyter(monkeypatch):
    _clear(monkeypatch)
    assert voila.app_identity() is None


def test_jupyterlab_names_the_notebook(monkeypatch, tmp_path):
    _clear(monkeypatch)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JPY_SESSION_NAME", "apps/report.ipynb")
    assert voila.app_identity() == os.path.join(str(tmp_path), "apps", "report.ipynb")


def test_voila_identity_is_the_page_in_the_notebooks_folder(monkeypatch, tmp_path):
    _clear(monkeypatch)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5.13")
    monkeypatch.setenv("SCRIPT_NAME", "/voila/render/hello.ipynb")
    assert voila.app_identity() == os.path.join(str(tmp_path), "hello.ipynb")
    monkeypatch.setenv("SCRIPT_NAME", "/")
    assert voila.app_identity() == os.path.join(str(tmp_path), "")


def test_voila_query_parameters_leave_voilas_own_out(monkeypatch):
    _clear(monkeypatch)
    monkeypatch.setenv("QUERY_STRING", "a=1&a=2&voila-theme=dark&b=")
    assert voila.query_params() == {"a": ["1", "2"], "b": [""]}


def test_an_app_in_a_notebook_kernel_gets_the_notebooks_identity(monkeypatch, tmp_path):
    _clear(monkeypatch)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JPY_SESSION_NAME", "nb.ipynb")
    app = App(Script("import nbstream as st"))
    try:
        assert app.session.app_id == os.path.join(str(tmp_path), "nb.ipynb")
    finally:
        app.close()
