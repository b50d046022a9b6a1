"""Spec 3.4 "Using forms": every example, the user interaction rules and the limitations."""

from __future__ import annotations

import pytest
from apphelpers import app, run, values

PICKS = """
import nbstream as st
with st.form("my_form"):
    st.write("Inside the form")
    my_number = st.slider("Pick a number", 1, 10)
    my_color = st.selectbox("Pick a color", ["red", "orange", "green", "blue", "violet"])
    submitted = st.form_submit_button("Submit my picks")
st.text(f"{my_number} {my_color} {submitted}")
st.button("Generate new points")
"""


def test_form_widgets_return_their_defaults_before_a_submit():
    at = run(PICKS)
    assert values(at.text) == ["1 red False"]
    assert at.form[0].markdown[0].value == "Inside the form"


def test_changes_without_a_submit_do_not_reach_the_script():
    at = run(PICKS)
    at.slider[0].set_value(7)
    next(b for b in at.button if b.label == "Generate new points").click().run()
    assert values(at.text) == ["1 red False"]


def test_a_submit_sends_every_form_value_in_one_rerun():
    at = run(PICKS)
    at.slider[0].set_value(7)
    at.selectbox[0].set_value("green")
    at.form[0].button[0].click().run()
    assert values(at.text) == ["7 green True"]
    at.run()
    assert values(at.text) == ["7 green False"], "the values stay; the submit button is a trigger"


def test_form_is_a_container_written_by_method_calls():
    at = run(
        """
        import nbstream as st
        animal = st.form('my_animal')
        sound = st.selectbox('Sounds like', ['meow','woof','squeak','tweet'])
        submit = animal.form_submit_button(f'Say it with {sound}!')
        sentence = animal.text_input('Your sentence:', 'Where\\'s the tuna?')
        say_it = sentence.rstrip('.,!?') + f', {sound}!'
        if submit:
            animal.subheader(say_it)
        else:
            animal.subheader('&nbsp;')
        """
    )
    form = at.form[0]
    assert [b.label for b in form.button] == ["Say it with meow!"]
    assert [t.label for t in form.text_input] == ["Your sentence:"]
    assert len(form.selectbox) == 0, "the selectbox was written to the main body, after the form"
    assert at.main.children[0].type == "form"
    form.button[0].click().run()
    assert at.form[0].subheader[0].value == "Where's the tuna, meow!"


def test_process_after_the_form_shows_above_it_through_columns():
    at = run(
        """
        import nbstream as st
        col1, col2 = st.columns([1, 2])
        col1.title('Sum:')
        with st.form('addition'):
            a = st.number_input('a')
            b = st.number_input('b')
            submit = st.form_submit_button('add')
        if submit:
            col2.title(f'{a+b:.2f}')
        """
    )
    at.number_input[0].set_value(1.0)
    at.number_input[1].set_value(2.5)
    at.button[0].click().run()
    assert values(at.title) == ["Sum:", "3.50"]
    assert values(at.columns[1].title) == ["3.50"]


def test_callback_with_session_state_sees_the_submitted_values():
    at = run(
        """
        import nbstream as st
        if 'sum' not in st.session_state:
            st.session_state.sum = ''
        def sum():
            result = st.session_state.a + st.session_state.b
            st.session_state.sum = result
        col1, col2 = st.columns(2)
        col1.title('Sum:')
        if isinstance(st.session_state.sum, float):
            col2.title(f'{st.session_state.sum:.2f}')
        with st.form('addition'):
            st.number_input('a', key='a')
            st.number_input('b', key='b')
            st.form_submit_button('add', on_click=sum)
        """
    )
    at.number_input(key="a").set_value(2.0)
    at.number_input(key="b").set_value(0.25)
    at.button[0].click().run()
    assert values(at.title) == ["Sum:", "2.25"]


def test_rerun_after_submit_updates_content_above_the_form():
    at = run(
        """
        import nbstream as st
        if 'sum' not in st.session_state:
            st.session_state.sum = ''
        col1, col2 = st.columns(2)
        col1.title('Sum:')
        if isinstance(st.session_state.sum, float):
            col2.title(f'{st.session_state.sum:.2f}')
        with st.form('addition'):
            a = st.number_input('a')
            b = st.number_input('b')
            submit = st.form_submit_button('add')
        st.session_state.sum = a + b
        if submit:
            st.rerun()
        """
    )
    at.number_input[0].set_value(1.0)
    at.number_input[1].set_value(1.5)
    at.button[0].click().run()
    assert values(at.title) == ["Sum:", "2.50"]


def test_session_state_counter_with_form_and_callback():
    # Spec 3.7, "Example 4: Forms and Callbacks".
    at = run(
        """
        import nbstream as st
        import datetime
        st.title('Counter Example')
        if 'count' not in st.session_state:
            st.session_state.count = 0
            st.session_state.last_updated = datetime.time(0,0)
        def update_counter():
            st.session_state.count += st.session_state.increment_value
            st.session_state.last_updated = st.session_state.update_time
        with st.form(key='my_form'):
            st.time_input(label='Enter the time', value=datetime.time(8, 0), key='update_time')
            st.number_input('Enter a value', value=0, step=1, key='increment_value')
            submit = st.form_submit_button(label='Update', on_click=update_counter)
        st.write('Current Count = ', st.session_state.count)
        st.write('Last Updated = ', st.session_state.last_updated)
        """
    )
    import datetime

    at.number_input[0].set_value(4)
    at.time_input[0].set_value(datetime.time(9, 30))
    at.button[0].click().run()
    assert at.session_state.count == 4
    assert at.session_state.last_updated == datetime.time(9, 30)
    at.button[0].click().run()
    assert at.session_state.count == 8


