"""State: st.session_state and st.query_params, views of the current session's data."""
