"""What a new user meets first: the README's quick start installs what the shipped
notebooks import, says how to open them in JupyterLab, the front-end build says what it
is doing, and local build output stays out of git."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()


def _quick_start_extras() -> set[str]:
    first_block = re.search(r"```bash\n(.*?)```", README, re.S)
    assert first_block is not None
    install = re.search(r'pip install -e "\.\[([a-z,]+)\]"', first_block.group(1))
    assert install is not None, "the quick start installs nbstream from the checkout"
    return set(install.group(1).split(","))


def _extra_of_module() -> dict[str, str]:
    """Top-level module name -> the extra that installs it."""
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    out = {}
    for extra, requirements in extras.items():
        for requirement in requirements:
            name = re.split(r"[<>=\[ ;]", requirement, maxsplit=1)[0].lower()
            if name != "nbstream":
                out[name] = extra
    return out


def _notebook_imports(path: Path) -> set[str]:
    names = set()
    for cell in json.loads(path.read_text())["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        source = "\n".join(line for line in source.splitlines() if not line.startswith(("%", "!")))
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return names


def test_quick_start_installs_what_every_notebook_imports() -> None:
    installed = _quick_start_extras()
    extra_of = _extra_of_module()
    missing = {
        f"{nb.name}: {module}"
        for nb in (ROOT / "notebooks").glob("*.ipynb")
        for module in _notebook_imports(nb)
        if module in extra_of and extra_of[module] not in installed
    }
    assert missing == set()


def test_readme_says_how_to_open_the_notebooks_in_jupyterlab() -> None:
    assert ".venv/bin/jupyter lab notebooks/hello.ipynb" in README


def test_local_build_output_is_ignored_by_git() -> None:
    ignored = (ROOT / ".gitignore").read_text().split()
    for entry in (".venv/", "node_modules/", "nbstream/static/"):
        assert entry in ignored


@pytest.mark.skipif(
    shutil.which("node") is None or not (ROOT / "js" / "node_modules").is_dir(),
    reason="no node or js/node_modules",
)
def test_front_end_build_prints_a_line_per_step(tmp_path: Path) -> None:
    done = subprocess.run(
        ["node", "build.mjs"],
        cwd=ROOT / "js",
        env={**os.environ, "NBSTREAM_BUILD_OUT": str(tmp_path / "static")},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    steps = re.findall(r"^nbstream front end: .+ \(\d+\.\d s\)$", done.stdout, re.M)
    assert len(steps) >= 3, done.stdout
    assert re.search(r"^built nbstream/static \([0-9a-f]{16}\)$", done.stdout, re.M), done.stdout
    assert (tmp_path / "static" / "manifest.json").is_file()
    assert "about a minute" in README  # the README says how long the build takes
