"""Streamlit 1.67's newer parameters of the button-like commands, as a script and AppTest see
them: st.button, st.download_button, st.form_submit_button, st.link_button and st.page_link
(icon_position, width, shortcut, wrap), st.form (width, height), st.pdf (alt) and st.dialog
(position, icon).  Messages and exception types were observed on Streamlit 1.67."""

from __future__ import annotations

import logging

import pytest
from apphelpers import run

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def error(at) -> tuple[str, str]:
    assert len(at.exception) == 1, at.exception
    return at.exception[0].proto.type, at.exception[0].message


# ---- st.button --------------------------------------------------------------------------------


def test_button_options_reach_the_element():
    at = run(
        """
        import nbstream as st
        st.button("Go", width=120, icon=":material/add:", icon_position="right", shortcut="Cmd+Shift+K", wrap=False)
        st.button("Wide", width="stretch")
        st.button("Old", use_container_width=True, width=80)
        st.button("Plain")
        """
    )
    go, wide, old, plain = at.button
    assert (go.proto.width, go.proto.icon_position, go.proto.shortcut, go.proto.wrap) == (
        120,
        "right",
        "cmd+shift+k",
        False,
    )
    assert wide.proto.width == "stretch"
    # The deprecated use_container_width decides when it is given.
    assert old.proto.width == "stretch"
    assert (plain.proto.width, plain.proto.icon_position, plain.proto.shortcut, plain.proto.wrap) == (
        "content",
        "left",
        None,
        None,
    )


@pytest.mark.parametrize(
    ("given", "normalized"),
    [
        ("K", "k"),
        ("Shift+Cmd+k", "cmd+shift+k"),
        ("Shift+Alt+Cmd+Ctrl+K", "ctrl+cmd+alt+shift+k"),
        ("Mod+Enter", "ctrl+enter"),
        ("Meta+4", "cmd+4"),
        ("Option+K", "alt+k"),
        ("Control+Option+K", "ctrl+alt+k"),
        ("Esc", "escape"),
        ("Return", "enter"),
        ("ArrowUp", "up"),
        ("Spacebar", "space"),
        ("Del", "delete"),
        ("PageDown", "pagedown"),
        ("F11", "f11"),
        (" Ctrl + K ", "ctrl+k"),
        ("+K", "k"),
        ("Ctrl+Ctrl+K", "ctrl+k"),
    ],
)
def test_a_shortcut_is_normalized_as_streamlit_does(given, normalized):
    at = run(f"import nbstream as st\nst.button('Go', shortcut={given!r})")
    assert at.button[0].proto.shortcut == normalized


@pytest.mark.parametrize(
    ("given", "type_name", "message"),
    [
        (
            "Ctrl+C",
            "StreamlitAPIException",
            "The `shortcut` cannot use the keys 'C' or 'R', with or without modifiers.",
        ),
        (
            "r",
            "StreamlitAPIException",
            "The `shortcut` cannot use the keys 'C' or 'R', with or without modifiers.",
        ),
        (
            ".",
            "StreamlitAPIException",
            "shortcut must include a single character or one of the supported keys (e.g. Enter, Space, Tab, Escape).",
        ),
        (
            "Opt+K",
            "StreamlitAPIException",
            "shortcut must include a single character or one of the supported keys (e.g. Enter, Space, Tab, Escape).",
        ),
        ("", "StreamlitAPIException", "The `shortcut` must contain at least one key or modifier."),
        (
            "Ctrl+Shift",
            "StreamlitAPIException",
            "The `shortcut` must include a non-modifier key such as 'K' or 'Ctrl+K'.",
        ),
        ("K+J", "StreamlitAPIException", "The `shortcut` may only specify a single non-modifier key."),
        ("K+C", "StreamlitAPIException", "The `shortcut` may only specify a single non-modifier key."),
        (
            5,
            "StreamlitInvalidParameterTypeError",
            "Invalid `shortcut` type. Expected one of: str. Provided type: int.",
        ),
    ],
)
def test_a_bad_shortcut_raises_streamlits_error(given, type_name, message):
    at = run(f"import nbstream as st\nst.button('Go', shortcut={given!r})")
    assert error(at) == (type_name, message)
    assert len(at.button) == 0


