"""A small multi-element app, for the Streamlit-style AppTest suite (test_streamlit_style_suite)."""

import pandas as pd

import nbstream as st

st.title("Expense tracker")

if "expenses" not in st.session_state:
    st.session_state.expenses = []

with st.sidebar:
    currency = st.selectbox("Currency", ["EUR", "USD"], key="currency")
    show_table = st.checkbox("Show table", value=True, key="show_table")

with st.form("add", clear_on_submit=True):
    item = st.text_input("Item", key="item")
    amount = st.number_input("Amount", min_value=0.0, step=1.0, key="amount")
    category = st.radio("Category", ["Food", "Travel", "Other"], horizontal=True, key="category")
    if st.form_submit_button("Add"):
        if not item:
            st.error("Give the expense a name.")
        else:
            st.session_state.expenses.append({"item": item, "amount": amount, "category": category})
            st.toast(f"Added {item}")

expenses = pd.DataFrame(st.session_state.expenses, columns=["item", "amount", "category"])
total = float(expenses["amount"].sum()) if len(expenses) else 0.0

left, right = st.columns(2)
left.metric("Total", f"{total:.2f} {currency}")
right.metric("Entries", len(expenses))

if show_table and len(expenses):
    st.dataframe(expenses)

limit = st.slider("Monthly limit", 0, 500, 100, step=50, key="limit")
if total > limit:
    st.warning(f"Over the limit by {total - limit:.2f} {currency}")
else:
    st.success("Within the limit")

if st.button("Clear all", key="clear"):
    st.session_state.expenses = []
    st.rerun()
