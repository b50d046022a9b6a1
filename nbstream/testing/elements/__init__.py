"""AppTest's element wrappers, one module per element family (as in ``nbstream/elements/``)."""
