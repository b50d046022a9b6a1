"""Uploads and media in Voila: a CSV through the real file chooser, a 50 MB file with a
progress bar, drag and drop, a refused type, and an image shown from kernel bytes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, app_text, close_page, open_voila_app, start_voila, wait_text, write_app

UPLOAD = """
import pandas as pd
f = st.file_uploader("Upload a CSV", type="csv")
if f is not None:
    df = pd.read_csv(f)
    st.text(f"Parsed {df.shape[0]} rows, total {int(df['n'].sum())}")
    st.dataframe(df)
big = st.file_uploader("Any file", key="big")
if big is not None:
    st.text(f"Size: {big.size} {big.name}")
many = st.file_uploader("Several", accept_multiple_files=True)
st.text(f"Names: {sorted(x.name for x in many)}")
"""

IMAGE = """
import numpy as np
img = np.zeros((20, 30, 3), dtype=np.uint8)
img[:, :, 0] = 255
st.image(img, caption="Red block", alt="A red square")
st.image('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><script>window.pwned=1</script><rect width="8" height="8"/></svg>')
st.link_button("Docs", "https://docs.streamlit.io")
"""


@pytest.fixture(scope="module")
def voila(workdir: Path) -> Iterator[Server]:
    apps = workdir / "apps"
    apps.mkdir()
    write_app(apps, "upload", UPLOAD)
    write_app(apps, "image", IMAGE)
    server = start_voila(apps, workdir)
    yield server
    server.stop()


def open_app(chromium, voila: Server, name: str):
    return open_voila_app(chromium, voila.url, name)


def chooser(page, label: str):
    return page.locator(".nbs-file-uploader", has_text=label).locator("input[type=file]")


def test_a_csv_through_the_file_chooser_is_parsed(chromium, voila, tmp_path):
    csv = tmp_path / "numbers.csv"
    csv.write_text("n\n1\n2\n39\n")
    page = open_app(chromium, voila, "upload")
    try:
        chooser(page, "Upload a CSV").set_input_files(str(csv))
        wait_text(page, "Parsed 3 rows, total 42")
        assert page.locator(".nbs-upload-file", has_text="numbers.csv").count() == 1
        page.get_by_role("button", name="Remove numbers.csv").click()
        page.wait_for_function("!document.querySelector('.nbs-main').innerText.includes('Parsed 3 rows')")
    finally:
        close_page(page)


def test_a_wrong_type_is_refused_before_sending(chromium, voila, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    page = open_app(chromium, voila, "upload")
    try:
        chooser(page, "Upload a CSV").set_input_files(str(notes))
        page.get_by_role("alert").filter(has_text=".txt files are not allowed.").wait_for(timeout=10_000)
        assert "Parsed" not in app_text(page)
    finally:
        close_page(page)


def test_a_50_mb_upload_shows_progress_and_its_size(chromium, voila, tmp_path):
    big = tmp_path / "big.bin"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    page = open_app(chromium, voila, "upload")
    try:
        chooser(page, "Any file").set_input_files(str(big))
        page.get_by_role("progressbar", name="Uploading big.bin").wait_for(timeout=15_000)
        wait_text(page, f"Size: {50 * 1024 * 1024} big.bin", timeout=120_000)
        assert page.get_by_role("progressbar").count() == 0
    finally:
        close_page(page)


def test_drag_and_drop_several_files(chromium, voila):
    page = open_app(chromium, voila, "upload")
    try:
        zone = page.locator(".nbs-file-uploader", has_text="Several").locator(".nbs-upload-zone")
        transfer = page.evaluate_handle(
            """() => {
                const dt = new DataTransfer();
                dt.items.add(new File(["a"], "a.txt", {type: "text/plain"}));
                dt.items.add(new File(["bb"], "b.txt", {type: "text/plain"}));
                return dt;
            }"""
        )
        zone.dispatch_event("drop", {"dataTransfer": transfer})
        wait_text(page, "Names: ['a.txt', 'b.txt']")
    finally:
        close_page(page)


def test_images_are_shown_and_svg_never_runs_script(chromium, voila):
    page = open_app(chromium, voila, "image")
    try:
        img = page.get_by_role("img", name="A red square")  # alt, never the caption (1.67)
        img.wait_for()
        page.wait_for_function("document.querySelector('.nbs-image img').naturalWidth === 30")
        assert page.get_by_text("Red block").count() >= 1
        page.wait_for_function("document.querySelectorAll('.nbs-image img')[1].complete")
        assert page.evaluate("window.pwned") is None
        link = page.get_by_role("link", name="Docs")
        assert link.get_attribute("href") == "https://docs.streamlit.io"
        assert link.get_attribute("target") == "_blank"
    finally:
        close_page(page)
