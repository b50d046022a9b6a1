"""Browser messages are untrusted: a flood of malformed and hostile ones changes nothing,
and the app answers the next valid message correctly."""

from __future__ import annotations

import json
import math
import random
import textwrap

import pytest

from nbstream.render.app import App
from nbstream.runtime.script import Script

COUNTER = """
import nbstream as st
if "n" not in st.session_state:
    st.session_state.n = 0
if st.button("Add"):
    st.session_state.n += 1
level = st.slider("Level", 0, 10, 3)
name = st.text_input("Name", "x", max_chars=20)
st.write(f"n={st.session_state.n} level={level} name={name}")
"""


@pytest.fixture
def live():
    app = App(Script(textwrap.dedent(COUNTER)))
    app.run(wait=10)
    sent: list[tuple[dict, list]] = []
    widget = app.widget
    widget.send = lambda content, buffers=None: sent.append((content, buffers or []))
    yield app, widget, sent
    app.close()


def ids(widget) -> dict[str, str]:
    main = widget.publisher.shown["children"][0]["children"]
    return {c["kind"]: c["props"]["id"] for c in main if "id" in c["props"]}


def custom(content, buffers=None) -> dict:
    return {"content": {"data": {"method": "custom", "content": content}}, "buffers": buffers or []}


def hostile_messages(known: dict[str, str], rng: random.Random) -> list[dict]:
    button, slider, text = known["button"], known["slider"], known["text_input"]
    huge = "x" * 9_000_000
    deep: object = 1
    for _ in range(100):
        deep = [deep]
    contents = [
        None,
        1,
        "set",
        [],
        True,
        3.5,
        {},
        {"t": None},
        {"t": 5},
        {"t": "nope"},
        {"t": "SET"},
        {"t": "__class__"},
        {"t": "set"},
        {"t": "set", "values": None},
        {"t": "set", "values": []},
        {"t": "set", "values": {}},
        {"t": "set", "values": "x"},
        {"t": "set", "values": {slider: "high"}},
        {"t": "set", "values": {slider: 11}},
        {"t": "set", "values": {slider: -1}},
        {"t": "set", "values": {slider: 1e308}},
        {"t": "set", "values": {slider: None}},
        {"t": "set", "values": {slider: [1, 2]}},
        {"t": "set", "values": {slider: {"$blob": "x"}}},
        {"t": "set", "values": {slider: True}},
        {"t": "set", "values": {text: 5}},
        {"t": "set", "values": {text: "y" * 21}},
        {"t": "set", "values": {text: huge}},
        {"t": "set", "values": {button: True}},
        {"t": "set", "values": {"nope": 1}},
        {"t": "set", "values": {"../../etc/passwd": 1}},
        {"t": "set", "values": {"__import__('os').system('x')": 1}},
        {"t": "set", "values": {f"k{i}": i for i in range(2000)}},
        {"t": "set", "values": {slider: deep}},
        {"t": "set", "values": {slider: 4, "unknown": 1}},
        {"t": "set", "values": {slider: float("nan")}},
        {"t": "click"},
        {"t": "click", "id": None},
        {"t": "click", "id": 5},
        {"t": "click", "id": slider},
        {"t": "click", "id": "nope"},
        {"t": "click", "id": button, "values": {slider: 99}},
        {"t": "click", "id": button, "values": "x"},
        {"t": "click", "id": button * 1000},
        {"t": "hello"},
        {"t": "hello", "v": "1"},
        {"t": "hello", "v": True},
        {"t": "hello", "v": None},
        {"t": "request"},
        {"t": "request", "rid": "1"},
        {"t": "request", "rid": "1", "at": "main", "payload": {}},
        {"t": "request", "rid": "1", "at": ["main", "nope"], "payload": {}},
        {"t": "request", "rid": "1", "at": ["main", slider], "payload": {}},
        {"t": "request", "rid": "1", "at": [["main"]], "payload": {}},
        {"t": "request", "rid": 1, "at": [], "payload": []},
        {"t": "set", "values": {slider: 4}, "extra": huge},
        {"t": "rerun", "x": deep},
    ]
    messages = [custom(c) for c in contents]
    messages.append(custom({"t": "set", "values": {slider: 4}}, [b"\x00\xff not json"]))
    messages.append(custom({"t": "click", "id": button}, [memoryview(b"\x80\x04pickle")]))
    messages += [
        {},
        {"content": None},
        {"content": {"data": None}},
        {"content": {"data": {"method": None}}},
        {
            "content": {"data": {"method": "update", "state": {"_esm": "alert(1)", "_snapshot": {}}}},
            "buffers": [],
        },
        {
            "content": {
                "data": {
                    "method": "update",
                    "state": {"_config": {"interactive": True}},
                    "buffer_paths": [["x"]],
                }
            }
        },
        {"content": {"data": {"method": "echo_update", "state": {}}}},
        {"content": {"data": {"method": "custom"}}},
    ]
    # fuzz: random structures in every field, none of them a value a widget accepts
    atoms = [None, True, -1, 2**70, math.inf, 3.5, "x" * 300, [], {}, [0], {"v": 0}, slider, button, text]
    for _ in range(1200):
        kind = rng.choice(["set", "click", "hello", "request", "zzz", None, 7])
        content: dict = {"t": kind}
        for field in rng.sample(["values", "id", "v", "rid", "at", "payload", "zz"], rng.randint(0, 4)):
            value = rng.choice(atoms)
            if field == "values" and rng.random() < 0.5:
                value = {rng.choice([slider, text, button, "bad"]): rng.choice(atoms)}
            content[field] = value
        if kind == "click" and content.get("id") == button and set(content) <= {"t", "id", "values"}:
            content["id"] = text  # the only accepted click; a hostile one names another widget
        messages.append(custom(content))
    return messages


