"""The widget bridge: the only code that imports anywidget / ipywidgets (an app as one
AnyWidget, its tree sent as wire patches)."""
