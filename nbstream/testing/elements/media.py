"""AppTest wrappers of the media elements (``nbstream/elements/media/``).

Streamlit's AppTest cannot read media; nbstream's can: ``at.image[0].caption``,
``at.image[0].size`` (width, height in pixels), ``at.image[0].data`` (the bytes sent),
``at.audio[0].mime``, ``at.video[0].subtitles`` ({label: WebVTT text}),
``at.link_button[0].url``.  ``at.get("image")`` lists the same elements.
"""

from __future__ import annotations

from typing import Any

from nbstream.testing.elements._base import Element, Widget
from nbstream.testing.errors import AppTestError


class _Medium(Element):
    @property
    def data(self) -> bytes | str:
        """The bytes sent to the browser, or the URL it loads."""
        return self._node.props["src"]

    @property
    def url(self) -> str | None:
        src = self._node.props.get("src")
        return src if isinstance(src, str) else None

    @property
    def value(self) -> Any:
        return self.data


class Image(Element):
    """One ``st.image`` call: one image or several (``images``)."""

    @property
    def images(self) -> list[dict[str, Any]]:
        """Each image: ``src`` (bytes or URL), ``mime``, ``size`` ([w, h] or None), ``caption``."""
        return list(self._node.props["images"])

    @property
    def caption(self) -> str | None:
        return self.images[0]["caption"]

    @property
    def captions(self) -> list[str | None]:
        return [im["caption"] for im in self.images]

    @property
    def size(self) -> tuple[int, int] | None:
        size = self.images[0]["size"]
        return None if size is None else (size[0], size[1])

    @property
    def mime(self) -> str | None:
        return self.images[0]["mime"]

    @property
    def data(self) -> bytes | str:
        return self.images[0]["src"]

    @property
    def value(self) -> Any:
        return self.data


class Video(_Medium):
    @property
    def subtitles(self) -> dict[str, str]:
        return {t["label"]: t["vtt"].decode("utf-8") for t in self._node.props.get("subtitles", [])}


class LinkButton(Widget):
    """st.link_button.  With ``on_click="rerun"`` or a callback it reports clicks: ``click()``
    makes the next run's call return True (as a browser click that opens the link would)."""

    @property
    def value(self) -> str:
        return self._node.props["url"]

    def click(self) -> LinkButton:
        if not self.id:
            raise AppTestError(
                "click() is not supported for a link_button with on_click='ignore': clicking it "
                "only opens the link, and the app does not rerun."
            )
        self._assert_can_interact()
        self.root._click(self)
        return self

    def set_value(self, value: Any) -> LinkButton:
        return self.click() if value else self


CLASSES: dict[str, type[Element]] = {
    "image": Image,
    "audio": _Medium,
    "video": Video,
    "pdf": _Medium,
    "logo": Element,
    "link_button": LinkButton,
}
