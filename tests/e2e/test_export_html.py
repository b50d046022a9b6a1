"""nbconvert's HTML of an executed notebook draws its apps as last drawn, with no kernel
and no server.

The page loads require.js and @jupyter-widgets/html-manager from CDNs; the test serves
those two files from js/node_modules (this machine reaches no CDN) and refuses every
other outside request.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from e2e_helpers import write_app
from nbclient import NotebookClient
from nbconvert import HTMLExporter

NODE_MODULES = Path(__file__).resolve().parents[2] / "js" / "node_modules"
REQUIRE_JS = NODE_MODULES / "requirejs" / "require.js"
HTML_MANAGER = NODE_MODULES / "@jupyter-widgets" / "html-manager" / "dist"

REPORT = """
st.title("Quarterly report")
st.metric("Visitors", 1234, 56)
region = st.selectbox("Region", ["North", "South"], index=1)
st.write(f"Showing {region}")
"""


@pytest.fixture(scope="module")
def exported(workdir: Path) -> Path:
    path = write_app(workdir, "report", REPORT)
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", store_widget_state=True).execute()
    html, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    out = workdir / "report.html"
    out.write_text(html, encoding="utf-8")
    return out


def test_the_exported_html_draws_the_app_without_a_kernel(chromium, exported):
    assert REQUIRE_JS.is_file() and (HTML_MANAGER / "embed-amd.js").is_file(), "run npm install in js/"
    page = chromium.new_context().new_page()
    refused: list[str] = []

    def serve(route) -> None:
        url = route.request.url
        if url.startswith(("file:", "blob:", "data:")):
            route.continue_()
        elif "/require" in url and url.endswith(".js"):
            route.fulfill(path=str(REQUIRE_JS), content_type="text/javascript")
        elif "/@jupyter-widgets/html-manager" in url:
            route.fulfill(path=str(HTML_MANAGER / url.split("/dist/")[-1].split("?")[0]))
        else:
            refused.append(url)
            route.abort()

    page.route("**/*", serve)
    try:
        page.goto(exported.as_uri())
        page.wait_for_function(
            "() => [...document.querySelectorAll('.nbs-app')].some(e => e.innerText.includes('Showing South'))",
            timeout=30_000,
        )
        text = page.locator(".nbs-app").inner_text()
        assert "Quarterly report" in text
        assert "1234" in text.replace(",", "")
        styled = page.evaluate(
            "() => getComputedStyle(document.querySelector('.nbs-app')).getPropertyValue('--nbs-primary-color')"
        )
        assert styled.strip(), "the app's stylesheet applies"
        assert not [u for u in refused if "nbstream" in u or "anywidget" in u], refused
    finally:
        page.context.close()
