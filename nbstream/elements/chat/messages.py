"""st.chat_message: a container for one message of a conversation, with its avatar."""

from __future__ import annotations

import mimetypes
import os
from typing import Any

from nbstream.elements._base import add_block
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.runtime.errors import StreamlitAPIException

# Names that show Streamlit's built-in avatars, and which of the two each shows.
PRESET_AVATARS = {"user": "user", "human": "user", "assistant": "assistant", "ai": "assistant"}


def is_emoji(text: str) -> bool:
    """One emoji (a short run of pictographic code points, joiners and modifiers)."""
    if not text or len(text) > 12 or text.isascii():
        return False
    return all(ord(c) >= 0x2000 or c in "\u200d\ufe0f" for c in text)


def check_width(width: Any, command: str) -> Any:
    if width in ("stretch", "content") or (
        isinstance(width, int) and not isinstance(width, bool) and width > 0
    ):
        return width
    raise StreamlitAPIException(
        f"Invalid width value: {width!r}. Width must be either an integer (pixels), 'stretch', "
        f"or 'content' (st.{command})."
    )


def avatar_of(avatar: Any) -> tuple[str, Any]:
    """(type, value) of an avatar: ("icon", "user"|"assistant"|":material/...:"), ("emoji", e),
    ("image", url or bytes) -- or ("icon", "") for none, which shows the name's initial."""
    if avatar is None:
        return "icon", ""
    if isinstance(avatar, str):
        if avatar in PRESET_AVATARS:
            return "icon", PRESET_AVATARS[avatar]
        if avatar.startswith(":material/") and avatar.endswith(":"):
            return "icon", avatar
        if is_emoji(avatar):
            return "emoji", avatar
        if avatar.startswith(("http://", "https://", "data:image/")):
            return "image", avatar
        if os.path.isfile(avatar):
            with open(avatar, "rb") as fh:
                return "image", {"data": fh.read(), "mime": mimetypes.guess_type(avatar)[0] or "image/png"}
    elif isinstance(avatar, (bytes, bytearray, memoryview)):
        return "image", {"data": bytes(avatar), "mime": _sniff(bytes(avatar))}
    raise StreamlitAPIException("Failed to load the provided avatar value as an image.")


def _sniff(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data.lstrip().startswith((b"<svg", b"<?xml")):
        return "image/svg+xml"
    return "image/webp" if data[8:12] == b"WEBP" else "application/octet-stream"


@command
def chat_message(name: str, *, avatar: Any = None, width: int | str = "stretch") -> DeltaGenerator:
    """Insert a chat message container: one message of a conversation, with its avatar.

    Use it with ``with`` (``with st.chat_message("user"): st.write("Hello")``) or call
    elements on it (``msg = st.chat_message("assistant"); msg.write("Hi")``).  Any element
    can go inside: text, charts, tables, widgets.

    Parameters
    ----------
    name : str
        The author: "user" and "human" show the user avatar, "assistant" and "ai" the
        assistant avatar (and style the message); any other name shows its first letter
        unless ``avatar`` is given.
    avatar : str, bytes or None
        An emoji, a ``:material/icon_name:`` icon, "user" or "assistant", an image URL,
        a local image file path or the image's bytes.  None uses the name's avatar.
    width : "stretch", "content" or int
        The message's width: the container's width (default), its content's, or pixels.

    Returns
    -------
    DeltaGenerator
        The message's container.
    """
    if name is None:
        raise StreamlitAPIException(
            "The author name is required for a chat message, please set it via the parameter `name`."
        )
    name = str(name)
    if avatar is None and (name.lower() in PRESET_AVATARS or is_emoji(name)):
        avatar = name.lower()
    avatar_type, value = avatar_of(avatar)
    props = {
        "name": name,
        "avatar_type": avatar_type,
        "avatar": value if avatar_type != "image" or isinstance(value, str) else "",
        "avatar_image": value if avatar_type == "image" and not isinstance(value, str) else None,
        "width": check_width(width, "chat_message"),
    }
    return add_block("chat_message", props)
