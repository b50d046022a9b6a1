"""Two real processes (two Voila kernels of one app) share st.cache_data entries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
import time

import pandas as pd

from nbstream.caching.stores import DISK
from nbstream.caching.values import freeze

KERNEL = textwrap.dedent(
    """
    import json, sys
    from nbstream import config
    from nbstream.runtime.script import Script
    from nbstream.runtime.session import AppSession

    cache_dir, script_path, app_id = sys.argv[1:4]
    config.set_option("cache.dir", cache_dir)
    with open(script_path) as f:
        session = AppSession(Script(f.read(), path=script_path))
    session.app_id = app_id  # what the Jupyter / Voila front end sets: the notebook's path
    session.rerun()
    assert session.wait(60)
    shown = [(n.kind, n.props.get("body")) for n in session.tree.walk() if n.kind in ("text", "success", "exception")]
    print(json.dumps(shown))
    """
)

APP = """
import os, uuid
import numpy as np, pandas as pd
import nbstream as st

@st.cache_data
def load(rows):
    with open(os.environ["KERNEL_LOG"], "a") as f:
        f.write("load\\n")
    st.success("Fetched data!")
    return pd.DataFrame({"a": np.arange(rows, dtype=float), "run": uuid.uuid4().hex})

@st.cache_data
def token():
    return uuid.uuid4().hex

frame = load(200_000)  # 1.6 MB of floats: written by the background writer
st.text(f"{frame['run'].iloc[0]} {len(frame)} {frame['a'].sum()}")
st.text(token())
"""


def kernel(cache_dir, script, app_id, log):
    env = {**os.environ, "KERNEL_LOG": str(log)}
    return subprocess.Popen(
        [sys.executable, "-c", KERNEL, str(cache_dir), str(script), app_id],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def shown(proc):
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


def test_a_second_kernel_gets_the_first_kernels_entries(tmp_path, cache_dir):
    script = tmp_path / "app.py"
    script.write_text(APP)
    log_a, log_b, log_other = tmp_path / "a.log", tmp_path / "b.log", tmp_path / "other.log"
    notebook = str(tmp_path / "app.ipynb")
    first = kernel(cache_dir, script, notebook, log_a)
    other_app = kernel(cache_dir, script, str(tmp_path / "other.ipynb"), log_other)
    seen_first, seen_other = shown(first), shown(other_app)
    second = shown(kernel(cache_dir, script, notebook, log_b))

    assert log_a.read_text() == "load\n"
    assert not log_b.exists()  # the second kernel never ran load(): a hit from the first's entry
    assert second == seen_first  # same values, and the element drawn inside load() replayed
    assert ["success", "Fetched data!"] in second
    assert log_other.read_text() == "load\n"  # another app's same-named function: its own entry
    assert seen_other[1:] != seen_first[1:]


def test_concurrent_writers_never_leave_a_torn_entry(cache_dir):
    frame = pd.DataFrame({"a": range(100_000)})
    stop = time.time() + 1.0
    bad = []

    def writer():
        while time.time() < stop:
            DISK._write("app", "f", "k", freeze(frame, "f"), {}, time.time(), None)

    def reader():
        while time.time() < stop:
            found = DISK.get("app", "f", "k", None)
            if found is not None and not found[0].thaw().equals(frame):
                bad.append(1)

    threads = [threading.Thread(target=writer) for _ in range(2)] + [threading.Thread(target=reader)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not bad
    assert DISK.get("app", "f", "k", None) is not None
