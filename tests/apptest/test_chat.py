"""Chat apps (spec 2.3's chat section, the docs' chat tutorials) and modal dialogs, via AppTest.

A stand-in generator replaces the model: no network."""

from __future__ import annotations

import pytest
from apphelpers import app, run

from nbstream.runtime.errors import StreamlitAPIException

CHEAT_SHEET = """
import nbstream as st
prompt = st.chat_input("Say something")
if prompt:
    with st.chat_message("user"):
        st.markdown(prompt)
    with st.chat_message("assistant"):
        st.markdown("Echo: " + prompt)
st.text(f"prompt={prompt!r}")
"""


def test_cheat_sheet_chat_input_and_chat_message():
    at = run(CHEAT_SHEET)
    assert at.chat_input[0].placeholder == "Say something"
    assert at.chat_input[0].value is None
    at.chat_input[0].set_value("Do you know any jokes?").run()
    assert at.text[0].value == "prompt='Do you know any jokes?'"
    assert at.chat_message[0].markdown[0].value == "Do you know any jokes?"
    assert at.chat_message[0].avatar == "user"
    assert at.chat_message[1].name == "assistant"
    assert at.chat_message[1].markdown[0].value == "Echo: Do you know any jokes?"
    # The value clears after every rerun, as in a real app.
    at.run()
    assert at.text[0].value == "prompt=None"
    assert len(at.chat_message) == 0


# The "Build a basic LLM chat app" tutorial, with a stand-in model that streams.
CHATBOT = """
import nbstream as st

def response_generator(prompt):
    for word in f"You said: {prompt}".split(" "):
        yield word + " "

st.title("Simple chat")
if "messages" not in st.session_state:
    st.session_state.messages = []

for message in st.session_state.messages:
    with st.chat_message(message["role"]):
        st.markdown(message["content"])

if prompt := st.chat_input("What is up?"):
    st.session_state.messages.append({"role": "user", "content": prompt})
    with st.chat_message("user"):
        st.markdown(prompt)
    with st.chat_message("assistant"):
        response = st.write_stream(response_generator(prompt))
    st.session_state.messages.append({"role": "assistant", "content": response})
"""


def test_chat_history_in_session_state_with_a_streamed_answer():
    at = run(CHATBOT)
    assert len(at.chat_message) == 0
    at.chat_input[0].set_value("hello").run()
    assert [m.name for m in at.chat_message] == ["user", "assistant"]
    assert at.chat_message[1].markdown[0].value == "You said: hello"
    assert at.session_state.messages[1] == {"role": "assistant", "content": "You said: hello "}
    at.chat_input[0].set_value("again").run()
    assert [m.markdown[0].value for m in at.chat_message] == [
        "hello",
        "You said: hello",
        "again",
        "You said: again",
    ]
    at.run()  # a rerun without input replays the history from session state
    assert len(at.chat_message) == 4
    assert len(at.session_state.messages) == 4


def test_chat_input_with_a_key_and_on_submit_callback():
    at = run(
        """
        import nbstream as st
        if "log" not in st.session_state:
            st.session_state.log = []
        def got():
            st.session_state.log.append(st.session_state.msg)
        value = st.chat_input("Ask", key="msg", on_submit=got)
        st.text(f"value={value!r} state={st.session_state.msg!r}")
        """
    )
    assert at.text[0].value == "value=None state=None"
    at.chat_input(key="msg").set_value("one").run()
    assert at.text[0].value == "value='one' state='one'"
    assert at.session_state.log == ["one"]
    at.run()
    assert at.text[0].value == "value=None state=None"
    assert at.session_state.log == ["one"]


def test_chat_input_cannot_be_set_through_session_state():
    at = run(
        """
        import nbstream as st
        st.session_state.msg = "hi"
        st.chat_input("Ask", key="msg")
        """
    )
    assert len(at.exception) == 1
    assert at.exception[0].proto.type == "StreamlitValueAssignmentNotAllowedError"


def test_chat_input_is_pinned_in_main_and_inline_in_containers():
    at = run(
        """
        import nbstream as st
        st.chat_input("main")
        with st.sidebar:
            st.chat_input("side")
        with st.container():
            st.chat_input("boxed")
        """
    )
    # As in Streamlit, the main area's input is in the bottom area, which comes last.
    assert [(c.placeholder, c.position) for c in at.chat_input] == [
        ("boxed", "inline"),
        ("side", "inline"),
        ("main", "bottom"),
    ]
    assert [n.type for n in at][-2:] == ["unknown", "chat_input"]
    assert [c.placeholder for c in at.main.chat_input] == ["boxed"]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            'st.chat_input("x", accept_file="foo")',
            "Invalid `accept_file` value. Supported values: True, False, 'multiple', 'directory'. Got 'foo'.",
        ),
        ('st.chat_input("x", accept_file=True, max_upload_size=0)', "Invalid `max_upload_size` value."),
        ('st.chat_input("x", accept_file=True, file_type=[""])', "Invalid file type '' in `file_type`"),
        (
            'with st.form("f"):\n    st.chat_input("x")\n    st.form_submit_button()',
            "can't be used in a st.form()",
        ),
        ("st.chat_message(None)", "The author name is required"),
        ('st.chat_message("bot", avatar=42)', "Failed to load the provided avatar value as an image."),
        ('st.feedback("hearts")', "must be one of ['thumbs', 'faces', 'stars']"),
        ('st.feedback("thumbs", default=2)', "must be a number between 0 and 1"),
        ('st.write_stream("text")', "Please use `st.write` instead"),
        ("st.write_stream(42)", "expects a generator or stream-like object"),
    ],
)
def test_misuse_raises_streamlit_api_exception(source, message):
    at = run("import nbstream as st\n" + source)
    assert len(at.exception) == 1
    # StreamlitValueError (a bad accept_file) is a StreamlitAPIException, as in Streamlit.
    assert at.exception[0].proto.type in ("StreamlitAPIException", "StreamlitValueError")
    assert message in at.exception[0].value


