"""Per-rerun overhead: nbstream against Streamlit on the same app scripts.

    python benchmarks/rerun_overhead.py            # full run (a few minutes with Streamlit)
    python benchmarks/rerun_overhead.py --quick    # fewer repetitions, for a smoke run

For each app (10, 100 and 1,000 mixed text and widget elements, 100 and 1,000 widgets,
and an app with nothing but the trigger button) it times one rerun as a test triggers
it: ``at.button(key="go").click().run()``.  Both AppTests run the same script text --
only the ``import ... as st`` line differs -- the same number of times, and the
figure is the median.  Beside them is nbstream's runtime alone: the same click sent to
an ``AppSession`` directly (``submit`` then ``wait``), without the AppTest layer.

Streamlit runs in a subprocess with its own interpreter, found as: the
``STREAMLIT_PYTHON`` environment variable, else ``/tmp/st-venv/bin/python`` if it
exists, else this interpreter if it can import ``streamlit``.  Without one, only
nbstream's figures are printed.

This is a benchmark, not a test: it prints figures and always exits 0 on success.
The issue's targets: at 1,000 elements nbstream's per-rerun time is at most half of
Streamlit's, and it grows no faster than linearly with the number of widgets.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

TARGET_RATIO = 0.5
STREAMLIT_VENV_PYTHON = "/tmp/st-venv/bin/python"


# ---- the apps ---------------------------------------------------------------------------

# One line of a mixed app per index: text elements and widgets alternate.
_MIXED = (
    "st.markdown('Paragraph {i} with **bold** and *italic* text.')",
    "st.checkbox('Check {i}')",
    "st.text('Plain text {i}')",
    "st.slider('Slider {i}', 0, 100, {i} % 100)",
    "st.caption('Caption {i}')",
    "st.text_input('Name {i}', 'value {i}')",
    "st.subheader('Section {i}')",
    "st.selectbox('Pick {i}', ['red', 'green', 'blue'])",
    "st.info('Note {i}')",
    "st.number_input('Number {i}', value={i})",
)

# One line of a widgets-only app per index.
_WIDGETS = (
    "st.checkbox('Check {i}')",
    "st.slider('Slider {i}', 0, 100, {i} % 100)",
    "st.text_input('Name {i}', 'value {i}')",
    "st.selectbox('Pick {i}', ['red', 'green', 'blue'])",
    "st.number_input('Number {i}', value={i})",
    "st.toggle('Toggle {i}')",
    "st.radio('Choose {i}', ['a', 'b', 'c'])",
    "st.text_area('Notes {i}', 'text {i}')",
    "st.multiselect('Tags {i}', ['x', 'y', 'z'], default=['x'])",
    "st.select_slider('Size {i}', options=['S', 'M', 'L'])",
)


@dataclass(frozen=True)
class Case:
    name: str
    lines: tuple[str, ...]  # the line patterns the app cycles through (empty: no elements)
    elements: int
    reps: int  # timed reruns per side at scale 1.0

    def source(self, module: str) -> str:
        """The app script; the two sides differ only in ``module``."""
        body = ["st.button('Rerun', key='go')"]
        body += [self.lines[i % len(self.lines)].format(i=i) for i in range(self.elements)]
        return f"import {module} as st\n\n" + "\n".join(body) + "\n"


CASES = (
    Case("empty", (), 0, 200),
    Case("mixed", _MIXED, 10, 200),
    Case("mixed", _MIXED, 100, 80),
    Case("mixed", _MIXED, 1000, 21),
    Case("widgets", _WIDGETS, 100, 80),
    Case("widgets", _WIDGETS, 1000, 15),
)


# ---- measuring (in this process for nbstream, in the worker for Streamlit) -------------


def _timed(step: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    step()
    return time.perf_counter() - t0


class AppTestDriver:
    """One app under an AppTest (nbstream's or Streamlit's); a rerun is a click then ``run()``."""

    def __init__(self, app_test_cls: type, source: str) -> None:
        self.at = app_test_cls.from_string(source, default_timeout=120).run()
        if self.at.exception:
            raise RuntimeError(f"the app raised: {self.at.exception[0].value}")

    def step(self) -> None:
        self.at.button(key="go").click().run()

    def check(self) -> None:
        if self.at.button(key="go").value is not True:
            raise RuntimeError("the trigger button did not register its click")

    def close(self) -> None:
        del self.at


class RuntimeDriver:
    """The same app on nbstream's AppSession directly: the click is submitted, then waited for."""

    def __init__(self, source: str) -> None:
        import nbstream  # noqa: F401  (the element layer, as the script's own import loads it)
        from nbstream.runtime.script import Script
        from nbstream.runtime.session import AppSession

        self.session = AppSession(Script(source), name="bench")
        self.session.rerun()
        if not self.session.wait(120):
            raise RuntimeError("the first run timed out")
        button = next(n for n in self.session.tree.walk() if n.kind == "button" and n.key == "go")
        self.trigger = [button.id]

    def step(self) -> None:
        self.session.submit({}, self.trigger)
        if not self.session.wait(120):
            raise RuntimeError("the run timed out")

    def check(self) -> None:
        button = next(n for n in self.session.tree.walk() if n.kind == "button" and n.key == "go")
        if button.value is not True:
            raise RuntimeError("the trigger button did not register its click")

    def close(self) -> None:
        self.session.close()


