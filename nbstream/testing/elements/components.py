"""AppTest wrappers of custom components (``nbstream/elements/components/``).

``at.get("component_instance")`` (or ``at.component_instance``) lists declared
components: ``.name``, ``.args`` (DataFrame arguments read back as DataFrames),
``.value``, and ``.set_value(v)``, which reaches the app as if the front end had called
``Streamlit.setComponentValue(v)``.  ``at.anywidget_component`` lists ES-module
components (``.args``, ``.value``, ``.set_value``).  ``at.get("jupyter_widget")`` (or
``at.jupyter_widget``) lists the Jupyter widgets ``st.widget`` shows (``.widget``,
``.value``, ``.set_value``).  ``at.get("iframe")`` lists ``components.html``,
``components.iframe`` and ``st.iframe`` frames (``.srcdoc``, ``.src``, ``.height``); ``at.html`` lists
``st.html`` (``.value`` is the HTML as the script gave it, before the browser sanitizes it).
"""

from __future__ import annotations

from typing import Any

from nbstream.testing.elements._base import Element, Widget


class ComponentInstance(Widget):
    """One call of a declared component."""

    @property
    def name(self) -> str:
        return str(self._node.props["name"])

    @property
    def url(self) -> str | None:
        return self._node.props["source"].get("url")

    @property
    def args(self) -> dict[str, Any]:
        """The arguments the front end receives; DataFrames come back as DataFrames."""
        import pyarrow as pa

        args = dict(self._node.props["args"])
        for frame in self._node.props["dfs"]:
            with pa.ipc.open_stream(frame["data"]) as reader:
                args[frame["key"]] = reader.read_all().to_pandas()
        return args


class EsmComponent(Widget):
    """One call of a component declared with ``nbstream.components.anywidget``."""

    @property
    def args(self) -> dict[str, Any]:
        return dict(self._node.props["args"])


class JupyterWidget(Widget):
    """A Jupyter widget shown with ``st.widget``: ``.value`` is its trait's value as the
    app got it, ``.widget`` the instance itself; ``set_value(v)`` (or setting the trait
    on ``.widget``) reaches the app at the next ``run()``, as a browser change would."""

    @property
    def widget(self) -> Any:
        entry = self.root._session.embeds.get(self.id)
        return None if entry is None else entry.obj

    @property
    def model_id(self) -> str:
        return str(self._node.props["model_id"])

    @property
    def trait(self) -> str:
        return str(self._node.props["trait"])

    @property
    def widget_class(self) -> str:
        """The widget's class, ``module.QualifiedName``."""
        return str(self._node.props["widget_class"])


class IFrame(Element):
    """``components.html`` (``srcdoc``) or ``components.iframe`` (``src``)."""

    @property
    def value(self) -> Any:
        props = self._node.props
        return props.get("srcdoc", props.get("src"))


CLASSES: dict[str, type[Element]] = {
    "component_instance": ComponentInstance,
    "anywidget_component": EsmComponent,
    "iframe": IFrame,
    "jupyter_widget": JupyterWidget,
}