def test_chat_message_avatars():
    at = run(
        """
        import nbstream as st
        for name in ["user", "human", "assistant", "ai", "Bob"]:
            st.chat_message(name).write(name)
        st.chat_message("bot", avatar="🦖").write("emoji")
        st.chat_message("bot", avatar=":material/star:").write("icon")
        st.chat_message("bot", avatar="https://example.com/a.png").write("image")
        """
    )
    avatars = [(m.name, m.avatar_type, m.avatar) for m in at.chat_message]
    assert avatars == [
        ("user", "icon", "user"),
        ("human", "icon", "user"),
        ("assistant", "icon", "assistant"),
        ("ai", "icon", "assistant"),
        ("Bob", "icon", ""),
        ("bot", "emoji", "🦖"),
        ("bot", "icon", ":material/star:"),
        ("bot", "image", "https://example.com/a.png"),
    ]
    assert at.chat_message[4].markdown[0].value == "Bob"


def test_feedback_on_answers():
    at = run(
        """
        import nbstream as st
        for i, answer in enumerate(["first", "second"]):
            with st.chat_message("assistant"):
                st.write(answer)
                st.feedback("thumbs", key=f"fb{i}")
        st.text(f"{st.session_state.fb0!r} {st.session_state.fb1!r}")
        stars = st.feedback("stars")
        st.text(f"stars={stars!r}")
        """
    )
    assert at.text.values == ["None None", "stars=None"]
    assert at.chat_message[1].feedback[0].key == "fb1"
    at.feedback(key="fb1").set_value(1).run()
    assert at.text[0].value == "None 1"
    at.feedback[2].set_value(4).run()
    assert at.text.values == ["None 1", "stars=4"]
    at.feedback(key="fb1").set_value(None).run()
    assert at.text[0].value == "None None"


def test_editing_an_answer_inside_a_form_in_a_chat():
    at = run(
        """
        import nbstream as st
        if "answer" not in st.session_state:
            st.session_state.answer = "Paris is the capital of France."
        with st.chat_message("assistant"):
            st.markdown(st.session_state.answer)
            with st.form("edit"):
                text = st.text_area("Edit the answer", st.session_state.answer)
                if st.form_submit_button("Save"):
                    st.session_state.answer = text
                    st.rerun()
        """
    )
    assert at.chat_message[0].markdown[0].value == "Paris is the capital of France."
    at.chat_message[0].text_area[0].set_value("Paris, on the Seine.")
    at.run()  # not submitted: the answer stays
    assert at.chat_message[0].markdown[0].value == "Paris is the capital of France."
    at.chat_message[0].text_area[0].set_value("Paris, on the Seine.")
    at.chat_message[0].button[0].click().run()
    assert at.chat_message[0].markdown[0].value == "Paris, on the Seine."


def test_write_stream_writes_non_strings_in_order_and_returns_the_list():
    at = run(
        """
        import nbstream as st
        def gen():
            yield "Here is "
            yield "a table:"
            yield {"a": 1}
            yield "and more "
            yield "text"
        out = st.write_stream(gen)
        st.session_state.out = out
        """
    )
    assert at.session_state.out == ["Here is a table:", {"a": 1}, "and more text"]
    assert [e.type for e in at.main] == ["main", "markdown", "json", "markdown"]
    assert at.markdown.values == ["Here is a table:", "and more text"]


def test_write_stream_reads_openai_and_langchain_chunks_and_async_generators():
    at = run(
        """
        import asyncio
        from types import SimpleNamespace as NS
        import nbstream as st

        def openai_like():
            for piece in ["Hel", None, "lo"]:
                yield NS(choices=[NS(delta=NS(content=piece))])
            yield NS(choices=[])

        class AIMessageChunk:
            def __init__(self, content):
                self.content = content

        async def agen():
            for piece in ["as", "ync"]:
                await asyncio.sleep(0)
                yield piece

        st.session_state.a = st.write_stream(openai_like())
        st.session_state.b = st.write_stream(AIMessageChunk(c) for c in ["lang", "chain"])
        st.session_state.c = st.write_stream(agen())
        st.session_state.d = st.write_stream(iter([]))
        """
    )
    assert not at.exception
    assert (at.session_state.a, at.session_state.b, at.session_state.c) == ("Hello", "langchain", "async")
    assert at.session_state.d == []
    assert at.markdown.values == ["Hello", "langchain", "async"]


