"""Media and uploads in Voila, part two: a large medium served by URL (range requests,
seeking, scoped to its session), the camera and the microphone with Chromium's fake
devices, and a folder upload."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import ARGS, CHROMIUM, Server, close_page, open_voila_app, start_voila, wait_text, write_app

# 30 s of 48 kHz 16-bit mono: 2.9 MB, above the 2 MiB served-media threshold.  WAV,
# because Chromium plays it in a <video> and the machine has no video encoder.
LARGE = """
import io, wave
import numpy as np
t = np.arange(48_000 * 30) / 48_000
samples = (np.sin(2 * np.pi * 440 * t) * 20_000).astype(np.int16)
out = io.BytesIO()
with wave.open(out, "wb") as w:
    w.setnchannels(1); w.setsampwidth(2); w.setframerate(48_000); w.writeframes(samples.tobytes())
st.video(out.getvalue())
st.text(f"Video of {len(out.getvalue())} bytes")
"""

DEVICES = """
pic = st.camera_input("Take a picture")
if pic is not None:
    st.text(f"Photo {pic.type} {pic.name} nonzero={pic.size > 0}")
rec = st.audio_input("Record a voice message")
if rec is not None:
    head = rec.getvalue()[:12]
    st.text(f"Recording {rec.type} riff={head[:4] == b'RIFF' and head[8:] == b'WAVE'} nonzero={rec.size > 44}")
"""

RESOLUTION = """
import PIL.Image
sharp = st.camera_input("Sharp", resolution="720p")
if sharp is not None:
    st.text(f"sharp={PIL.Image.open(sharp).size}")
small = st.camera_input("Small", width=320)
if small is not None:
    st.text(f"small={PIL.Image.open(small).size}")
