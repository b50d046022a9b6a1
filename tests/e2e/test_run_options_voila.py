"""`nbstream run` with Streamlit's options, in Chromium: HTTPS with a self-signed
certificate (spec 4.1), the static cat (spec 4.3), options from flags, config.toml and
the environment (spec 4.2), and the script's own arguments."""

from __future__ import annotations

import os
import ssl
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, close_page, free_port, wait_text

# The spec's example, with only the import changed (and the image the spec's page shows).
SCRIPT = """
import sys
import nbstream as st

with st.echo():
    st.title("CAT")
    st.markdown("![cat](app/static/cat.png)")

st.text(f"args={sys.argv[1:]}")
st.text(f"color={st.get_option('theme.primaryColor')} static={st.get_option('server.enableStaticServing')}")
"""


def png(width: int, height: int) -> bytes:
    """A red PNG image, made here."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


UNVERIFIED = ssl._create_unverified_context()


class HttpsServer(Server):
    def _wait(self, path: str, timeout: float = 90) -> None:
        self.url = self.url.replace("http://", "https://")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited:\n{self.log.read_text(errors='replace')[-3000:]}")
            try:
                urllib.request.urlopen(self.url + path, timeout=2, context=UNVERIFIED)
                return
            except urllib.error.HTTPError:
                return
            except OSError:
                time.sleep(0.25)
        raise RuntimeError(f"server not ready:\n{self.log.read_text(errors='replace')[-3000:]}")


def self_signed(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture(scope="module")
def project(workdir: Path) -> Path:
    project = workdir / "project"
    (project / "static").mkdir(parents=True)
    (project / "streamlit_app.py").write_text(SCRIPT)
    (project / "static" / "cat.png").write_bytes(png(40, 30))
    (project / "static" / "notes.html").write_text("<script>document.title='ran'</script>")
    (project / ".streamlit").mkdir()
    cert, key = self_signed(project)
    # HTTPS from config.toml, static serving from the environment, the theme color from a flag
    # over the file's.
    (project / ".streamlit" / "config.toml").write_text(
        f'[server]\nsslCertFile = "{cert}"\nsslKeyFile = "{key}"\n[theme]\nprimaryColor = "blue"\n'
    )
    return project


@pytest.fixture(scope="module")
def served(workdir: Path, project: Path) -> Iterator[Server]:
    port = free_port()
    argv = [sys.executable, "-m", "nbstream", "run", str(project), "--voila", "--server.port", str(port),
            "--server.address", "127.0.0.1", "--server.headless", "true", "--theme.primaryColor", "purple",
            "--", "--flag", "value"]  # fmt: skip
    # Run from the project folder (config.toml is read from the working directory, as
    # Streamlit does), with static serving on through the environment.
    here = os.getcwd()
    os.environ["STREAMLIT_SERVER_ENABLE_STATIC_SERVING"] = "true"
    os.chdir(project)
    try:
        server = HttpsServer(argv, workdir, "voila/static/voila.js", port)
    finally:
        os.chdir(here)
        del os.environ["STREAMLIT_SERVER_ENABLE_STATIC_SERVING"]
    yield server
    server.stop()


def test_https_static_cat_flags_and_script_args(chromium, served, project):
    assert served.url.startswith("https://")
    context = chromium.new_context(ignore_https_errors=True)
    page = context.new_page()
    try:
        page.goto(served.url)
        wait_text(page, "CAT", timeout=60_000)
        wait_text(page, "args=['--flag', 'value']")
        wait_text(page, "color=purple static=True")
        image = page.locator(".nbs-main img[alt=cat]")
        image.wait_for(timeout=15_000)
        page.wait_for_function(
            "() => { const i = document.querySelector('.nbs-main img[alt=cat]'); return i && i.complete; }"
        )
        assert image.evaluate("i => [i.naturalWidth, i.naturalHeight]") == [40, 30]
        assert page.evaluate("() => location.protocol") == "https:"
        # Theme options change live when config.toml changes (other options need a restart).
        config_file = project / ".streamlit" / "config.toml"
        config_file.write_text(config_file.read_text() + 'backgroundColor = "#102030"\n')
        page.wait_for_function(
            "() => getComputedStyle(document.querySelector('.nbs-app')).getPropertyValue("
            "'--nbs-background-color').trim() === '#102030'",
            timeout=15_000,
        )
    finally:
        close_page(page)
        context.close()


def test_static_headers_over_https(served):
    with urllib.request.urlopen(served.url + "app/static/cat.png", context=UNVERIFIED) as answer:
        assert answer.headers["Content-Type"] == "image/png"
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
    with urllib.request.urlopen(served.url + "app/static/notes.html", context=UNVERIFIED) as answer:
        assert answer.headers["Content-Type"] == "text/plain"
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
    for bad in ("..%2Fstreamlit_app.py", "../streamlit_app.py", "missing.png"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(served.url + "app/static/" + bad, context=UNVERIFIED)
        assert refused.value.code == 404


def test_plain_http_is_refused(served):
    with pytest.raises(OSError):
        urllib.request.urlopen(served.url.replace("https://", "http://"), timeout=5)


def test_https_misconfigured_exits(workdir, project):
    """One of the two files only: the server does not start, with Streamlit's message."""
    port = free_port()
    out = subprocess.run(
        [sys.executable, "-m", "nbstream", "run", str(project / "streamlit_app.py"), "--voila", "--server.port", str(port),
         "--server.sslKeyFile", "", "--server.headless", "true"],
        capture_output=True, text=True, timeout=60, cwd=project,
    )  # fmt: skip
    assert out.returncode == 1
    assert "Options 'server.sslCertFile' and 'server.sslKeyFile' must be set together." in out.stderr