@pytest.mark.parametrize(
    ("argument", "type_name", "message"),
    [
        (
            "width='wide'",
            "StreamlitInvalidWidthError",
            "Invalid width value: 'wide'. Width must be either a positive integer (pixels), 'stretch', or 'content'.",
        ),
        (
            "width=0",
            "StreamlitInvalidWidthError",
            "Invalid width value: 0. Width must be either a positive integer (pixels), 'stretch', or 'content'.",
        ),
        (
            "icon_position='top'",
            "StreamlitValueError",
            "Invalid `icon_position` value. Supported values: 'left', 'right'.",
        ),
        ("wrap='yes'", "TypeError", "'str' object cannot be interpreted as an integer"),
    ],
)
@pytest.mark.parametrize(
    "command", ["button('Go'", "download_button('Go', 'x'", "link_button('Go', 'https://x.y'"]
)
def test_bad_options_raise_streamlits_error(command, argument, type_name, message):
    at = run(f"import nbstream as st\nst.{command}, {argument})")
    assert error(at) == (type_name, message)


def test_wrap_is_a_flag_and_not_part_of_the_identity_but_width_and_shortcut_are():
    at = run(
        "import nbstream as st\nst.button('Go', wrap=1)\nst.button('Go', width=100)\nst.button('Go', shortcut='J')"
    )
    assert [b.proto.wrap for b in at.button] == [True, None, None]
    at = run("import nbstream as st\nst.button('Go', wrap=True)\nst.button('Go', wrap=False)")
    assert error(at)[0] == "DuplicateWidgetID"


def test_icon_position_none_is_left():
    at = run("import nbstream as st\nst.button('Go', icon='🔥', icon_position=None)")
    assert at.button[0].proto.icon_position == "left"


# ---- st.download_button and st.form_submit_button ---------------------------------------------


def test_download_button_options():
    at = run(
        "import nbstream as st\nst.download_button('Save', 'x', width=200, icon_position='right', shortcut='ctrl+s', wrap=True)"
    )
    b = at.get("download_button")[0]
    assert (b.proto.width, b.proto.icon_position, b.proto.shortcut, b.proto.wrap) == (
        200,
        "right",
        "ctrl+s",
        True,
    )


def test_a_keyed_submit_button_is_readable_in_session_state():
    at = run(
        """
        import nbstream as st
        with st.form("f", width=300, height=200):
            name = st.text_input("Name")
            sent = st.form_submit_button("Send", key="send", width="stretch", icon=":material/send:",
                                         icon_position="right", shortcut="Ctrl+Enter")
        st.write(f"sent={sent} state={st.session_state.send}")
        """
    )
    assert at.markdown[0].value == "sent=False state=False"
    send = at.button(key="send")
    assert (send.proto.width, send.proto.icon_position, send.proto.shortcut) == (
        "stretch",
        "right",
        "ctrl+enter",
    )
    send.click().run()
    assert at.markdown[0].value == "sent=True state=True"


def test_form_width_and_height():
    at = run(
        "import nbstream as st\nwith st.form('f', width='content', height=250):\n    st.form_submit_button()"
    )
    form = at.get("form")[0]
    assert (form.proto.width, form.proto.height) == ("content", 250)
    at = run("import nbstream as st\nwith st.form('f'):\n    st.form_submit_button()")
    assert (at.get("form")[0].proto.width, at.get("form")[0].proto.height) == ("stretch", "content")


@pytest.mark.parametrize(
    ("argument", "type_name", "message"),
    [
        (
            "width=0",
            "StreamlitInvalidWidthError",
            "Invalid width value: 0. Width must be either a positive integer (pixels), 'stretch', or 'content'.",
        ),
        (
            "height=0",
            "StreamlitInvalidHeightError",
            "Invalid height value: 0. Height must be either a positive integer (pixels), 'stretch', or 'content'.",
        ),
    ],
)
def test_bad_form_size(argument, type_name, message):
    at = run(f"import nbstream as st\nwith st.form('f', {argument}):\n    st.form_submit_button()")
    assert error(at) == (type_name, message)


# ---- st.link_button ---------------------------------------------------------------------------

LINKS = """
import nbstream as st
st.session_state.setdefault("calls", [])
def opened(where):
    st.session_state.calls.append(where)
a = st.link_button("Docs", "https://example.com", key="docs", on_click=opened, args=("docs",))
b = st.link_button("Plain", "https://example.com")
c = st.link_button("Rerun", "https://example.com", on_click="rerun", shortcut="L", width=90)
st.write(f"a={a} b={type(b).__name__} c={c} calls={st.session_state.calls}")
"""


