"""st.pyplot: a Matplotlib figure as a static PNG image."""

from __future__ import annotations

import io
from typing import Any

from nbstream.elements._base import add_element
from nbstream.elements.charts._common import check_size
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.runtime.errors import StreamlitAPIException

_SAVEFIG_DEFAULTS = {"bbox_inches": "tight", "dpi": 200, "format": "png"}


def figure_png(fig: Any, **savefig: Any) -> tuple[bytes, float]:
    """The figure rendered as PNG bytes, and its width in CSS pixels at 100 dpi."""
    options = {**_SAVEFIG_DEFAULTS, **savefig}
    buffer = io.BytesIO()
    fig.savefig(buffer, **options)
    png = buffer.getvalue()
    # The PNG header holds the pixel width (bytes 16-20); show it at 100 dpi, so a
    # 200-dpi image is sharp on high-density screens and the usual size elsewhere.
    pixels = int.from_bytes(png[16:20], "big") if png[:8] == b"\x89PNG\r\n\x1a\n" else 0
    dpi = options.get("dpi") or 100
    return png, pixels * 100 / float(dpi if dpi != "figure" else fig.dpi)


@command
def pyplot(
    fig: Any = None,
    clear_figure: bool | None = None,
    *,
    width: Any = "stretch",
    use_container_width: bool | None = None,
    alt: str | None = None,
    **kwargs: Any,
) -> DeltaGenerator:
    """Display a Matplotlib figure (as a static PNG image).

    Parameters
    ----------
    fig : matplotlib.figure.Figure or None
        The figure to draw.  None draws Matplotlib's current global figure
        (``plt.gcf()``); passing the figure is safer, as the global one is shared by all
        sessions of the process.
    clear_figure : bool or None
        Clear the figure after drawing it.  None (default): clear the global figure
        when ``fig`` is None, keep a figure that was passed (Jupyter's behaviour).
    width : "stretch", "content" or int
        "stretch" fits the image to the container; "content" shows it at its own size
        (at most the container's width); an int is pixels.
    use_container_width : bool or None
        Older form of ``width``: True is "stretch", False is "content".
    alt : str or None
        A text description of the image for screen readers.
    **kwargs
        Passed to ``Figure.savefig`` (``dpi``, ``transparent``, ``facecolor``, ...).
    """
    try:
        import matplotlib.pyplot as plt
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise StreamlitAPIException("pyplot() command requires matplotlib") from exc
    check_size("width", width)
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    if fig is None:
        fig = plt.gcf()
        if clear_figure is None:
            clear_figure = True
    elif not isinstance(fig, Figure):
        raise StreamlitAPIException(f"st.pyplot expects a matplotlib Figure, not {type(fig).__name__}.")
    png, css_width = figure_png(fig, **kwargs)
    if clear_figure:
        fig.clf()
    props = {"image": png, "natural_width": round(css_width, 1), "width": width, "alt": alt}
    return add_element("pyplot", props, value=png)