def test_callbacks_with_forms_order_of_operations():
    # Spec 3.8, "Using callback functions with forms".
    at = run(
        """
        import nbstream as st
        if "attendance" not in st.session_state:
            st.session_state.attendance = set()
        def take_attendance():
            if st.session_state.name in st.session_state.attendance:
                st.info(f"{st.session_state.name} has already been counted.")
            else:
                st.session_state.attendance.add(st.session_state.name)
        with st.form(key="my_form"):
            st.text_input("Name", key="name")
            st.form_submit_button("I'm here!", on_click=take_attendance)
        """
    )
    at.text_input[0].input("Ada")
    at.button[0].click().run()
    assert at.session_state.attendance == {"Ada"}
    assert len(at.info) == 0
    at.text_input[0].input("Ada")
    at.button[0].click().run()
    assert values(at.info) == ["Ada has already been counted."]
    assert at.main.children[0].type == "info", "callback output appears above the page"


def test_clear_on_submit_resets_the_form_after_the_submit_run():
    at = run(
        """
        import nbstream as st
        with st.form("f", clear_on_submit=True):
            name = st.text_input("Name", key="name")
            sent = st.form_submit_button("Send")
        if sent:
            st.text(f"sent {name}")
        """
    )
    at.text_input[0].input("Ada")
    at.button[0].click().run()
    assert values(at.text) == ["sent Ada"]
    assert at.session_state["name"] == ""
    assert at.text_input[0].proto["value"] == "", "the browser is told to show the default again"
    at.run()
    assert at.text_input[0].value == ""


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('st.button("b")', "can't be used in an `st.form()`"),
        ('st.download_button("d", data="x")', "can't be used in an `st.form()`"),
        ('st.form("inner")', "Forms cannot be nested in other forms."),
        (
            'st.text_input("t", on_change=lambda: None)',
            "callbacks can only be defined on the `st.form_submit_button`",
        ),
    ],
)
def test_form_limitations_raise_api_exceptions(body, message):
    at = run(
        f"""
        import nbstream as st
        with st.form("f"):
            {body}
            st.form_submit_button("go")
        """
    )
    assert len(at.exception) == 1
    assert at.exception[0].proto.type == "StreamlitAPIException"
    assert message in at.exception[0].message


def test_submit_button_outside_a_form_raises():
    at = run('import nbstream as st\nst.form_submit_button("go")\n')
    assert at.exception[0].message == "`st.form_submit_button()` must be used inside an `st.form()`."


def test_two_forms_with_one_key_raise():
    at = run(
        """
        import nbstream as st
        with st.form("same"):
            st.form_submit_button("a")
        with st.form("same"):
            st.form_submit_button("b")
        """
    )
    assert "multiple identical forms with `key='same'`" in at.exception[0].message


def test_a_form_without_a_submit_button_is_flagged_for_the_app():
    at = run('import nbstream as st\nwith st.form("f"):\n    st.text_input("t")\n')
    assert at.form[0].proto["has_submit_button"] is False
    at = run('import nbstream as st\nwith st.form("f"):\n    st.form_submit_button()\n')
    assert at.form[0].proto["has_submit_button"] is True


def test_widgets_in_and_out_of_a_form_with_equal_arguments_are_different_widgets():
    at = run(
        """
        import nbstream as st
        st.text_input("Name")
        with st.form("f"):
            st.text_input("Name")
            st.form_submit_button()
        """
    )
    assert not at.exception
    assert len(at.text_input) == 2


def test_browser_path_holds_form_values_until_the_submit_click():
    # The Jupyter front end sends each change as it happens; the session holds form
    # values and releases them with the submit click.
    at = run(PICKS)
    session = at._session
    slider, submit = at.slider[0], at.form[0].button[0]
    session.set_values({slider.id: 9})
    assert session.wait(5)
    assert values(at.text) == ["1 red False"]
    session.click(submit.id)
    assert session.wait(5)
    assert values(at.text) == ["9 red True"]


def test_app_menu_example_needs_a_map():
    pytest.importorskip("nbstream.elements.charts", reason="st.map arrives with the charts issue")
    at = app(
        """
        import nbstream as st, pandas as pd, numpy as np
        df = pd.DataFrame({"lat": np.random.randn(20) / 50 + 37.76, "lon": np.random.randn(20) / 50 - 122.4,
                           "team": ['A','B']*10})
        with st.form("my_form"):
            colorA = st.color_picker('Team A', '#0000FF')
            sizeA = st.slider('A size', 50, 200, 100, step=10, label_visibility='hidden')
            st.form_submit_button('Update map')
        df['color'] = colorA
        df['size'] = sizeA
        st.map(df, size='size', color='color')
        """
    ).run()
    assert not at.exception
