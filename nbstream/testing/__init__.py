"""Headless app testing: ``from nbstream.testing import AppTest`` (also ``nbstream.testing.v1``)."""

from nbstream.testing import charts as _charts  # noqa: F401 - registers the chart accessors
from nbstream.testing.apptest import AppTest

__all__ = ["AppTest"]
