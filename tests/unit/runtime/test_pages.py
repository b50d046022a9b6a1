"""Spec 7.1/7.3: how file and function names become page labels, URL pathnames and order."""

from __future__ import annotations

import pytest

from nbstream.runtime import pages


@pytest.mark.parametrize(
    "file_name",
    [
        "Awesome page.py",
        "Awesome_page.py",
        "02Awesome_page.py",
        "--Awesome_page.py",
        "1_Awesome_page.py",
        "33 - Awesome page.py",
    ],
)
def test_file_names_that_show_as_awesome_page(file_name):
    name = pages.name_of_file(file_name)
    assert name.label == "Awesome page"
    assert name.url_path == "Awesome_page"


@pytest.mark.parametrize(
    ("fn_name", "url_path"),
    [
        ("Awesome_page", "Awesome_page"),
        ("_Awesome_page", "_Awesome_page"),
        ("__Awesome_page__", "__Awesome_page__"),
    ],
)
def test_callables_show_as_awesome_page_and_keep_their_name_in_the_url(fn_name, url_path):
    name = pages.name_of_callable(fn_name)
    assert (name.label, name.url_path) == ("Awesome page", url_path)


# The spec's table, in the order the menu shows the files.
TABLE = [
    ("1 - first page.py", "first page", "first_page"),
    ("12 monkeys.py", "monkeys", "monkeys"),
    ("123.py", "123", "123"),
    ("123_hello_dear_world.py", "hello dear world", "hello_dear_world"),
    ("_12 monkeys.py", "12 monkeys", "12_monkeys"),
]


@pytest.mark.parametrize(("file_name", "label", "url_path"), TABLE)
def test_file_name_table(file_name, label, url_path):
    name = pages.name_of_file(file_name)
    assert (name.label, name.url_path) == (label, url_path)


def test_pages_folder_sorts_by_number_then_label_and_ignores_the_rest(tmp_path):
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    for file_name, _, _ in reversed(TABLE):
        (folder / file_name).write_text("")
    (folder / "03_three.py").write_text("")
    (folder / "notes.txt").write_text("")
    (folder / "sub" / "nested.py").write_text("")
    (folder / "__.py").write_text("")  # only a separator: not a page
    labels = [f.name.label for f in pages.pages_folder(str(tmp_path))]
    assert labels == ["first page", "three", "monkeys", "123", "hello dear world", "12 monkeys"]


def test_leading_zeros_are_kept_in_a_number_only_name():
    name = pages.name_of_file("007.py")
    assert (name.label, name.url_path, name.number) == ("007", "007", 7.0)


def test_an_emoji_file_name_gives_the_page_its_icon():
    name = pages.name_of_file("1_🏠_Home.py")
    assert (name.icon, name.label, name.url_path) == ("🏠", "Home", "Home")


def test_a_notebook_page_is_its_stapp_cell(tmp_path):
    import json

    nb = {
        "cells": [
            {"cell_type": "markdown", "source": "# %%stapp"},
            {"cell_type": "code", "source": ["import nbstream as st\n"]},
            {"cell_type": "code", "source": ["%%stapp first\n", "x = 1\n"]},
            {"cell_type": "code", "source": "%%stapp second --wide\nx = 2\n"},
        ]
    }
    path = tmp_path / "app.ipynb"
    path.write_text(json.dumps(nb))
    assert pages.notebook_app_source(str(path)) == "x = 1\n"
    assert pages.notebook_app_source(str(path), "second") == "x = 2\n"
    with pytest.raises(ValueError, match="has no a `%%stapp third` cell"):
        pages.notebook_app_source(str(path), "third")