def test_link_button_reports_clicks_only_when_on_click_asks():
    at = run(LINKS)
    assert at.markdown[0].value == "a=False b=DeltaGenerator c=False calls=[]"
    assert at.session_state["docs"] is False
    at.link_button[0].click().run()
    assert at.markdown[0].value == "a=True b=DeltaGenerator c=False calls=['docs']"
    at.link_button[2].click().run()
    assert at.markdown[0].value == "a=False b=DeltaGenerator c=True calls=['docs']"
    assert (at.link_button[2].proto.shortcut, at.link_button[2].proto.width) == ("l", 90)
    with pytest.raises(Exception, match="on_click='ignore'"):
        at.link_button[1].click()


def test_link_button_on_click_none_reruns_and_a_bad_value_raises():
    at = run("import nbstream as st\nst.write(repr(st.link_button('L', 'https://x.y', on_click=None)))")
    assert at.markdown[0].value == "False"
    at = run("import nbstream as st\nst.link_button('L', 'https://x.y', on_click='foo')")
    assert error(at) == (
        "StreamlitValueError",
        "Invalid `on_click` value. Supported values: 'rerun', 'ignore', a callback function.",
    )


# ---- st.page_link, st.pdf, st.dialog ----------------------------------------------------------


def test_page_link_icon_position_and_width():
    at = run(
        "import nbstream as st\nst.page_link('https://x.y', label='X', icon='🔗', icon_position='right', width=120)"
    )
    link = at.get("page_link")[0]
    assert (link.proto.icon_position, link.proto.width) == ("right", 120)
    at = run("import nbstream as st\nst.page_link('https://x.y', label='X', icon_position='up')")
    assert error(at) == (
        "StreamlitValueError",
        "Invalid `icon_position` value. Supported values: 'left', 'right'.",
    )
    at = run("import nbstream as st\nst.page_link('https://x.y', label='X', width='wide')")
    assert error(at)[0] == "StreamlitInvalidWidthError"


def test_pdf_alt_names_the_viewer_and_a_blank_one_is_none(caplog):
    at = run(f"import nbstream as st\nst.pdf({PDF!r}, alt='Quarterly report')\nst.pdf({PDF!r})")
    assert [p.proto.alt for p in at.get("pdf")] == ["Quarterly report", None]
    with caplog.at_level(logging.WARNING):
        at = run(f"import nbstream as st\nst.pdf({PDF!r}, alt='   ')")
    assert at.get("pdf")[0].proto.alt is None
    assert "alt" in caplog.text


DIALOG = """
import nbstream as st
@st.dialog("Edit", {args})
def edit():
    st.write("inside")
edit()
"""


def test_dialog_position_and_icon():
    at = run(DIALOG.format(args="position='right', icon=':material/edit:'"))
    assert (at.dialog[0].proto.position, at.dialog[0].proto.icon) == ("right", ":material/edit:")
    at = run(DIALOG.format(args="icon='spinner'"))
    assert (at.dialog[0].proto.position, at.dialog[0].proto.icon) == ("center", "spinner")


@pytest.mark.parametrize(
    ("args", "type_name", "message"),
    [
        (
            "position='top'",
            "StreamlitValueError",
            "Invalid `position` value. Supported values: 'left', 'center', 'right'.",
        ),
        (
            "icon=5",
            "StreamlitInvalidParameterTypeError",
            "Invalid `icon` type. Expected one of: str, None. Provided type: int.",
        ),
        (
            "icon='notanemoji'",
            "StreamlitAPIException",
            'The value "notanemoji" is not a valid icon. Please use a single emoji or a Material icon shortcode like `:material\u200b/thumb_up:`.',
        ),
        (
            "icon=':material/Bad Name:'",
            "StreamlitAPIException",
            'The value `":material\u200b/Bad Name:"` is not a valid Material icon. Please use a Material icon shortcode like **`:material\u200b/thumb_up:`**.',
        ),
    ],
)
def test_bad_dialog_position_or_icon(args, type_name, message):
    at = run(DIALOG.format(args=args))
    assert error(at) == (type_name, message)
