"""Custom components (``st.components``): the public path of Streamlit's components API.

``nbstream.components.v1`` is ``streamlit.components.v1`` (``html``, ``iframe``,
``declare_component``); inside apps ``import streamlit.components.v1`` gives it.
"""

from nbstream.components import v1

__all__ = ["v1"]
