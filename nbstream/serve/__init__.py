"""``nbstream serve``: many browser tabs, one ``AppSession`` each, inside shared kernels.

``host`` and ``kernel`` run inside a kernel (the session host and its comm target);
``app``, ``pool``, ``relay`` and ``page`` are the Jupyter Server side.  See
ARCHITECTURE.md ("Serving many users").
"""

# The shared cookie secret (``server.cookieSecret``), handed from ``nbstream serve`` to its
# server process by environment (not argv: a process list shows that to every user).
COOKIE_SECRET_ENV = "NBSTREAM_COOKIE_SECRET"
