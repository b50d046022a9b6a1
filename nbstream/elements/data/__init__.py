"""Data elements: dataframe, data_editor, table, metric, json, and the column configuration
they share."""
