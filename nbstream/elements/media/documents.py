"""st.pdf, st.logo and st.link_button."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from nbstream.elements._alt import normalize_alt
from nbstream.elements._base import add_element, add_widget, check_label_visibility, normalize_key
from nbstream.elements._button_options import TRIGGER, button_options, identity_of
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.elements.media._source import is_url, read_data, sniff
from nbstream.elements.media.image import image_source
from nbstream.runtime import context, tree
from nbstream.runtime.errors import StreamlitAPIException, StreamlitValueError
from nbstream.runtime.tree import Node

LOGO_SIZES = ("small", "medium", "large")
BUTTON_TYPES = ("primary", "secondary", "tertiary")


@command
def pdf(
    data: Any, *, height: int | str = 500, key: str | None = None, alt: str | None = None
) -> DeltaGenerator:
    """Display a PDF document.

    Parameters
    ----------
    data : bytes, str, path or file-like
        The PDF: its bytes, a path, a URL or an open file.
    height : int or "stretch"
        The viewer's height in pixels.
    key : str or None
        An optional key for the element.
    alt : str or None
        A short plain-text name of the document for assistive technologies (screen
        readers announce the viewer by it); say what the document is.  An empty or blank
        string means no name, as None does, and is logged.
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
    props = {"src": src, "mime": "application/pdf", "height": height, "key": key, "alt": normalize_alt(alt)}
    return add_element("pdf", props)


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
    key: str | int | None = None,
    on_click: Callable[..., Any] | str | None = "ignore",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    help: str | None = None,
    type: str = "secondary",
    icon: str | None = None,
    icon_position: str = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Any = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool | DeltaGenerator:
    """Display a link that looks like a button; clicking it opens ``url`` in a new tab.

    By default it is not a widget: clicking it does not rerun the app.  With
    ``on_click="rerun"`` or a callable it also reports the click, like ``st.button``.

    Parameters
    ----------
    label : str
        The button's label (Markdown).
    url : str
        The address to open.
    key : str, int or None
        A stable identity; when the button reports clicks, its value (True in the run
        its click started) is then readable as ``st.session_state[key]``.
    on_click : "ignore", "rerun", callable or None
        "ignore" (the default) only opens the link; "rerun" (or None) also reruns the
        app, and the call returns True in that run; a callable is called before that
        rerun.
    args, kwargs : tuple and dict
        Arguments for an ``on_click`` callable.
    help, type, icon, icon_position, disabled, use_container_width, width, shortcut, wrap
        As for ``st.button``; the shortcut opens the link.

    Returns
    -------
    bool or DeltaGenerator
        Whether it was clicked in the interaction that started this run when it reports
        clicks; otherwise the element's placeholder.
    """
    if type not in BUTTON_TYPES:
        raise StreamlitAPIException(
            f'The type argument to st.link_button must be "primary", "secondary", or "tertiary". \n'
            f'The argument passed was "{type}".'
        )
    if on_click is not None and not callable(on_click) and on_click not in ("rerun", "ignore"):
        raise StreamlitValueError("on_click", ["'rerun'", "'ignore'", "a callback function"])
    options = button_options(
        icon_position=icon_position,
        width=width,
        use_container_width=use_container_width,
        shortcut=shortcut,
        wrap=wrap,
    )
    check_label_visibility("visible")
    href = str(url)
    if href.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
        raise StreamlitAPIException(f"st.link_button does not open {href.split(':', 1)[0]}: URLs.")
    props = {
        "label": str(label),
        "url": href,
        "help": help,
        "type": type,
        "icon": icon,
        "disabled": bool(disabled),
        **options,
    }
    if on_click == "ignore":
        return add_element("link_button", {**props, "key": normalize_key(key)})
    identity = {
        "label": props["label"],
        "url": href,
        "help": help,
        "type": type,
        "icon": icon,
        **identity_of(options),
    }
    return add_widget(  # type: ignore[no-any-return]
        "link_button",
        props,
        serde=TRIGGER,
        default=False,
        identity=identity,
        key=key,
        on_change=on_click if callable(on_click) else None,
        args=args,
        kwargs=kwargs,
        trigger=True,
    )
