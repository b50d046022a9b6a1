"""Custom components: ``components.html`` and ``components.iframe`` (static frames),
``st.html`` (sanitized HTML in the page), and ``declare_component`` (Streamlit's
bi-directional component protocol; build folders served by ``nbstream.server``).

The public path is ``nbstream.components.v1`` (``import streamlit.components.v1`` inside
apps, through the ``import streamlit`` alias).
"""
