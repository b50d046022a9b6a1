"""Spec 1.2 "Button behavior and examples": the examples and the anti-patterns."""

from __future__ import annotations

from apphelpers import run


def markdowns(at):
    return [m.value for m in at.markdown]


def test_a_button_is_true_only_in_the_run_its_click_started():
    at = run(
        """
        import nbstream as st
        if st.button('Click me'):
            st.write('clicked')
        st.checkbox('other')
        """
    )
    assert markdowns(at) == []
    at.button[0].click().run()
    assert markdowns(at) == ["clicked"]
    at.checkbox[0].check().run()  # the user's next action
    assert markdowns(at) == []


def test_stateful_button():
    at = run(
        """
        import nbstream as st
        if 'clicked' not in st.session_state:
            st.session_state.clicked = False
        def click_button():
            st.session_state.clicked = True
        st.button('Click me', on_click=click_button)
        if st.session_state.clicked:
            # The message and nested widget will remain on the page
            st.write('Button clicked!')
            st.slider('Select a value')
        """
    )
    assert markdowns(at) == []
    assert len(at.slider) == 0
    at.button[0].click().run()
    assert markdowns(at) == ["Button clicked!"]
    at.slider[0].set_value(42).run()
    assert markdowns(at) == ["Button clicked!"]
    assert at.slider[0].value == 42
    at.run()
    assert at.slider[0].value == 42


TOGGLE_BUTTON = """
import nbstream as st
if 'button' not in st.session_state:
    st.session_state.button = False
def click_button():
    st.session_state.button = not st.session_state.button
st.button('Click me', on_click=click_button)
if st.session_state.button:
    # The message and nested widget will remain on the page
    st.write('Button is on!')
    st.slider('Select a value')
else:
    st.write('Button is off!')
"""


def test_toggle_button():
    at = run(TOGGLE_BUTTON)
    assert markdowns(at) == ["Button is off!"]
    at.button[0].click().run()
    assert markdowns(at) == ["Button is on!"]
    at.slider[0].set_value(10).run()
    assert markdowns(at) == ["Button is on!"]
    assert at.slider[0].value == 10
    at.button[0].click().run()
    assert markdowns(at) == ["Button is off!"]
    assert len(at.slider) == 0


def test_toggle_button_hidden_slider_comes_back_with_its_default():
    at = run(TOGGLE_BUTTON)
    at.button[0].click().run()
    at.slider[0].set_value(10).run()
    at.button[0].click().run()
    at.button[0].click().run()
    assert at.slider[0].value == 0  # it was not drawn for a run, so it was cleaned up


def test_toggle_button_driving_disabled():
    at = run(
        """
        import nbstream as st
        if 'button' not in st.session_state:
            st.session_state.button = False
        def click_button():
            st.session_state.button = not st.session_state.button
        st.button('Click me', on_click=click_button)
        st.slider('Select a value', disabled=st.session_state.button)
        """
    )
    assert at.slider[0].disabled is False
    at.slider[0].set_value(30).run()
    at.button[0].click().run()
    assert at.slider[0].disabled is True
    assert at.slider[0].value == 30  # disabled is not identity: the value is kept
    at.button[0].click().run()
    assert at.slider[0].disabled is False
    assert at.slider[0].value == 30


STAGES = """
import nbstream as st
if 'stage' not in st.session_state:
    st.session_state.stage = 0
def set_state(i):
    st.session_state.stage = i
if st.session_state.stage == 0:
    st.button('Begin', on_click=set_state, args=[1])
if st.session_state.stage >= 1:
    name = st.text_input('Name', on_change=set_state, args=[2])
if st.session_state.stage >= 2:
    st.write(f'Hello {name}!')
    color = st.selectbox(
        'Pick a Color',
        [None, 'red', 'orange', 'green', 'blue', 'violet'],
        on_change=set_state, args=[3]
    )
    if color is None:
        set_state(2)
if st.session_state.stage >= 3:
    st.write(f':{color}[Thank you!]')
    st.button('Start Over', on_click=set_state, args=[0])
"""


def test_stages_of_a_process():
    at = run(STAGES)
    assert at.session_state.stage == 0
    assert [b.label for b in at.button] == ["Begin"]
    at.button[0].click().run()
    assert at.session_state.stage == 1
    assert len(at.button) == 0
    assert len(at.text_input) == 1
    at.text_input[0].input("Jane").run()
    assert at.session_state.stage == 2
    assert markdowns(at) == ["Hello Jane!"]
    at.selectbox[0].set_value("green").run()
    assert at.session_state.stage == 3
    assert markdowns(at) == ["Hello Jane!", ":green[Thank you!]"]
    assert [b.label for b in at.button] == ["Start Over"]
    at.button[0].click().run()
    assert at.session_state.stage == 0
    assert [b.label for b in at.button] == ["Begin"]
    assert len(at.text_input) == 0


