"""st.context from the browser: the 'client' message is checked, stored, and reruns an app
that read st.context; a bad one is dropped and changes nothing."""

from __future__ import annotations

import textwrap

import pytest

from nbstream.render.app import App
from nbstream.runtime import client
from nbstream.runtime.script import Script

APP = """
import nbstream as st
c = st.context
st.write(f"{c.locale}|{c.timezone}|{c.timezone_offset}|{c.theme.type}|{c.is_embedded}|{c.url}")
st.write(f"{c.cookies.get('flavor')}|{c.headers.get('user-agent')}|{dict(c.headers) == c.headers.to_dict()}")
"""

GOOD = {
    "locale": "de-DE",
    "timezone": "Europe/Berlin",
    "timezone_offset": -60,
    "url": "http://127.0.0.1:8866/",
    "theme": "dark",
    "is_embedded": False,
    "cookies": {"flavor": "oat"},
    "headers": {"User-Agent": "Chromium", "Host": "127.0.0.1:8866"},
}


def custom(content) -> dict:
    return {"content": {"data": {"method": "custom", "content": content}}, "buffers": []}


@pytest.fixture
def live():
    app = App(Script(textwrap.dedent(APP)))
    app.run(wait=10)
    widget = app.widget
    widget.send = lambda content, buffers=None: None
    yield app, widget
    app.close()


def bodies(widget) -> list[str]:
    return [c["props"]["body"] for c in widget.publisher.shown["children"][0]["children"]]


def test_before_the_browser_speaks_the_values_are_none(live):
    _app, widget = live
    assert bodies(widget) == ["None|None|None|None|None|None", "None|None|True"]


def test_the_client_message_reruns_an_app_that_read_st_context(live):
    app, widget = live
    runs = app.session.run_count
    widget._handle_msg(custom({"t": "client", "info": GOOD}))
    assert app.session.wait(10)
    assert app.session.run_count == runs + 1
    assert bodies(widget) == [
        "de-DE|Europe/Berlin|-60|dark|False|http://127.0.0.1:8866/",
        "oat|Chromium|True",
    ]
    # The same info again changes nothing and starts no run.
    widget._handle_msg(custom({"t": "client", "info": GOOD}))
    app.session.wait(5)
    assert app.session.run_count == runs + 1


@pytest.mark.parametrize(
    "info",
    [
        None,
        [],
        {"locale": 3},
        {"theme": "purple"},
        {"timezone_offset": "60"},
        {"timezone_offset": 10_000},
        {"is_embedded": "yes"},
        {"cookies": {"a": 1}},
        {"cookies": ["a"]},
        {"headers": {str(i): "x" for i in range(500)}},
        {"url": "x" * 10_000},
        {"password": "x"},
    ],
)
def test_bad_client_info_is_dropped(live, info):
    app, widget = live
    runs = app.session.run_count
    before = app.session.client
    widget._handle_msg(custom({"t": "client", "info": info}))
    app.session.wait(5)
    assert widget.bridge.dropped == 1
    assert app.session.client == before
    assert app.session.run_count == runs


def test_parse_keeps_only_checked_values():
    info = client.parse(GOOD)
    assert info.locale == "de-DE" and info.timezone_offset == -60
    with pytest.raises(TypeError):
        info.cookies["flavor"] = "rye"  # read-only
