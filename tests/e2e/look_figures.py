"""The figures of the look comparison, measured the same way in Streamlit and nbstream.

tests/apps/look_reference.py is the app.  ``measure`` reads, from a page showing it:
element boxes (text elements by the box of their text, so only font and spacing count,
not each implementation's wrappers), text widths (equal widths mean the same font at the
same size), font families, the slider's value font, the chart legend's place and the x
labels left visible, the dataframe's width against its container and its column
boundaries and colours (from a screenshot: Streamlit draws its grid on a canvas).
``compare`` lists where two sets of figures differ beyond the stated tolerances.

tests/e2e/fixtures/record_streamlit_figures.py records Streamlit's figures with it;
test_look_voila.py and test_look_lab.py measure nbstream and compare.
"""

from __future__ import annotations

import io
import itertools
from typing import Any

# Spacing may differ by this many pixels (subpixel layout, borders drawn inside or out).
SPACING_PX = 4
# Colours may differ by this much per channel (the two themes' palettes differ slightly,
# and a text's colour is read from its anti-aliased glyph pixels).
COLOR_STEPS = 16
# A text's width may differ by this share (the same font at the same size: equal widths).
WIDTH_SHARE = 0.03

# (name, CSS selector, text the element has: exact, or a prefix ending in "...").  Text
# elements are measured by the box of their text; the others by their own box.
ITEMS: list[tuple[str, str, str | None]] = [
    ("title", "h1", "Reference app"),
    ("header", "h2", "A header"),
    ("subheader", "h3", "A subheader"),
    ("paragraph", "p", "A paragraph of plain text..."),
    ("markdown", "p", "A second paragraph..."),
    ("caption", "p", "A caption under the paragraphs"),
    ("divider", "hr", None),
    ("expander", "details", None),
    ("tabs", "[role=tablist]", None),
    ("tab text", "p", "In the first tab"),
    ("metric label", "*", "Temperature"),
    ("metric value", "*", "70 °F"),
    ("button", "button", "A button"),
    ("primary button", "button", "Primary button"),
    ("slider label", "*", "A slider"),
    ("dataframe", "[data-testid=stDataFrame]", None),
    ("bar chart", "[data-testid=stVegaLiteChart]", None),
    ("the end", "p", "The end"),
]
TEXTS = {"title", "header", "subheader", "paragraph", "markdown", "caption", "tab text", "metric label",
         "metric value", "slider label", "the end"}  # fmt: skip

MEASURE_JS = """
([items, texts, scope]) => {
  const root = document.querySelector(scope + '[data-testid=stMainBlockContainer]');
  const matches = (el, text) => {
    const own = el.textContent.trim();
    return text.endsWith('...') ? own.startsWith(text.slice(0, -3)) : own === text;
  };
  const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const find = (selector, text) => {
    const all = [...root.querySelectorAll(selector)].filter(shown);
    if (text === null) return all[0];
    const hits = all.filter((el) => matches(el, text));
    // the deepest element holding the text: its own box, not a wrapper's
    return hits.find((el) => !hits.some((o) => o !== el && el.contains(o)));
  };
  const out = {};
  for (const [name, selector, text] of items) {
    const el = find(selector, text);
    if (!el) { out[name] = null; continue; }
    let box = el.getBoundingClientRect();
    if (texts.includes(name)) {
      const range = document.createRange();
      range.selectNodeContents(el);
      box = range.getBoundingClientRect();
    }
    const style = getComputedStyle(el);
    out[name] = {top: box.top, height: box.height, left: box.left, width: box.width,
                 font: style.fontFamily, size: style.fontSize, weight: style.fontWeight};
  }
  const main = root.getBoundingClientRect(), pad = getComputedStyle(root);
  const inner = main.width - parseFloat(pad.paddingLeft) - parseFloat(pad.paddingRight);
  out.container = {top: main.top + window.scrollY + parseFloat(pad.paddingTop), left: main.left, width: inner};
  return out;
}
"""

# The slider's value above the thumb and its min/max, by their text.
SLIDER_JS = """
(scope) => {
  const root = document.querySelector(scope + '[data-testid=stMainBlockContainer]');
  const slider = root.querySelector('[data-testid=stSlider]');
  const leaf = (text) => [...slider.querySelectorAll('*')].filter((e) => e.textContent.trim() === text)
    .find((e) => ![...e.children].some((c) => c.textContent.trim() === text));
  const style = (el) => { const s = getComputedStyle(el); return {font: s.fontFamily, size: s.fontSize}; };
  const value = leaf('25'), max = leaf('100');
  const thumbAbove = value.getBoundingClientRect().bottom <= max.getBoundingClientRect().top;
  let shown = 1;  // the opacity max is drawn with (its own and its ancestors')
  for (let e = max; e && e !== slider; e = e.parentElement) shown *= Number(getComputedStyle(e).opacity);
  return {value: style(value), max: style(max), value_above_ends: thumbAbove, ends_opacity: shown};
}
"""

