"""Every app of the gallery (notebooks/) comes after a markdown cell saying what it shows,
and the notebooks make_notebooks.py writes are what it writes now (edit the generator,
not the .ipynb files)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

FOLDER = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOKS = sorted(FOLDER.glob("*.ipynb")) + sorted(FOLDER.glob("*/*.ipynb"))


def apps_without_intro(cells: list[dict]) -> list[int]:
    """Indexes of app cells (``%%stapp``/``%stapp``) with no non-empty markdown cell since
    the notebook's start or the previous app cell."""
    missing, described = [], False
    for i, cell in enumerate(cells):
        source = "".join(cell["source"]).strip()
        if cell["cell_type"] == "markdown":
            described = described or bool(source)
        elif cell["cell_type"] == "code" and source.startswith(("%%stapp", "%stapp")):
            if not described:
                missing.append(i)
            described = False
    return missing


def test_the_gallery_has_notebooks():
    assert len(NOTEBOOKS) >= 20


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[str(p.relative_to(FOLDER)) for p in NOTEBOOKS])
def test_each_app_has_a_markdown_cell_before_it(path: Path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    assert apps_without_intro(cells) == [], f"{path.name}: app cells with no markdown cell before them"


def test_the_rule_catches_an_app_without_an_intro():
    def cell(kind: str, source: str) -> dict:
        return {"cell_type": kind, "source": [source]}

    cells = [
        cell("markdown", "# Two apps"),
        cell("code", "import nbstream as st"),
        cell("code", "%%stapp first\nst.write(1)"),
        cell("markdown", ""),  # an empty cell says nothing
        cell("code", "%%stapp second\nst.write(2)"),
        cell("markdown", "## Third"),
        cell("code", "%stapp app.py"),
    ]
    assert apps_without_intro(cells) == [4]


def test_generated_notebooks_match_their_generator(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(FOLDER))
    monkeypatch.delitem(sys.modules, "make_notebooks", raising=False)
    import make_notebooks

    written = {**make_notebooks.APPS, **make_notebooks.FOLDER_APPS}
    for where, script in written.items():
        path = FOLDER / f"{where}.ipynb"
        expected = make_notebooks.notebook(path.stem, make_notebooks.INTROS[where], script)
        assert json.loads(path.read_text(encoding="utf-8")) == expected, f"{path.name}: run make_notebooks.py"
