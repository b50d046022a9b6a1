"""st.file_uploader, st.camera_input, st.audio_input through AppTest's upload manipulator:
the spec's examples (1.2 buttons, 3.2 fragments, 3.7 Session State) and every upload rule."""

from __future__ import annotations

import io
import pickle

import pytest
from apphelpers import run

from nbstream.runtime.uploads import UploadRefused

CSV = b"a,b\n1,2\n3,4\n"


def test_spec_nesting_a_process_inside_a_button():
    at = run(
        """
        import nbstream as st
        import pandas as pd
        file = st.file_uploader("Upload a file", type="csv")
        if st.button('Get data'):
            df = pd.read_csv(file)
            # This display will go away with the user's next action.
            st.write(df)
        if st.button('Save'):
            # This will always error.
            df.to_csv('data.csv')
        """
    )
    assert at.file_uploader[0].value is None
    at.file_uploader[0].upload("data.csv", CSV, "text/csv").run()
    at.button[0].click().run()
    assert at.dataframe[0].value.to_dict("list") == {"a": [1, 3], "b": [2, 4]}
    at.button[1].click().run()
    assert len(at.dataframe) == 0
    assert at.exception[0].proto.type == "NameError"


def test_the_value_is_an_uploaded_file_readable_every_run():
    at = run(
        """
        import nbstream as st
        import pandas as pd
        f = st.file_uploader("CSV")
        if f is not None:
            st.text(f"{f.name} {f.type} {f.size} {len(f.file_id) > 0}")
            st.text(int(pd.read_csv(f)["a"].sum()))
            st.checkbox("again")
        """
    )
    at.file_uploader[0].upload("numbers.csv", CSV).run()
    assert at.text[0].value == "numbers.csv text/csv 12 True"
    assert at.text[1].value == "4"
    at.checkbox[0].check().run()  # another run reads the file from its start again
    assert at.text[1].value == "4"


def test_several_files_a_removed_file_and_a_directory():
    at = run(
        """
        import nbstream as st
        files = st.file_uploader("Files", accept_multiple_files=True)
        st.text([f.name for f in files])
        folder = st.file_uploader("Folder", accept_multiple_files="directory")
        st.text(sorted((f.name, f.getvalue()) for f in folder))
        """
    )
    assert at.text[0].value == "[]"
    at.file_uploader[0].upload("a.txt", "A").upload("b.txt", "B").run()
    assert at.text[0].value == "['a.txt', 'b.txt']"
    at.file_uploader[0].remove("a.txt").run()
    assert at.text[0].value == "['b.txt']"
    at.file_uploader[0].clear().run()
    assert at.text[0].value == "[]"
    up = at.file_uploader[1]
    up.upload("photos/x.txt", b"1").upload("photos/sub/y.txt", b"2").run()
    assert at.text[1].value == "[('photos/sub/y.txt', b'2'), ('photos/x.txt', b'1')]"
    assert at.file_uploader[1].proto["multiple"] == "directory"


def test_a_single_uploader_replaces_its_file():
    at = run(
        """
        import nbstream as st
        f = st.file_uploader("One")
        st.text(None if f is None else f.getvalue())
        """
    )
    at.file_uploader[0].upload("1.bin", b"one").run()
    at.file_uploader[0].upload("2.bin", b"two").run()
    assert at.text[0].value == "b'two'"
    at.file_uploader[0].remove(0).run()
    assert at.text[0].value == "None"


@pytest.mark.parametrize("type_arg", ["csv", ".CSV", ["png", "csv"], [".Csv"]])
def test_type_filters_by_extension_case_insensitive(type_arg):
    at = run(
        f"""
        import nbstream as st
        f = st.file_uploader("Data", type={type_arg!r})
        st.text("none" if f is None else f.name)
        """
    )
    with pytest.raises(UploadRefused, match=r"\.txt files are not allowed"):
        at.file_uploader[0].upload("notes.txt", b"x")
    at.file_uploader[0].upload("DATA.CSV", CSV).run()
    assert at.text[0].value == "DATA.CSV"


def test_jpg_and_jpeg_go_together():
    at = run('import nbstream as st\nf = st.file_uploader("Pic", type="jpg")\nst.text(f and f.name)')
    at.file_uploader[0].upload("cat.jpeg", b"\xff\xd8\xff").run()
    assert at.text[0].value == "cat.jpeg"