# Vega charts: where the legend sits against the plot, and how many x labels are shown.
CHARTS_JS = """
(scope) => {
  const charts = [...document.querySelectorAll(scope + '[data-testid=stMainBlockContainer] [data-testid=stVegaLiteChart]')];
  const svgs = charts.map((c) => c.querySelector('svg.marks, svg'));
  const axis = (svg, name) => [...svg.querySelectorAll('g.role-axis')]
    .find((g) => (g.getAttribute('aria-label') || '').startsWith(name));
  const xLabels = (svg) => {
    const x = axis(svg, 'X-axis');
    if (!x) return null;
    return [...x.querySelectorAll('g.role-axis-label text')].filter((t) => Number(getComputedStyle(t).opacity) > 0 && t.getAttribute('opacity') !== '0').length;
  };
  const legendPlace = (svg) => {
    const legend = svg.querySelector('g.role-legend');
    const x = axis(svg, 'X-axis'), y = axis(svg, 'Y-axis');
    if (!legend || !x || !y) return null;
    const l = legend.getBoundingClientRect();
    if (l.top >= y.getBoundingClientRect().bottom - 2) return 'bottom';
    return l.left >= x.getBoundingClientRect().right - 2 ? 'right' : 'inside';
  };
  return {bar_x_labels: svgs[0] ? xLabels(svgs[0]) : null, line_legend: svgs[1] ? legendPlace(svgs[1]) : null};
}
"""


# Both charts drawn with their axes: the page is ready to measure.
READY_JS = """
(scope) => document.querySelectorAll(scope + '[data-testid=stVegaLiteChart] svg g.role-axis').length >= 4
"""


def measure(page: Any, scope: str = "") -> dict[str, Any]:
    """The figures of the reference app shown on ``page`` (within ``scope``, a CSS prefix
    ending in a space, when the page shows more than the app)."""
    page.wait_for_function(READY_JS, arg=scope, timeout=60_000)
    page.evaluate("() => document.fonts.ready.then(() => true)")
    boxes = page.evaluate(MEASURE_JS, [ITEMS, sorted(TEXTS), scope])
    figures: dict[str, Any] = {"boxes": boxes}
    figures["slider"] = page.evaluate(SLIDER_JS, scope)
    # min and max: shown while the pointer is over the slider (Streamlit fades them in)
    page.locator(f"{scope}[data-testid=stMainBlockContainer] [data-testid=stSlider]").first.hover()
    page.wait_for_timeout(900)
    figures["slider"]["ends_opacity_hover"] = page.evaluate(SLIDER_JS, scope)["ends_opacity"]
    page.mouse.move(0, 0)
    figures["charts"] = page.evaluate(CHARTS_JS, scope)
    grid = page.locator(f"{scope}[data-testid=stMainBlockContainer] [data-testid=stDataFrame]").first
    figures["dataframe"] = grid_figures(grid.screenshot(), boxes)
    return figures


def editor_columns(page: Any, scope: str = "") -> list[int]:
    """How many column boundaries each grid of the page shows (a shown index adds one)."""
    found = []
    for grid in page.locator(f"{scope}[data-testid=stDataFrame]").all():
        found.append(
            len(
                grid_figures(grid.screenshot(), {"container": {"width": 1}, "dataframe": {"width": 1}})[
                    "column_lines"
                ]
            )
        )
    return found


