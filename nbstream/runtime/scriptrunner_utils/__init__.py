"""Where Streamlit 1.38+ keeps ``get_script_run_ctx`` (``streamlit.runtime.scriptrunner_utils``)."""
