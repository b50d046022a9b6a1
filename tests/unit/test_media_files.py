"""Large media by URL: the kernel's store and the server's range handler."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import tornado.web
from http_helpers import fetch, serving

from nbstream import media_files
from nbstream.media_files import MediaFileHandler, MediaStore, parse_range

DATA = bytes(range(256)) * 40  # 10240 bytes


@pytest.fixture
def store(tmp_path: Path) -> Iterator[MediaStore]:
    s = MediaStore(tmp_path, threshold=100)
    yield s
    s.close()


@pytest.fixture
def served(store: MediaStore, tmp_path: Path) -> Iterator[tuple[str, dict[str, str], MediaStore]]:
    ref = store.ref(DATA, "d1", "video/mp4")
    app = lambda: tornado.web.Application([(media_files.ROUTE, MediaFileHandler, {"root": str(tmp_path)})])  # noqa: E731
    with serving(app) as base:
        cookie = {"Cookie": f"nbs-media-{store.session}={store.key}"}
        yield f"{base}/{ref['$media']}", cookie, store


def get(url: str, cookie: dict[str, str], range_: str | None = None, method: str = "GET"):
    headers = dict(cookie)
    if range_ is not None:
        headers["Range"] = range_
    return fetch(url, method, headers)


def test_the_whole_file_with_the_kernels_type_and_nosniff(served):
    url, cookie, _ = served
    status, headers, body = get(url, cookie)
    assert (status, body) == (200, DATA)
    assert headers["Content-Type"] == "video/mp4"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Accept-Ranges"] == "bytes"
    assert headers["Content-Length"] == str(len(DATA))


def test_the_first_bytes(served):
    url, cookie, _ = served
    status, headers, body = get(url, cookie, "bytes=0-99")
    assert (status, body) == (206, DATA[:100])
    assert headers["Content-Range"] == f"bytes 0-99/{len(DATA)}"
    assert headers["Content-Length"] == "100"


def test_a_middle_range_and_an_open_end(served):
    url, cookie, _ = served
    status, headers, body = get(url, cookie, "bytes=5000-5009")
    assert (status, body) == (206, DATA[5000:5010])
    status, headers, body = get(url, cookie, "bytes=10000-")
    assert (status, body, headers["Content-Range"]) == (206, DATA[10000:], "bytes 10000-10239/10240")
    status, _, body = get(url, cookie, "bytes=10000-99999")  # past the end: up to the end
    assert (status, body) == (206, DATA[10000:])


def test_a_suffix_range(served):
    url, cookie, _ = served
    status, headers, body = get(url, cookie, "bytes=-16")
    assert (status, body) == (206, DATA[-16:])
    assert headers["Content-Range"] == "bytes 10224-10239/10240"


@pytest.mark.parametrize(
    "bad", ["bytes=20000-", "bytes=50-10", "bytes=-0", "bytes=x-5", "items=0-5", "bytes=-"]
)
def test_an_unsatisfiable_or_invalid_range_is_416(served, bad):
    url, cookie, _ = served
    status, headers, body = get(url, cookie, bad)
    assert status == 416
    assert headers["Content-Range"] == "bytes */10240"
    assert body == b""


def test_head_gives_the_headers_only(served):
    url, cookie, _ = served
    status, headers, body = get(url, cookie, "bytes=0-9", method="HEAD")
    assert (status, body, headers["Content-Length"]) == (206, b"", "10")


def test_an_unknown_token_or_session_is_404(served):
    url, cookie, store = served
    assert get(url[: url.rindex("/") + 1] + "A" * 32, cookie)[0] == 404
    assert get(url.replace(store.session, "B" * 32), cookie)[0] == 404


def test_without_the_sessions_cookie_it_is_404(served):
    url, _, store = served
    assert get(url, {})[0] == 404
    assert get(url, {"Cookie": f"nbs-media-{store.session}=" + "x" * 43})[0] == 404
    other = MediaStore(store.folder.parent)  # another tab's session, with its own key
    try:
        assert get(url, {"Cookie": f"nbs-media-{other.session}={other.key}"})[0] == 404
    finally:
        other.close()


@pytest.mark.parametrize("path", ["..%2F..%2Fetc%2Fpasswd", ".key", "%2E%2E", "abc.type"])
def test_traversal_and_side_files_are_404(served, path):
    url, cookie, store = served
    base = url[: url.rindex("/") + 1]
    assert get(base + path, cookie)[0] == 404
    assert get(base.replace(store.session, "..%2F" + store.session) + "x" * 32, cookie)[0] == 404


def test_svg_is_sandboxed_and_unknown_types_download(store, tmp_path):
    svg = store.ref(
        b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>" * 5, "s", "image/svg+xml"
    )
    html = store.ref(b"<html><script>alert(1)</script></html>" * 5, "h", "text/html")
    app = lambda: tornado.web.Application([(media_files.ROUTE, MediaFileHandler, {"root": str(tmp_path)})])  # noqa: E731
    with serving(app) as base:
        cookie = {"Cookie": f"nbs-media-{store.session}={store.key}"}
        _, headers, _ = get(f"{base}/{svg['$media']}", cookie)
        assert headers["Content-Type"] == "image/svg+xml"
        assert "sandbox" in headers["Content-Security-Policy"]
        _, headers, _ = get(f"{base}/{html['$media']}", cookie)
        assert headers["Content-Type"] == "application/octet-stream"


def test_the_store_writes_once_per_content_and_removes_what_is_not_shown(store):
    first = store.ref(DATA, "d1", "audio/wav")
    again = store.ref(DATA, "d1", "audio/wav")
    assert first == again
    other = store.ref(DATA[::-1], "d2", "audio/wav")
    token = first["$media"].rsplit("/", 1)[1]
    assert (store.folder / token).read_bytes() == DATA
    store.keep({"d2"})
    assert not (store.folder / token).exists()
    assert (store.folder / other["$media"].rsplit("/", 1)[1]).exists()
    store.close()
    assert not store.folder.exists()


def test_no_store_without_a_servers_directory(monkeypatch, tmp_path):
    monkeypatch.delenv(media_files.ENV, raising=False)
    assert MediaStore.from_environment() is None
    monkeypatch.setenv(media_files.ENV, str(tmp_path))
    made = MediaStore.from_environment()
    assert made is not None and made.folder.parent == tmp_path
    made.close()


def test_the_server_directory_is_private_and_named_for_kernels(monkeypatch, tmp_path):
    monkeypatch.delenv(media_files.ENV, raising=False)
    root = media_files.server_directory(str(tmp_path))
    assert root.is_dir() and (root.stat().st_mode & 0o777) == 0o700
    import os

    assert os.environ[media_files.ENV] == str(root)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("bytes=0-0", (0, 0)),
        ("bytes=0-1,5-6", None),
        ("bytes=-5000", (0, 99)),
        ("bytes= 3 - 4", (3, 4)),
    ],
)
def test_parse_range(header, expected):
    assert parse_range(header, 100) == expected


def test_a_closed_store_is_freed(tmp_path) -> None:
    # nbstream serve's kernels close a store per ended session: nothing may keep it alive.
    import gc
    import weakref

    from nbstream.media_files import MediaStore

    store = MediaStore(tmp_path)
    store.ref(b"x" * 10, "d1", "image/png")
    folder, ref = store.folder, weakref.ref(store)
    store.close()
    del store
    gc.collect()
    assert ref() is None and not folder.exists()
