"""Headless app testing: ``from nbstream.testing import AppTest`` (also ``nbstream.testing.v1``)."""

from nbstream.testing.apptest import AppTest

__all__ = ["AppTest"]
