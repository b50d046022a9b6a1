"""``nbstream.testing.v1``: the AppTest API at the path Streamlit suites import from."""

from nbstream.testing.apptest import AppTest
from nbstream.testing.errors import AppTestError

__all__ = ["AppTest", "AppTestError"]
