"""``streamlit.components.v1``: static frames and declared bi-directional components."""

from nbstream.elements.components.declare import CustomComponent, declare_component
from nbstream.elements.components.frames import html, iframe
from nbstream.elements.components.values import MarshallComponentException

__all__ = ["CustomComponent", "MarshallComponentException", "declare_component", "html", "iframe"]
