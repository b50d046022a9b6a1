"""st.image's link and alt, st.audio's and st.video's alt (Streamlit 1.67)."""

from __future__ import annotations

import logging

import pytest

from nbstream.testing import AppTest

URL = "https://example.com/a.png"


def run(body: str) -> AppTest:
    return AppTest.from_string("import nbstream as st, numpy as np\n" + body).run()


def image_props(body: str) -> dict:
    at = run(body)
    assert not at.exception, at.exception
    return at.image[0].proto


def test_image_link_travels_for_a_single_image():
    assert image_props(f"st.image({URL!r}, link='https://streamlit.io')")["link"] == "https://streamlit.io"
    assert image_props(f"st.image({URL!r}, link='/my_page')")["link"] == "/my_page"
    assert image_props(f"st.image({URL!r})")["link"] is None


def test_image_link_with_several_images_raises():
    at = run(f"st.image([{URL!r}, {URL!r}], link='https://streamlit.io')")
    assert at.exception[0].proto.type == "StreamlitAPIException"
    assert at.exception[0].message == (
        "The `link` parameter is only supported when displaying a single image. You passed 2 images."
    )


@pytest.mark.parametrize(
    ("alt", "expected"),
    [("'A red square'", "A red square"), ("''", ""), ("'  '", None), ("None", None), ("5", "5")],
)
def test_image_alt_for_one_image(alt, expected):
    assert image_props(f"st.image({URL!r}, alt={alt})")["images"][0]["alt"] == expected


def test_image_alt_is_never_the_caption():
    assert image_props(f"st.image({URL!r}, caption='Sunset')")["images"][0]["alt"] is None


def test_image_alt_sequence_pairs_with_images():
    p = image_props(f"st.image([{URL!r}, {URL!r}, {URL!r}], alt=['one', None, ''])")
    assert [im["alt"] for im in p["images"]] == ["one", None, ""]


@pytest.mark.parametrize(
    ("alt", "message"),
    [
        (
            "'x'",
            "A single `alt` string can only be used with a single image. You passed 2 images; "
            "provide a sequence of 2 alt values (use None to skip an image).",
        ),
        ("['x']", "Cannot pair 1 alt values with 2 images."),
    ],
)
def test_image_alt_that_does_not_pair_raises(alt, message):
    at = run(f"st.image([{URL!r}, {URL!r}], alt={alt})")
    assert at.exception[0].message == message


def test_image_positional_order_is_streamlits():
    # 1.67: image, caption, width, clamp, channels, output_format
    p = image_props("st.image(np.array([[1.5]]), None, 'content', True, 'RGB', 'PNG')")
    assert p["images"][0]["mime"] == "image/png"


def test_audio_and_video_alt_name_the_player(caplog):
    at = run(
        "st.audio('https://example.com/a.wav', alt='Birdsong')\n"
        "st.video('https://example.com/v.mp4', alt='A cat')\n"
        "st.video('https://example.com/v.mp4')"
    )
    assert [at.get("audio")[0].proto["alt"]] == ["Birdsong"]
    assert [v.proto["alt"] for v in at.get("video")] == ["A cat", None]
    with caplog.at_level(logging.WARNING, logger="nbstream"):
        assert run("st.audio('https://example.com/a.wav', alt=' ')").get("audio")[0].proto["alt"] is None
    assert "`alt` was empty or whitespace-only" in caplog.text
