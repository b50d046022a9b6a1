"""``python -m nbstream.serve --ServeApp.target=app.py``: what ``nbstream serve`` starts."""

from nbstream.serve.app import main

main()
