"""Spec 2.3 "App testing cheat sheet": every text, widget, layout and status call of it."""

from __future__ import annotations

import datetime

import pytest

from nbstream.testing import AppTest


@pytest.fixture
def at():
    return AppTest.from_file("apps/cheatsheet_app.py").run()


def test_the_app_runs_without_an_uncaught_exception(at):
    # The one exception element is the app's own st.exception call.
    assert len(at.exception) == 1


# ---- text elements -------------------------------------------------------------------------


def test_headers(at):
    assert "My app" in at.title[0].value
    assert "New topic" in at.header[0].value
    assert "Interesting sub-topic" in at.subheader[0].value
    assert len(at.divider) == 2


def test_body_and_code(at):
    assert "Hello, world!" in at.markdown[0].value
    assert "import streamlit as st" in at.code[0].value
    assert "A cool diagram" in at.caption[0].value
    assert "Hello again, world!" in at.text[0].value
    assert "\\int a x^2 \\,dx" in at.latex[0].value


# ---- input widgets -------------------------------------------------------------------------


def test_button(at):
    assert at.button[0].value is False
    at.button[0].click().run()
    assert at.button[0].value is True
    at.run()
    assert at.button[0].value is False


def test_checkbox(at):
    assert at.checkbox[0].value is False
    at.checkbox[0].check().run()
    assert at.checkbox[0].value is True
    at.checkbox[0].uncheck().run()
    assert at.checkbox[0].value is False


def test_color_picker(at):
    assert at.color_picker[0].value == "#FFFFFF"
    at.color_picker[0].pick("#000000").run()
    assert at.color_picker[0].value == "#000000"


def test_date_input(at):
    assert at.date_input[0].value == datetime.date(2019, 7, 6)
    at.date_input[0].set_value(datetime.date(2022, 12, 21)).run()
    assert at.date_input[0].value == datetime.date(2022, 12, 21)


def test_multiselect(at):
    assert at.multiselect[0].value == ["foo", "bar"]
    at.multiselect[0].select("baz").unselect("foo").run()
    assert at.multiselect[0].value == ["bar", "baz"]


def test_number_input(at):
    assert at.number_input[0].value == 5
    at.number_input[0].increment().run()
    assert at.number_input[0].value == 6
    at.number_input[0].decrement().run()
    assert at.number_input[0].value == 5


def test_radio(at):
    assert at.radio[0].value == "Bar"
    assert at.radio[0].index == 3
    at.radio[0].set_value("Foo").run()
    assert at.radio[0].value == "Foo"
    assert at.radio[0].index == 0


def test_selectbox(at):
    assert at.selectbox[0].value == "Bar"
    assert at.selectbox[0].index == 3
    at.selectbox[0].set_value("Foo").run()
    assert at.selectbox[0].value == "Foo"
    assert at.selectbox[0].index == 0


def test_select_slider(at):
    assert at.select_slider[0].value == "Feb"
    at.select_slider[0].set_value("Mar").run()
    assert at.select_slider[0].value == "Mar"
    assert at.select_slider[1].value == ("Jan", "Feb")
    at.select_slider[1].set_range("Apr", "Jun").run()
    assert at.select_slider[1].value == ("Apr", "Jun")


def test_slider(at):
    assert at.slider[0].value == 2
    at.slider[0].set_value(3).run()
    assert at.slider[0].value == 3
    assert at.slider[1].value == (1, 3)
    at.slider[1].set_range(4, 6).run()
    assert at.slider[1].value == (4, 6)


def test_text_area(at):
    assert at.text_area[0].value == "Hello, world!"
    at.text_area[0].set_value("Hello, yourself!").run()
    assert at.text_area[0].value == "Hello, yourself!"


def test_text_input(at):
    assert at.text_input[0].value == "Hello, world!"
    at.text_input[0].set_value("Hello, yourself!").run()
    assert at.text_input[0].value == "Hello, yourself!"


def test_time_input(at):
    assert at.time_input[0].value == datetime.time(8, 45)
    at.time_input[0].set_value(datetime.time(12, 30)).run()
    assert at.time_input[0].value == datetime.time(12, 30)
    at.time_input[0].increment().run()
    assert at.time_input[0].value == datetime.time(12, 45)


def test_toggle(at):
    assert at.toggle[0].value is False
    assert at.toggle[0].label == "Debug mode"
    at.toggle[0].set_value(True).run()
    assert at.toggle[0].value is True


def test_values_set_on_several_widgets_reach_one_run(at):
    at.checkbox[0].check()
    at.slider[0].set_value(9)
    at.text_input[0].input("together")
    at.run()
    assert (at.checkbox[0].value, at.slider[0].value, at.text_input[0].value) == (True, 9, "together")


# ---- layouts and containers ----------------------------------------------------------------


def test_sidebar(at):
    assert len(at.sidebar.text_input) == 1
    at.sidebar.text_input[0].set_value("Jane Doe").run()
    assert at.sidebar.text_input[0].value == "Jane Doe"
    assert at.text_input[0].value == "Hello, world!"  # main area first, then the sidebar
    assert at.text_input[1].value == "Jane Doe"


def test_columns(at):
    assert len(at.columns) == 2
    assert at.columns[0].markdown[0].value == "Left column"
    assert at.columns[1].markdown[0].value == "Hello, world!"
    assert at.columns[0].weight == at.columns[1].weight == 0.5


def test_tabs(at):
    assert len(at.tabs) == 3
    assert [t.label for t in at.tabs] == ["One", "Two", "Three"]
    assert at.tabs[2].markdown[0].value == "Hello, yourself!"
    assert len(at.tabs[0].markdown) == 0


# ---- status elements -----------------------------------------------------------------------


def test_exception(at):
    assert len(at.exception) == 1
    assert at.exception[0].proto.type == "TypeError"
    assert at.exception[0].message == "unsupported operand type(s) for +: 'int' and 'str'"


def test_alerts(at):
    assert at.success[0].value == "Great job!"
    assert at.info[0].value == "Please enter an API key to continue"
    assert at.warning[0].value == "Sorry, the passwords didn't match"
    assert at.error[0].value == "Something went wrong :("
