"""The pure-Python core of nbstream: sessions, script runs, state and widgets.

Nothing in this package imports IPython, ipywidgets or anything of the browser:
AppTest and the Jupyter front end are two clients of the same runtime.
"""
