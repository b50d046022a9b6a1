"""Spec chapter 7.3 and 7.4 through AppTest: the pages/ directory, widgets across pages,
and notebooks as pages."""

from __future__ import annotations

import json

import pytest
from test_multipage import TWO_FILES, markdown, nav, page, write

from nbstream.testing import AppTest

# ---- 7.3: the pages/ directory --------------------------------------------------------------

FOLDER_APP = {
    "your_homepage.py": "import nbstream as st\nst.markdown('home')\n",
    "pages/a_page.py": "import nbstream as st\nst.markdown('a page')\n",
    "pages/another_page.py": "import nbstream as st\nst.markdown('another page')\n",
    "pages/sub/ignored.py": "",
    "pages/readme.txt": "",
}


def test_pages_folder_makes_a_menu_and_pages(project):
    write(project, FOLDER_APP)
    at = AppTest.from_file("your_homepage.py").run()
    assert markdown(at) == ["home"]
    entries = nav(at)["sections"][0]["pages"]
    assert [p["title"] for p in entries] == ["your homepage", "a page", "another page"]
    at.switch_page("pages/another_page.py").run()
    assert markdown(at) == ["another page"]
    assert page(at)["url_path"] == "another_page"
    at.switch_page("your_homepage.py").run()
    assert markdown(at) == ["home"]


def test_pages_share_session_state_and_modules(project):
    write(
        project,
        {
            "home.py": "import nbstream as st\n",
            "foo.py": "",
            "pages/page1.py": """
                import nbstream as st
                import foo
                foo.hello = 123
                if "shared" not in st.session_state:
                    st.session_state["shared"] = True
            """,
            "pages/page2.py": """
                import nbstream as st
                import foo
                st.write(foo.hello)
                st.write(st.session_state["shared"])
            """,
        },
    )
    at = AppTest.from_file("home.py").run()
    at.switch_page("pages/page1.py").run()
    at.switch_page("pages/page2.py").run()
    assert not at.exception
    assert markdown(at) == ["`123`", "`True`"]


def test_st_navigation_wins_over_the_pages_folder(project):
    write(project, FOLDER_APP)
    write(
        project, {"nav_app.py": "import nbstream as st\nst.navigation([st.Page('pages/a_page.py')]).run()\n"}
    )
    at = AppTest.from_file("nav_app.py").run()
    assert markdown(at) == ["a page"]
    assert [p["title"] for p in nav(at)["sections"][0]["pages"]] == ["a page"]


def test_smoke_every_page_of_a_pages_app(project):
    """Spec 2.1: the app action's smoke test runs the entrypoint and each page of pages/."""
    write(project, FOLDER_APP)
    at = AppTest.from_file("your_homepage.py").run()
    for path in ("pages/a_page.py", "pages/another_page.py"):
        at.switch_page(path).run()
        assert not at.exception


# ---- 7.4: widgets in multipage apps ---------------------------------------------------------


def test_same_widget_on_two_pages_is_two_widgets(project):
    widget = "import nbstream as st\nst.number_input('Number of filters', key='n')\n"
    write(
        project, {"page_1.py": widget, "page_2.py": widget, "streamlit_app.py": TWO_FILES["streamlit_app.py"]}
    )
    at = AppTest.from_file("streamlit_app.py").run()
    at.number_input[0].set_value(5).run()
    first_id = at.number_input[0].id
    at.switch_page("page_2.py").run()
    assert at.number_input[0].id != first_id
    assert at.number_input[0].value == 0
    at.switch_page("page_1.py").run()
    assert at.number_input[0].value == 0  # left behind: cleaned up with page 2's run


def test_option_1_widgets_in_the_entrypoint_keep_their_state(project):
    write(
        project,
        {
            "page_1.py": "import nbstream as st\nst.markdown(f'one {st.session_state.group} {st.session_state.size}')\n",
            "page_2.py": "import nbstream as st\nst.markdown(f'two {st.session_state.group} {st.session_state.size}')\n",
            "streamlit_app.py": """
                import nbstream as st
                pg = st.navigation([st.Page("page_1.py"), st.Page("page_2.py")])
                st.sidebar.selectbox("Group", ["A","B","C"], key="group")
                st.sidebar.slider("Size", 1, 5, key="size")
                pg.run()
            """,
        },
    )
    at = AppTest.from_file("streamlit_app.py").run()
    at.selectbox[0].set_value("C")
    at.slider[0].set_value(4).run()
    assert markdown(at) == ["one C 4"]
    at.switch_page("page_2.py").run()
    assert markdown(at) == ["two C 4"]
    assert (at.selectbox[0].value, at.slider[0].value) == ("C", 4)


OPTION_2 = """
import nbstream as st

def store_value():
    st.session_state["my_key"] = st.session_state["_my_key"]

if "my_key" in st.session_state:
    st.session_state["_my_key"] = st.session_state["my_key"]
st.number_input("Number of filters", key="_my_key", on_change=store_value)
"""

