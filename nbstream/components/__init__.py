"""Custom components (``st.components``): the public path of Streamlit's components API.

``nbstream.components.v1`` is ``streamlit.components.v1`` (``html``, ``iframe``,
``declare_component``); inside apps ``import streamlit.components.v1`` gives it.
``nbstream.components.anywidget(esm, css)`` declares a component from an
anywidget-style ES module, drawn without an iframe.
"""

from nbstream.components import v1
from nbstream.elements.components.esm import AnyWidgetComponent, anywidget

__all__ = ["AnyWidgetComponent", "anywidget", "v1"]
