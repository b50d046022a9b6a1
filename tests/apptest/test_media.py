"""st.image, st.audio, st.video, st.pdf, st.logo, st.link_button as AppTest reads them:
every input kind, with sizes, captions, MIME types and Streamlit's errors."""

from __future__ import annotations

import io
import wave

import numpy as np
import pytest
from apphelpers import run
from PIL import Image

PNG_SIG = b"\x89PNG\r\n\x1a\n"


def png_bytes(w: int, h: int, color: str = "blue") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (w, h), color).save(out, format="PNG")
    return out.getvalue()


def decoded(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)))


def test_image_from_every_input_kind(tmp_path):
    (tmp_path / "pic.png").write_bytes(png_bytes(4, 3))
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    at = run(
        f"""
        import io, pathlib
        import numpy as np
        import nbstream as st
        from PIL import Image
        st.image(Image.new("RGB", (5, 2), "red"), caption="pil")
        st.image(np.zeros((6, 7), dtype=np.uint8), caption="gray")
        st.image(np.full((2, 3, 3), 0.5), caption="float rgb")
        st.image(np.zeros((2, 2, 4), dtype=np.uint8), caption="rgba")
        st.image(pathlib.Path({str(tmp_path / "pic.png")!r}).read_bytes(), caption="bytes")
        st.image({str(tmp_path / "pic.png")!r}, caption="path")
        st.image(io.BytesIO(pathlib.Path({str(tmp_path / "pic.png")!r}).read_bytes()), caption="file")
        st.image("https://example.com/cat.png", caption="url")
        st.image('<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>', caption="svg text")
        st.image({str(tmp_path / "logo.svg")!r}, caption="svg file")
        """
    )
    got = {im.caption: (im.mime, im.size) for im in at.image}
    assert got == {
        "pil": ("image/png", (5, 2)),
        "gray": ("image/png", (7, 6)),
        "float rgb": ("image/png", (3, 2)),
        "rgba": ("image/png", (2, 2)),
        "bytes": ("image/png", (4, 3)),
        "path": ("image/png", (4, 3)),
        "file": ("image/png", (4, 3)),
        "url": (None, None),
        "svg text": ("image/svg+xml", None),
        "svg file": ("image/svg+xml", None),
    }
    assert at.get("image")[7].data == "https://example.com/cat.png"
    assert decoded(at.image[2].data)[0, 0].tolist() == [128, 128, 128]
    assert at.image[4].data.startswith(PNG_SIG)


def test_image_channels_clamp_and_format():
    at = run(
        """
        import numpy as np
        import nbstream as st
        bgr = np.zeros((1, 1, 3), dtype=np.uint8); bgr[0, 0] = [255, 0, 0]
        st.image(bgr, channels="BGR")
        st.image(np.array([[-1.0, 2.0]]), clamp=True)
        st.image(np.zeros((4, 4, 3), dtype=np.uint8), output_format="JPEG")
        """
    )
    assert decoded(at.image[0].data)[0, 0].tolist() == [0, 0, 255]
    assert decoded(at.image[1].data)[0].tolist() == [0, 255]
    assert at.image[2].mime == "image/jpeg" and at.image[2].data[:3] == b"\xff\xd8\xff"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.image(np.array([[2.0]]))", "Data is outside [0.0, 1.0] and clamp is not set."),
        ("st.image(np.array([[300]]))", "Data is outside [0, 255] and clamp is not set."),
        ("st.image([np.zeros((2, 2))] * 2, caption=['one'])", "Cannot pair 1 captions with 2 images."),
        ("st.image(np.zeros((2, 2)), width=-3)", "Image width must be positive."),
        ("st.image(np.zeros((2, 2, 2)))", "Invalid dimensions for image data: (2, 2, 2)"),
        ("st.image(np.zeros((2, 2)), channels='RGBA')", "Invalid channels value"),
    ],
)
def test_image_errors(call, message):
    at = run(f"import numpy as np\nimport nbstream as st\n{call}")
    assert at.exception[0].value == f"StreamlitAPIException: {message}" or message in at.exception[0].value


def test_a_list_of_images_with_captions_is_one_gallery():
    at = run(
        """
        import numpy as np
        import nbstream as st
        st.image([np.zeros((2, 2)), np.ones((3, 3))], caption=["a", "b"], width=100)
        """
    )
    assert len(at.image) == 1
    assert at.image[0].captions == ["a", "b"]
    assert [im["size"] for im in at.image[0].images] == [[2, 2], [3, 3]]
    assert at.image[0].width == 100