def warmup_count(reps: int) -> int:
    return max(2, min(10, reps // 10))


def time_steps(drivers: list[Any], reps: int) -> list[list[float]]:
    """``reps`` timed reruns of each driver, taking turns so they share the machine's moods."""
    gc.collect()
    times: list[list[float]] = [[] for _ in drivers]
    for _ in range(reps):
        for driver, bucket in zip(drivers, times, strict=True):
            bucket.append(_timed(driver.step))
    for driver in drivers:
        driver.check()
    return times


# ---- the Streamlit worker ---------------------------------------------------------------


def worker_main() -> None:
    """Serve requests on stdin, one JSON line each, answering one JSON line on stdout.

    ``{"open": source, "warmup": n}`` loads an app and reruns it ``n`` times untimed;
    ``{"time": reps}`` answers ``{"seconds": [...]}`` for that many timed reruns.
    """
    out = sys.stdout
    sys.stdout = sys.stderr  # anything the apps or Streamlit print stays off the protocol
    import streamlit
    from streamlit.testing.v1 import AppTest

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    out.write(json.dumps({"ready": streamlit.__version__}) + "\n")
    out.flush()
    driver: AppTestDriver | None = None
    for line in sys.stdin:
        request = json.loads(line)
        answer: dict[str, Any] = {}
        try:
            if "open" in request:
                if driver is not None:
                    driver.close()
                    driver = None
                driver = AppTestDriver(AppTest, request["open"])
                for _ in range(request["warmup"]):
                    driver.step()
            elif driver is None:
                raise RuntimeError("no app is open")
            else:
                answer["seconds"] = time_steps([driver], request["time"])[0]
        except Exception as exc:  # reported to the parent, which prints it beside the figures
            answer = {"error": f"{type(exc).__name__}: {exc}"}
        out.write(json.dumps(answer) + "\n")
        out.flush()


def find_streamlit_python() -> str | None:
    env = os.environ.get("STREAMLIT_PYTHON")
    if env:
        return env
    if os.path.exists(STREAMLIT_VENV_PYTHON):
        return STREAMLIT_VENV_PYTHON
    if importlib.util.find_spec("streamlit") is not None:
        return sys.executable
    return None


class StreamlitPeer:
    """A worker process running Streamlit's AppTest on one app at a time."""

    def __init__(self, python: str) -> None:
        self.python = python
        self._stderr = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 (lives as long as the worker)
        self._proc = subprocess.Popen(
            [python, os.path.abspath(__file__), "--worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        self.version = str(self._ask(None)["ready"])

    def _ask(self, request: dict[str, Any] | None) -> dict[str, Any]:
        assert self._proc.stdin is not None and self._proc.stdout is not None
        if request is not None:
            self._proc.stdin.write(json.dumps(request) + "\n")
            self._proc.stdin.flush()
        line = self._proc.stdout.readline()
        if not line:
            self._stderr.seek(0)
            tail = self._stderr.read()[-2000:]
            raise RuntimeError(f"the Streamlit worker ({self.python}) ended:\n{tail}")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return answer

    def open(self, source: str, warmup: int) -> None:
        self._ask({"open": source, "warmup": warmup})

    def time(self, reps: int) -> list[float]:
        return self._ask({"time": reps})["seconds"]

    def close(self) -> None:
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        try:
            self._proc.wait(10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
        self._stderr.close()


def measure(case: Case, reps: int, rounds: int, peer: StreamlitPeer | None) -> dict[str, Any]:
    """Median ms per rerun on each side; the sides take turns in ``rounds`` blocks."""
    from nbstream.testing import AppTest

    source = case.source("nbstream")
    drivers: list[Any] = [AppTestDriver(AppTest, source), RuntimeDriver(source)]
    warmup = warmup_count(reps)
    for _ in range(warmup):
        for driver in drivers:
            driver.step()
    peer_error = None
    if peer is not None:
        try:
            peer.open(case.source("streamlit"), warmup)
        except RuntimeError as exc:
            peer, peer_error = None, str(exc)
    nb_at: list[float] = []
    nb_rt: list[float] = []
    st_at: list[float] = []
    try:
        for r in range(rounds):
            block = reps // rounds + (1 if r < reps % rounds else 0)
            at_times, rt_times = time_steps(drivers, block)
            nb_at += at_times
            nb_rt += rt_times
            if peer is not None:
                try:
                    st_at += peer.time(block)
                except RuntimeError as exc:
                    peer, peer_error = None, str(exc)
    finally:
        for driver in drivers:
            driver.close()

    def ms(seconds: list[float]) -> float | None:
        return statistics.median(seconds) * 1000.0 if seconds else None

    return {
        "apptest_ms": ms(nb_at),
        "runtime_ms": ms(nb_rt),
        "streamlit_apptest_ms": None if peer_error else ms(st_at),
        "streamlit_error": peer_error,
    }


# ---- the report -------------------------------------------------------------------------


def _fmt(ms: float | None) -> str:
    return "-" if ms is None else f"{ms:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true", help="a fifth of the repetitions")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every case's repetitions")
    parser.add_argument("--rounds", type=int, default=5, help="blocks in which the two sides take turns")
    parser.add_argument("--no-streamlit", action="store_true", help="measure nbstream only")
    parser.add_argument("--json", metavar="PATH", help="also write the figures to PATH as JSON")
    args = parser.parse_args(argv)
    if args.worker:
        worker_main()
        return 0

    scale = args.scale * (0.2 if args.quick else 1.0)
    peer: StreamlitPeer | None = None
    python = None if args.no_streamlit else find_streamlit_python()
    if python is None:
        print("Streamlit peer missing: set STREAMLIT_PYTHON to an interpreter that has streamlit.")
    else:
        try:
            peer = StreamlitPeer(python)
        except Exception as exc:
            print(f"Streamlit peer unavailable ({exc}); printing nbstream's figures only.")
    import nbstream

    print(f"Python {sys.version.split()[0]}, nbstream {nbstream.__version__}", end="")
    print(f", Streamlit {peer.version} ({peer.python})" if peer else "")
    print(
        "Per-rerun time, median ms of `at.button(key='go').click().run()` (runtime: AppSession submit+wait)."
    )
    print("Elements are counted without the trigger button.\n")

    header = ("app", "elements", "reps", "nbstream AppTest", "nbstream runtime", "Streamlit AppTest", "ratio")
    widths = (8, 8, 5, 16, 16, 17, 6)
    print("  ".join(h.rjust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    rows = []
    try:
        for case in CASES:
            reps = max(args.rounds, round(case.reps * scale))
            row: dict[str, Any] = {"app": case.name, "elements": case.elements, "reps": reps}
            row.update(measure(case, reps, args.rounds, peer))
            st_ms = row["streamlit_apptest_ms"]
            row["ratio"] = ratio = row["apptest_ms"] / st_ms if st_ms else None
            rows.append(row)
            note = f"  (Streamlit: {row['streamlit_error']})" if row["streamlit_error"] else ""
            cells = (
                case.name,
                f"{case.elements:,}",
                str(reps),
                _fmt(row["apptest_ms"]),
                _fmt(row["runtime_ms"]),
                _fmt(st_ms),
                "-" if ratio is None else f"{ratio:.3f}",
            )
            print("  ".join(c.rjust(w) for c, w in zip(cells, widths, strict=True)) + note, flush=True)
    finally:
        if peer is not None:
            peer.close()

    print("\nratio = nbstream AppTest / Streamlit AppTest (lower is better).")
    _summary(rows)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(rows, f, indent=2)
    return 0


def _summary(rows: list[dict[str, Any]]) -> None:
    def row(app: str, elements: int) -> dict[str, Any] | None:
        return next((r for r in rows if r["app"] == app and r["elements"] == elements), None)

    big = row("mixed", 1000)
    if big is not None and big["ratio"] is not None:
        ratio = float(big["ratio"])
        verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
        print(f"Target at 1,000 mixed elements: ratio <= {TARGET_RATIO} -> {ratio:.3f}, {verdict}.")
    empty, small, large = row("empty", 0), row("widgets", 100), row("widgets", 1000)
    if empty is not None and small is not None and large is not None:
        print("Growth with widgets (per-widget ms above the empty app; equal means linear):")
        for label, key in (
            ("nbstream AppTest", "apptest_ms"),
            ("nbstream runtime", "runtime_ms"),
            ("Streamlit AppTest", "streamlit_apptest_ms"),
        ):
            if empty[key] is None or small[key] is None or large[key] is None:
                continue
            base = float(empty[key])
            per_small = (float(small[key]) - base) / 100
            per_large = (float(large[key]) - base) / 1000
            growth = per_large / per_small if per_small > 0 else float("nan")
            print(f"  {label:<18} {per_small:.4f} ms at 100, {per_large:.4f} ms at 1,000  (x{growth:.2f})")


if __name__ == "__main__":
    sys.exit(main())
