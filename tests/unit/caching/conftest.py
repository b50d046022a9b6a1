"""Every caching test starts with empty caches and a disk store in its own temp folder."""

from __future__ import annotations

import pytest

import nbstream as st
from nbstream import config
from nbstream.caching import cached_func, stores


@pytest.fixture(autouse=True)
def cache_dir(tmp_path):
    folder = tmp_path / "cache"
    config.set_option("cache.dir", str(folder))
    _empty()
    yield folder
    stores.DISK.flush(timeout=30)
    _empty()


def _empty() -> None:
    st.cache_data.clear()
    st.cache_resource.clear()
    cached_func._apps.clear()