def test_stages_changing_an_earlier_widget_retraces_later_stages():
    at = run(STAGES)
    at.button[0].click().run()
    at.text_input[0].input("Jane").run()
    at.selectbox[0].set_value("red").run()
    assert at.session_state.stage == 3
    at.text_input[0].input("John").run()
    assert at.session_state.stage == 2
    assert markdowns(at) == ["Hello John!"]
    assert at.selectbox[0].value == "red"
    assert len(at.button) == 0


def test_stages_selecting_none_goes_back_to_stage_two():
    at = run(STAGES)
    at.button[0].click().run()
    at.text_input[0].input("Jane").run()
    at.selectbox[0].set_value("red").run()
    at.selectbox[0].set_value(None).run()
    assert at.session_state.stage == 2
    assert markdowns(at) == ["Hello Jane!"]


def test_name_lags_when_the_button_logic_is_nested():
    """A slight problem: the header before the buttons lags one run behind."""
    at = run(
        """
        import nbstream as st
        if 'name' not in st.session_state:
            st.session_state['name'] = 'John Doe'
        st.header(st.session_state['name'])
        if st.button('Jane'):
            st.session_state['name'] = 'Jane Doe'
        if st.button('John'):
            st.session_state['name'] = 'John Doe'
        st.header(st.session_state['name'])
        """
    )
    assert [h.value for h in at.header] == ["John Doe", "John Doe"]
    at.button[0].click().run()
    assert [h.value for h in at.header] == ["John Doe", "Jane Doe"]
    at.run()
    assert [h.value for h in at.header] == ["Jane Doe", "Jane Doe"]
    at.button[1].click().run()
    assert [h.value for h in at.header] == ["Jane Doe", "John Doe"]


def test_logic_in_a_callback_updates_both_headers():
    at = run(
        """
        import nbstream as st
        if 'name' not in st.session_state:
            st.session_state['name'] = 'John Doe'
        def change_name(name):
            st.session_state['name'] = name
        st.header(st.session_state['name'])
        st.button('Jane', on_click=change_name, args=['Jane Doe'])
        st.button('John', on_click=change_name, args=['John Doe'])
        st.header(st.session_state['name'])
        """
    )
    assert [h.value for h in at.header] == ["John Doe", "John Doe"]
    at.button[0].click().run()
    assert [h.value for h in at.header] == ["Jane Doe", "Jane Doe"]
    at.button[1].click().run()
    assert [h.value for h in at.header] == ["John Doe", "John Doe"]


def test_logic_nested_in_a_button_with_a_rerun():
    at = run(
        """
        import nbstream as st
        st.session_state.runs = st.session_state.get('runs', 0) + 1
        if 'name' not in st.session_state:
            st.session_state['name'] = 'John Doe'
        st.header(st.session_state['name'])
        if st.button('Jane'):
            st.session_state['name'] = 'Jane Doe'
            st.rerun()
        if st.button('John'):
            st.session_state['name'] = 'John Doe'
            st.rerun()
        st.header(st.session_state['name'])
        """
    )
    at.button[0].click().run()
    assert [h.value for h in at.header] == ["Jane Doe", "Jane Doe"]
    assert at.session_state.runs == 3  # the click's run and the rerun after it
    assert at.button[0].value is False  # the rerun is not a click


def test_buttons_that_modify_a_rendered_widget_error():
    """Don't do this: the nested code changes a widget's state after it was drawn."""
    at = run(
        """
        import nbstream as st
        st.text_input('Name', key='name')
        # These buttons will error because their nested code changes
        # a widget's state after that widget within the script.
        if st.button('Clear name'):
            st.session_state.name = ''
        if st.button('Streamlit!'):
            st.session_state.name = ('Streamlit')
        """
    )
    assert not at.exception
    at.text_input[0].input("Jane").run()
    at.button[0].click().run()
    assert len(at.exception) == 1
    assert at.exception[0].proto.type == "StreamlitAPIException"
    assert "`st.session_state.name` cannot be modified after the widget with key `name` is instantiated" in (
        at.exception[0].message
    )
    assert "callback" in at.exception[0].message  # it says how to do it instead
    assert at.session_state.name == "Jane"
    assert len(at.button) == 1  # the run ended at the error: the second button was not drawn
    at.run()  # the session keeps working
    at.button[1].click().run()
    assert len(at.exception) == 1
    at.run()
    assert not at.exception
    assert at.text_input[0].value == "Jane"


