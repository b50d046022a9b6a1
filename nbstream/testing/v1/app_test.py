"""``streamlit.testing.v1.app_test``'s name for the AppTest class."""

from nbstream.testing.apptest import AppTest

__all__ = ["AppTest"]
