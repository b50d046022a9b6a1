"""Declared components' build folders, served by the Jupyter server extension: only
folders a kernel registered, files inside them with their content types, never a path
outside (``..``, absolute, through a symlink), and HTML pages get the storage shim."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import tornado.web
from http_helpers import fetch, serving

from nbstream import component_files
from nbstream.elements.components import registry


@pytest.fixture
def build(tmp_path, monkeypatch):
    monkeypatch.setenv("NBSTREAM_COMPONENTS_DIR", str(tmp_path / "registry"))
    folder = tmp_path / "pkg" / "build"
    (folder / "static" / "js").mkdir(parents=True)
    (folder / "index.html").write_text("<html><head><title>c</title></head><body>ok</body></html>")
    (folder / "static" / "js" / "main.js").write_text("console.log(1)")
    (folder / "style.css").write_text("p{}")
    (tmp_path / "pkg" / "secret.txt").write_text("secret")
    (folder / "link").symlink_to(tmp_path / "pkg" / "secret.txt")
    cid = registry.register("pkg.comp", str(folder))
    return cid, folder


def test_registered_files_resolve_and_escapes_do_not(build):
    cid, folder = build
    assert registry.resolve(cid, "") == folder / "index.html"
    assert registry.resolve(cid, "static/js/main.js") == folder / "static" / "js" / "main.js"
    for bad in ("../secret.txt", "static/../../secret.txt", "/etc/passwd", "link", "missing.js", "a\0b"):
        assert registry.resolve(cid, bad) is None, bad
    assert registry.resolve("0123456789abcdef", "index.html") is None
    assert registry.resolve("../../etc", "passwd") is None


def test_register_is_stable_and_idempotent(build):
    cid, folder = build
    assert registry.register("pkg.comp", str(folder)) == cid
    assert registry.component_id("other", str(folder)) != cid


def test_the_handler_serves_types_and_refuses_escapes(build):
    cid, _folder = build
    app = lambda: tornado.web.Application([(component_files.ROUTE, component_files.ComponentFileHandler)])  # noqa: E731
    with serving(app) as url:
        base = f"{url}/nbstream/components/{cid}"
        code, headers, body = fetch(f"{base}/index.html")
        assert code == 200 and headers["Content-Type"] == "text/html"
        assert body.startswith(b"<html><head><script>")  # the storage shim, first
        assert body.endswith(b"<title>c</title></head><body>ok</body></html>")
        code, headers, body = fetch(f"{base}/static/js/main.js")
        assert code == 200 and headers["Content-Type"] == "text/javascript"
        assert body == b"console.log(1)"
        assert fetch(f"{base}/style.css")[1]["Content-Type"] == "text/css"
        for bad in ("..%2Fsecret.txt", "%2E%2E/secret.txt", "link", "nope.js"):
            code, _headers, body = fetch(f"{base}/{bad}")
            assert code == 404 and b"secret" not in body, bad
        assert fetch(f"{url}/nbstream/components/0123456789abcdef/index.html")[0] == 404


def test_standalone_voila_gets_the_routes(monkeypatch, tmp_path):
    from nbstream import media_files
    from nbstream.server import serve_components_in_voila

    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path))
    monkeypatch.delenv(media_files.ENV, raising=False)

    class FakeVoila:
        server_url = "/base/"

        def init_handlers(self):
            return [("/base/other", object)]

    serve_components_in_voila(FakeVoila)
    serve_components_in_voila(FakeVoila)  # twice: still one route
    routes = [r[0] for r in FakeVoila().init_handlers()]
    assert routes == [
        "/base/nbstream/components/([0-9a-f]{16})/(.*)",
        "/base/nbstream/media/([^/]+)/([^/]+)",
        "/base/other",
    ]
    # The media directory the kernels will be told about: private, in the runtime dir.
    assert Path(os.environ[media_files.ENV]).parent == tmp_path
