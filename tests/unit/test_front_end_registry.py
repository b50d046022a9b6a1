"""Every element kind the Python side can emit has a front-end component.

The kinds are found, not listed: the ``@command`` registry names every element function,
each must be called by tests/apps/every_element.py, and every kind in that app's tree must
be in js/src/components/index.js; string kinds written in the element modules are checked
too.  An element added on another branch fails here until its component and its line in
the every-element app land with it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import nbstream
from nbstream.elements.delta_generator import COMMANDS
from nbstream.runtime.tree import AREAS
from nbstream.testing import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "tests" / "apps" / "every_element.py"
INDEX = ROOT / "js" / "src" / "components" / "index.js"
SHELL_KINDS = {"root", *AREAS}  # drawn by the app shell (js/src/view.js), not by components
PLACING_CALLS = {"add_element", "add_widget", "add_block", "Node"}


def component_kinds() -> set[str]:
    """The keys of the ``components`` map in index.js."""
    body = INDEX.read_text(encoding="utf-8").split("export const components = {", 1)[1].split("};", 1)[0]
    return set(re.findall(r"^\s*([A-Za-z_]\w*)\s*:", body, flags=re.MULTILINE))


def called_names(path: Path) -> set[str]:
    """Every ``x.name(...)`` and ``name(...)`` a script calls, plus ``@x.name`` decorators."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        target = node.func if isinstance(node, ast.Call) else None
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for deco in node.decorator_list:
                if isinstance(deco, ast.Attribute):
                    names.add(deco.attr)
        if isinstance(target, ast.Attribute):
            names.add(target.attr)
        elif isinstance(target, ast.Name):
            names.add(target.id)
    return names


def literal_kinds() -> dict[str, str]:
    """Kinds written as a string literal where an element is placed: kind -> file."""
    found = {}
    for path in sorted((ROOT / "nbstream").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            first = node.args[0]
            # A widget registered with unplaced=True is drawn by another element (a button
            # column's clicks, by the grid): no component of its own.
            unplaced = any(
                k.arg == "unplaced" and getattr(k.value, "value", False) is True for k in node.keywords
            )
            if (
                name in PLACING_CALLS
                and not unplaced
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                found[first.value] = str(path.relative_to(ROOT))
    return found


@pytest.fixture(scope="module")
def drawn_kinds() -> set[str]:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not [e for e in at.exception if "on purpose" not in e.message], "the every-element app failed"
    return {node.kind for node in at._session.tree.walk()}


def test_the_component_map_is_read():
    kinds = component_kinds()
    assert {"button", "markdown", "dataframe", "columns"} <= kinds
    assert "Component" not in kinds


def test_every_element_function_is_in_the_every_element_app():
    missing = sorted(set(COMMANDS) - called_names(APP))
    assert not missing, f"add these to {APP.relative_to(ROOT)}: {missing}"


def test_every_public_context_element_is_in_the_every_element_app():
    # Elements that are not container methods: context managers and decorators.
    for name in ("spinner", "echo", "fragment", "dialog", "sidebar", "form"):
        assert hasattr(nbstream, name)
        assert name in called_names(APP) or f"{name}." in APP.read_text(encoding="utf-8"), name


def test_every_kind_the_app_draws_has_a_component(drawn_kinds):
    assert {"download_button", "fragment", "dataframe", "tab", "dialog", "chat_message"} <= drawn_kinds
    missing = sorted(drawn_kinds - SHELL_KINDS - component_kinds())
    assert not missing, f"no component in js/src/components/index.js for: {missing}"


def test_every_literal_kind_in_the_source_has_a_component():
    kinds = literal_kinds()
    assert "download_button" in kinds and "column" in kinds
    missing = {k: f for k, f in kinds.items() if k not in SHELL_KINDS | component_kinds()}
    assert not missing, f"no component in js/src/components/index.js for: {missing}"
