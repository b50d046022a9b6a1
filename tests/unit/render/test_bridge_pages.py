"""The bridge's ``page`` message: a multipage app's menu, page links and Back/Forward."""

from __future__ import annotations

import textwrap

import pytest

from nbstream.render.app import App
from nbstream.runtime.script import Script

APP = """
import nbstream as st
def home():
    st.markdown("home")
def other():
    st.markdown(f"other {st.query_params.to_dict()}")
st.navigation([st.Page(home), st.Page(other)]).run()
"""


@pytest.fixture
def app():
    app = App(Script(textwrap.dedent(APP)))
    app.run(wait=10)
    widget = app.widget
    widget.send = lambda content, buffers=None: None
    yield app, widget
    app.close()


def custom(content) -> dict:
    return {"content": {"data": {"method": "custom", "content": content}}, "buffers": []}


def shown(app) -> list[str]:
    main = app.session.tree.children[0]
    return [node.props["body"] for node in main.children]


def test_a_page_message_shows_that_page_with_its_query(app):
    app, widget = app
    assert shown(app) == ["home"]
    assert widget.bridge.handle({"t": "page", "path": "other", "query": {"a": ["1"]}})
    assert app.session.wait(10)
    assert shown(app) == ["other {'a': '1'}"]
    assert app.session.tree.props["page"]["url_path"] == "other"
    assert widget.bridge.handle({"t": "page", "path": ""})  # the root URL: the default page
    assert app.session.wait(10)
    assert shown(app) == ["home"]


def test_an_unknown_page_shows_the_default_page_as_not_found(app):
    app, widget = app
    assert widget.bridge.handle({"t": "page", "path": "/nowhere/"})
    assert app.session.wait(10)
    assert shown(app) == ["home"]
    assert app.session.tree.props["page"]["not_found"] == "nowhere"


@pytest.mark.parametrize(
    "message",
    [
        {"t": "page"},
        {"t": "page", "path": 3},
        {"t": "page", "path": "x" * 501},
        {"t": "page", "path": "a\x00b"},
        {"t": "page", "path": "other", "query": ["a"]},
        {"t": "page", "path": "other", "query": {"a": "1"}},
        {"t": "page", "path": "other", "query": {"a": [1]}},
        {"t": "page", "path": "other", "extra": 1},
    ],
)
def test_bad_page_messages_are_dropped(app, message):
    app, widget = app
    runs = app.session.run_count
    widget._handle_msg(custom(message))
    assert widget.bridge.dropped == 1
    assert app.session.wait(10)
    assert app.session.run_count == runs