# The docs' dialog example: it sets a session-state value and closes with st.rerun().
DIALOG = """
import nbstream as st

@st.dialog("Cast your vote")
def vote(item):
    st.write(f"Why is {item} your favorite?")
    reason = st.text_input("Because...")
    if st.button("Submit"):
        st.session_state.vote = {"item": item, "reason": reason}
        st.rerun()

if "vote" not in st.session_state:
    st.write("Vote for your favorite")
    if st.button("A"):
        vote("A")
    if st.button("B"):
        vote("B")
else:
    st.write(f"You voted for {st.session_state.vote['item']} because {st.session_state.vote['reason']}")
"""


def test_a_dialog_sets_session_state_and_closes_with_rerun():
    at = run(DIALOG)
    assert len(at.dialog) == 0
    at.button[1].click().run()
    assert len(at.dialog) == 1
    dialog = at.dialog[0]
    assert dialog.title == "Cast your vote"
    assert dialog.markdown[0].value == "Why is B your favorite?"
    dialog.text_input[0].set_value("it is the best")
    dialog.button[0].click()
    dialog.run()  # a click in a dialog reruns the dialog; its st.rerun() then the app
    assert len(at.dialog) == 0
    assert at.markdown[0].value == "You voted for B because it is the best"


def test_widgets_in_a_dialog_rerun_only_the_dialog():
    at = run(
        """
        import nbstream as st
        st.session_state.full = st.session_state.get("full", 0) + 1

        @st.dialog("Settings", width="large")
        def settings():
            st.session_state.inner = st.session_state.get("inner", 0) + 1
            st.checkbox("Dark")

        if st.button("Open") or st.session_state.get("keep"):
            st.session_state.keep = True
            settings()
        """
    )
    at.button[0].click().run()
    assert (at.session_state.full, at.session_state.inner) == (2, 1)
    assert at.dialog[0].width == "large"
    at.dialog[0].checkbox[0].check()
    at.dialog[0].run()
    assert (at.session_state.full, at.session_state.inner) == (2, 2)
    assert at.dialog[0].checkbox[0].value is True


def test_only_one_dialog_at_a_time():
    at = run(
        """
        import nbstream as st
        @st.dialog("One")
        def one():
            st.write("one")
        @st.dialog("Two")
        def two():
            st.write("two")
        one()
        two()
        """
    )
    assert len(at.exception) == 1
    assert "Only one dialog is allowed to be opened at the same time" in at.exception[0].value


def test_dialog_arguments_are_checked():
    with pytest.raises(StreamlitAPIException, match="non-empty `title`"):
        import nbstream as st

        st.dialog("")
    with pytest.raises(StreamlitAPIException, match="Width must be"):
        st.dialog("x", width="huge")
    with pytest.raises(StreamlitAPIException, match="on_dismiss"):
        st.dialog("x", on_dismiss="close")


def test_on_dismiss_callable_runs_when_the_browser_dismisses():
    at = app(
        """
        import nbstream as st
        def gone():
            st.session_state.dismissed = True
        @st.dialog("Hi", on_dismiss=gone)
        def hi():
            st.write("hello")
        if not st.session_state.get("dismissed"):
            hi()
        """
    ).run()
    trigger = at.dialog[0].get("dialog_dismiss")[0]
    assert at.dialog[0].dismiss_id == trigger.id
    at._pending_clicks.append(trigger.id)  # what the browser's dismissal sends
    at.run()
    assert at.session_state.dismissed is True
    assert len(at.dialog) == 0


def test_the_chat_example_notebook_answers_and_takes_feedback():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "notebooks" / "make_notebooks.py"
    spec = importlib.util.spec_from_file_location("make_notebooks", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    at = app("import nbstream as st\n" + module.APPS["chat"]).run()
    assert at.chat_message[0].markdown[0].value == "Hi! Ask me anything."
    at.chat_input[0].set_value("tides").run()
    assert not at.exception
    assert [m.name for m in at.chat_message] == ["assistant", "user", "assistant"]
    assert at.chat_message[2].markdown[0].value  # the streamed answer, kept in the history
    at.chat_input[0].upload("notes.txt", b"high tide at six", "text/plain").run()  # a file, no text
    assert at.chat_message[3].markdown[0].value == "📎 notes.txt (16 bytes)"
    assert at.session_state.messages[3]["content"] == "\n\n📎 notes.txt (16 bytes)"
    at.chat_message[2].feedback[0].set_value(1).run()
    assert at.session_state["feedback-2"] == 1
    at.sidebar.button[0].click().run()
    assert at.dialog[0].title == "Clear the conversation?"
    at.dialog[0].button[0].click()
    at.dialog[0].run()
    assert len(at.dialog) == 0
    assert len(at.chat_message) == 0