def test_option_1_a_keyed_button_with_logic_before_the_widget():
    at = run(
        """
        import nbstream as st
        # Use the get method since the keys won't be in session_state
        # on the first script run
        if st.session_state.get('clear'):
            st.session_state['name'] = ''
        if st.session_state.get('streamlit'):
            st.session_state['name'] = 'Streamlit'
        st.text_input('Name', key='name')
        st.button('Clear name', key='clear')
        st.button('Streamlit!', key='streamlit')
        """
    )
    assert at.text_input[0].value == ""
    at.button(key="streamlit").click().run()
    assert not at.exception
    assert at.text_input[0].value == "Streamlit"
    assert at.session_state.streamlit is False  # a trigger is reset when its run ends
    at.run()
    assert at.text_input[0].value == "Streamlit"
    at.button(key="clear").click().run()
    assert at.text_input[0].value == ""


def test_option_2_a_callback():
    at = run(
        """
        import nbstream as st
        st.text_input('Name', key='name')
        def set_name(name):
            st.session_state.name = name
        st.button('Clear name', on_click=set_name, args=[''])
        st.button('Streamlit!', on_click=set_name, args=['Streamlit'])
        """
    )
    at.button[1].click().run()
    assert at.text_input[0].value == "Streamlit"
    at.text_input[0].input("Jane").run()
    assert at.text_input[0].value == "Jane"
    at.button[0].click().run()
    assert at.text_input[0].value == ""
    assert not at.exception


def test_option_3_containers():
    at = run(
        """
        import nbstream as st
        begin = st.container()
        if st.button('Clear name'):
            st.session_state.name = ''
        if st.button('Streamlit!'):
            st.session_state.name = ('Streamlit')
        # The widget is second in logic, but first in display
        begin.text_input('Name', key='name')
        """
    )
    assert at.main.children[0].text_input[0].label == "Name"
    assert [b.label for b in at.button] == ["Clear name", "Streamlit!"]
    at.button[1].click().run()
    assert not at.exception
    assert at.text_input[0].value == "Streamlit"
    at.text_input[0].input("Jane").run()
    at.button[0].click().run()
    assert at.text_input[0].value == ""


DYNAMIC = """
import nbstream as st
def display_input_row(index):
    left, middle, right = st.columns(3)
    left.text_input('First', key=f'first_{index}')
    middle.text_input('Middle', key=f'middle_{index}')
    right.text_input('Last', key=f'last_{index}')
if 'rows' not in st.session_state:
    st.session_state['rows'] = 0
def increase_rows():
    st.session_state['rows'] += 1
st.button('Add person', on_click=increase_rows)
for i in range(st.session_state['rows']):
    display_input_row(i)
# Show the results
st.subheader('People')
for i in range(st.session_state['rows']):
    st.write(
        f'Person {i+1}:',
        st.session_state[f'first_{i}'],
        st.session_state[f'middle_{i}'],
        st.session_state[f'last_{i}']
    )
"""


def test_buttons_add_widgets_dynamically():
    at = run(DYNAMIC)
    assert len(at.text_input) == 0
    at.button[0].click().run()
    at.button[0].click().run()
    assert not at.exception
    assert len(at.text_input) == 6
    assert len(at.columns) == 6
    at.text_input(key="first_0").input("Ada")
    at.text_input(key="last_0").input("Lovelace")
    at.text_input(key="first_1").input("Alan")
    at.run()
    assert markdowns(at) == ["Person 1: Ada  Lovelace", "Person 2: Alan"]
    at.button[0].click().run()
    assert len(at.text_input) == 9
    assert at.text_input(key="first_0").value == "Ada"


def test_dynamic_rows_without_an_index_in_the_key_is_a_duplicate():
    at = run(
        """
        import nbstream as st
        for i in range(2):
            st.text_input('First', key='first')
        """
    )
    assert len(at.exception) == 1
    assert at.exception[0].proto.type == "DuplicateWidgetID"
    assert "key='first'" in at.exception[0].message


EXPENSIVE = """
import nbstream as st
import pandas as pd

st.session_state.calls = st.session_state.get('calls', 0)

def expensive_process(option, add):
    st.session_state.calls += 1
    df = pd.DataFrame({'A': [1, 2, 3], 'B': [4, 5, 6], 'C':[7, 8, 9]}) + add
    return (df, add)

cols = st.columns(2)
option = cols[0].selectbox('Select a number', options=['1', '2', '3'])
add = cols[1].number_input('Add a number', min_value=0, max_value=10)
if 'processed' not in st.session_state:
    st.session_state.processed = {}
# Process and save results
if st.button('Process'):
    result = expensive_process(option, add)
    st.session_state.processed[option] = result
    st.write(f'Option {option} processed with add {add}')
"""


