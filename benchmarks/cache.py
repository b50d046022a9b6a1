"""st.cache_data / st.cache_resource on big frames: nbstream against Streamlit.

    python benchmarks/cache.py                     # 10M rows x 4 columns
    python benchmarks/cache.py --rows 10M 50M 100M  # the spec's table (needs GBs: checked first)

Reproduces the spec's "Dealing with large data" table: for a frame of N rows x 4 float
columns returned by a cached function,

* first run: the decorator's overhead on a miss (the call minus the function's own
  body), and for nbstream the background write to the disk store kernels share;
* subsequent runs: a hit, returning a copy the caller may mutate (cache_data) or the
  object itself (cache_resource);
* hashing the frame passed as an argument: the first call and the following ones;
* a hit in a second process: a new kernel of the same app reading the disk store
  (nbstream only: Streamlit's caches live in one server process);
* the physical reference: a NumPy copy of the same bytes.

Each side runs in a fresh process (Streamlit with /tmp/st-venv/bin/python, or
``STREAMLIT_PYTHON``) in the same run.  Ratios are Streamlit / nbstream (above 1:
nbstream is faster).  This is a benchmark, not a test: it prints figures.

Targets (issue 4) at 10M rows: a cache_data hit >= 50x faster than Streamlit's while
still mutation-safe; a second-process hit within a tenth of Streamlit's in-process hit;
first-run overhead no more than Streamlit's.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STREAMLIT_PYTHON = os.environ.get("STREAMLIT_PYTHON", "/tmp/st-venv/bin/python")
HITS = 5


def parse_rows(text: str) -> int:
    text = text.upper()
    scale = {"K": 1_000, "M": 1_000_000}.get(text[-1], 1)
    return int(float(text.rstrip("KM")) * scale)


# ---- the worker: one library, one size, in its own process --------------------------------


def worker(lib: str, rows: int, cache_dir: str, mode: str) -> dict:
    logging.disable(logging.WARNING)  # Streamlit warns about bare mode at every call
    import numpy as np
    import pandas as pd

    st = importlib.import_module(lib)
    if lib == "nbstream":
        from nbstream.caching.stores import DISK
        from nbstream.runtime.session import AppSession

        st.set_option("cache.dir", cache_dir)
        st.set_option("cache.maxDiskSize", 1 << 30)
        AppSession.bare().app_id = "benchmark-app"  # as the front end sets it: the disk store is on
    body = {}

    def make(rows: int) -> pd.DataFrame:
        t0 = time.perf_counter()
        frame = pd.DataFrame(np.random.default_rng(0).random((rows, 4)), columns=["a", "b", "c", "d"])
        body["seconds"] = time.perf_counter() - t0
        return frame

    @st.cache_data
    def load_data(rows):
        return make(rows)

    @st.cache_resource
    def load_resource(rows):
        return make(rows)

    @st.cache_data
    def summarize(df):
        return float(df["a"].iloc[0])

    out: dict = {}
    if mode == "second-process":
        t0 = time.perf_counter()
        frame = load_data(rows)
        out["second_process_hit"] = time.perf_counter() - t0  # with the first use of pyarrow
        out["ran_function"] = "seconds" in body
        frame.iloc[0, 0] = -1.0  # mutation-safe and writable
        from nbstream.caching import cached_func

        for memory in cached_func.memory_caches("cache_data"):
            memory.clear()  # this kernel's memory only: the next call reads the disk again
        t0 = time.perf_counter()
        load_data(rows)
        out["second_process_warm_hit"] = time.perf_counter() - t0
        return out

    for name, fn in (("cache_data", load_data), ("cache_resource", load_resource)):
        t0 = time.perf_counter()
        fn(rows)
        total = time.perf_counter() - t0
        out[f"{name}_first_overhead"] = total - body["seconds"]
        if lib == "nbstream" and name == "cache_data":
            t0 = time.perf_counter()
            DISK.flush()
            out["background_write"] = time.perf_counter() - t0
        hits = []
        for _ in range(HITS):
            t0 = time.perf_counter()
            value = fn(rows)
            hits.append(time.perf_counter() - t0)
        out[f"{name}_hit"] = statistics.median(hits)
        if name == "cache_data":
            value.iloc[0, 0] = -1.0
            out["mutation_safe"] = bool(fn(rows).iloc[0, 0] != -1.0)
    frame = load_resource(rows)
    t0 = time.perf_counter()
    summarize(frame)
    out["hash_arg_first"] = time.perf_counter() - t0
    repeats = []
    for _ in range(HITS):
        t0 = time.perf_counter()
        summarize(frame)
        repeats.append(time.perf_counter() - t0)
    out["hash_arg_repeat"] = statistics.median(repeats)
    data = np.ascontiguousarray(frame.to_numpy())
    copies = []
    for _ in range(3):
        t0 = time.perf_counter()
        np.copy(data)
        copies.append(time.perf_counter() - t0)
    out["numpy_copy"] = min(copies)
    return out


# ---- the orchestrator ------------------------------------------------------------------------


def run_worker(python: str, lib: str, rows: int, cache_dir: str, mode: str = "first-process") -> dict | None:
    cmd = [python, __file__, "--worker", lib, "--rows", str(rows), "--cache-dir", cache_dir, "--mode", mode]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        print(f"  {lib} {mode} failed:\n{proc.stderr[-2000:]}", file=sys.stderr)
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


def check_room(rows: int, folder: str) -> str | None:
    need_disk = rows * 4 * 8 * 1.1
    free = shutil.disk_usage(folder).free
    if free < need_disk * 2:
        return f"needs {need_disk * 2 / 1e9:.1f} GB of disk, {free / 1e9:.1f} GB free"
    try:
        meminfo = Path("/proc/meminfo").read_text().splitlines()
        available = int(next(line for line in meminfo if line.startswith("MemAvailable")).split()[1]) * 1024
    except (OSError, StopIteration):
        return None
    need_memory = rows * 4 * 8 * 4  # the frame, Streamlit's pickle, a copy, slack
    if available < need_memory:
        return f"needs {need_memory / 1e9:.1f} GB of memory, {available / 1e9:.1f} GB available"
    return None


def ms(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds * 1000:10.2f} ms"


def ratio(peer: float | None, ours: float | None) -> str:
    if peer is None or ours is None or ours <= 0:
        return ""
    return f"{peer / ours:9.1f}x"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", nargs="+", default=["10M"])
    parser.add_argument("--worker")
    parser.add_argument("--cache-dir")
    parser.add_argument("--mode", default="first-process")
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, parse_rows(args.rows[0]), args.cache_dir, args.mode)))
        return

    has_streamlit = os.path.exists(STREAMLIT_PYTHON)
    for text in args.rows:
        rows = parse_rows(text)
        scratch = tempfile.mkdtemp(prefix="nbstream-cache-bench-")
        try:
            problem = check_room(rows, scratch)
            if problem:
                print(f"{text} rows: skipped ({problem})")
                continue
            ours = run_worker(sys.executable, "nbstream", rows, scratch)
            second = run_worker(sys.executable, "nbstream", rows, scratch, "second-process")
            peer = (
                run_worker(STREAMLIT_PYTHON, "streamlit", rows, tempfile.mkdtemp(dir=scratch))
                if has_streamlit
                else None
            )
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        if ours is None:
            continue
        print(f"\n{text} rows x 4 float columns ({rows * 32 / 1e6:.0f} MB)")
        print(f"{'':44}{'nbstream':>13}{'Streamlit':>14}{'St / nb':>11}")
        lines = [
            ("cache_data     first run (decorator overhead)", "cache_data_first_overhead"),
            ("               subsequent runs (a hit)", "cache_data_hit"),
            ("cache_resource first run (decorator overhead)", "cache_resource_first_overhead"),
            ("               subsequent runs (a hit)", "cache_resource_hit"),
            ("frame as an argument: first call (hashing)", "hash_arg_first"),
            ("                      following calls", "hash_arg_repeat"),
        ]
        for label, key in lines:
            theirs = peer.get(key) if peer else None
            print(f"{label:44}{ms(ours[key]):>13}{ms(theirs):>14}{ratio(theirs, ours[key]):>11}")
        print(f"{'nbstream background write to the disk store':44}{ms(ours.get('background_write')):>13}")
        if second is not None:
            theirs = peer.get("cache_data_hit") if peer else None
            print(
                f"{'hit in a second process (vs St in-process)':44}{ms(second['second_process_hit']):>13}"
                f"{ms(theirs):>14}{ratio(theirs, second['second_process_hit']):>11}"
                + ("" if not second["ran_function"] else "   (MISSED: the function ran)")
            )
            warm = second["second_process_warm_hit"]
            print(
                f"{'  again from disk (pyarrow loaded)':44}{ms(warm):>13}{ms(theirs):>14}{ratio(theirs, warm):>11}"
            )
        print(f"{'reference: NumPy copy of the same bytes':44}{ms(ours['numpy_copy']):>13}")
        print(
            f"cache_data hits mutation-safe: nbstream {ours['mutation_safe']}, Streamlit {peer and peer['mutation_safe']}"
        )
        if not has_streamlit:
            print(f"(Streamlit not found at {STREAMLIT_PYTHON}: no peer figures)")


if __name__ == "__main__":
    main()
