"""Layouts and containers: columns, container, empty, expander, tabs, popover, sidebar."""
