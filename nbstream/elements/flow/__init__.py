"""Execution flow: st.rerun, st.stop, st.set_page_config, forms and fragments."""
