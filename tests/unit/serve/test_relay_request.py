"""What the relay passes a new session of its tab's websocket request (relay.request_of)."""

from __future__ import annotations

from tornado.httputil import HTTPHeaders, HTTPServerRequest, RequestStartLine

from nbstream.serve.relay import request_of


def test_the_visitors_headers_address_and_url_without_the_handshake() -> None:
    headers = HTTPHeaders()
    for name, value in [
        ("Host", "apps.example.test:8501"),
        ("User-Agent", "probe"),
        ("Cookie", "a=1"),
        ("Accept-Language", "en"),
        ("Accept-Language", "de"),
        ("Upgrade", "websocket"),
        ("Connection", "Upgrade"),
        ("Sec-WebSocket-Key", "secret"),
    ]:
        headers.add(name, value)
    request = HTTPServerRequest(
        start_line=RequestStartLine("GET", "/base/_nbstream/ws", "HTTP/1.1"), headers=headers
    )
    request.remote_ip = "10.0.0.5"
    got = request_of(request, "/base/")
    assert got["headers"] == {
        "Host": "apps.example.test:8501",
        "User-Agent": "probe",
        "Cookie": "a=1",
        "Accept-Language": "en, de",
    }
    assert got["remote_ip"] == "10.0.0.5"
    assert got["url"] == "http://apps.example.test:8501/base/"
    assert got["base_url"] == "/base/"
