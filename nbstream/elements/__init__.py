"""The ``st.*`` API, one sub-package per family (text, status, widgets, data, charts, layout,
flow, state), over the shared element plumbing in ``_base`` and ``delta_generator``."""