def grid_figures(png: bytes, boxes: dict[str, Any]) -> dict[str, Any]:
    """Column boundaries (as shares of the grid's width) and cell colours of a grid."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    width, height = image.size
    pixels = image.load()

    def stands_out(a: tuple[int, int, int], b: tuple[int, int, int], c: tuple[int, int, int]) -> bool:
        """``a`` is darker than both neighbours, or lighter than both (a line, light or dark theme)."""
        return (sum(a) + 24 < sum(b) and sum(a) + 24 < sum(c)) or (
            sum(a) > sum(b) + 24 and sum(a) > sum(c) + 24
        )

    # a column boundary: a 1px vertical line that stands out of both neighbours down the
    # header and the first two rows (an editor's add-row line below has no boundaries)
    lines = []
    ys = range(4, min(height - 4, 3 * 35 - 2))
    for x in range(2, width - 2):
        hits = sum(stands_out(pixels[x, y], pixels[x - 2, y], pixels[x + 2, y]) for y in ys)
        if hits > 0.8 * len(ys) and (not lines or x - lines[-1] > 3):
            lines.append(x)
    first_row = min(height - 2, 35 + 17)
    index_x = max(2, (lines[0] if lines else 40) - 4)
    data_x = max(2, (lines[1] if len(lines) > 1 else width // 2) - 4)

    def ink(x0: int, x1: int) -> list[int]:
        """The text colour in the first body row between x0 and x1: the pixel furthest from its background."""
        bg = pixels[max(0, x1 - 1), first_row]
        row = [pixels[x, y] for x in range(max(0, x0), min(width, x1)) for y in range(37, min(height, 68))]
        return (
            list(max(row, key=lambda p: sum(abs(i - j) for i, j in zip(p, bg, strict=True))))
            if row
            else [0, 0, 0]
        )

    frame = boxes["container"]["width"]
    grid = boxes["dataframe"]
    return {
        "width_share": round(grid["width"] / frame, 3),
        "column_lines": [round(x / width, 3) for x in lines],
        "last_line_share": round(lines[-1] / width, 3) if lines else None,
        "header_bg": list(pixels[index_x, 17]),
        "index_bg": list(pixels[index_x, first_row]),
        "cell_bg": list(pixels[data_x, first_row]),
        "index_text": ink(2, index_x),
        "cell_text": ink(index_x + 6, data_x),
    }


def _close_color(a: list[int], b: list[int], tolerance: int = COLOR_STEPS) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def compare(expected: dict[str, Any], actual: dict[str, Any], *, page: bool = False) -> list[str]:
    """Where ``actual`` (nbstream) differs from ``expected`` (Streamlit's record); with
    ``page``, where the app starts and how wide its column is count too (a page of its
    own, as Voila's; in JupyterLab the notebook places the app)."""
    problems: list[str] = []
    exp, act = expected["boxes"], actual["boxes"]
    if page:
        for part in ("top", "width"):
            want, got = exp["container"][part], act["container"][part]
            if abs(want - got) > SPACING_PX:
                problems.append(f"the app's column {part}: {got:.1f}px, Streamlit {want:.1f}px")
    names = [name for name, _, _ in ITEMS]
    missing = [n for n in names if act.get(n) is None]
    if missing:
        return [f"not found in nbstream: {missing}"]
    for before, after in itertools.pairwise(names):
        want = _at(exp, after) - _at(exp, before)
        got = _at(act, after) - _at(act, before)
        if abs(want - got) > SPACING_PX:
            problems.append(f"{before} -> {after}: {got:.1f}px apart, Streamlit {want:.1f}px")
    for name in names:
        if name in TEXTS or name in ("bar chart",):
            continue
        want, got = exp[name]["height"], act[name]["height"]
        if abs(want - got) > SPACING_PX:
            problems.append(f"{name}: {got:.1f}px high, Streamlit {want:.1f}px")
    for name in ("title", "header", "paragraph", "caption", "metric value", "button", "primary button"):
        want, got = exp[name]["width"], act[name]["width"]
        if abs(want - got) > WIDTH_SHARE * want:
            problems.append(f"{name} text: {got:.1f}px wide, Streamlit {want:.1f}px (font or size)")
    if abs(exp["dataframe"]["width"] / exp["container"]["width"] - actual["dataframe"]["width_share"]) > 0.01:
        problems.append(f"dataframe: {actual['dataframe']['width_share']} of the container's width")
    problems += _compare_grid(expected["dataframe"], actual["dataframe"])
    for part in ("value", "max"):
        want, got = expected["slider"][part], actual["slider"][part]
        if _family(want["font"]) != _family(got["font"]) or want["size"] != got["size"]:
            problems.append(f"slider {part}: {got}, Streamlit {want}")
    for part in ("ends_opacity", "ends_opacity_hover"):
        if abs(expected["slider"][part] - actual["slider"][part]) > 0.05:
            problems.append(
                f"slider min/max opacity ({part}): {actual['slider'][part]}, Streamlit {expected['slider'][part]}"
            )
    if actual["slider"]["value_above_ends"] != expected["slider"]["value_above_ends"]:
        problems.append("slider value: not placed as Streamlit's")
    if actual["charts"] != expected["charts"]:
        problems.append(f"charts: {actual['charts']}, Streamlit {expected['charts']}")
    return problems


def _at(boxes: dict[str, Any], name: str) -> float:
    """Where an item sits: a text by its middle (fonts differ in ascent), others by their top."""
    box = boxes[name]
    return box["top"] + box["height"] / 2 if name in TEXTS else box["top"]


def _compare_grid(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    problems = []
    if len(expected["column_lines"]) != len(actual["column_lines"]):
        problems.append(
            f"dataframe column lines at {actual['column_lines']}, Streamlit {expected['column_lines']}"
        )
    elif abs((expected["last_line_share"] or 0) - (actual["last_line_share"] or 0)) > 0.02:
        problems.append(
            f"dataframe columns end at {actual['last_line_share']}, Streamlit {expected['last_line_share']}"
        )
    for part in ("header_bg", "index_bg", "cell_bg"):
        if not _close_color(expected[part], actual[part]):
            problems.append(f"dataframe {part}: {actual[part]}, Streamlit {expected[part]}")
    # text colours: compared by brightness (the palettes' tints differ; glyphs are anti-aliased)
    for part in ("index_text", "cell_text"):
        if abs(sum(expected[part]) - sum(actual[part])) > 3 * COLOR_STEPS:
            problems.append(f"dataframe {part}: {actual[part]}, Streamlit {expected[part]}")
    return problems


def _family(css: str) -> str:
    """The first family of a font-family list, without quotes and version words."""
    first = css.split(",")[0].strip().strip("\"'").lower()
    for word in (" pro", " 3", " variable"):
        first = first.replace(word, "")
    return first
