"""``st.runtime.exists()``: False in a plain Python program, True once an app has run."""

from __future__ import annotations

import subprocess
import sys

PROGRAM = """
import nbstream as st
from nbstream.testing import AppTest
print(st.runtime.exists())
st.write("bare mode")
print(st.runtime.exists())
AppTest.from_string("import streamlit as st\\nst.write(st.runtime.exists())").run()
print(st.runtime.exists())
"""


def test_exists_only_once_an_app_runs():
    done = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False", "True"]
