"""``python -m nbstream run app.py``: the ``nbstream`` command."""

import sys

from nbstream.cli import main

sys.exit(main())
