"""``nbstream serve``: many browser tabs, one ``AppSession`` each, inside shared kernels.

``host`` and ``kernel`` run inside a kernel (the session host and its comm target);
``app``, ``pool``, ``relay`` and ``page`` are the Jupyter Server side.  See
ARCHITECTURE.md ("Serving many users").
"""
