"""Headless app testing: ``from nbstream.testing import AppTest`` (also ``nbstream.testing.v1``)."""

from nbstream.testing.apptest import AppTest
from nbstream.testing.errors import AppTestError

__all__ = ["AppTest", "AppTestError"]
