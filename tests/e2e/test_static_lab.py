"""Spec 4.3 in JupyterLab: with server.enableStaticServing, an app's app/static/<file> is
the static folder beside its notebook (nbstream's server extension), and the spec's cat
shows in Chromium."""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, current, open_lab, run_notebook, start_lab, write_app
from test_run_options_voila import png

CAT = """
with st.echo():
    st.title("CAT")
    st.markdown("![cat](app/static/cat.png)")
"""


@pytest.fixture(scope="module")
def lab(workdir: Path) -> Iterator[Server]:
    root = workdir / "notebooks"
    (root / "pets" / "static").mkdir(parents=True)
    write_app(root / "pets", "cat", CAT)
    (root / "pets" / "static" / "cat.png").write_bytes(png(24, 16))
    (root / "pets" / "static" / "page.html").write_text("<b>hi</b>")
    (root / "secret.txt").write_text("not for the web")
    (root / "static").mkdir()
    (root / "static" / "top.gif").write_bytes(b"GIF89a")
    os.environ["STREAMLIT_SERVER_ENABLE_STATIC_SERVING"] = "true"
    try:
        server = start_lab(root, workdir)
    finally:
        del os.environ["STREAMLIT_SERVER_ENABLE_STATIC_SERVING"]
    yield server
    server.stop()


def test_the_cat_shows_in_a_notebook_app(chromium, lab):
    page = open_lab(chromium, lab)
    try:
        run_notebook(page, "pets/cat")
        image = current(page, ".nbs-main img[alt=cat]")
        image.wait_for(timeout=30_000)
        page.wait_for_function(
            "() => [...document.querySelectorAll('.nbs-main img[alt=cat]')].some(i => i.complete && i.naturalWidth)",
            timeout=30_000,
        )
        assert image.evaluate("i => [i.naturalWidth, i.naturalHeight]") == [24, 16]
    finally:
        page.context.close()


def test_headers_and_refusals(lab):
    with urllib.request.urlopen(lab.url + "lab/tree/pets/app/static/cat.png") as answer:
        assert answer.headers["Content-Type"] == "image/png"
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
    with urllib.request.urlopen(lab.url + "lab/tree/pets/app/static/page.html") as answer:
        assert answer.headers["Content-Type"] == "text/plain"
    with urllib.request.urlopen(lab.url + "app/static/top.gif") as answer:  # a page at /lab: the root folder
        assert answer.headers["Content-Type"] == "image/gif" and answer.read() == b"GIF89a"
    for bad in ("lab/tree/pets/app/static/..%2F..%2Fsecret.txt", "lab/tree/%2E%2E/pets/app/static/cat.png",
                "lab/tree/pets/app/static/missing.png"):  # fmt: skip
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(lab.url + bad)
        assert refused.value.code == 404, bad
