"""The keyed diff: patches turn the old tree into the new one and carry only what changed."""

from __future__ import annotations

import json
import random

from render_patching import apply

from nbstream.render.diff import diff, overlay


def leaf(key: str, **props: object) -> dict:
    return {"kind": key.split("#")[0], "key": key, "props": dict(props)}


def block(key: str, *children: dict, **props: object) -> dict:
    return {"kind": key.split("#")[0], "key": key, "props": dict(props), "children": list(children)}


def root(*main: dict, sidebar: tuple = ()) -> dict:
    return block("root", block("main", *main), block("sidebar", *sidebar))


def test_unchanged_tree_needs_no_ops():
    tree = root(leaf("markdown#0", body="a"), leaf("w1", value=1))
    assert diff(tree, json.loads(json.dumps(tree))) == []


def test_a_changed_prop_is_the_only_thing_sent():
    old = root(*[leaf(f"markdown#{i}", body=f"line {i}") for i in range(1000)])
    new = json.loads(json.dumps(old))
    new["children"][0]["children"][500]["props"]["body"] = "changed"
    ops = diff(old, new)
    assert ops == [{"op": "props", "at": ["main", "markdown#500"], "set": {"body": "changed"}, "del": []}]
    assert len(json.dumps(ops)) < 200


def test_removed_props_are_listed():
    ops = diff(root(leaf("w", value=1, help="h")), root(leaf("w", value=1)))
    assert ops == [{"op": "props", "at": ["main", "w"], "set": {}, "del": ["help"]}]


def test_insert_and_remove_touch_only_those_children():
    old = root(leaf("a"), leaf("b"), leaf("c"))
    new = root(leaf("a"), leaf("x"), leaf("c"))
    ops = diff(old, new)
    assert ops == [{"op": "children", "at": ["main"], "remove": ["b"], "place": [[1, leaf("x")]]}]
    assert apply(old, ops) == new


def test_a_move_keeps_the_longest_ordered_run_in_place():
    old = root(*[leaf(k) for k in "abcdef"])
    new = root(*[leaf(k) for k in "bcdefa"])
    (op,) = diff(old, new)
    assert op["place"] == [[5, "a"]] and op["remove"] == []
    assert apply(old, [op]) == new


def test_kind_change_at_a_key_replaces_the_node():
    old = root(block("container#0", leaf("a")))
    new = root({"kind": "container", "key": "container#0", "props": {}})
    ops = diff(old, new)
    assert ops[0]["op"] == "replace"
    assert apply(old, ops) == new


def random_tree(rng: random.Random, depth: int = 0) -> dict:
    kids = []
    for key in rng.sample("abcdefghij", rng.randint(0, 6)):
        if depth < 2 and rng.random() < 0.3:
            kids.append(block(f"blk{key}", *random_tree(rng, depth + 1)["children"], n=rng.randint(0, 2)))
        else:
            kids.append(leaf(key, value=rng.randint(0, 3), **({"extra": 1} if rng.random() < 0.3 else {})))
    return block("main", *kids)


def test_random_trees_round_trip():
    rng = random.Random(7)
    for _ in range(500):
        old = block("root", random_tree(rng), block("sidebar"))
        new = block("root", random_tree(rng), block("sidebar", *random_tree(rng)["children"]))
        assert apply(old, diff(old, new)) == new


def test_overlay_keeps_what_the_run_has_not_reached_as_stale():
    shown = root(
        leaf("title#0", body="T"),
        leaf("w1", value=1),
        leaf("markdown#0", body="old"),
        leaf("markdown#1", body="old2"),
    )
    partial = root(leaf("title#0", body="T"), leaf("w1", value=2))
    merged, fresh = overlay(shown, partial)
    keys = [c["key"] for c in merged["children"][0]["children"]]
    assert keys == ["title#0", "w1", "markdown#0", "markdown#1"]
    assert merged["children"][0]["children"][1]["props"]["value"] == 2
    assert [["main"], 2] in fresh


def test_overlay_replaces_by_position_what_the_run_dropped():
    shown = root(leaf("a"), leaf("b"), leaf("c"))
    partial = root(leaf("a"), leaf("c"))
    merged, _ = overlay(shown, partial)
    assert [c["key"] for c in merged["children"][0]["children"]] == ["a", "c"]


def test_overlay_merges_inside_blocks_the_run_is_filling():
    shown = root(block("columns#0", block("column#0", leaf("x"), leaf("y"))))
    partial = root(block("columns#0", block("column#0", leaf("x"))))
    merged, fresh = overlay(shown, partial)
    column = merged["children"][0]["children"][0]["children"][0]
    assert [c["key"] for c in column["children"]] == ["x", "y"]
    assert [["main", "columns#0", "column#0"], 1] in fresh
