"""Widget identity: deterministic IDs from kind, identity arguments, form, page and key."""

from __future__ import annotations

import textwrap

import pytest

from nbstream.runtime.widgets import compute_widget_id, is_widget_id, values_differ
from nbstream.testing import AppTest


def test_equal_arguments_give_equal_ids():
    a = compute_widget_id("slider", None, {"label": "x", "min": 0, "max": 10})
    b = compute_widget_id("slider", None, {"max": 10, "label": "x", "min": 0})  # order does not matter
    assert a == b
    assert is_widget_id(a)


@pytest.mark.parametrize(
    "other",
    [
        dict(kind="number_input"),
        dict(key="k"),
        dict(identity={"label": "y", "min": 0, "max": 10}),
        dict(identity={"label": "x", "min": 1, "max": 10}),
        dict(form_id="form"),
        dict(page="other_page"),
    ],
)
def test_any_identity_part_changes_the_id(other):
    base = dict(kind="slider", key=None, identity={"label": "x", "min": 0, "max": 10}, form_id="", page="")
    changed = {**base, **other}
    assert compute_widget_id(**base) != compute_widget_id(**changed)


def test_the_user_key_stays_readable_at_the_end():
    wid = compute_widget_id("text_input", "my_key", {"label": "Name"})
    assert wid.startswith("$$WID-text_input-")
    assert wid.endswith("-my_key")
    assert not is_widget_id("my_key")


def test_ids_are_stable_across_sessions_and_runs():
    src = "import nbstream as st\nst.slider('s', 0, 10)\nst.text_input('t', key='k')\nst.button('b')"
    one = AppTest.from_string(src).run()
    two = AppTest.from_string(src).run()
    ids = [w.id for w in (one.slider[0], one.text_input[0], one.button[0])]
    assert ids == [w.id for w in (two.slider[0], two.text_input[0], two.button[0])]
    one.run()
    assert ids == [w.id for w in (one.slider[0], one.text_input[0], one.button[0])]
    assert len(set(ids)) == 3


def run(source: str) -> AppTest:
    return AppTest.from_string(textwrap.dedent(source), default_timeout=10).run()


def test_callbacks_disabled_and_label_visibility_are_not_identity():
    at = run(
        """
        import nbstream as st
        flip = st.session_state.get("flip", False)
        st.text_input("t", disabled=flip, label_visibility="collapsed" if flip else "visible",
                      on_change=(lambda: None) if flip else None, args=(1,) if flip else None,
                      kwargs={"a": 1} if flip else None)
        """
    )
    before = at.text_input[0].id
    at.session_state.flip = True
    at.run()
    assert at.text_input[0].id == before


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("st.slider('s', 0, 10)", "st.slider('s', 0, 11)"),
        ("st.slider('s', 0, 10)", "st.slider('s', 0, 10, help='h')"),
        ("st.selectbox('s', ['a', 'b'])", "st.selectbox('s', ['a', 'c'])"),
        ("st.selectbox('s', ['a', 'b'])", "st.selectbox('s', ['a', 'b'], index=1)"),
        ("st.text_input('t')", "st.text_input('t', placeholder='p')"),
        ("st.number_input('n', value=1)", "st.number_input('n', value=2)"),
        ("st.checkbox('c')", "st.toggle('c')"),
        ("st.button('b')", "st.button('b', type='primary')"),
    ],
)
def test_identity_arguments_change_the_id(first, second):
    at = run(f"import nbstream as st\nif st.session_state.get('second'):\n    {second}\nelse:\n    {first}")
    before = at.main.children[0].id
    at.session_state.second = True
    at.run()
    assert at.main.children[0].id != before


def test_the_same_widget_in_two_containers_is_a_duplicate():
    at = run(
        """
        import nbstream as st
        a, b = st.columns(2)
        a.button("Go")
        b.button("Go")
        """
    )
    assert at.exception[0].proto.type == "DuplicateWidgetID"


def test_values_differ_copes_with_arrays_and_frames():
    import numpy as np
    import pandas as pd

    assert values_differ(1, 2)
    assert not values_differ("a", "a")
    assert values_differ(np.array([1, 2]), np.array([1, 3]))
    frame = pd.DataFrame({"a": [1]})
    assert not values_differ(frame, frame)
    assert values_differ(frame, pd.DataFrame({"a": [1]}))  # not comparable as one bool: treated as changed


def test_a_trigger_that_carries_a_value_holds_it_for_one_run_only():
    from nbstream.elements.chat.input import SubmissionSerde
    from nbstream.runtime.state import SessionState
    from nbstream.runtime.widgets import WidgetMeta

    state = SessionState()
    meta = WidgetMeta(id="$$WID-chat_input-x-msg", kind="chat_input", key="msg", serde=SubmissionSerde(5),
                      default=None, trigger=True)  # fmt: skip
    state.begin_run({}, [])
    assert state.register_widget(meta, has_default=False) is None
    state.end_run(completed=True)
    callbacks = state.begin_run({meta.id: "hi"}, [meta.id])
    assert callbacks == []  # no on_submit given
    assert state.register_widget(meta, has_default=False) == "hi"
    assert state["msg"] == "hi"
    state.end_run(completed=True)
    state.begin_run({meta.id: "far too long"}, [meta.id])  # over max_chars: dropped
    assert state.register_widget(meta, has_default=False) is None
    state.end_run(completed=True)
    state.begin_run({}, [meta.id])  # a click without its text: dropped
    assert state.register_widget(meta, has_default=False) is None
    assert state["msg"] is None
