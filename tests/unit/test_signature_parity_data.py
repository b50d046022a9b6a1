"""The data group's st.* functions take Streamlit 1.67's parameters: names, order, kinds, defaults.

The expected signatures were read off Streamlit 1.67 (`inspect.signature`) and are written
here by hand, so this test does not import streamlit.  `bind` and `persist_state` belong to
another change and are skipped wherever they appear.
"""

from __future__ import annotations

import inspect

import pytest

import nbstream as st

REQUIRED = inspect.Parameter.empty
POS = inspect.Parameter.POSITIONAL_OR_KEYWORD
KW = inspect.Parameter.KEYWORD_ONLY
SKIPPED = {"bind", "persist_state"}

STREAMLIT_1_67 = {
    "metric": [
        ("label", REQUIRED, POS),
        ("value", REQUIRED, POS),
        ("delta", None, POS),
        ("delta_color", "normal", POS),
        ("help", None, KW),
        ("icon", None, KW),
        ("label_visibility", "visible", KW),
        ("border", False, KW),
        ("width", "stretch", KW),
        ("height", "content", KW),
        ("chart_data", None, KW),
        ("chart_type", "line", KW),
        ("delta_arrow", "auto", KW),
        ("format", None, KW),
        ("delta_description", None, KW),
    ],
    "table": [
        ("data", None, POS),
        ("border", True, KW),
        ("width", "stretch", KW),
        ("height", "content", KW),
        ("hide_index", None, KW),
        ("hide_header", None, KW),
        ("alt", None, KW),
    ],
    "dataframe": [
        ("data", None, POS),
        ("width", "stretch", POS),
        ("height", "auto", POS),
        ("use_container_width", None, KW),
        ("hide_index", None, KW),
        ("column_order", None, KW),
        ("column_config", None, KW),
        ("key", None, KW),
        ("on_select", "ignore", KW),
        ("selection_mode", "multi-row", KW),
        ("selection_default", None, KW),
        ("row_height", None, KW),
        ("placeholder", None, KW),
        ("lazy", None, KW),
        ("alt", None, KW),
    ],
    "data_editor": [
        ("data", REQUIRED, POS),
        ("width", "stretch", KW),
        ("height", "auto", KW),
        ("use_container_width", None, KW),
        ("hide_index", None, KW),
        ("column_order", None, KW),
        ("column_config", None, KW),
        ("num_rows", "fixed", KW),
        ("disabled", False, KW),
        ("key", None, KW),
        ("on_change", "rerun", KW),
        ("args", None, KW),
        ("kwargs", None, KW),
        ("row_height", None, KW),
        ("placeholder", None, KW),
        ("alt", None, KW),
    ],
    "image": [
        ("image", REQUIRED, POS),
        ("caption", None, POS),
        ("width", "content", POS),
        ("clamp", False, POS),
        ("channels", "RGB", POS),
        ("output_format", "auto", POS),
        ("use_container_width", None, KW),
        ("link", None, KW),
        ("use_column_width", None, KW),
        ("alt", None, KW),
    ],
    "audio": [
        ("data", REQUIRED, POS),
        ("format", "audio/wav", POS),
        ("start_time", 0, POS),
        ("sample_rate", None, KW),
        ("end_time", None, KW),
        ("loop", False, KW),
        ("autoplay", False, KW),
        ("alt", None, KW),
        ("width", "stretch", KW),
    ],
    "video": [
        ("data", REQUIRED, POS),
        ("format", "video/mp4", POS),
        ("start_time", 0, POS),
        ("subtitles", None, KW),
        ("end_time", None, KW),
        ("loop", False, KW),
        ("autoplay", False, KW),
        ("muted", False, KW),
        ("alt", None, KW),
        ("width", "stretch", KW),
    ],
    "chat_input": [
        ("placeholder", "Your message", POS),
        ("key", None, KW),
        ("max_chars", None, KW),
        ("max_upload_size", None, KW),
        ("accept_file", False, KW),
        ("file_type", None, KW),
        ("accept_audio", False, KW),
        ("audio_sample_rate", 16000, KW),
        ("disabled", False, KW),
        ("submit_mode", "submit", KW),
        ("on_submit", None, KW),
        ("args", None, KW),
        ("kwargs", None, KW),
        ("width", "stretch", KW),
        ("height", "content", KW),
    ],
}


@pytest.mark.parametrize("name", sorted(STREAMLIT_1_67))
def test_signature_matches_streamlit_1_67(name):
    params = inspect.signature(getattr(st, name)).parameters.values()
    ours = [(p.name, p.default, p.kind) for p in params if p.name not in SKIPPED]
    assert ours == STREAMLIT_1_67[name]
