"""An app script: compiled once, run in a fresh namespace per run.

"Magic" (``runner.magicEnabled``): an expression statement on its own line in the
script body -- also inside ``if``/``for``/``while``/``with``/``try`` blocks, never in a
function or class body -- is shown as ``st.write`` would show it.  Docstrings are never
shown, and neither are calls, awaits and yields (a bare ``st.button(...)`` does not echo
its return value).  A tuple on its own line writes each of its items.
"""

from __future__ import annotations

import ast
import builtins
import hashlib
import linecache
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from types import CodeType
from typing import Any

from nbstream import config

MAGIC_NAME = "__nbstream_magic__"

_NOT_SHOWN = (ast.Call, ast.Await, ast.Yield, ast.YieldFrom, ast.NamedExpr)


@dataclass
class Script:
    source: str
    path: str = "<app>"
    magic: bool = True
    seed: dict[str, Any] | None = None
    # Where the app's relative page paths and its pages/ folder are (a notebook's folder
    # for a %%stapp cell); a script file's own folder when None.
    folder: str | None = None
    # Compiled once per magic setting (``runner.magicEnabled`` may change between runs).
    _codes: dict[bool, CodeType] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.path == "<app>":
            # A distinct name per source keeps linecache entries of two scripts apart.
            digest = hashlib.blake2b(self.source.encode(), digest_size=4).hexdigest()
            self.path = f"<app {digest}>"

    @property
    def code(self) -> CodeType:
        magic = self.magic and bool(config.get_option("runner.magicEnabled"))
        code = self._codes.get(magic)
        if code is None:
            tree = ast.parse(self.source, filename=self.path)
            if magic:
                tree = _MagicTransformer().visit(tree)
                ast.fix_missing_locations(tree)
            code = self._codes[magic] = compile(tree, self.path, "exec", dont_inherit=True)
            # Tracebacks and st.echo read script lines through linecache, also for
            # scripts that are not files (a notebook cell, AppTest.from_string).
            lines = self.source.splitlines(keepends=True)
            linecache.cache[self.path] = (len(self.source), None, lines, self.path)
        return code

    @property
    def is_file(self) -> bool:
        return os.path.isfile(self.path)

    @property
    def entry_folder(self) -> str:
        """The folder that page paths are relative to: the entrypoint file's, else ``folder``
        (a notebook's), else the working directory."""
        if self.is_file:
            return os.path.dirname(os.path.abspath(self.path))
        return os.path.abspath(self.folder or os.getcwd())

    def add_folder_to_path(self) -> None:
        """Let a script file import the modules beside it, as ``streamlit run`` does."""
        if os.path.isfile(self.path):
            folder = os.path.dirname(os.path.abspath(self.path))
            if folder not in sys.path:
                sys.path.insert(0, folder)

    def namespace(self, magic_write: Callable[..., Any]) -> dict[str, Any]:
        """A fresh module namespace for one run, seeded from ``seed`` (a notebook's globals)."""
        ns: dict[str, Any] = dict(self.seed) if self.seed else {}
        ns.update(
            __name__="__main__",
            __file__=self.path,
            __builtins__=builtins,
            __doc__=None,
            __package__=None,
            __spec__=None,
            __loader__=None,
        )
        ns[MAGIC_NAME] = magic_write
        return ns


class _MagicTransformer(ast.NodeTransformer):
    """Wraps displayable bare expressions of the script body in ``__nbstream_magic__(...)``."""

    def visit_Module(self, node: ast.Module) -> ast.Module:
        node.body = self._body(node.body, allow_docstring=True)
        return node

    def _body(self, body: list[ast.stmt], allow_docstring: bool = False) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        for i, stmt in enumerate(body):
            if isinstance(stmt, ast.Expr):
                is_docstring = (
                    allow_docstring
                    and i == 0
                    and isinstance(stmt.value, ast.Constant)
                    and isinstance(stmt.value.value, str)
                )
                if not is_docstring and not isinstance(stmt.value, _NOT_SHOWN):
                    stmt = ast.copy_location(ast.Expr(value=_magic_call(stmt.value)), stmt)
            else:
                self._nested(stmt)
            out.append(stmt)
        return out

    def _nested(self, stmt: ast.stmt) -> None:
        # Blocks that run as part of the script body; function and class bodies are not.
        for name in ("body", "orelse", "finalbody"):
            block = getattr(stmt, name, None)
            if block and isinstance(
                stmt,
                (ast.If, ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, ast.Try, ast.TryStar),
            ):
                setattr(stmt, name, self._body(block))
        if isinstance(stmt, (ast.Try, ast.TryStar)):
            for handler in stmt.handlers:
                handler.body = self._body(handler.body)
        if isinstance(stmt, ast.Match):
            for case in stmt.cases:
                case.body = self._body(case.body)


def _magic_call(value: ast.expr) -> ast.Call:
    args: list[ast.expr] = list(value.elts) if isinstance(value, ast.Tuple) else [value]
    return ast.Call(func=ast.Name(id=MAGIC_NAME, ctx=ast.Load()), args=args, keywords=[])
