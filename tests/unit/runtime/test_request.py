"""The request details nbstream serve passes each session (runtime/request.py)."""

from __future__ import annotations

import pytest

from nbstream.runtime.request import MAX_HEADERS, RequestInfo, parse


def test_parse_keeps_the_fields_and_ends_the_base_url_with_a_slash() -> None:
    info = parse(
        {
            "headers": {"User-Agent": "probe", "Cookie": "a=1; b=two"},
            "remote_ip": "10.0.0.7",
            "url": "http://example.test/app/",
            "base_url": "/app",
        }
    )
    assert info.header("user-agent") == "probe"
    assert info.header("X-Missing") is None
    assert info.cookies() == {"a": "1", "b": "two"}
    assert info.remote_ip == "10.0.0.7"
    assert info.url == "http://example.test/app/"
    assert info.base_url == "/app/"


@pytest.mark.parametrize(
    "raw",
    [
        "headers",
        {"headers": ["Cookie", "a=1"]},
        {"headers": {"Cookie": 1}},
        {"headers": {f"H{i}": "v" for i in range(MAX_HEADERS + 1)}},
        {"remote_ip": 127},
        {"url": "x" * 20_000},
    ],
)
def test_parse_refuses_anything_else(raw: object) -> None:
    with pytest.raises(ValueError):
        parse(raw)


def test_no_cookie_header_or_a_broken_one_is_no_cookies() -> None:
    assert RequestInfo().cookies() == {}
    assert parse({"headers": {"Cookie": 'a="unterminated'}}).cookies() == {}
