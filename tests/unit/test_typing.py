"""``streamlit.typing`` inside apps: the annotation types apps import, whose runtime
classes are the classes of the values they annotate."""

from __future__ import annotations

import textwrap

from nbstream.testing import AppTest


def test_streamlit_typing_names_the_classes_of_real_values():
    at = AppTest.from_string(
        textwrap.dedent(
            """
            import pandas as pd
            import streamlit as st
            from streamlit.typing import ChatInputValue, DataEditorState, DataframeState, UploadedFile

            event = st.dataframe(pd.DataFrame({"a": [1, 2]}), on_select="rerun", key="df")
            st.write(f"frame={isinstance(event, DataframeState)}")
            st.file_uploader("file", key="up")
            prompt = st.chat_input("say", accept_file=True)
            if prompt is not None:
                st.write(f"chat={isinstance(prompt, ChatInputValue)}")
                st.write(f"file={isinstance(prompt.files[0], UploadedFile)}")
            edits: DataEditorState = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}
            st.write(f"editor={sorted(edits)}")
            """
        ),
        default_timeout=10,
    ).run()
    assert [m.value for m in at.markdown] == [
        "frame=True",
        "editor=['added_rows', 'deleted_rows', 'edited_rows']",
    ]
    at.chat_input[0].upload("a.txt", b"hi", "text/plain")
    at.chat_input[0].set_value("hello").run()
    assert [m.value for m in at.markdown][1:3] == ["chat=True", "file=True"]
