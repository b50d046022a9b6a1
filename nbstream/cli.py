"""The ``nbstream`` command.

``nbstream run app.py``      serve a Streamlit-style script as an app (in Voila)
``nbstream run app.ipynb``   serve a notebook's apps (``voila app.ipynb``)
``nbstream config show``     print every configuration option and its current value

Arguments after the target go to Voila (``nbstream run app.py --port=8501``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from nbstream import config


def script_notebook(script: Path) -> dict:
    """A notebook that runs ``script`` as an app, from the script's own folder."""
    folder, path = str(script.parent), str(script)
    source = f"import os\nos.chdir({folder!r})\nfrom nbstream.render.app import App\nApp.from_file({path!r})"
    return {
        "cells": [
            {
                "cell_type": "code",
                "id": "nbstream-run",
                "metadata": {},
                "execution_count": None,
                "outputs": [],
                "source": source,
            }
        ],
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def run(target: str, voila_args: list[str]) -> int:
    path = Path(target).resolve()
    if not path.is_file():
        print(f"nbstream: no such file: {target}", file=sys.stderr)
        return 2
    voila = [sys.executable, "-m", "voila", *voila_args]
    if path.suffix == ".ipynb":
        return subprocess.call([*voila, str(path)])
    if path.suffix != ".py":
        print("nbstream run takes a .py script or a .ipynb notebook", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="nbstream-run-") as folder:
        notebook = Path(folder) / f"{path.stem}.ipynb"
        notebook.write_text(json.dumps(script_notebook(path)), encoding="utf-8")
        return subprocess.call([*voila, str(notebook)])


def show_config() -> int:
    """Print the options by section, as TOML one could paste into config.toml."""
    section = None
    for name in sorted(config.DEFAULTS):
        head, _, option = name.partition(".")
        if head != section:
            print(f"\n[{head}]" if section is not None else f"[{head}]")
            section = head
        value = config.get_option(name)
        print(f"# {option} = (unset)" if value is None else f"{option} = {json.dumps(value)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="nbstream", description="Run nbstream apps and inspect configuration."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run_cmd = commands.add_parser("run", help="serve app.py or app.ipynb with Voila")
    run_cmd.add_argument("target", help="a Streamlit-style .py script or a notebook")
    run_cmd.add_argument("voila_args", nargs=argparse.REMAINDER, help="options passed on to voila")
    config_cmd = commands.add_parser("config", help="configuration")
    config_cmd.add_argument("action", choices=["show"])
    args = parser.parse_args(argv)
    if args.command == "run":
        return run(args.target, args.voila_args)
    return show_config()


if __name__ == "__main__":
    sys.exit(main())
