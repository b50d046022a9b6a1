"""Every ``[theme]`` option of Streamlit 1.67 reaches the front end's theme message
(``display_config()["theme"]``, what the widget sends as its config).

How each option is drawn is js/test/theme.test.js (option -> CSS variable) and
tests/e2e/test_theme_options_voila.py (computed styles in Chromium).
"""

from __future__ import annotations

import logging

import pytest

from nbstream import config
from nbstream._options import OPTIONS
from nbstream.render.app import display_config

# `streamlit config show` (1.67), section [theme]; kept here so that CI needs no Streamlit.
STREAMLIT_THEME_OPTIONS = [
    "base", "primaryColor", "backgroundColor", "secondaryBackgroundColor", "textColor",
    *[f"{c}{k}Color" for k in ("", "Background", "Text")
      for c in ("red", "orange", "yellow", "blue", "green", "violet", "gray")],
    "linkColor", "linkUnderline", "codeTextColor", "codeBackgroundColor", "font", "fontFaces",
    "baseFontSize", "baseFontWeight", "metricValueFontSize", "metricValueFontWeight",
    "headingFont", "headingFontSizes", "headingFontWeights", "codeFont", "codeFontSize",
    "codeFontWeight", "baseRadius", "buttonRadius", "paddingTop", "paddingBottom", "borderColor",
    "dataframeBorderColor", "dataframeHeaderBackgroundColor", "dataframeHeaderTextColor",
    "showWidgetBorder", "showSidebarBorder", "chartCategoricalColors", "chartSequentialColors",
    "chartDivergingColors",
]  # fmt: skip

# One value per option, as a config.toml would hold it.
VALUES = {
    "base": '"dark"',
    "font": '"Inter, sans-serif"',
    "headingFont": '"Nunito:https://fonts.example/nunito.css"',
    "codeFont": '"monospace"',
    "linkUnderline": "false",
    "baseFontSize": "18",
    "baseFontWeight": "300",
    "metricValueFontSize": '"3rem"',
    "metricValueFontWeight": "700",
    "headingFontSizes": '["3rem", "2.5rem"]',
    "headingFontWeights": "[800, 700]",
    "codeFontSize": '"14px"',
    "codeFontWeight": "500",
    "baseRadius": '"small"',
    "buttonRadius": '"full"',
    "paddingTop": '"2rem"',
    "paddingBottom": '"1rem"',
    "showWidgetBorder": "true",
    "showSidebarBorder": "false",
    "chartCategoricalColors": '["#ff0000", "#00ff00"]',
    "chartSequentialColors": "[" + ", ".join(f'"#{i}{i}{i}"' for i in range(10)) + "]",
    "chartDivergingColors": "[" + ", ".join(f'"#{i}0{i}"' for i in range(10)) + "]",
}


@pytest.fixture
def project(tmp_path, monkeypatch):
    home, project = tmp_path / "home", tmp_path / "project"
    home.mkdir()
    (project / ".streamlit").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(project)
    yield project
    config.reload()


def _toml_value(option: str) -> str:
    return VALUES.get(option, '"#123456"')


def test_every_streamlit_theme_option_is_known():
    ours = {name.removeprefix("theme.") for name in OPTIONS if name.startswith("theme.")}
    assert set(STREAMLIT_THEME_OPTIONS) <= ours
    assert {"sidebar", "light", "dark"} <= ours  # the tables


