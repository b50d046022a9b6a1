"""Text elements: markdown, headings, caption, code, text, latex, divider; st.write, echo, help."""
