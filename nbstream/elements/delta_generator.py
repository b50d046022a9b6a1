"""DeltaGenerator: a place on the page that ``st.*`` commands can write to.

A DeltaGenerator points at one of three places:

* an *area* of the page (``main``, ``sidebar`` or ``bottom``), resolved in the current run;
* a *block* (a container, column, tab, ...), to which writes append;
* a *slot* (one element's place), which writes replace -- what ``st.empty()`` and
  every element call return, so ``bar = st.progress(0); bar.progress(50)`` updates in
  place.

Containers delegate instead of inheriting: ``col.button(...)`` is ``with col:
st.button(...)``, and the commands a container offers are exactly those registered with
``@command`` (one list, declared once).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nbstream.runtime import context, parallel, tree
from nbstream.runtime.context import RunContext
from nbstream.runtime.tree import Node

# Every st.* command that can be called on a container, by name.
COMMANDS: dict[str, Callable[..., Any]] = {}

# How ``.add_rows()`` appends to an element, by kind: (node, data) -> None, updating the
# node in place.  Data and chart families register theirs.
ADD_ROWS: dict[str, Callable[[Node, Any], None]] = {}
# Kinds with several named datasets (Vega-Lite specs): (node, dataset name, data) -> None.
ADD_NAMED_ROWS: dict[str, Callable[[Node, str, Any], None]] = {}


def command(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Register an ``st.*`` function as a method of every container."""
    COMMANDS[fn.__name__] = fn
    return fn


class DeltaGenerator:
    __slots__ = ("_area", "_block", "_form", "_fragment", "_path", "_slot")

    def __init__(
        self,
        *,
        area: str | None = None,
        block: Node | None = None,
        slot: tuple[Node, int] | None = None,
        path: tuple[str, ...] = (),
        form: str | None = None,
        fragment: str | None = None,
    ) -> None:
        self._area = area
        self._block = block
        self._slot = slot
        # The kinds of the blocks this place is nested in, outermost first ("main", ...).
        self._path = path or ((area,) if area else ())
        # The innermost form and fragment this place is in (None: none).
        self._form = form
        self._fragment = fragment

    @classmethod
    def cast(cls, dg: DeltaGenerator) -> DeltaGenerator:
        """The same place, as a DeltaGenerator subclass (``st.status``'s container)."""
        return cls(
            block=dg._block, slot=dg._slot, area=dg._area, path=dg._path, form=dg._form, fragment=dg._fragment
        )

    # ---- where writes go --------------------------------------------------------------

    def _place(self, ctx: RunContext, node: Node) -> DeltaGenerator:
        """Put ``node`` here; return the DeltaGenerator of its new place."""
        if ctx.parallel_fragment is not None:
            parallel.check_place(ctx, self._fragment)
        if ctx.cache_recorder is not None:
            ctx.cache_recorder.placing(self, node)
        if self._slot is not None:
            parent, index = self._slot
            assert parent.children is not None
            parent.children[index] = node
            slot = self._slot
        else:
            parent = self._block if self._block is not None else tree.area(ctx.root, self._area or "main")
            assert parent.children is not None
            parent.children.append(node)
            slot = (parent, len(parent.children) - 1)
        ctx.changed()
        if node.is_block:
            form = node.props["form_id"] if node.kind == "form" else self._form
            fragment = node.props["fragment_id"] if node.kind == "fragment" else self._fragment
            return DeltaGenerator(block=node, path=(*self._path, node.kind), form=form, fragment=fragment)
        return DeltaGenerator(slot=slot, path=self._path, form=self._form, fragment=self._fragment)

    @property
    def form_id(self) -> str | None:
        """The key of the form this place is inside, if any."""
        return self._form

    @property
    def fragment_id(self) -> str | None:
        """The ID of the fragment whose body this place is in, if any."""
        return self._fragment

    @property
    def path(self) -> tuple[str, ...]:
        """The kinds of the blocks around this place, outermost first."""
        return self._path

    def _node(self, ctx: RunContext) -> Node | None:
        """The block this points at (None for a slot)."""
        if self._slot is not None:
            return None
        return self._block if self._block is not None else tree.area(ctx.root, self._area or "main")

    # ---- use as a context manager -----------------------------------------------------

    def __enter__(self) -> DeltaGenerator:
        context.require().stack.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        stack = context.require().stack
        if stack and stack[-1] is self:
            stack.pop()
        elif self in stack:  # exited out of order (a generator, a fragment): drop it anyway
            stack.remove(self)

    # ---- commands as methods ----------------------------------------------------------

    def __getattr__(self, name: str) -> Callable[..., Any]:
        fn = COMMANDS.get(name)
        if fn is None:
            raise AttributeError(f"`{name}()` is not a valid Streamlit command.")

        def call(*args: Any, **kwargs: Any) -> Any:
            with self:
                return fn(*args, **kwargs)

        call.__name__ = name
        call.__doc__ = fn.__doc__
        return call

    def add_rows(self, data: Any = None, **kwargs: Any) -> DeltaGenerator | None:
        """Append rows to the dataframe, table or chart this element is.

        Parameters
        ----------
        data : DataFrame-like or None
            The rows to add; they must have the element's columns.
        **kwargs
            A single named dataset, as ``add_rows(my_name=df)``.
        """
        from nbstream.runtime.errors import StreamlitAPIException

        name = None
        if data is None and len(kwargs) == 1:
            name, data = next(iter(kwargs.items()))
        ctx = context.require()
        ctx.check_interrupt()
        if self._slot is None:
            raise StreamlitAPIException("Only existing elements can `add_rows`.")
        parent, index = self._slot
        assert parent.children is not None
        node = parent.children[index]
        handler = ADD_ROWS.get(node.kind)
        if handler is None:
            raise StreamlitAPIException(
                f"`add_rows()` works on dataframes, tables and charts, not on st.{node.kind}."
            )
        if data is not None:
            named = ADD_NAMED_ROWS.get(node.kind)
            if name is not None and named is not None:
                named(node, name, data)
            else:
                handler(node, data)
            ctx.changed()
        return self

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(COMMANDS))

    def __repr__(self) -> str:
        where = self._area or (self._block.kind if self._block is not None else "slot")
        return f"DeltaGenerator({where})"

    @property
    def id(self) -> int:
        return id(self)


MAIN = DeltaGenerator(area="main")
SIDEBAR = DeltaGenerator(area="sidebar")
BOTTOM = DeltaGenerator(area="bottom")


def current(ctx: RunContext) -> DeltaGenerator:
    """Where an ``st.*`` call writes now: the innermost ``with`` container, else main."""
    return ctx.stack[-1] if ctx.stack else MAIN