def test_a_thousand_hostile_messages_change_nothing(live):
    app, widget, _sent = live
    app.session.state["n"] = 0
    known = ids(widget)
    app.session.wait(5)
    runs = app.session.run_count
    shown = json.dumps(widget.publisher.shown)
    esm, snapshot, config = widget._esm, dict(widget._snapshot), dict(widget._config)

    messages = hostile_messages(known, random.Random(3))
    assert len(messages) >= 1000
    for msg in messages:
        widget._handle_msg(msg)
    app.session.wait(10)

    assert widget.bridge.dropped >= 1000
    assert app.session.run_count == runs, "a hostile message started a run"
    assert json.dumps(widget.publisher.shown) == shown
    assert (widget._esm, dict(widget._snapshot), dict(widget._config)) == (esm, snapshot, config)
    assert app.session_state["n"] == 0

    # ... and the app still answers correctly
    widget._handle_msg(custom({"t": "click", "id": known["button"], "values": {known["slider"]: 7}}))
    widget._handle_msg(custom({"t": "set", "values": {known["text_input"]: "ok"}}))
    assert app.session.wait(10)
    assert app.session_state["n"] == 1
    body = widget.publisher.shown["children"][0]["children"][-1]["props"]["body"]
    assert body == "n=1 level=7 name=ok"


def test_requests_reach_the_element_kinds_that_answer_them(live, monkeypatch):
    from nbstream.elements import _base

    _app, widget, sent = live
    slider = ids(widget)["slider"]
    monkeypatch.setitem(
        _base.REQUEST_HANDLERS, "slider", lambda node, payload: ({"echo": payload["q"]}, [b"bin"])
    )
    widget._handle_msg(custom({"t": "request", "rid": "r1", "at": ["main", slider], "payload": {"q": 2}}))
    widget.bridge.wait_requests(10)
    assert sent[-1] == ({"t": "response", "rid": "r1", "content": {"echo": 2}}, [b"bin"])

    def refuse(node, payload):
        raise ValueError("bad window")

    monkeypatch.setitem(_base.REQUEST_HANDLERS, "slider", refuse)
    widget._handle_msg(custom({"t": "request", "rid": "r2", "at": ["main", slider], "payload": {}}))
    widget.bridge.wait_requests(10)
    assert sent[-1] == ({"t": "response", "rid": "r2", "error": "bad window"}, [])


def test_a_slow_request_does_not_hold_up_other_messages(live, monkeypatch):
    import threading

    from nbstream.elements import _base

    app, widget, sent = live
    slider = ids(widget)["slider"]
    release = threading.Event()

    def slow(node, payload):
        release.wait(10)
        return {"sorted": True}, []

    monkeypatch.setitem(_base.REQUEST_HANDLERS, "slider", slow)
    widget._handle_msg(custom({"t": "request", "rid": "slow", "at": ["main", slider], "payload": {}}))
    widget._handle_msg(custom({"t": "set", "values": {slider: 9}, "seq": 1}))
    assert app.session.wait(10)
    assert "level=9" in str(widget.publisher.shown), "the app reran while the request was being answered"
    release.set()
    widget.bridge.wait_requests(10)
    assert ({"t": "response", "rid": "slow", "content": {"sorted": True}}, []) in sent


def test_the_loader_can_ask_for_the_bundle(live):
    _app, widget, sent = live
    widget._handle_msg(custom({"t": "bundle"}))
    content, buffers = sent[-1]
    assert content["t"] == "bundle" and len(buffers) == 2 and b"BUILD" in buffers[0]


def test_the_menus_clear_cache_empties_the_registered_caches(live, monkeypatch):
    from nbstream.runtime import caches

    _app, widget, _sent = live
    cleared = []
    monkeypatch.setattr(caches, "_clearers", {"test cache": lambda: cleared.append(True)})
    widget._handle_msg(custom({"t": "clear_cache"}))
    assert cleared == [True]


def test_rerun_and_stop_from_the_menu(live):
    app, widget, _sent = live
    runs = app.session.run_count
    widget._handle_msg(custom({"t": "rerun"}))
    assert app.session.wait(10)
    assert app.session.run_count == runs + 1


TICKER = """
import nbstream as st
@st.fragment(run_every=0.05)
def ticker():
    st.session_state.ticks = st.session_state.get("ticks", 0) + 1
ticker()
"""


