"""Multipage apps: st.Page, st.navigation, st.switch_page, st.page_link."""