"""

FOLDER = """
files = st.file_uploader("A folder", accept_multiple_files="directory", type="csv")
st.text(f"Folder: {sorted((f.name, f.size) for f in files)}")
"""

FAKE_MEDIA = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]


@pytest.fixture(scope="module")
def voila(workdir: Path) -> Iterator[Server]:
    apps = workdir / "apps"
    apps.mkdir()
    write_app(apps, "large", LARGE)
    write_app(apps, "devices", DEVICES)
    write_app(apps, "folder", FOLDER)
    write_app(apps, "resolution", RESOLUTION)
    server = start_voila(apps, workdir)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def media_chromium(chromium) -> Iterator[object]:
    """A Chromium of this module only, with a fake camera and microphone that need no prompt."""
    browser = chromium.browser_type.launch(executable_path=CHROMIUM, args=[*ARGS, *FAKE_MEDIA])
    yield browser
    browser.close()


def open_app(browser, voila: Server, name: str):
    return open_voila_app(browser, voila.url, name)


def test_a_large_video_is_served_by_url_seekable_and_only_to_its_session(chromium, voila):
    page = open_app(chromium, voila, "large")
    ranges: list[str] = []
    statuses: list[int] = []
    page.on("request", lambda r: "/nbstream/media/" in r.url and ranges.append(r.headers.get("range", "")))
    page.on("response", lambda r: "/nbstream/media/" in r.url and statuses.append(r.status))
    other = None
    try:
        wait_text(page, "Video of 2880044 bytes", timeout=60_000)
        video = page.locator(".nbs-video video")
        src = video.get_attribute("src")
        assert src and "/nbstream/media/" in src and not src.startswith("blob:")
        page.wait_for_function("document.querySelector('.nbs-video video').readyState >= 1", timeout=30_000)
        assert page.evaluate(
            "(() => { const v = document.querySelector('.nbs-video video');"
            " return v.seekable.length > 0 && v.seekable.end(0) > 29; })()"
        )
        page.evaluate("""() => new Promise((done) => {
            const v = document.querySelector('.nbs-video video');
            v.addEventListener('seeked', () => done(), {once: true});
            v.currentTime = 25;
        })""")
        assert abs(page.evaluate("document.querySelector('.nbs-video video').currentTime") - 25) < 0.5
        assert any(r.startswith("bytes=") for r in ranges)
        assert 206 in statuses
        url = f"{voila.url.rstrip('/')}{src}" if src.startswith("/") else src
        assert (
            page.evaluate("(u) => fetch(u, {headers: {Range: 'bytes=0-3'}}).then(r => r.status)", url) == 206
        )
        # Another tab of another session: it may know the URL, it cannot read the bytes.
        other = open_app(chromium, voila, "large")
        assert other.request.get(url).status == 404
        assert other.evaluate("(u) => fetch(u).then(r => r.status)", url) == 404
    finally:
        close_page(page)
        if other is not None:
            close_page(other)


def test_the_camera_takes_a_jpeg(media_chromium, voila):
    page = open_app(media_chromium, voila, "devices")
    try:
        page.wait_for_function("document.querySelector('.nbs-camera-preview').videoWidth > 0", timeout=20_000)
        page.locator("button", has_text="Take Photo").click()
        wait_text(page, "Photo image/jpeg image.jpg nonzero=True", timeout=30_000)
        page.locator("button", has_text="Clear photo").click()
        page.wait_for_function("!document.querySelector('.nbs-main').innerText.includes('Photo image/jpeg')")
    finally:
        close_page(page)


def test_camera_resolution_and_width_set_the_pictures_size(media_chromium, voila):
    page = open_app(media_chromium, voila, "resolution")
    try:
        page.wait_for_function(
            "[...document.querySelectorAll('.nbs-camera-preview')].every(v => v.videoWidth > 0)",
            timeout=20_000,
        )
        cameras = page.locator(".nbs-camera-input")
        assert cameras.nth(1).bounding_box()["width"] == pytest.approx(320, abs=1)
        cameras.nth(0).locator("button", has_text="Take Photo").click()
        wait_text(page, "sharp=(1280, 720)", timeout=30_000)  # 720p asked for: the fake camera's 16:9 mode
        cameras.nth(1).locator("button", has_text="Take Photo").click()
        wait_text(page, "small=(", timeout=30_000)
        small = page.get_by_text("small=(").inner_text()
        width, height = (int(n) for n in small.removeprefix("small=(").removesuffix(")").split(", "))
        assert 200 < width <= 320 and height < 480  # the size shown, not the camera's 640x480
    finally:
        close_page(page)


def test_the_microphone_records_a_wav(media_chromium, voila):
    page = open_app(media_chromium, voila, "devices")
    try:
        page.locator("button", has_text="Record").click()
        page.locator("button", has_text="Stop recording").wait_for(timeout=10_000)
        page.wait_for_timeout(1200)
        page.locator("button", has_text="Stop recording").click()
        wait_text(page, "Recording audio/wav riff=True nonzero=True", timeout=30_000)
    finally:
        close_page(page)


def test_a_folder_through_the_chooser_keeps_relative_names_and_allowed_types(chromium, voila, tmp_path):
    folder = tmp_path / "data"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.csv").write_text("x\n1\n")
    (folder / "sub" / "b.CSV").write_text("x\n22\n")
    (folder / "notes.txt").write_text("skip me")
    page = open_app(chromium, voila, "folder")
    try:
        page.locator(".nbs-file-uploader input[type=file]").set_input_files(str(folder))
        wait_text(page, "Folder: [('data/a.csv', 4), ('data/sub/b.CSV', 5)]", timeout=30_000)
    finally:
        close_page(page)


def test_dropped_entries_upload_with_their_paths(chromium, voila):
    # A page cannot build a dropped *folder* (DataTransfer takes files only): this drop
    # goes through the folder uploader's drop path with files, and the folder walk
    # (webkitGetAsEntry, readEntries batches) is tested with fake entries in
    # js/test/uploads.test.js.
    page = open_app(chromium, voila, "folder")
    try:
        transfer = page.evaluate_handle(
            """() => {
                const dt = new DataTransfer();
                dt.items.add(new File(["x\\n1\\n"], "one.csv", {type: "text/csv"}));
                dt.items.add(new File(["z"], "skip.txt", {type: "text/plain"}));
                return dt;
            }"""
        )
        page.locator(".nbs-upload-zone").dispatch_event("drop", {"dataTransfer": transfer})
        wait_text(page, "Folder: [('one.csv', 4)]", timeout=30_000)
    finally:
        close_page(page)
