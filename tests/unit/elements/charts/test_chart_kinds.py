"""Each chart kind has its three parts: the st.* function, the JS component, the AppTest reader."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import nbstream as st
from nbstream.elements.charts import CHART_KINDS
from nbstream.elements.charts._common import arrow_chunk
from nbstream.testing.containers import ELEMENT_CLASSES
from nbstream.testing.elements.charts import Chart
from tests.unit.elements.charts.chart_helpers import decode

INDEX_JS = Path(__file__).resolve().parents[4] / "js" / "src" / "components" / "index.js"


@pytest.mark.parametrize("kind", CHART_KINDS)
def test_every_chart_kind_has_its_parts(kind):
    assert callable(getattr(st, kind)) and kind in st.__all__
    assert getattr(st, kind).__doc__
    assert re.search(rf"^\s*{kind}: charts\.{kind},$", INDEX_JS.read_text(), re.MULTILINE)
    assert ELEMENT_CLASSES[kind] is Chart


def test_charts_do_not_import_the_optional_libraries():
    import subprocess
    import sys

    code = "import sys, nbstream; print(sorted(m for m in ('altair', 'matplotlib', 'plotly') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_datetimes_travel_at_their_wall_clock_time():
    zoned = pd.DataFrame({"t": pd.to_datetime(["2024-01-01 09:00"]).tz_localize("Europe/Berlin")})
    naive = pd.DataFrame({"t": pd.to_datetime(["2024-01-01 09:00"])})
    for frame in (zoned, naive):
        back = decode(arrow_chunk(frame))["t"]
        assert str(back.dtype) == "datetime64[ms]" and back[0] == pd.Timestamp("2024-01-01 09:00")
