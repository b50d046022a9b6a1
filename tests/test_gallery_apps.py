"""The App Action idea over the gallery: every app of every notebook in notebooks/ (and
notebooks/apps/) runs with no exception, and so does every button click in it (and a
message sent to each chat input).

Each ``%%stapp`` cell (or script file run by ``%stapp app.py``) is driven by AppTest,
headless; the notebooks themselves run in real kernels in test_notebooks.py.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from nbstream.testing import AppTest

ROOT = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOKS = sorted([*ROOT.glob("*.ipynb"), *ROOT.glob("apps/*.ipynb")])
# Exception elements an app shows on purpose (st.exception), by notebook.
SHOWN_EXCEPTIONS = {"alerts": 1}
TIMEOUT = 60.0


def apps_of(path: Path) -> list[tuple[str, AppTest]]:
    """(name, AppTest) for every app cell of the notebook at ``path``."""
    found = []
    for i, cell in enumerate(nbformat.read(path, as_version=4).cells):
        if cell.cell_type != "code":
            continue
        head, _, body = cell.source.partition("\n")
        if head.startswith("%%stapp"):
            # The notebook's first cell is `import nbstream as st`; the app reads it from there.
            source = "import nbstream as st\n" + body
            found.append((f"cell {i}", AppTest.from_string(source, default_timeout=TIMEOUT)))
        elif head.startswith("%stapp "):
            script = path.parent / head.split()[-1]
            found.append((script.name, AppTest.from_file(str(script), default_timeout=TIMEOUT)))
    return found


def buttons(at: AppTest) -> list:
    seen, found = set(), []
    for kind in ("button", "form_submit_button"):
        for b in at.get(kind):
            if b.id not in seen:
                seen.add(b.id)
                found.append(b)
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[str(p.relative_to(ROOT)) for p in NOTEBOOKS])
def test_every_app_and_every_click_runs_without_an_exception(path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(path.parent)
    apps = apps_of(path)
    assert apps, f"{path.name} has no app"
    allowed = SHOWN_EXCEPTIONS.get(path.stem, 0)
    for name, at in apps:
        at.run()
        assert len(at.exception) <= allowed, f"{path.name} {name}: {[e.value for e in at.exception]}"
        for i in range(len(buttons(at))):
            clickable = buttons(at)
            if i >= len(clickable) or clickable[i].disabled:
                continue
            label = clickable[i].label
            clickable[i].click().run()
            assert len(at.exception) <= allowed, (
                f"{path.name} {name}, after clicking {label!r}: {[e.value for e in at.exception]}"
            )
        for chat_input in at.get("chat_input"):
            chat_input.set_value("hello").run()
            assert len(at.exception) <= allowed, f"{path.name} {name}, after a chat message"
