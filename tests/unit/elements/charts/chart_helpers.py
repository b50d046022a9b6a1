"""Run a few lines of app and read its charts back."""

from __future__ import annotations

import io
import textwrap

from nbstream.testing import AppTest

PRELUDE = """
import nbstream as st
import numpy as np
import pandas as pd
df = pd.DataFrame({"a": [1, 2, 3], "b": [4, 5, 6], "c": ["x", "y", "x"], "h": ["#ff0000", "#00ff00", "#ff0000"],
                   "s": [10, 20, 30]})
"""


def run_app(source: str) -> AppTest:
    return AppTest.from_string(PRELUDE + textwrap.dedent(source), default_timeout=20).run()


def decode(chunk: bytes):
    import pyarrow as pa

    return pa.ipc.open_stream(io.BytesIO(chunk)).read_all().to_pandas()
