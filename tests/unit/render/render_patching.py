"""A reference implementation of the patch rules (render/diff.py), for tests only.

js/src/patch.js applies patches in the browser; this applies them to plain dicts, so a
test can check that ``apply(old, diff(old, new)) == new`` for any two trees.
"""

from __future__ import annotations

import copy
from typing import Any


def node_at(root: dict[str, Any], at: list[str]) -> dict[str, Any]:
    node = root
    for key in at:
        node = next(c for c in node["children"] if c["key"] == key)
    return node


def apply(root: dict[str, Any], ops: list[dict[str, Any]]) -> dict[str, Any]:
    root = copy.deepcopy(root)
    for op in ops:
        if op["op"] == "replace":
            if not op["at"]:
                root = copy.deepcopy(op["node"])
                continue
            parent = node_at(root, op["at"][:-1])
            i = next(i for i, c in enumerate(parent["children"]) if c["key"] == op["at"][-1])
            parent["children"][i] = copy.deepcopy(op["node"])
            continue
        node = node_at(root, op["at"])
        if op["op"] == "props":
            node["props"].update(copy.deepcopy(op["set"]))
            for name, tail in op.get("append", {}).items():
                node["props"][name] += tail
            for name in op["del"]:
                del node["props"][name]
        else:
            by_key = {c["key"]: c for c in node["children"]}
            moved = {item for _, item in op["place"] if isinstance(item, str)}
            kids = [c for c in node["children"] if c["key"] not in op["remove"] and c["key"] not in moved]
            for i, item in sorted(op["place"], key=lambda p: p[0]):
                kids.insert(i, by_key[item] if isinstance(item, str) else copy.deepcopy(item))
            node["children"] = kids
    return root
