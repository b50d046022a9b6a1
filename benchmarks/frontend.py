"""Kernel-side figures of the front end: bytes per rerun, message -> patch time, bundle size.

    python benchmarks/frontend.py            # full run
    python benchmarks/frontend.py --quick    # fewer repetitions

1. Bytes sent over the comm for a rerun that changes one element of an app of 10, 100
   and 1,000 elements (target: under 2 KB, independent of the app's size), beside what
   re-sending the whole tree would cost (what Streamlit does on every rerun).
2. Kernel-side time from a widget message arriving (the comm handler) to the patch
   being handed to the comm, for the same apps (median), and how much of it is the
   script's run itself (the rest is wire conversion and the keyed diff).
3. The JS bundle: its size, and what one app costs on the comm when the bundle travels
   in the widget state (``NBSTREAM_ESM=inline``) against the loader (``static``).

A benchmark, not a test: it prints figures and exits 0.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nbstream.render import assets
from nbstream.render.app import App
from nbstream.runtime.script import Script


def app_script(n: int) -> str:
    """``n`` elements: a slider, n - 2 lines of text and widgets, and one line that shows the slider."""
    lines = ["import nbstream as st", 'v = st.slider("Value", 0, 100, 0)']
    for i in range(n - 2):
        lines.append(
            f"st.checkbox('Option {i}')" if i % 3 == 0 else f"st.markdown('Line {i} with **bold** text')"
        )
    lines.append('st.write(f"The value is {v}")')
    return "\n".join(lines)


class Recorder:
    """The widget's send, counting bytes and noting when a final patch went out."""

    def __init__(self) -> None:
        self.bytes = 0
        self.done = threading.Event()
        self.at = 0.0

    def __call__(self, content: dict[str, Any], buffers: Any = None) -> None:
        self.bytes += len(json.dumps(content, separators=(",", ":"))) + sum(len(b) for b in buffers or [])
        if content.get("t") == "patch" and content.get("run") is None:
            self.at = time.perf_counter()
            self.done.set()


def measure(n: int, repeats: int) -> dict[str, float]:
    app = App(Script(app_script(n)))
    app.run(wait=30)
    widget = app.widget
    recorder = Recorder()
    widget.send = recorder  # type: ignore[method-assign]
    slider = widget.publisher.shown["children"][0]["children"][0]["props"]["id"]
    full_tree = len(json.dumps(widget.publisher.shown, separators=(",", ":")))
    sizes, times, runs = [], [], []
    for i in range(repeats):
        recorder.bytes, recorder.done = 0, threading.Event()
        message = {
            "content": {
                "data": {
                    "method": "custom",
                    "content": {"t": "set", "values": {slider: i % 100 + 1}, "seq": i},
                }
            }
        }
        t0 = time.perf_counter()
        widget._handle_msg(message)
        recorder.done.wait(30)
        times.append((recorder.at - t0) * 1000)
        app.session.wait(30)
        sizes.append(recorder.bytes)
        runs.append(app.session.last_run_seconds * 1000)
    app.close()
    return {
        "bytes": statistics.median(sizes),
        "full": full_tree,
        "ms": statistics.median(times),
        "run": statistics.median(runs),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    repeats = 10 if args.quick else 30

    print("1-2. A rerun that changes one element (the slider moved; its text follows)")
    print(
        f"{'elements':>9} {'bytes sent':>11} {'whole tree':>11} {'msg -> patch':>13} {'the run itself':>15}"
    )
    for n in (10, 100, 1000):
        r = measure(n, repeats)
        print(f"{n:>9} {r['bytes']:>9.0f} B {r['full']:>9.0f} B {r['ms']:>10.2f} ms {r['run']:>12.2f} ms")
    print("   target: under 2,048 B at every size")

    print("\n3. The front end's code")
    js, css, inline_css = assets.bundle_js(), (assets.STATIC / "app.css").read_text(), assets.inline_css()
    entry = (assets.STATIC / "app.js").stat().st_size
    chunks = sum(p.stat().st_size for p in (assets.STATIC / "chunks").glob("*.js"))
    loader = assets.loader()
    gzipped = len(gzip.compress(js.encode())) / 1e6
    print(f"   bundle, one file       {len(js) / 1e6:6.2f} MB  ({gzipped:.2f} MB gzipped)")
    print(
        f"   served: app.js         {entry / 1e6:6.2f} MB  + {chunks / 1e6:.2f} MB of chunks loaded on demand (Vega)"
    )
    print(f"   app.css                {len(css) / 1e3:6.0f} kB  (fonts as files)")
    print(
        f"   per app, inline mode   {(len(js) + len(inline_css) + len(loader)) / 1e6:6.2f} MB over the comm, for every app and tab"
    )
    print(
        f"   per app, static mode   {len(loader) / 1e3:6.1f} kB over the comm; the bundle is a cached static file"
    )
    print(
        textwrap.dedent("""\
       (browser_latency.py measures first render with the static bundle in Voila)""")
    )


if __name__ == "__main__":
    main()
