"""Magic: bare expressions in the script body are written as st.write would (runner.magicEnabled)."""

from __future__ import annotations

from apphelpers import app, run

import nbstream as st

SCRIPT = '''
"""Module docstring: never written."""
import nbstream as st

def f():
    """Function docstring: never written."""
    "inside a function body: not written"
    return 1

class C:
    """Class docstring: never written."""
    "inside a class body: not written"

async def g():
    """Async function docstring."""

"plain string"
x = 3
x
if x:
    "in if"
for i in range(2):
    f"in for {i}"
while x > 2:
    "in while"
    x -= 1
with st.container():
    "in with"
try:
    "in try"
    1 / 0
except ZeroDivisionError:
    "in except"
else:
    "in else"
finally:
    "in finally"
st.button("b")
f()
1, "two"
(x)
a = b = 5
a + b
"""a later triple-quoted string is not a docstring"""
'''


def _markdowns(at):
    return [m.value for m in at.markdown]


def test_magic_writes_expressions_of_the_script_body():
    at = run(SCRIPT)
    assert not at.exception
    assert _markdowns(at) == [
        "plain string",
        "`3`",
        "in if",
        "in for 0",
        "in for 1",
        "in while",
        "in with",
        "in try",
        "in except",
        "in finally",
        "`1` two",
        "`2`",
        "`10`",
        "a later triple-quoted string is not a docstring",
    ]


def test_docstrings_and_function_and_class_bodies_are_never_written():
    shown = " ".join(_markdowns(run(SCRIPT)))
    assert "docstring" not in shown.replace("not a docstring", "")
    assert "inside a" not in shown


def test_a_bare_st_call_is_not_echoed():
    at = run(SCRIPT)
    assert len(at.button) == 1
    assert "False" not in " ".join(_markdowns(at))


def test_expression_inside_with_lands_in_the_container():
    at = run(SCRIPT)
    assert at.get("container")[0].markdown[0].value == "in with"


def test_match_case_bodies_are_written():
    at = run(
        """
        import nbstream as st
        x = 2
        match x:
            case 2:
                "in match"
        """
    )
    assert _markdowns(at) == ["in match"]


def test_magic_disabled_with_set_option():
    st.set_option("runner.magicEnabled", False)
    at = run(SCRIPT)
    assert _markdowns(at) == []
    assert len(at.button) == 1


def test_magic_option_applies_from_the_next_run():
    at = app('import nbstream as st\n"hello"\n').run()
    assert _markdowns(at) == ["hello"]
    st.set_option("runner.magicEnabled", False)
    at.run()
    assert _markdowns(at) == []
    st.set_option("runner.magicEnabled", True)
    at.run()
    assert _markdowns(at) == ["hello"]


def test_magic_disabled_in_the_project_config(project):
    from nbstream import config

    (project / ".nbstream").mkdir()
    (project / ".nbstream" / "config.toml").write_text("[runner]\nmagicEnabled = false\n")
    config.reload()
    at = run('import nbstream as st\n"not shown"\nst.text("shown")\n')
    assert _markdowns(at) == []
    assert at.text[0].value == "shown"


def test_magic_value_of_the_expression_is_kept():
    at = run(
        """
        import nbstream as st
        y = 0
        (y := 4)
        st.text(y)
        """
    )
    assert at.text[0].value == "4"


def test_shelter_example_writes_the_chosen_message():
    """Spec 1.2 "Show a temporary message with a button" uses magic for its message."""
    at = run(
        """
        import nbstream as st
        animal_shelter = ['cat', 'dog', 'rabbit', 'bird']
        animal = st.text_input('Type an animal')
        if st.button('Check availability'):
            have_it = animal.lower() in animal_shelter
            'We have that animal!' if have_it else 'We don\\'t have that animal.'
        """
    )
    assert _markdowns(at) == []
    at.text_input[0].input("Dog").run()
    assert _markdowns(at) == []
    at.button[0].click().run()
    assert _markdowns(at) == ["We have that animal!"]
    at.text_input[0].input("cow").run()
    assert _markdowns(at) == []  # the message went away with the next action
    at.button[0].click().run()
    assert _markdowns(at) == ["We don't have that animal."]
