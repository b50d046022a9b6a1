"""Chat elements: st.chat_input, st.chat_message and st.write_stream."""