def test_every_option_reaches_the_theme_message(project, caplog):
    lines = ["[theme]"]
    lines += [f"{name} = {_toml_value(name)}" for name in STREAMLIT_THEME_OPTIONS if name != "fontFaces"]
    lines += [
        "[[theme.fontFaces]]",
        'family = "Inter"',
        'url = "app/static/Inter.woff2"',
        'weight = "400"',
        "[[theme.fontFaces]]",
        'family = "Inter"',
        'url = "app/static/Inter-Bold.woff2"',
        "weight = 700",
        'style = "normal"',
        "[theme.sidebar]",
        'primaryColor = "gold"',
        'chartCategoricalColors = ["#0000ff"]',
        "[theme.light]",
        'primaryColor = "green"',
        "[theme.dark]",
        'primaryColor = "purple"',
        "[theme.dark.sidebar]",
        'textColor = "pink"',
    ]
    (project / ".streamlit" / "config.toml").write_text("\n".join(lines) + "\n")
    config.reload()
    with caplog.at_level(logging.WARNING, logger="nbstream"):
        theme = display_config()["theme"]
    assert "not a valid config option" not in caplog.text
    for name in STREAMLIT_THEME_OPTIONS:
        assert name in theme, name
    assert theme["baseFontSize"] == 18
    assert theme["headingFontSizes"] == ["3rem", "2.5rem"]
    assert theme["linkUnderline"] is False
    assert theme["chartCategoricalColors"] == ["#ff0000", "#00ff00"]
    assert theme["fontFaces"] == [
        {"family": "Inter", "url": "app/static/Inter.woff2", "weight": "400"},
        {"family": "Inter", "url": "app/static/Inter-Bold.woff2", "weight": 700, "style": "normal"},
    ]
    assert theme["sidebar"] == {"primaryColor": "gold", "chartCategoricalColors": ["#0000ff"]}
    assert theme["light"] == {"primaryColor": "green"}
    assert theme["dark"] == {"primaryColor": "purple", "sidebar": {"textColor": "pink"}}


# fontFaces is a list of tables: only a config.toml can hold it (as in Streamlit); the
# all-options test above covers it.
@pytest.mark.parametrize("name", [n for n in STREAMLIT_THEME_OPTIONS if n != "fontFaces"])
def test_each_option_alone_from_the_file_and_set_option(project, monkeypatch, name):
    """Each option alone reaches the message, from config.toml and from st.set_option."""
    (project / ".streamlit" / "config.toml").write_text(f"[theme]\n{name} = {_toml_value(name)}\n")
    config.reload()
    from_file = display_config()["theme"]
    assert list(from_file) == [name]
    config.set_option(f"theme.{name}", from_file[name])
    assert display_config()["theme"] == from_file


def test_config_show_prints_the_tables_as_toml(project, capsys):
    import tomllib

    from nbstream import cli

    (project / ".streamlit" / "config.toml").write_text(
        '[theme]\nchartCategoricalColors = ["#ff0000", "#00ff00"]\nheadingFontWeights = 600\n'
        '[[theme.fontFaces]]\nfamily = "Inter"\nurl = "app/static/Inter.woff2"\n'
        '[theme.dark]\nprimaryColor = "purple"\n[theme.dark.sidebar]\ntextColor = "pink"\n'
    )
    config.reload()
    assert cli.main(["config", "show"]) == 0
    shown = tomllib.loads(capsys.readouterr().out)["theme"]
    assert shown["fontFaces"] == [{"family": "Inter", "url": "app/static/Inter.woff2"}]
    assert shown["chartCategoricalColors"] == ["#ff0000", "#00ff00"]
    assert shown["headingFontWeights"] == 600
    assert shown["dark"] == {"primaryColor": "purple", "sidebar": {"textColor": "pink"}}


def test_base_names_a_theme_file(project, caplog):
    (project / "themes").mkdir()
    (project / "themes" / "custom.toml").write_text(
        '[theme]\nbase = "dark"\nprimaryColor = "#111111"\ntextColor = "#eeeeee"\n'
        '[theme.sidebar]\nbackgroundColor = "#222222"\ntextColor = "#333333"\n'
    )
    (project / ".streamlit" / "config.toml").write_text(
        '[theme]\nbase = "themes/custom.toml"\nprimaryColor = "purple"\n[theme.sidebar]\ntextColor = "gold"\n'
    )
    config.reload()
    assert config.theme() == {
        "base": "dark",  # the file's base
        "primaryColor": "purple",  # the app's options go over the file's
        "textColor": "#eeeeee",
        "sidebar": {"backgroundColor": "#222222", "textColor": "gold"},
    }
    (project / "themes" / "custom.toml").unlink()
    with caplog.at_level(logging.WARNING, logger="nbstream"):
        assert config.theme() == {"primaryColor": "purple", "sidebar": {"textColor": "gold"}}
    assert "could not read the theme file themes/custom.toml" in caplog.text


def test_base_names_a_theme_file_by_url(project):
    import http.server
    import threading

    body = b'[theme]\nbase = "light"\nlinkColor = "#00ff00"\n'

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return None

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/theme.toml"
        (project / ".streamlit" / "config.toml").write_text(f'[theme]\nbase = "{url}"\n')
        config.reload()
        assert config.theme() == {"base": "light", "linkColor": "#00ff00"}
    finally:
        server.shutdown()
