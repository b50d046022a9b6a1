"""Spec 4.3 "Static file serving": what is served from ./static, as what, and what is refused."""

from __future__ import annotations

import os

import pytest
import tornado.web
from http_helpers import fetch, serving

from nbstream.static_files import StaticFilesHandler, content_type, resolve

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def make_static(tmp_path):
    folder = tmp_path / "app" / "static"
    (folder / "sub").mkdir(parents=True)
    (folder / "cat.png").write_bytes(PNG)
    (folder / "page.html").write_text("<script>alert(1)</script>")
    (folder / "sub" / "dog.JPG").write_bytes(b"jpeg")
    (tmp_path / "app" / "app.py").write_text("secret = 1")
    (tmp_path / "outside.txt").write_text("outside")
    os.symlink(tmp_path / "outside.txt", folder / "link_out.txt")
    os.symlink(folder / "cat.png", folder / "link_in.png")
    return folder


@pytest.fixture
def static(tmp_path):
    return make_static(tmp_path)


def test_content_types():
    assert [content_type(n) for n in ("a.jpg", "a.jpeg", "a.png", "a.gif", "A.PNG")] == [
        "image/jpeg", "image/jpeg", "image/png", "image/gif", "image/png",
    ]  # fmt: skip
    assert {content_type(n) for n in ("a.html", "a.svg", "a.js", "a.css", "a.txt", "noext", "a.webp")} == {
        "text/plain"
    }


def test_only_files_inside_the_folder(static):
    assert resolve(static, "cat.png") == static / "cat.png"
    assert resolve(static, "sub/dog.JPG") == static / "sub" / "dog.JPG"
    assert resolve(static, "link_in.png") == (static / "cat.png").resolve()
    for bad in ("../app.py", "sub/../../app.py", "/etc/passwd", "sub", "", "link_out.txt", "missing.png",
                "..\\app.py", "./cat.png", "sub//dog.JPG", "cat.png\x00"):  # fmt: skip
        assert resolve(static, bad) is None, bad


@pytest.fixture
def served(static):
    def app():
        return tornado.web.Application([(r"/app/static/(.*)", StaticFilesHandler, {"folder": str(static)})])

    with serving(app) as url:
        yield url


def test_served_over_http(served):
    code, headers, body = fetch(served + "/app/static/cat.png")
    assert (code, body) == (200, PNG)
    assert headers["Content-Type"] == "image/png"
    assert headers["X-Content-Type-Options"] == "nosniff"
    code, headers, _ = fetch(served + "/app/static/page.html")
    assert code == 200 and headers["Content-Type"] == "text/plain"
    assert headers["X-Content-Type-Options"] == "nosniff"
    code, headers, body = fetch(served + "/app/static/cat.png", method="HEAD")
    assert code == 200 and body == b"" and headers["Content-Length"] == str(len(PNG))
    for bad in ("..%2Fapp.py", "%2E%2E/app.py", "sub%2F..%2F..%2Fapp.py", "link_out.txt", "%2Fetc%2Fpasswd",
                "missing.png", "sub"):  # fmt: skip
        code, headers, _ = fetch(served + "/app/static/" + bad)
        assert code == 404, bad
        assert headers["X-Content-Type-Options"] == "nosniff"


def test_notebook_folders_stay_under_the_root(tmp_path):
    from nbstream.static_files import notebook_static_folder

    assert notebook_static_folder(tmp_path, None) == tmp_path.resolve() / "static"
    assert notebook_static_folder(tmp_path, "pets/") == tmp_path.resolve() / "pets" / "static"
    for bad in ("../", "pets/../../", "./", "a\\b/"):
        assert notebook_static_folder(tmp_path, bad) is None, bad


def test_the_kernel_tells_its_notebook_folder(tmp_path, monkeypatch):
    from nbstream import config
    from nbstream.render.app import display_config

    monkeypatch.setenv("JPY_SESSION_NAME", str(tmp_path / "pets" / "cat.ipynb"))
    monkeypatch.setenv("NBSTREAM_SERVER_ROOT", str(tmp_path))
    assert display_config()["static_dir"] is None  # static serving is off by default
    monkeypatch.setenv("STREAMLIT_SERVER_ENABLE_STATIC_SERVING", "true")
    config.reload()
    assert display_config()["static_dir"] == "pets"
    monkeypatch.setenv("JPY_SESSION_NAME", str(tmp_path / "top.ipynb"))
    assert display_config()["static_dir"] == ""
    monkeypatch.setenv("JPY_SESSION_NAME", str(tmp_path.parent / "elsewhere.ipynb"))
    assert display_config()["static_dir"] is None
