"""Spec 2.4 "App testing example": the login page and its four tests, secrets set in the test."""

from __future__ import annotations

from nbstream.testing import AppTest


def test_no_interaction():
    at = AppTest.from_file("apps/login_page.py")
    at.secrets["password"] = "streamlit"
    at.run()
    assert at.session_state["status"] == "unverified"
    assert len(at.text_input) == 1
    assert len(at.warning) == 0
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""


def test_incorrect_password():
    at = AppTest.from_file("apps/login_page.py")
    at.secrets["password"] = "streamlit"
    at.run()
    at.text_input[0].input("balloon").run()
    assert at.session_state["status"] == "incorrect"
    assert len(at.text_input) == 1
    assert len(at.warning) == 1
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""
    assert "Incorrect password" in at.warning[0].value


def test_correct_password():
    at = AppTest.from_file("apps/login_page.py")
    at.secrets["password"] = "streamlit"
    at.run()
    at.text_input[0].input("streamlit").run()
    assert at.session_state["status"] == "verified"
    assert len(at.text_input) == 0
    assert len(at.warning) == 0
    assert len(at.success) == 1
    assert len(at.button) == 1
    assert "Login successful" in at.success[0].value
    assert at.button[0].label == "Log out"


def test_log_out():
    at = AppTest.from_file("apps/login_page.py")
    at.secrets["password"] = "streamlit"
    at.session_state["status"] = "verified"
    at.run()
    at.button[0].click().run()
    assert at.session_state["status"] == "unverified"
    assert len(at.text_input) == 1
    assert len(at.warning) == 0
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""


def test_title_is_shown_in_every_state():
    at = AppTest.from_file("apps/login_page.py")
    at.secrets["password"] = "streamlit"
    at.run()
    assert at.title[0].value == "My login page"
    at.text_input[0].input("streamlit").run()
    assert at.title[0].value == "My login page"


def test_incorrect_then_correct_password():
    at = AppTest.from_file("apps/login_page.py")
    at.secrets["password"] = "streamlit"
    at.run()
    at.text_input[0].input("nope").run()
    assert at.session_state["status"] == "incorrect"
    at.text_input[0].input("streamlit").run()
    assert at.session_state["status"] == "verified"
    assert not at.exception


def test_without_the_secret_the_callback_error_is_shown():
    at = AppTest.from_file("apps/login_page.py")
    at.secrets["other"] = "x"
    at.run()
    at.text_input[0].input("streamlit").run()
    assert len(at.exception) == 1
    assert at.exception[0].proto.type == "AttributeError"
    assert 'st.secrets has no attribute "password"' in at.exception[0].message
