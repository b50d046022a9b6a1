"""``streamlit.testing.v1.errors``: AppTest's own error."""

from nbstream.testing.errors import AppTestError

__all__ = ["AppTestError"]
