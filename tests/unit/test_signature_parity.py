"""Every public ``st.*`` function (and ``st.column_config`` column) takes Streamlit's
parameters: each name Streamlit 1.67 has, in its order, positional where Streamlit's is,
with Streamlit's default.  An app written for Streamlit never stops on a TypeError here.

The reference is recorded from real Streamlit by fixtures/record_streamlit_signatures.py
into fixtures/streamlit_signatures.json.  nbstream may take more parameters than
Streamlit (e.g. ``experimental_allow_widgets``, which older apps pass).
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

import pytest

import nbstream as st

RECORDED = json.loads((Path(__file__).parent / "fixtures" / "streamlit_signatures.json").read_text())
FUNCTIONS: dict[str, list[dict[str, Any]]] = RECORDED["functions"]

# Parameters of Streamlit 1.67 that nbstream does not take yet (the README's "Not yet"
# list says why).  Must match exactly: a parameter added or one newly missing fails.
KNOWN_GAPS: dict[str, set[str]] = {}

# Where nbstream's default differs on purpose (the README says so).
OWN_DEFAULTS: dict[tuple[str, str], Any] = {
    # None: clear Matplotlib's global figure after drawing it (a kernel keeps it across
    # reruns, so it would pile up), keep a figure that was passed.
    ("pyplot", "clear_figure"): None,
}


def _ours(name: str) -> Any:
    namespace, _, attr = name.rpartition(".")
    owner = st.column_config if namespace == "column_config" else st
    return getattr(owner, attr, None)


def _parameters(fn: Any) -> list[inspect.Parameter]:
    return [
        p
        for p in inspect.signature(fn).parameters.values()
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_takes_every_parameter_streamlit_has(name: str) -> None:
    fn = _ours(name)
    assert fn is not None, f"st.{name} is missing"
    ours = {p.name for p in _parameters(fn)}
    # Streamlit's private parameters (spinner's ``_cache``) are not part of its API.
    missing = {p["name"] for p in FUNCTIONS[name] if not p["name"].startswith("_")} - ours
    assert missing == KNOWN_GAPS.get(name, set())


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_parameters_are_in_streamlits_order_with_its_kinds_and_defaults(name: str) -> None:
    fn = _ours(name)
    ours = {p.name: p for p in _parameters(fn)}
    theirs = [p for p in FUNCTIONS[name] if p["name"] in ours]
    order = [p.name for p in _parameters(fn) if p.name in {t["name"] for t in theirs}]
    assert order == [t["name"] for t in theirs]
    for index, expected in enumerate(theirs):
        param = ours[expected["name"]]
        if expected["kind"] == "positional":
            # Passed by position in Streamlit: the same position here.
            assert param.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD, expected["name"]
            assert list(ours).index(expected["name"]) == index, expected["name"]
        else:
            assert param.kind is inspect.Parameter.KEYWORD_ONLY, f"{expected['name']} is keyword-only"
        if "default" in expected:
            default = OWN_DEFAULTS.get((name, expected["name"]), expected["default"])
            assert param.default == default, f"{expected['name']}: {param.default!r} != {default!r}"


def test_the_reference_is_streamlit_1_67() -> None:
    assert RECORDED["version"] == "1.67.0"
    assert len(FUNCTIONS) > 100