def test_expensive_process_runs_once_per_click_and_keeps_its_result():
    at = run(EXPENSIVE)
    at.number_input[0].set_value(2).run()
    at.button[0].click().run()
    assert markdowns(at) == ["Option 1 processed with add 2"]
    assert at.session_state.calls == 1
    df, add = at.session_state.processed["1"]
    assert add == 2
    assert df["A"].tolist() == [3, 4, 5]
    at.selectbox[0].set_value("3").run()
    assert markdowns(at) == []
    assert at.session_state.calls == 1  # not re-executed by other interactions
    assert list(at.session_state.processed) == ["1"]
    at.button[0].click().run()
    assert sorted(at.session_state.processed) == ["1", "3"]
    assert at.session_state.calls == 2


def test_anti_pattern_buttons_nested_inside_buttons():
    at = run(
        """
        import nbstream as st
        if st.button('Button 1'):
            st.write('Button 1 was clicked')
            if st.button('Button 2'):
                # This will never be executed.
                st.write('Button 2 was clicked')
        """
    )
    at.button[0].click().run()
    assert markdowns(at) == ["Button 1 was clicked"]
    at.button[1].click().run()
    assert markdowns(at) == []
    assert len(at.button) == 1


def test_anti_pattern_widgets_nested_inside_buttons():
    at = run(
        """
        import nbstream as st
        if st.button('Sign up'):
            name = st.text_input('Name')
            if name:
                # This will never be executed.
                st.success(f'Welcome {name}')
        """
    )
    at.button[0].click().run()
    assert len(at.text_input) == 1
    at.text_input[0].input("Jane").run()
    assert len(at.success) == 0
    assert len(at.text_input) == 0


def test_setting_a_button_through_session_state_raises():
    """Spec 3.7: buttons take their value only from the user."""
    at = run(
        """
        import nbstream as st
        if 'my_button' not in st.session_state:
            st.session_state.my_button = True
        # Streamlit will raise an Exception on trying to set the state of button
        st.button('Submit', key='my_button')
        """
    )
    assert len(at.exception) == 1
    assert at.exception[0].proto.type == "StreamlitValueAssignmentNotAllowedError"
    assert "my_button" in at.exception[0].message
    assert len(at.button) == 0


def test_setting_a_button_through_session_state_is_a_streamlit_api_exception():
    at = run(
        """
        import nbstream as st
        from nbstream.errors import StreamlitAPIException
        st.session_state.b = True
        try:
            st.button('Submit', key='b')
        except StreamlitAPIException as exc:
            st.text(type(exc).__name__)
        """
    )
    assert at.text[0].value == "StreamlitValueAssignmentNotAllowedError"


def test_a_button_key_is_readable_in_session_state():
    at = run("import nbstream as st\nst.button('Go', key='go')\nst.text(st.session_state.go)")
    assert at.text[0].value == "False"
    at.button[0].click().run()
    assert at.text[0].value == "True"
    assert at.button[0].value is True
    at.run()
    assert at.text[0].value == "False"
    assert at.session_state.go is False


def test_session_state_counter_examples():
    """Spec 3.7: the counter with a button, with a callback, with args and with kwargs."""
    at = run(
        """
        import nbstream as st
        st.title('Counter Example')
        count = 0
        increment = st.button('Increment')
        if increment:
            count += 1
        st.write('Count = ', count)
        """
    )
    for _ in range(3):
        at.button[0].click().run()
    assert markdowns(at) == ["Count =  `1`"]

    at = run(
        """
        import nbstream as st
        if 'count' not in st.session_state:
            st.session_state.count = 0
        increment_value = st.number_input('Enter a value', value=0, step=1)
        def increment_counter(increment_value):
            st.session_state.count += increment_value
        increment = st.button('Increment', on_click=increment_counter,
            args=(increment_value, ))
        def decrement_counter(decrement_value=0):
            st.session_state.count -= decrement_value
        st.button('Decrement', on_click=decrement_counter,
            kwargs=dict(decrement_value=1))
        st.write('Count = ', st.session_state.count)
        """
    )
    at.number_input[0].set_value(5).run()
    at.button[0].click().run()
    at.button[0].click().run()
    at.button[1].click().run()
    assert at.session_state.count == 9
    assert markdowns(at) == ["Count =  `9`"]
