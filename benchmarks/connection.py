"""``conn.query`` on a 1M-row SQLite table: nbstream against Streamlit's ``st.connection``.

    python benchmarks/connection.py              # 1M rows x 4 columns
    python benchmarks/connection.py --rows 200K

For each library, in a fresh process of its own (Streamlit with ``STREAMLIT_PYTHON``,
by default /tmp/st-conn-venv/bin/python, which needs SQLAlchemy too), in the same run:

* connect: ``st.connection("bench", type="sql", url=...)``, first call and a hit;
* query miss: ``conn.query("select * from t")``, reading the whole table;
* query hit: the same call again (median of several);
* the reference: a ``cache_data`` hit on the same frame -- a query hit should cost what
  that costs, since the result is a cache_data entry.

Ratios are Streamlit / nbstream (above 1: nbstream is faster).  A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STREAMLIT_PYTHON = os.environ.get("STREAMLIT_PYTHON", "/tmp/st-conn-venv/bin/python")
HITS = 7


def parse_rows(text: str) -> int:
    text = text.upper()
    scale = {"K": 1_000, "M": 1_000_000}.get(text[-1], 1)
    return int(float(text.rstrip("KM")) * scale)


def make_table(path: Path, rows: int) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a REAL, b REAL, label TEXT)")
    db.executemany(
        "INSERT INTO t VALUES (?, ?, ?, ?)", ((i, i * 0.5, i / 3, f"row{i % 1000}") for i in range(rows))
    )
    db.commit()
    db.close()


def timed(fn) -> tuple[float, object]:
    t0 = time.perf_counter()
    value = fn()
    return time.perf_counter() - t0, value


def worker(lib: str, db: str, cache_dir: str) -> dict:
    logging.disable(logging.WARNING)  # Streamlit warns about bare mode at every call
    st = importlib.import_module(lib)
    if lib == "nbstream":
        st.set_option("cache.dir", cache_dir)
    url = f"sqlite:///{db}"
    out: dict = {}
    out["connect_first"], conn = timed(lambda: st.connection("bench", type="sql", url=url))
    out["connect_hit"], _ = timed(lambda: st.connection("bench", type="sql", url=url))
    out["query_miss"], frame = timed(lambda: conn.query("select * from t"))
    out["rows"] = len(frame)
    out["query_hit"] = statistics.median(timed(lambda: conn.query("select * from t"))[0] for _ in range(HITS))

    @st.cache_data
    def same_frame():
        return frame

    same_frame()
    out["cache_data_hit"] = statistics.median(timed(same_frame)[0] for _ in range(HITS))
    return out


def run_worker(python: str, lib: str, db: str, cache_dir: str) -> dict | None:
    cmd = [python, __file__, "--worker", lib, "--db", db, "--cache-dir", cache_dir]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        print(f"  {lib} failed:\n{proc.stderr[-2000:]}", file=sys.stderr)
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", default="1M")
    parser.add_argument("--worker")
    parser.add_argument("--db")
    parser.add_argument("--cache-dir")
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.db, args.cache_dir)))
        return
    rows = parse_rows(args.rows)
    scratch = Path(tempfile.mkdtemp(prefix="nbstream-conn-bench-"))
    try:
        db = scratch / "bench.db"
        seconds, _ = timed(lambda: make_table(db, rows))
        print(f"{rows:,} rows x 4 columns in SQLite ({seconds:.1f} s to make)")
        db.read_bytes()  # in the OS's page cache for both sides: the first side must not pay for it
        ours = run_worker(sys.executable, "nbstream", str(db), str(scratch / "cache"))
        theirs = None
        if os.path.exists(STREAMLIT_PYTHON):
            theirs = run_worker(STREAMLIT_PYTHON, "streamlit", str(db), str(scratch / "cache"))
        else:
            print(f"(no Streamlit at {STREAMLIT_PYTHON}: set STREAMLIT_PYTHON)")
        print(f"{'':22}{'nbstream':>14}{'Streamlit':>14}{'ratio':>10}")
        for key in ("connect_first", "connect_hit", "query_miss", "query_hit", "cache_data_hit"):
            a = ours.get(key) if ours else None
            b = theirs.get(key) if theirs else None
            cells = [f"{v * 1000:11.3f} ms" if v is not None else f"{'-':>14}" for v in (a, b)]
            ratio = f"{b / a:9.1f}x" if a and b else ""
            print(f"{key:22}{cells[0]}{cells[1]}{ratio:>10}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
