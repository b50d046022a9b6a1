"""AppTest's own error: a test asked for something AppTest cannot do or check."""

from __future__ import annotations


class AppTestError(Exception):
    """Raised for an AppTest query or setting that is invalid (an unknown
    ``AppTest.context`` key, for example), as Streamlit's ``AppTestError``."""
