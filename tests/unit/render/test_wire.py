"""The tree as the browser gets it: stable keys, JSON-safe props, binary data as blobs."""

from __future__ import annotations

from nbstream.render.wire import blob_hash, blob_refs, child_keys, to_wire
from nbstream.runtime.tree import Node, new_root


def main_keys(root: Node) -> list[str]:
    wire, _ = to_wire(root)
    return [c["key"] for c in wire["children"][0]["children"]]


def test_areas_widgets_containers_and_the_rest_have_stable_keys():
    root = new_root()
    main = root.children[0]
    main.children += [
        Node("markdown", {"body": "a"}),
        Node("button", {"label": "b"}, id="$$WID-button-1"),
        Node("markdown", {"body": "c"}),
        Node("container", {"key": "box"}, children=[]),
        Node("container", {"key": None}, children=[]),
    ]
    wire, _ = to_wire(root)
    assert [c["key"] for c in wire["children"]] == ["main", "sidebar", "event", "bottom"]
    assert main_keys(root) == ["markdown#0", "$$WID-button-1", "markdown#1", "container@box", "container#0"]


def test_duplicate_and_positional_looking_keys_stay_unique():
    nodes = [Node("container", {"key": "x"}, children=[]), Node("container", {"key": "x"}, children=[])]
    keys = child_keys(nodes)
    assert len(set(keys)) == 2


def test_props_are_copied_and_made_json_safe():
    shared = [1, 2]
    root = new_root()
    root.children[0].children.append(Node("metric", {"values": shared, "t": (1, 2), "nan": float("nan")}))
    wire, _ = to_wire(root)
    props = wire["children"][0]["children"][0]["props"]
    shared.append(3)
    assert props == {"values": [1, 2], "t": [1, 2], "nan": None}


def test_bytes_become_content_addressed_blobs():
    data = b"\x00\x01binary"
    root = new_root()
    root.children[0].children += [Node("image", {"data": data}), Node("image", {"data": bytearray(data)})]
    wire, blobs = to_wire(root)
    ref = {"$blob": blob_hash(data)}
    assert [c["props"]["data"] for c in wire["children"][0]["children"]] == [ref, ref]
    assert blobs == {blob_hash(data): data}
    assert blob_refs(wire) == {blob_hash(data)}
