"""``nbstream.testing.v1``: the same AppTest, at the path Streamlit suites import from."""

from nbstream.testing.apptest import AppTest

__all__ = ["AppTest"]
