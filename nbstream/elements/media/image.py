"""st.image: pictures from PIL, NumPy, bytes, files, URLs and SVG, alone or in a list."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from nbstream.elements._alt import normalize_alt
from nbstream.elements._base import add_element
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.elements.media._source import check_width, is_url, read_data, sniff
from nbstream.runtime.errors import StreamlitAPIException

OUTPUT_FORMATS = ("auto", "PNG", "JPEG")


def _pil() -> Any:
    try:
        from PIL import Image
    except ImportError as exc:  # pragma: no cover - Pillow comes with matplotlib
        raise StreamlitAPIException(
            "st.image needs Pillow for this kind of image: pip install pillow"
        ) from exc
    return Image


def _is_pil(image: Any) -> bool:
    return type(image).__module__.startswith("PIL.") and hasattr(image, "save") and hasattr(image, "mode")


def _encode(pil_image: Any, fmt: str) -> tuple[bytes, str]:
    buffer = io.BytesIO()
    if fmt == "JPEG" and pil_image.mode not in ("RGB", "L"):
        pil_image = pil_image.convert("RGB")
    pil_image.save(buffer, format=fmt, **({"quality": 90} if fmt == "JPEG" else {}))
    return buffer.getvalue(), "image/jpeg" if fmt == "JPEG" else "image/png"


def _array_image(array: Any, clamp: bool, channels: str) -> Any:
    import numpy as np

    data = np.asarray(array)
    if data.ndim == 3 and data.shape[-1] == 1:
        data = data[:, :, 0]
    if data.ndim not in (2, 3) or (data.ndim == 3 and data.shape[-1] not in (3, 4)):
        raise StreamlitAPIException(f"Invalid dimensions for image data: {data.shape}")
    if data.dtype.kind == "b":
        data = data.astype(np.uint8) * 255
    elif data.dtype.kind == "f":
        if clamp:
            data = np.clip(data, 0.0, 1.0)
        elif data.size and (np.nanmin(data) < 0.0 or np.nanmax(data) > 1.0):
            raise StreamlitAPIException("Data is outside [0.0, 1.0] and clamp is not set.")
        data = np.nan_to_num(data * 255.0).round().astype(np.uint8)
    elif data.dtype.kind in "iu":
        if clamp:
            data = np.clip(data, 0, 255)
        elif data.size and (data.min() < 0 or data.max() > 255):
            raise StreamlitAPIException("Data is outside [0, 255] and clamp is not set.")
        data = data.astype(np.uint8)
    else:
        raise StreamlitAPIException(f"Unsupported image data type: {data.dtype}")
    if data.ndim == 3 and channels == "BGR":
        data = np.concatenate([data[:, :, 2::-1], data[:, :, 3:]], axis=2)
    return _pil().fromarray(np.ascontiguousarray(data))


def image_source(image: Any, *, clamp: bool, channels: str, output_format: str) -> dict[str, Any]:
    """One image as props: ``src`` (bytes or URL), ``mime``, ``size`` ([w, h] or None)."""
    if is_url(image):
        return {"src": image.strip(), "mime": None, "size": None}
    if isinstance(image, str) and image.lstrip().startswith(("<svg", "<?xml")):
        return {"src": image.encode("utf-8"), "mime": "image/svg+xml", "size": None}
    if _is_pil(image):
        fmt = output_format if output_format != "auto" else ("JPEG" if image.format == "JPEG" else "PNG")
        data, mime = _encode(image, fmt)
        return {"src": data, "mime": mime, "size": list(image.size)}
    if type(image).__module__ == "numpy" or hasattr(image, "__array_interface__"):
        pil_image = _array_image(image, clamp, channels)
        data, mime = _encode(pil_image, "JPEG" if output_format == "JPEG" else "PNG")
        return {"src": data, "mime": mime, "size": list(pil_image.size)}
    data, named = read_data(image, "st.image")
    mime = sniff(data) or named
    if mime is None or not (mime.startswith("image/")):
        raise StreamlitAPIException(f"st.image: the data is not an image format a browser shows ({mime}).")
    if output_format != "auto" and mime != "image/svg+xml":
        pil_image = _pil().open(io.BytesIO(data))
        data, mime = _encode(pil_image, output_format)
        return {"src": data, "mime": mime, "size": list(pil_image.size)}
    return {"src": data, "mime": mime, "size": _raster_size(data, mime)}


def _raster_size(data: bytes, mime: str) -> list[int] | None:
    if mime == "image/svg+xml":
        return None
    try:
        with _pil().open(io.BytesIO(data)) as im:  # reads the header only
            return list(im.size)
    except Exception:
        return None


def _as_list(image: Any) -> list[Any]:
    """A list of images, or one image as a list of one (an array is one image, never a list)."""
    if isinstance(image, (list, tuple)):
        return list(image)
    return [image]


def _widths(width: Any, use_container_width: bool | None, use_column_width: Any) -> Any:
    if use_container_width is not None:
        return "stretch" if use_container_width else "content"
    if use_column_width is not None:
        if use_column_width in ("always", True):
            return "stretch"
        if use_column_width in ("never", False, "auto"):
            return "content"
        raise StreamlitAPIException(f"Invalid use_column_width value: {use_column_width!r}.")
    if width is None:
        return "content"
    if isinstance(width, int) and not isinstance(width, bool) and width <= 0:
        raise StreamlitAPIException("Image width must be positive.")
    check_width(width)
    return width


@command
def image(
    image: Any,
    caption: str | Sequence[str] | None = None,
    width: int | str | None = "content",
    clamp: bool = False,
    channels: str = "RGB",
    output_format: str = "auto",
    *,
    use_container_width: bool | None = None,
    link: str | None = None,
    use_column_width: Any = None,
    alt: str | Sequence[str | None] | None = None,
) -> DeltaGenerator:
    """Display an image or a list of images.

    Parameters
    ----------
    image : image or list of images
        A PIL image; a NumPy array of shape (H, W) (grayscale), (H, W, 3) (RGB) or
        (H, W, 4) (RGBA), of integers in [0, 255] or floats in [0, 1]; the bytes of an
        image file (PNG, JPEG, GIF, WebP, SVG, ...); a file-like object; a path; a URL;
        an SVG string.  A list shows every image, side by side.
    caption : str, list of str or None
        A caption under the image; one per image for a list.
    width : "content", "stretch" or int
        "content" shows the image at its own size (at most the container's width);
        "stretch" fits it to the container; an int is pixels.
    clamp : bool
        Clip array values to the valid range instead of refusing values outside it.
    channels : "RGB" or "BGR"
        The channel order of a NumPy array (OpenCV arrays are BGR).
    output_format : "auto", "PNG" or "JPEG"
        How arrays and PIL images are sent: "auto" keeps JPEG images JPEG and sends the
        rest as lossless PNG; files and bytes are sent as they are unless a format is named.
    use_container_width : bool or None
        True is ``width="stretch"``, False ``width="content"``.
    link : str or None
        A URL (``"https://..."``) or a path of the app (``"/my_page"``) opened by a click
        on the image; a single image only.
    use_column_width : "auto", "always", "never" or bool
        Older form of ``width``.
    alt : str, sequence of str or None, or None
        A description of the image for screen readers; ``""`` marks it decorative and
        blank text is None.  For a list of images, one entry per image (None skips one).
        The caption never becomes the ``alt``.
    """
    if channels not in ("RGB", "BGR"):
        raise StreamlitAPIException(f'Invalid channels value: {channels!r}. Use "RGB" or "BGR".')
    fmt = output_format.upper() if isinstance(output_format, str) else output_format
    fmt = "JPEG" if fmt == "JPG" else fmt
    if fmt not in ("AUTO", "PNG", "JPEG"):
        raise StreamlitAPIException(f'Invalid output_format: {output_format!r}. Use "auto", "PNG" or "JPEG".')
    fmt = "auto" if fmt == "AUTO" else fmt
    shown = _widths(width, use_container_width, use_column_width)
    images = _as_list(image)
    if caption is None:
        captions: list[str | None] = [None] * len(images)
    elif isinstance(caption, str):
        captions = [caption]
    else:
        captions = [None if c is None else str(c) for c in caption]
    if len(captions) != len(images):
        raise StreamlitAPIException(f"Cannot pair {len(captions)} captions with {len(images)} images.")
    alts = _alts(alt, len(images))
    if link is not None and len(images) != 1:
        raise StreamlitAPIException(
            "The `link` parameter is only supported when displaying a single image. "
            f"You passed {len(images)} images."
        )
    items = [
        {**image_source(im, clamp=clamp, channels=channels, output_format=fmt), "caption": cap, "alt": text}
        for im, cap, text in zip(images, captions, alts, strict=True)
    ]
    return add_element(
        "image", {"images": items, "width": shown, "link": None if link is None else str(link)}
    )


def _alts(alt: Any, count: int) -> list[str | None]:
    """One ``alt`` per image: a string for a single image, a sequence of ``count`` for several."""
    if alt is None:
        return [None] * count
    if isinstance(alt, str) or not isinstance(alt, Sequence):
        if count != 1:
            raise StreamlitAPIException(
                "A single `alt` string can only be used with a single image. "
                f"You passed {count} images; provide a sequence of {count} alt values "
                "(use None to skip an image)."
            )
        return [normalize_alt(alt, decorative=True)]
    if len(alt) != count:
        raise StreamlitAPIException(f"Cannot pair {len(alt)} alt values with {count} images.")
    return [normalize_alt(a, decorative=True) for a in alt]
