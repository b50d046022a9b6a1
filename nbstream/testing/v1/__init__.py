"""``nbstream.testing.v1``: the AppTest API at the path Streamlit suites import from
(``app_test``, ``element_tree`` and ``errors`` as in ``streamlit.testing.v1``)."""

from nbstream.testing.apptest import AppTest
from nbstream.testing.errors import AppTestError

__all__ = ["AppTest", "AppTestError"]
