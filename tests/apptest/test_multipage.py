"""Spec chapter 7 (multipage apps) through AppTest: st.Page, st.navigation, pages/,
st.switch_page, st.page_link, and widgets across pages (7.4)."""

from __future__ import annotations

import textwrap

import pytest

from nbstream.errors import StreamlitAPIException
from nbstream.runtime.pages import PageTarget
from nbstream.testing import AppTest


def write(folder, files: dict[str, str]):
    for name, source in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), encoding="utf-8")
    return folder


def nav(at: AppTest, where: str = "sidebar") -> dict:
    node = at.sidebar._node if where == "sidebar" else at._session.tree
    return node.props["navigation"]


def page(at: AppTest) -> dict:
    return at._session.tree.props["page"]


def markdown(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


TWO_FILES = {
    "page_1.py": "import nbstream as st\nst.markdown('one')\n",
    "page_2.py": "import nbstream as st\nst.markdown('two')\n",
    "streamlit_app.py": """
        import nbstream as st
        pg = st.navigation([st.Page("page_1.py"), st.Page("page_2.py")])
        pg.run()
    """,
}


# ---- 7.2: st.Page and st.navigation ---------------------------------------------------------


def test_pages_can_be_passed_by_keyword_as_in_streamlit(project):
    write(
        project,
        {
            **TWO_FILES,
            "streamlit_app.py": TWO_FILES["streamlit_app.py"].replace("navigation([", "navigation(pages=["),
        },
    )
    at = AppTest.from_file("streamlit_app.py").run()
    assert not at.exception and markdown(at) == ["one"]


def test_two_page_app_runs_the_default_page_then_the_one_asked_for(project):
    write(project, TWO_FILES)
    at = AppTest.from_file("streamlit_app.py").run()
    assert markdown(at) == ["one"]
    menu = nav(at)
    assert [p["title"] for p in menu["sections"][0]["pages"]] == ["page 1", "page 2"]
    assert menu["current"] == "page_1"
    assert page(at)["url_path"] == ""  # the default page is at the app's root
    at.switch_page("page_2.py").run()
    assert markdown(at) == ["two"]
    assert nav(at)["current"] == "page_2" and page(at)["url_path"] == "page_2"
    at.run()  # a rerun stays on the page
    assert markdown(at) == ["two"]


def test_page_titles_icons_and_page_config(project):
    write(
        project,
        {
            "create.py": "import nbstream as st\nst.markdown('create')\n",
            "delete.py": "import nbstream as st\nst.markdown('delete')\n",
            "streamlit_app.py": """
                import nbstream as st
                create_page = st.Page("create.py", title="Create entry", icon=":material/add_circle:")
                delete_page = st.Page("delete.py", title="Delete entry", icon=":material/delete:")
                pg = st.navigation([create_page, delete_page])
                st.set_page_config(page_title="Data manager", page_icon=":material/edit:")
                pg.run()
            """,
        },
    )
    at = AppTest.from_file("streamlit_app.py").run()
    assert not at.exception
    entries = nav(at)["sections"][0]["pages"]
    assert [(p["title"], p["icon"]) for p in entries] == [
        ("Create entry", ":material/add_circle:"),
        ("Delete entry", ":material/delete:"),
    ]
    assert page(at)["title"] == "Create entry"
    config = at._session.tree.props["page_config"]
    assert (config["page_title"], config["page_icon"]) == ("Data manager", ":material/edit:")


def test_page_properties_are_inferred_as_the_overview_says(project):
    write(project, {"02_my_page.py": "", "🎈_fun.py": ""})
    at = AppTest.from_string(
        """
        import nbstream as st
        def __Awesome_page__():
            pass
        for p in [st.Page("02_my_page.py"), st.Page("🎈_fun.py"), st.Page(__Awesome_page__),
                  st.Page(__Awesome_page__, title="Mine", url_path="/mine/")]:
            st.text(f"{p.title}|{p.icon}|{p.url_path}")
        st.text(st.Page("02_my_page.py", default=True).url_path == "")
        """
    ).run()
    assert not at.exception, at.exception
    assert [t.value for t in at.text] == [
        "my page||my_page",
        "fun|🎈|fun",
        "Awesome page||__Awesome_page__",
        "Mine||mine",
        "True",
    ]


LOGIN_APP = {
    "reports/dashboard.py": "import nbstream as st\nst.markdown('dashboard')\n",
    "reports/bugs.py": "import nbstream as st\nst.markdown('bugs')\n",
    "reports/alerts.py": "import nbstream as st\nst.markdown('alerts')\n",
    "tools/search.py": "import nbstream as st\nst.markdown('search')\n",
    "tools/history.py": "import nbstream as st\nst.markdown('history')\n",
    "streamlit_app.py": """
        import nbstream as st

        if "logged_in" not in st.session_state:
            st.session_state.logged_in = False

        def login():
            if st.button("Log in"):
                st.session_state.logged_in = True
                st.rerun()

        def logout():
            if st.button("Log out"):
                st.session_state.logged_in = False
                st.rerun()

        login_page = st.Page(login, title="Log in", icon=":material/login:")
        logout_page = st.Page(logout, title="Log out", icon=":material/logout:")
        dashboard = st.Page(
            "reports/dashboard.py", title="Dashboard", icon=":material/dashboard:", default=True
        )
        bugs = st.Page("reports/bugs.py", title="Bug reports", icon=":material/bug_report:")
        alerts = st.Page(
            "reports/alerts.py", title="System alerts", icon=":material/notification_important:"
        )
        search = st.Page("tools/search.py", title="Search", icon=":material/search:")
        history = st.Page("tools/history.py", title="History", icon=":material/history:")

        if st.session_state.logged_in:
            pg = st.navigation(
                {
                    "Account": [logout_page],
                    "Reports": [dashboard, bugs, alerts],
                    "Tools": [search, history],
                }
            )
        else:
            pg = st.navigation([login_page])

        pg.run()
    """,
}


def test_login_flow_with_sections(project):
    write(project, LOGIN_APP)
    at = AppTest.from_file("streamlit_app.py").run()
    assert [b.label for b in at.button] == ["Log in"]
    assert [p["title"] for p in nav(at)["sections"][0]["pages"]] == ["Log in"]
    at.button[0].click().run()
    # Logged in: three sections, and the dashboard (the default page) is shown.
    assert markdown(at) == ["dashboard"]
    sections = nav(at)["sections"]
    assert [s["header"] for s in sections] == ["Account", "Reports", "Tools"]
    assert [p["title"] for p in sections[1]["pages"]] == ["Dashboard", "Bug reports", "System alerts"]
    at.switch_page("tools/search.py").run()
    assert markdown(at) == ["search"]
    assert nav(at)["current"] == "search"


def test_logging_out_returns_to_the_login_page(project):
    write(project, LOGIN_APP)
    at = AppTest.from_file("streamlit_app.py")
    at.session_state.logged_in = True
    at.run()
    assert markdown(at) == ["dashboard"]
    # The menu's "Log out" entry (a callable page: no file to give AppTest.switch_page).
    at._session.open_page(PageTarget(url_path="logout"))
    assert at._session.wait(3)
    assert [b.label for b in at.button] == ["Log out"]
    at.button[0].click().run()
    assert [b.label for b in at.button] == ["Log in"]
    assert not at.session_state.logged_in


def test_a_page_unknown_to_the_navigation_shows_the_default_page(project):
    write(project, LOGIN_APP)
    at = AppTest.from_file("streamlit_app.py")
    at._session.route.target = PageTarget(url_path="search")  # a bookmark, but not logged in
    at.run()
    assert [b.label for b in at.button] == ["Log in"]
    assert page(at)["not_found"] == "search"
    at.run()
    assert page(at)["not_found"] is None


def test_hidden_navigation_and_page_links(project):
    write(
        project,
        {
            "page_1.py": "import nbstream as st\nst.markdown('one')\n",
            "page_2.py": "import nbstream as st\nst.markdown('two')\n",
            "streamlit_app.py": """
                import nbstream as st
                p1, p2 = st.Page("page_1.py", title="First"), st.Page("page_2.py", icon="🚀")
                pg = st.navigation([p1, p2], position="hidden")
                st.sidebar.page_link(p1)
                st.sidebar.page_link("page_2.py", label="Go to two", query_params={"a": "1"})
                st.sidebar.page_link("https://streamlit.io", label="Streamlit", icon="🌎")
                pg.run()
            """,
        },
    )
    at = AppTest.from_file("streamlit_app.py").run()
    assert not at.exception, at.exception
    assert "navigation" not in at.sidebar._node.props
    links = at.sidebar.get("page_link")
    assert [(link.label, link.icon, link.page, link.url) for link in links] == [
        ("First", "", "", None),
        ("Go to two", "🚀", "page_2", None),
        ("Streamlit", "🌎", None, "https://streamlit.io"),
    ]
    assert links[0].current and not links[1].current
    assert links[1].query_params == {"a": ["1"]}


def test_top_navigation_goes_above_the_main_area(project):
    write(project, TWO_FILES)
    (project / "streamlit_app.py").write_text(
        "import nbstream as st\n"
        "pg = st.navigation([st.Page('page_1.py'), st.Page('page_2.py')], position='top')\npg.run()\n"
    )
    at = AppTest.from_file("streamlit_app.py").run()
    assert nav(at, "top")["position"] == "top"
    assert "navigation" not in at.sidebar._node.props


def test_switch_page_from_a_button_keeps_session_state(project):
    write(
        project,
        {
            "page_2.py": "import nbstream as st\nst.markdown(f'two {st.session_state.count}')\n",
            "streamlit_app.py": """
                import nbstream as st
                def page_1():
                    st.session_state.count = st.session_state.get("count", 0) + 1
                    if st.button("Switch to Page 2"):
                        st.switch_page("page_2.py")
                pg = st.navigation([page_1, "page_2.py"])
                pg.run()
            """,
        },
    )
    at = AppTest.from_file("streamlit_app.py").run()
    at.button[0].click().run()
    assert markdown(at) == ["two 2"]
    assert nav(at)["current"] == "page_2"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            'st.switch_page("nowhere.py")',
            "Could not find page: `nowhere.py`. You must provide a `Page` object",
        ),
        ('st.page_link("nowhere.py")', "Could not find page: `nowhere.py`"),
        ('st.page_link("https://x.org")', "The label param is required for external links"),
        ('st.Page("missing.py")', "Unable to create Page. The file `missing.py` could not be found."),
        ('st.Page(lambda: None, title="_ _")', "It cannot be empty or consist of underscores/spaces only"),
        ('st.Page("page_1.py", url_path="")', "It can only be empty for the default page."),
        ('st.navigation([], position="left")', "Invalid `position` value"),
        ("st.navigation([])", "Provide at least one `st.Page`."),
        (
            'st.navigation([st.Page("page_1.py", default=True), st.Page("page_2.py", default=True)])',
            "Multiple Pages specified with `default=True`",
        ),
        (
            'st.navigation([st.Page("page_1.py"), st.Page("page_2.py", url_path="page_1")])',
            "Multiple Pages specified with URL pathname page_1",
        ),
        ('st.Page("page_2.py").run()', "This page cannot be called directly."),
    ],
)
def test_errors(project, call, message):
    write(project, TWO_FILES)
    write(
        project, {"errors.py": f"import nbstream as st\npg = st.navigation([st.Page('page_1.py')])\n{call}\n"}
    )
    at = AppTest.from_file("errors.py").run()
    assert at.exception, call
    assert message in at.exception[0].message
    assert at.exception[0].proto["type"] in ("StreamlitAPIException", "StreamlitPageNotFoundError")