def test_audio_from_numpy_is_a_wav_with_the_sample_rate():
    at = run(
        """
        import numpy as np
        import nbstream as st
        t = np.linspace(0, 1, 8000, endpoint=False)
        st.audio(np.sin(2 * np.pi * 440 * t), sample_rate=8000)
        st.audio(np.stack([np.sin(t), np.cos(t)]), sample_rate=4000, loop=True, start_time="0.5s")
        """
    )
    with wave.open(io.BytesIO(at.audio[0].data)) as w:
        assert (w.getnchannels(), w.getframerate(), w.getnframes(), w.getsampwidth()) == (1, 8000, 8000, 2)
        samples = np.frombuffer(w.readframes(8000), dtype=np.int16)
    assert samples.max() == 32767 or samples.max() == 32766
    assert at.audio[0].mime == "audio/wav"
    with wave.open(io.BytesIO(at.audio[1].data)) as w:
        assert (w.getnchannels(), w.getframerate(), w.getnframes()) == (2, 4000, 8000)
    assert at.audio[1].loop is True and at.audio[1].start_time == 0.5


def test_audio_and_video_sources(tmp_path):
    mp3 = tmp_path / "song.mp3"
    mp3.write_bytes(b"ID3" + b"\0" * 20)
    at = run(
        f"""
        import io
        import nbstream as st
        st.audio({str(mp3)!r})
        st.audio(io.BytesIO(b"OggS0000"), end_time=3)
        st.audio("https://example.com/a.mp3")
        st.video(b"\\0\\0\\0\\x18ftypmp42", autoplay=True, muted=True)
        st.video("https://example.com/v.webm", format="video/webm", start_time=2)
        """
    )
    assert [a.mime for a in at.audio] == ["audio/mpeg", "audio/ogg", "audio/wav"]
    assert at.audio[2].url == "https://example.com/a.mp3" and at.audio[1].end_time == 3
    assert at.video[0].mime == "video/mp4" and at.video[0].muted and at.video[0].autoplay
    assert at.video[1].mime == "video/webm" and at.video[1].start_time == 2


def test_video_with_subtitles(tmp_path):
    srt = tmp_path / "subs.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,500\nHello\n")
    at = run(
        f"""
        import nbstream as st
        VIDEO = b"\\0\\0\\0\\x18ftypmp42"
        st.video(VIDEO, subtitles={str(srt)!r})
        st.video(VIDEO, subtitles={{"English": "WEBVTT\\n\\n00:01.000 --> 00:02.000\\nHi", "Deutsch": {str(srt)!r}}})
        """
    )
    assert at.video[0].subtitles == {"default": "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\nHello\n"}
    assert list(at.video[1].subtitles) == ["English", "Deutsch"]
    assert at.video[1].subtitles["English"].startswith("WEBVTT")


def test_media_errors():
    at = run(
        """
        import numpy as np
        import nbstream as st
        st.audio(np.zeros(10))
        """
    )
    assert "`sample_rate` must be provided" in at.exception[0].value
    at = run('import nbstream as st\nst.video(b"x", start_time="soon")')
    assert "Failed to convert 'start_time' to a timedelta" in at.exception[0].value
    at = run('import nbstream as st\nst.audio(b"x", start_time=5, end_time=2)')
    assert "end_time must be greater than start_time" in at.exception[0].value


def test_pdf_logo_and_link_button(tmp_path):
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF")
    at = run(
        f"""
        import numpy as np
        import nbstream as st
        st.logo(np.zeros((4, 8)), link="https://streamlit.io", size="large")
        st.pdf({str(pdf)!r}, height=300)
        st.link_button("Go to gallery", "https://streamlit.io/gallery", type="primary")
        st.sidebar.write("side")
        """
    )
    assert at.pdf[0].data.startswith(b"%PDF") and at.pdf[0].height == 300
    assert (
        at.link_button[0].value == "https://streamlit.io/gallery"
        and at.link_button[0].proto["type"] == "primary"
    )
    logo = at.sidebar.get("logo")[0]
    assert logo.size == "large" and logo.image["size"] == [8, 4] and logo.link == "https://streamlit.io"
    at = run('import nbstream as st\nst.pdf(b"not a pdf")')
    assert "not a PDF" in at.exception[0].value
    at = run('import nbstream as st\nst.link_button("x", "javascript:alert(1)")')
    assert at.exception and len(at.link_button) == 0


def test_cheat_sheet_media_calls(tmp_path):
    (tmp_path / "header.png").write_bytes(png_bytes(2, 2))
    (tmp_path / "subs.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n")
    at = run(
        f"""
        import nbstream as st
        st.logo({str(tmp_path / "header.png")!r})
        st.image({str(tmp_path / "header.png")!r})
        st.audio(b"RIFF\\0\\0\\0\\0WAVE")
        st.video(b"\\0\\0\\0\\x18ftypmp42", subtitles={str(tmp_path / "subs.vtt")!r})
        st.file_uploader("File uploader")
        st.camera_input("Take a picture")
        st.link_button("Go to gallery", "https://streamlit.io/gallery")
        """
    )
    assert not at.exception
    assert len(at.image) == 1 and len(at.audio) == 1 and len(at.video) == 1
    assert len(at.file_uploader) == 1 and len(at.camera_input) == 1 and len(at.link_button) == 1