OPTION_2_FUNCTIONS = """
import nbstream as st

def store_value(key):
    st.session_state[key] = st.session_state["_"+key]

def load_value(key):
    if key in st.session_state:
        st.session_state["_"+key] = st.session_state[key]

load_value("my_key")
st.number_input("Number of filters", key="_my_key", on_change=store_value, args=["my_key"])
"""

OPTION_3 = """
import nbstream as st
if "my_key" in st.session_state:
    st.session_state.my_key = st.session_state.my_key
"""


@pytest.mark.parametrize("page_source", [OPTION_2, OPTION_2_FUNCTIONS], ids=["option2", "option2_functions"])
def test_option_2_a_dummy_key_keeps_the_value_across_pages(project, page_source):
    write(
        project,
        {
            "filters.py": page_source,
            "other.py": "import nbstream as st\nst.markdown('other')\n",
            "streamlit_app.py": "import nbstream as st\nst.navigation([st.Page('filters.py'), st.Page('other.py')]).run()\n",
        },
    )
    at = AppTest.from_file("streamlit_app.py").run()
    at.number_input[0].set_value(7).run()
    at.switch_page("other.py").run()
    assert "_my_key" not in at.session_state  # the widget's own key was cleaned up
    at.switch_page("filters.py").run()
    assert at.number_input[0].value == 7


def test_option_3_re_saving_the_key_in_the_entrypoint(project):
    write(
        project,
        {
            "filters.py": "import nbstream as st\nst.number_input('Number of filters', key='my_key')\n",
            "other.py": "import nbstream as st\nst.markdown('other')\n",
            "streamlit_app.py": OPTION_3
            + "st.navigation([st.Page('filters.py'), st.Page('other.py')]).run()\n",
        },
    )
    at = AppTest.from_file("streamlit_app.py").run()
    at.number_input[0].set_value(3).run()
    at.switch_page("other.py").run()
    assert at.session_state.my_key == 3
    at.switch_page("filters.py").run()
    assert at.number_input[0].value == 3


def test_without_a_strategy_the_value_is_lost(project):
    write(
        project,
        {
            "filters.py": "import nbstream as st\nst.number_input('Number of filters', key='my_key')\n",
            "other.py": "import nbstream as st\nst.markdown('other')\n",
            "streamlit_app.py": "import nbstream as st\nst.navigation([st.Page('filters.py'), st.Page('other.py')]).run()\n",
        },
    )
    at = AppTest.from_file("streamlit_app.py").run()
    at.number_input[0].set_value(3).run()
    at.switch_page("other.py").run()
    assert "my_key" not in at.session_state
    at.switch_page("filters.py").run()
    assert at.number_input[0].value == 0


def test_a_notebook_as_a_page(project):
    cells = [
        {
            "cell_type": "code",
            "source": "%%stapp report\nimport nbstream as st\nst.markdown('from the notebook')\n",
        }
    ]
    (project / "report.ipynb").write_text(json.dumps({"cells": cells}))
    write(
        project, {"app.py": "import nbstream as st\nst.navigation([st.Page('report.ipynb#report')]).run()\n"}
    )
    at = AppTest.from_file("app.py").run()
    assert not at.exception, at.exception
    assert markdown(at) == ["from the notebook"]
    assert nav(at)["sections"][0]["pages"][0]["title"] == "report"


def test_page_config_title_is_per_page_and_layout_is_kept(project):
    write(
        project,
        {
            "home.py": "import nbstream as st\nst.set_page_config(page_title='Home', layout='wide')\n",
            "pages/plain.py": "import nbstream as st\nst.markdown('plain')\n",
            "pages/narrow.py": "import nbstream as st\nst.set_page_config(layout='centered')\n",
        },
    )
    at = AppTest.from_file("home.py").run()
    assert at._session.tree.props["page_config"]["page_title"] == "Home"
    at.switch_page("pages/plain.py").run()
    config = at._session.tree.props["page_config"]
    assert config["layout"] == "wide" and "page_title" not in config
    assert page(at)["title"] == "plain"
    at.switch_page("pages/narrow.py").run()
    at.switch_page("pages/plain.py").run()
    assert at._session.tree.props["page_config"]["layout"] == "centered"


def test_a_fragment_on_a_page_keeps_its_widgets_when_it_reruns_alone(project):
    write(
        project,
        {
            "streamlit_app.py": """
                import nbstream as st

                def counter():
                    @st.fragment
                    def part():
                        st.number_input("Step", value=0, key="step")
                        if st.button("Add"):
                            st.session_state.total = st.session_state.get("total", 0) + st.session_state.step
                        st.markdown(f"total {st.session_state.get('total', 0)}")
                    part()

                st.navigation([st.Page(counter)]).run()
            """,
        },
    )
    at = AppTest.from_file("streamlit_app.py").run()
    page_id = at.number_input[0].id
    at.number_input[0].set_value(3)
    at.button[0].click()
    at.run_fragment("counter.<locals>.part")
    assert not at.exception, at.exception
    assert markdown(at) == ["total 3"]
    assert at.number_input[0].id == page_id and at.number_input[0].value == 3
