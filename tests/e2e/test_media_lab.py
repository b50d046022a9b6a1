"""Large media in JupyterLab: the server extension's media route, behind Jupyter's login."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, current, open_lab, run_notebook, start_lab, write_app

NOISE = """
import numpy as np
noise = np.random.default_rng(1).integers(0, 255, (1000, 1000, 3), dtype=np.uint8)
st.image(noise, caption="Noise", alt="Noise")  # a 3 MB PNG: over the threshold, served by URL
"""


@pytest.fixture(scope="module")
def lab(workdir: Path) -> Iterator[Server]:
    root = workdir / "notebooks"
    root.mkdir()
    write_app(root, "noise", NOISE)
    server = start_lab(root, workdir)
    yield server
    server.stop()


def test_a_large_image_loads_from_the_extensions_route(chromium, lab):
    page = open_lab(chromium, lab)
    try:
        run_notebook(page, "noise")
        image = current(page, ".nbs-main img[alt=Noise]")
        image.wait_for(timeout=30_000)
        src = image.get_attribute("src") or ""
        assert "/nbstream/media/" in src
        page.wait_for_function(
            "() => [...document.querySelectorAll('.nbs-main img[alt=Noise]')].some(i => i.naturalWidth === 1000)",
            timeout=30_000,
        )
        # Outside the page (no session cookie, no login): nothing.
        url = lab.url.rstrip("/") + src if src.startswith("/") else src
        try:
            status = urllib.request.urlopen(url, timeout=10).status
        except urllib.error.HTTPError as error:
            status = error.code
        assert status in (403, 404)
    finally:
        page.context.close()