def test_two_inferred_pages_with_one_url_path_raise(project):
    write(project, {"a/page.py": "", "b/page.py": ""})
    at = AppTest.from_string(
        'import nbstream as st\nst.navigation([st.Page("a/page.py"), st.Page("b/page.py")])\n'
    ).run()
    assert at.exception[0].proto["type"] == StreamlitAPIException.__name__
    assert "URL pathnames must be unique" in at.exception[0].message


def test_hidden_pages_leave_the_menu_but_are_reached_and_help_is_the_entry_tooltip(project):
    write(
        project,
        {
            **TWO_FILES,
            "streamlit_app.py": """
                import nbstream as st
                pg = st.navigation([
                    st.Page("page_1.py", help="The first page: a greeting."),
                    st.Page("page_2.py", visibility="hidden"),
                ])
                pg.run()
            """,
        },
    )
    at = AppTest.from_file("streamlit_app.py").run()
    (section,) = nav(at)["sections"]
    assert [(p["title"], p["help"]) for p in section["pages"]] == [("page 1", "The first page: a greeting.")]
    at.switch_page("page_2.py").run()
    assert markdown(at) == ["two"]


def test_a_bad_visibility_is_refused():
    import nbstream as st
    from nbstream.errors import StreamlitValueError

    with pytest.raises(StreamlitValueError, match=r"Supported values: visible, hidden\."):
        st.Page(lambda: None, title="x", visibility="secret")
