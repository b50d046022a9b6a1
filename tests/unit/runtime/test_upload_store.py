"""The upload store: one copy of each file, chunks in order, limits checked."""

from __future__ import annotations

import pytest

from nbstream.runtime.uploads import UploadedFile, UploadRefused, UploadRules, UploadStore, extension_of

RULES = UploadRules((".csv",), 100)


def test_a_complete_file_shares_its_bytes_with_every_uploaded_file():
    store = UploadStore()
    store.receive(RULES, "f", name="a.csv", type="text/csv", size=6, offset=0, chunk=b"abc")
    assert store.get("f") is None and store.pending_bytes == 3
    assert store.receive(RULES, "f", name="a.csv", type="text/csv", size=6, offset=3, chunk=b"def") == 6
    rec = store.get("f")
    one, two = UploadedFile(rec), UploadedFile(rec)
    assert one.read() == b"abcdef" and two.read(2) == b"ab"
    assert one.getbuffer().obj is not None  # a view over the record, not a copy
    assert (one.name, one.type, one.size, one.file_id) == ("a.csv", "text/csv", 6, "f")
    assert one == two


def test_the_same_file_id_cannot_be_uploaded_twice():
    store = UploadStore()
    store.receive(RULES, "f", name="a.csv", type="", size=1, offset=0, chunk=b"x")
    with pytest.raises(UploadRefused, match="already uploaded"):
        store.receive(RULES, "f", name="a.csv", type="", size=1, offset=0, chunk=b"x")


def test_a_file_changing_mid_upload_is_dropped():
    store = UploadStore()
    store.receive(RULES, "f", name="a.csv", type="", size=4, offset=0, chunk=b"xx")
    with pytest.raises(UploadRefused, match="changed"):
        store.receive(RULES, "f", name="b.csv", type="", size=4, offset=2, chunk=b"xx")
    assert store.pending_bytes == 0


def test_hold_forgets_files_no_widget_holds():
    store = UploadStore()
    for fid in "ab":
        store.receive(UploadRules(None, 10), fid, name=fid, type="", size=1, offset=0, chunk=b"x")
    store.hold("w1", {"a", "b"})
    store.hold("w1", {"b"})
    assert store.get("a") is None and store.get("b") is not None


@pytest.mark.parametrize(
    ("name", "ext"), [("a.CSV", ".csv"), ("dir/x.tar.gz", ".gz"), ("noext", ""), (".hidden", "")]
)
def test_extension_of(name, ext):
    assert extension_of(name) == ext
