"""The pure-Python core of nbstream: sessions, script runs, state and widgets.

Nothing in this package imports IPython, ipywidgets or anything of the browser:
AppTest and the Jupyter front end are two clients of the same runtime.

``st.runtime.exists()`` is here too, where Streamlit apps look for it.
"""

from nbstream.runtime import context as _context


def exists() -> bool:
    """True when nbstream apps run in this process (an app served by Voila or
    ``nbstream run``, a ``%%stapp`` cell that has run, an ``AppTest``); False in a
    plain Python program or a notebook with no app, where ``st.*`` calls run in bare mode.

    Apps use it as Streamlit's ``st.runtime.exists()``: to tell whether they run under
    the app runtime or as a plain script.
    """
    return _context.app_has_run


__all__ = ["exists"]
