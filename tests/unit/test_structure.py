"""The house rules of ARCHITECTURE.md that imports can show: public paths keep working,
no module imports itself back through others, and no source file grows past 500 lines."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[2]

# Every path a user could import before the code was grouped by family (written out, not
# read from the package, so that a name that disappears fails here).
PUBLIC_NAMES = {
    "nbstream": """
        __version__ altair_chart area_chart balloons bar_chart button cache cache_data
        cache_resource caption checkbox code color_picker column_config columns container
        data_editor dataframe date_input divider download_button echo empty error exception
        expander form form_submit_button fragment get_option header help info json latex
        line_chart map markdown metric multiselect number_input plotly_chart popover progress
        pyplot query_params radio rerun scatter_chart secrets select_slider selectbox
        session_state set_option set_page_config sidebar slider snow spinner status stop
        subheader success table tabs text text_area text_input time_input title toast toggle
        vega_lite_chart warning write load_ipython_extension
    """,
    "nbstream.column_config": """
        AreaChartColumn BarChartColumn CheckboxColumn Column DateColumn DatetimeColumn
        ImageColumn JsonColumn LineChartColumn LinkColumn ListColumn NumberColumn
        ProgressColumn SelectboxColumn TextColumn TimeColumn
    """,
    "nbstream.errors": """
        CacheReplayClosureError CachedWidgetWarning DuplicateWidgetID Error NoSessionContext
        StreamlitAPIException StreamlitAPIWarning StreamlitBadTimeStringError
        StreamlitValueAssignmentNotAllowedError UnhashableParamError
        UnserializableReturnValueError UserHashError
    """,
    "nbstream.components.v1": "html iframe declare_component CustomComponent MarshallComponentException",
    "nbstream.testing": "AppTest",
    "nbstream.testing.v1": "AppTest",
    "nbstream.caching": "cache cache_data cache_resource clear_all",
    "nbstream.config": "get_option set_option",
    "nbstream.secrets": "secrets",
    "nbstream.magic": "load",
    "nbstream.cli": "main",
}


@pytest.mark.parametrize("module", sorted(PUBLIC_NAMES))
def test_public_paths_import(module: str) -> None:
    mod = importlib.import_module(module)
    missing = [name for name in PUBLIC_NAMES[module].split() if not hasattr(mod, name)]
    assert missing == []


def test_st_all_lists_every_public_name() -> None:
    import nbstream

    listed = set(nbstream.__all__)
    assert listed <= set(dir(nbstream))
    assert set(PUBLIC_NAMES["nbstream"].split()) - {"load_ipython_extension"} <= listed


def test_column_config_is_the_same_object_both_ways() -> None:
    import nbstream as st
    import nbstream.column_config as cc

    assert st.column_config.NumberColumn is cc.NumberColumn


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan, iterative)."""
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = edges[node]
            if i < len(targets):
                work.append((node, i + 1))
                target = targets[i]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found


def test_no_import_cycles() -> None:
    # Imports inside functions and under TYPE_CHECKING count too: a cycle is a cycle.
    sys.path.insert(0, str(ROOT))
    graph = grimp.build_graph("nbstream", cache_dir=None)
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for name in ("pkg", "pkg.a", "pkg.b", "pkg.c"):
        graph.add_module(name)
    graph.add_import(importer="pkg.a", imported="pkg.b")
    graph.add_import(importer="pkg.b", imported="pkg.a")
    graph.add_import(importer="pkg.c", imported="pkg.a")
    assert _cycles(graph) == [["pkg.a", "pkg.b"]]


def _sources() -> list[Path]:
    python = (ROOT / "nbstream").rglob("*.py")
    js = (ROOT / "js" / "src").rglob("*.js")
    return sorted(p for p in (*python, *js) if "static" not in p.parts)


def test_source_files_stay_under_500_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in _sources() if (n := len(p.read_text().splitlines())) >= 500}
    assert long == {}
