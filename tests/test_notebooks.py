"""Every notebook in notebooks/ runs without an exception -- in its cells or in its app.

Each runs in a fresh kernel through nbclient, as nbconvert --execute does, with the
widget state stored: the saved app must hold its drawn tree (and, with no server
around, the front end itself), so the notebook shows the app without a kernel.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

_FOLDER = Path(__file__).resolve().parent.parent / "notebooks"
# An app with a pages/ folder sits in a folder of its own (notebooks/pages_app/).
NOTEBOOKS = sorted(_FOLDER.glob("*.ipynb")) + sorted(_FOLDER.glob("*/*.ipynb"))
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
# Exception elements an app shows on purpose (st.exception), by notebook.
SHOWN_EXCEPTIONS = {"alerts": 1}


def kinds(node: dict) -> list[str]:
    found = [node["kind"]]
    for child in node.get("children") or []:
        found += kinds(child)
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[str(p.relative_to(_FOLDER)) for p in NOTEBOOKS])
def test_notebook_runs_and_saves_its_app(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NBSTREAM_ESM", raising=False)
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        store_widget_state=True,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    for cell in nb.cells:
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        assert not errors, f"{path.name}: {errors[0]['ename']}: {errors[0]['evalue']}"
    states = nb.metadata["widgets"][WIDGET_STATE]["state"].values()
    apps = [s["state"] for s in states if s["model_name"] == "AnyModel" and "_snapshot" in s["state"]]
    assert apps, f"{path.name}: no app was displayed"
    shown_exceptions = 0
    for app in apps:
        tree = app["_snapshot"]["tree"]
        drawn = kinds(tree)
        shown_exceptions += drawn.count("exception")
        elements = [k for k in drawn if k not in ("root", "main", "sidebar", "event")]
        assert elements, f"{path.name}: an app drew nothing: {json.dumps(tree)[:500]}"
        assert app["_bundle"], "a notebook run with no server keeps the front end in its saved state"
    assert shown_exceptions == SHOWN_EXCEPTIONS.get(path.stem, 0), f"{path.name}: an app raised"