def test_run_every_fragments_pause_while_no_page_shows_the_app():
    app = App(Script(textwrap.dedent(TICKER)))
    try:
        app.run(wait=10)
        widget = app.widget
        widget.send = lambda content, buffers=None: None
        fragments = app.session.fragments
        assert widget.bridge.handle({"t": "views", "page": "a", "n": 2})
        assert widget.bridge.handle({"t": "views", "page": "b", "n": 1})
        assert fragments.paused is False
        assert widget.bridge.handle({"t": "views", "page": "a", "n": 0})
        assert fragments.paused is False, "page b still shows the app"
        assert widget.bridge.handle({"t": "views", "page": "b", "n": 0})
        assert fragments.paused is True
        for bad in ({"t": "views", "page": "", "n": 1}, {"t": "views", "page": "c", "n": -1},
                    {"t": "views", "page": "c", "n": True}, {"t": "views", "page": 3, "n": 1}):  # fmt: skip
            assert not widget.bridge.handle(bad)
        assert fragments.paused is True
        assert widget.bridge.handle({"t": "views", "page": "c", "n": 1})
        assert fragments.paused is False
        assert fragments.active_timers() == 1
        widget.close()
        assert fragments.active_timers() == 0, "closing the display stops the app's timers"
        app.run(wait=10)
        assert fragments.active_timers() == 1, "the next run starts them again"
    finally:
        app.close()


def test_each_page_numbers_its_own_value_messages(live):
    # Two browser windows on one kernel: a patch tells each page what was seen of its own.
    app, widget, sent = live
    slider = ids(widget)["slider"]
    widget._handle_msg(custom({"t": "set", "values": {slider: 4}, "seq": 7, "page": "window-a"}))
    assert app.session.wait(10)
    widget._handle_msg(custom({"t": "set", "values": {slider: 5}, "seq": 1, "page": "window-b"}))
    assert app.session.wait(10)
    patches = [c for c, _ in sent if c.get("t") == "patch"]
    assert patches[-1]["seq"] == {"window-a": 7, "window-b": 1}
    assert not widget.bridge.handle({"t": "set", "values": {slider: 6}, "seq": 2, "page": "x" * 5000})


def test_a_ping_is_answered_even_while_a_script_loops_and_bad_pings_are_dropped():
    app = App(Script("import nbstream as st\nif st.button('spin'):\n    while True:\n        pass\n"))
    app.run(wait=10)
    sent: list[tuple[dict, list]] = []
    widget = app.widget
    widget.send = lambda content, buffers=None: sent.append((content, buffers or []))
    try:
        button = next(c["props"]["id"] for c in widget.publisher.shown["children"][0]["children"])
        widget._handle_msg(custom({"t": "click", "id": button}))
        assert not app.session.idle
        widget._handle_msg(custom({"t": "ping", "n": 7}))
        assert ({"t": "pong", "n": 7}, []) in sent
        for bad in (
            {"t": "ping"},
            {"t": "ping", "n": "7"},
            {"t": "ping", "n": -1},
            {"t": "ping", "n": 1, "x": 2},
        ):
            assert widget.bridge.handle(bad) is False
        assert sum(1 for content, _ in sent if content.get("t") == "pong") == 1
    finally:
        app.close()


def test_a_request_to_an_element_of_the_run_going_on_is_answered(monkeypatch):
    """The browser draws a run's elements while it goes on (plotly.js is asked for by a
    chart of an app's first run): the element is found in the running tree."""
    import builtins
    import threading
    import time

    from nbstream.elements import _base

    gate = threading.Event()
    monkeypatch.setattr(builtins, "_nbs_test_gate", gate, raising=False)
    monkeypatch.setitem(
        _base.REQUEST_HANDLERS, "slider", lambda node, payload: ({"label": node.props["label"]}, [])
    )
    script = "import builtins\nimport nbstream as st\nif st.button('go'):\n    st.slider('Late', 0, 5, 1)\n    builtins._nbs_test_gate.wait(10)\n"
    app = App(Script(script))
    app.run(wait=10)
    sent: list[tuple[dict, list]] = []
    widget = app.widget
    widget.send = lambda content, buffers=None: sent.append((content, buffers or []))
    try:
        button = ids(widget)["button"]
        widget._handle_msg(custom({"t": "click", "id": button}))
        deadline = time.monotonic() + 10
        while "slider" not in ids(widget) and time.monotonic() < deadline:
            time.sleep(0.05)
        slider = ids(widget)["slider"]
        assert not app.session.idle, "the run is still going on"
        widget._handle_msg(custom({"t": "request", "rid": "r1", "at": ["main", slider], "payload": {}}))
        widget.bridge.wait_requests(10)
        assert ({"t": "response", "rid": "r1", "content": {"label": "Late"}}, []) in sent
        # an element no tree has: answered at once with an error, not left to time out
        widget._handle_msg(custom({"t": "request", "rid": "r2", "at": ["main", "gone"], "payload": {}}))
        assert sent[-1] == ({"t": "response", "rid": "r2", "error": "no element at ['main', 'gone']"}, [])
    finally:
        gate.set()
        app.close()
