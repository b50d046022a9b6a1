"""st.pdf, st.logo and st.link_button."""

from __future__ import annotations

from typing import Any

from nbstream.elements._base import add_element, check_label_visibility
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.elements.media._source import is_url, read_data, sniff
from nbstream.elements.media.image import image_source
from nbstream.runtime import context, tree
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.tree import Node

LOGO_SIZES = ("small", "medium", "large")
BUTTON_TYPES = ("primary", "secondary", "tertiary")


@command
def pdf(data: Any, *, height: int | str = 500, key: str | None = None) -> DeltaGenerator:
    """Display a PDF document.

    Parameters
    ----------
    data : bytes, str, path or file-like
        The PDF: its bytes, a path, a URL or an open file.
    height : int or "stretch"
        The viewer's height in pixels.
    key : str or None
        An optional key for the element.
    """
    if not (height == "stretch" or (isinstance(height, int) and not isinstance(height, bool) and height > 0)):
        raise StreamlitAPIException(
            f"Invalid height value: {height!r}. Height must be a positive integer or 'stretch'."
        )
    if is_url(data):
        src: Any = data.strip()
    else:
        src, _ = read_data(data, "st.pdf")
        if sniff(src) != "application/pdf":
            raise StreamlitAPIException("st.pdf: the data is not a PDF document.")
    return add_element("pdf", {"src": src, "mime": "application/pdf", "height": height, "key": key})


@command
def logo(image: Any, *, size: str = "medium", link: str | None = None, icon_image: Any = None) -> None:
    """Display a logo at the top of the app's sidebar (one per app: the last call wins).

    Parameters
    ----------
    image : image
        The logo: anything ``st.image`` takes (a path, URL, bytes, PIL image, array, SVG).
    size : "small", "medium" or "large"
        The logo's height (24, 32 or 40 pixels).
    link : str or None
        An http(s) URL the logo links to (opened in a new tab).
    icon_image : image or None
        A smaller image shown instead when the sidebar is collapsed.
    """
    if size not in LOGO_SIZES:
        raise StreamlitAPIException(
            f'The size argument to st.logo must be "small", "medium", or "large". Got: {size!r}'
        )
    if link is not None and not (isinstance(link, str) and link.lower().startswith(("http://", "https://"))):
        raise StreamlitAPIException(f"Invalid link: {link!r}. The link must start with http:// or https://.")
    fmt = {"clamp": False, "channels": "RGB", "output_format": "auto"}
    props = {"image": image_source(image, **fmt), "size": size, "link": link}
    props["icon_image"] = None if icon_image is None else image_source(icon_image, **fmt)
    ctx = context.require()
    ctx.check_interrupt()
    sidebar = tree.area(ctx.root, "sidebar")
    assert sidebar.children is not None
    for i, child in enumerate(sidebar.children):
        if child.kind == "logo":
            sidebar.children[i] = Node("logo", props)
            ctx.changed()
            return
    # Placed last (other sidebar elements keep their places); the page draws it first.
    DeltaGenerator(area="sidebar")._place(ctx, Node("logo", props))


@command
def link_button(
    label: str,
    url: str,
    *,
    help: str | None = None,
    type: str = "secondary",
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Any = "content",
) -> DeltaGenerator:
    """Display a link that looks like a button; clicking it opens ``url`` in a new tab.

    It is not a widget: clicking it does not rerun the app.

    Parameters
    ----------
    label : str
        The button's label (Markdown).
    url : str
        The address to open.
    help, type, icon, disabled, use_container_width
        As for ``st.button``.
    width : "content", "stretch" or int
        The button's width.
    """
    if type not in BUTTON_TYPES:
        raise StreamlitAPIException(
            f'The type argument to st.link_button must be "primary", "secondary", or "tertiary". \n'
            f'The argument passed was "{type}".'
        )
    check_label_visibility("visible")
    href = str(url)
    if href.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
        raise StreamlitAPIException(f"st.link_button does not open {href.split(':', 1)[0]}: URLs.")
    stretch = use_container_width if use_container_width is not None else width == "stretch"
    props = {
        "label": str(label),
        "url": href,
        "help": help,
        "type": type,
        "icon": icon,
        "disabled": bool(disabled),
        "use_container_width": bool(stretch),
    }
    return add_element("link_button", props)