def test_over_the_limit_is_refused_with_streamlits_message():
    at = run(
        """
        import nbstream as st
        st.file_uploader("Small", max_upload_size=1)
        st.file_uploader("Default")
        """
    )
    assert at.file_uploader[0].proto["max_bytes"] == 1024 * 1024
    assert at.file_uploader[1].proto["max_bytes"] == 200 * 1024 * 1024
    with pytest.raises(UploadRefused, match=r"File must be 1MB or smaller"):
        at.file_uploader[0].upload("big.bin", b"x" * (1024 * 1024 + 1))
    at.file_uploader[0].upload("ok.bin", b"x" * (1024 * 1024)).run()
    assert at.file_uploader[0].value.size == 1024 * 1024


def test_server_max_upload_size_option(monkeypatch):
    from nbstream import config

    monkeypatch.setenv("STREAMLIT_SERVER_MAX_UPLOAD_SIZE", "2")
    config.reload()
    try:
        at = run('import nbstream as st\nst.file_uploader("Up")')
        assert at.file_uploader[0].proto["max_bytes"] == 2 * 1024 * 1024
        with pytest.raises(UploadRefused, match=r"File must be 2MB or smaller\."):
            at.file_uploader[0].upload("big.bin", b"x" * (2 * 1024 * 1024 + 1))
    finally:
        monkeypatch.delenv("STREAMLIT_SERVER_MAX_UPLOAD_SIZE")
        config.reload()


def test_spec_a_file_uploader_cannot_be_set_through_session_state():
    at = run(
        """
        import nbstream as st
        if "up" not in st.session_state:
            st.session_state.up = None
        st.file_uploader("Upload", key="up")
        """
    )
    assert at.exception[0].proto.type == "StreamlitValueAssignmentNotAllowedError"
    assert 'file_uploader widget with key "up"' in at.exception[0].value


def test_its_key_holds_the_current_value_and_on_change_runs():
    at = run(
        """
        import nbstream as st
        st.session_state.setdefault("changes", 0)
        def changed():
            st.session_state.changes += 1
        st.file_uploader("Upload", key="up", on_change=changed, accept_multiple_files=True)
        st.text(f"{[f.name for f in st.session_state.up]} {st.session_state.changes}")
        """
    )
    assert at.text[0].value == "[] 0"
    at.file_uploader[0].upload("a.txt", "x").run()
    assert at.text[0].value == "['a.txt'] 1"
    at.run()
    assert at.text[0].value == "['a.txt'] 1"


def test_spec_fragment_with_a_file_uploader():
    at = run(
        """
        import nbstream as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        @st.fragment()
        def filter_and_file():
            cols = st.columns(2)
            cols[0].checkbox("Filter")
            f = cols[1].file_uploader("Upload image")
            st.text(f and f.name)
        filter_and_file()
        st.write(st.session_state.runs)
        """
    )
    at.file_uploader[0].upload("pic.png", b"\x89PNG\r\n\x1a\n").run()
    assert at.text[0].value == "pic.png"


def test_uploaded_files_work_with_pil_and_pickle():
    from PIL import Image

    png = io.BytesIO()
    Image.new("RGB", (3, 2), "red").save(png, format="PNG")
    at = run(
        """
        import nbstream as st
        from PIL import Image
        f = st.file_uploader("Picture", type=["png"])
        if f:
            st.text(Image.open(f).size)
            st.session_state.kept = f
        """
    )
    at.file_uploader[0].upload("red.png", png.getvalue()).run()
    assert at.text[0].value == "(3, 2)"
    kept = at.session_state["kept"]
    assert pickle.loads(pickle.dumps(kept)).getvalue() == png.getvalue()


def test_camera_and_audio_input():
    at = run(
        """
        import nbstream as st
        pic = st.camera_input("Take a picture")
        rec = st.audio_input("Record a voice message", sample_rate=48000)
        st.text(f"{pic and (pic.name, pic.type)} {rec and (rec.name, rec.type)}")
        """
    )
    assert at.camera_input[0].value is None and at.audio_input[0].proto["sample_rate"] == 48000
    at.camera_input[0].take_picture(b"\xff\xd8\xff\xe0").run()
    at.audio_input[0].record(b"RIFF\0\0\0\0WAVE").run()
    assert at.text[0].value == "('image.jpg', 'image/jpeg') ('audio.wav', 'audio/wav')"
    with pytest.raises(UploadRefused):
        at.camera_input[0].upload("x.png", b"png")


def test_audio_input_sample_rate_is_checked():
    at = run('import nbstream as st\nst.audio_input("Mic", sample_rate=12345)')
    assert "Invalid sample_rate: 12345" in at.exception[0].value


def test_accept_multiple_files_is_checked():
    at = run('import nbstream as st\nst.file_uploader("x", accept_multiple_files="folders")')
    assert "accept_multiple_files" in at.exception[0].value
