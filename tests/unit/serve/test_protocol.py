"""The tab <-> server frames, and the relay's checks on what a tab sends."""

from __future__ import annotations

import json
import struct

import pytest

from nbstream.serve import protocol
from nbstream.serve.protocol import BadFrame, decode, encode
from nbstream.serve.relay import RateLimit, query_of


def test_a_message_round_trips_as_text_or_with_buffers() -> None:
    assert decode(encode({"t": "rerun"})) == ({"t": "rerun"}, [])
    frame = encode({"t": "upload", "rid": "1"}, [b"abc", b"", b"z"])
    assert isinstance(frame, bytes)
    assert decode(frame) == ({"t": "upload", "rid": "1"}, [b"abc", b"", b"z"])


@pytest.mark.parametrize(
    "frame, reason",
    [
        ("not json", "not JSON"),
        ("[1, 2]", "not an app message"),
        ('{"code": "import os"}', "not an app message"),
        ('{"t": 3}', "not an app message"),
        ('{"t": "session", "id": "someone-else"}', "only the server sends"),
        ('{"t": "ended"}', "only the server sends"),
        (b"\x00\x00", "without its header"),
        (struct.pack(">I", 2) + b"[]", "header is not an object"),
        (struct.pack(">I", 13) + b'{"msg": {"t"}', "not JSON"),
    ],
)
def test_frames_that_are_not_app_messages_are_refused(frame: str | bytes, reason: str) -> None:
    with pytest.raises(BadFrame, match=reason):
        decode(frame)


def test_a_binary_frame_whose_buffers_do_not_add_up_is_refused() -> None:
    head = json.dumps({"msg": {"t": "upload"}, "sizes": [10]}).encode()
    with pytest.raises(BadFrame, match="do not add up"):
        decode(struct.pack(">I", len(head)) + head + b"short")
    head = json.dumps({"msg": {"t": "upload"}, "sizes": [-1]}).encode()
    with pytest.raises(BadFrame, match="buffer sizes"):
        decode(struct.pack(">I", len(head)) + head)


def test_a_frame_over_the_limit_is_refused_before_it_is_parsed() -> None:
    big = json.dumps({"t": "set", "values": {"x": "x" * protocol.MAX_FRAME_BYTES}})
    with pytest.raises(BadFrame, match="at most"):
        decode(big)
    with pytest.raises(BadFrame, match="at most"):
        decode(b"\x00" * 10_000_000)


def test_the_rate_limit_lets_a_burst_through_then_refuses() -> None:
    limit = RateLimit(rate=0.001, burst=5)
    assert [limit.take() for _ in range(7)] == [True] * 5 + [False] * 2


def test_the_page_query_gives_the_app_its_params_and_page() -> None:
    assert query_of("?who=ann&who=bob&page=two&x=") == ({"who": ["ann", "bob"], "x": [""]}, "two")
    assert query_of("") == ({}, None)
