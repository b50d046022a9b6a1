"""AppTest wrappers of the text elements (``nbstream/elements/text/``): markdown-like
elements, headings, code, plain text and ``st.help``, with Streamlit's fields."""

from __future__ import annotations

from typing import Any

from nbstream.testing.elements._base import Element


class Markdown(Element):
    """``st.markdown`` (and ``caption``, ``latex``, ``divider``, which Streamlit draws as
    markdown): ``value`` is the text, ``is_caption`` whether it is a caption."""

    @property
    def value(self) -> str:
        return self._node.props.get("body", "")

    @property
    def is_caption(self) -> bool:
        return self._node.kind == "caption"


class Caption(Markdown):
    pass


class Latex(Markdown):
    @property
    def value(self) -> str:
        # Streamlit sends LaTeX as a Markdown display-math block.
        return f"$$\n{self._node.props.get('body', '')}\n$$"


class Divider(Markdown):
    @property
    def value(self) -> str:
        return "---"


class Heading(Element):
    """``st.title``, ``st.header``, ``st.subheader``."""

    @property
    def value(self) -> str:
        return self._node.props.get("body", "")

    @property
    def icon(self) -> str:
        """The heading's icon ("" when it has none)."""
        return self._node.props.get("icon") or ""


class Title(Heading):
    pass


class Header(Heading):
    pass


class Subheader(Heading):
    pass


class Code(Element):
    @property
    def value(self) -> str:
        return self._node.props.get("body", "")


class Text(Element):
    @property
    def value(self) -> str:
        return self._node.props.get("body", "")


class Help(Element):
    """``st.help``: ``name`` of the object, its ``doc_string``; ``value`` is its short
    summary (the object's repr, or its name for a function or class)."""

    @property
    def name(self) -> str:
        return self._node.props.get("name") or ""

    @property
    def doc_string(self) -> str:
        return self._node.props.get("doc") or ""

    @property
    def value(self) -> Any:
        shown = self._node.props.get("value")
        return shown if shown else self.name


class Html(Element):
    @property
    def value(self) -> str:
        return self._node.props.get("body", "")


CLASSES: dict[str, type[Element]] = {
    "markdown": Markdown,
    "caption": Caption,
    "latex": Latex,
    "divider": Divider,
    "title": Title,
    "header": Header,
    "subheader": Subheader,
    "code": Code,
    "text": Text,
    "help": Help,
    "html": Html,
}
