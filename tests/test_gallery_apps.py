"""The App Action idea over the gallery: every app of every notebook in notebooks/ (and
its folders: apps/, pages_app/, ...) runs with no exception, and so do every page of it,
every button click in it and a message sent to each chat input.

Each ``%%stapp`` cell (or script file run by ``%stapp app.py``) is driven by AppTest,
headless; the notebooks themselves run in real kernels in test_notebooks.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from nbstream.testing import AppTest

ROOT = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOKS = sorted([*ROOT.glob("*.ipynb"), *ROOT.glob("*/*.ipynb")])
# Exception elements an app shows on purpose (st.exception), by notebook.
SHOWN_EXCEPTIONS = {"alerts": 1}
TIMEOUT = 60.0


def apps_of(path: Path, work: Path) -> list[tuple[str, Path]]:
    """(name, script file) for every app cell of the notebook at ``path``.

    A cell becomes a script in ``work``, beside a copy of the notebook folder's page
    files, so that AppTest can switch to its pages as a browser would.
    """
    found = []
    for i, cell in enumerate(nbformat.read(path, as_version=4).cells):
        if cell.cell_type != "code":
            continue
        head, _, body = cell.source.partition("\n")
        if head.startswith("%%stapp"):
            folder = work / f"cell{i}"
            shutil.copytree(path.parent, folder, ignore=shutil.ignore_patterns("*.ipynb", ".*"))
            script = folder / "streamlit_app.py"
            # The notebook's first cell is `import nbstream as st`; the app reads it from there.
            script.write_text("import nbstream as st\n" + body, encoding="utf-8")
            found.append((f"cell {i}", script))
        elif head.startswith("%stapp "):
            found.append((head.split()[-1], path.parent / head.split()[-1]))
    return found


def buttons(at: AppTest) -> list:
    seen, found = set(), []
    for kind in ("button", "form_submit_button"):
        for b in at.get(kind):
            if b.id not in seen:
                seen.add(b.id)
                found.append(b)
    return found


def exercise(at: AppTest, where: str, allowed: int) -> None:
    """Click every enabled button (one run each), then send every chat input a message."""
    assert len(at.exception) <= allowed, f"{where}: {[e.value for e in at.exception]}"
    for i in range(len(buttons(at))):
        clickable = buttons(at)
        if i >= len(clickable) or clickable[i].disabled:
            continue
        label = clickable[i].label
        clickable[i].click().run()
        assert len(at.exception) <= allowed, f"{where}, after {label!r}: {[e.value for e in at.exception]}"
    for chat_input in at.get("chat_input"):
        chat_input.set_value("hello").run()
        assert len(at.exception) <= allowed, f"{where}, after a chat message"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[str(p.relative_to(ROOT)) for p in NOTEBOOKS])
def test_every_app_page_and_click_runs_without_an_exception(path: Path, tmp_path, monkeypatch):
    monkeypatch.chdir(path.parent)
    apps = apps_of(path, tmp_path)
    assert apps, f"{path.name} has no app"
    allowed = SHOWN_EXCEPTIONS.get(path.stem, 0)
    for name, script in apps:
        at = AppTest.from_file(str(script), default_timeout=TIMEOUT).run()
        exercise(at, f"{path.name} {name}", allowed)
        for page in sorted((script.parent / "pages").glob("*.py")):
            at.switch_page(f"pages/{page.name}").run()
            exercise(at, f"{path.name} {name} page {page.name}", allowed)
