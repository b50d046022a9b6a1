"""An AppTest suite written the way Streamlit's docs write them, for a small multi-element
app: only the import names nbstream (``from nbstream.testing.v1 import AppTest``).

The same file, with ``streamlit`` in its two imports, passes on Streamlit 1.67 too.
"""

from nbstream.testing.v1 import AppTest

APP = "apps/expense_tracker.py"  # relative: resolved beside this test file


def add(at, item, amount, category="Food"):
    at.text_input(key="item").input(item)
    at.number_input(key="amount").set_value(amount)
    at.radio(key="category").set_value(category)
    return at.button[0].click().run()


def test_first_run():
    at = AppTest.from_file(APP, default_timeout=10).run()
    assert not at.exception
    assert at.title[0].value == "Expense tracker"
    assert at.metric[0].label == "Total"
    assert at.metric[0].value == "0.00 EUR"
    assert at.metric[1].value == "0"
    assert len(at.dataframe) == 0
    assert at.success[0].value == "Within the limit"
    assert len(at.warning) == 0
    assert at.sidebar.selectbox[0].value == "EUR"
    assert at.sidebar.checkbox[0].value is True
    assert len(at.main.selectbox) == 0


def test_adding_expenses_through_the_form():
    at = AppTest.from_file(APP, default_timeout=10).run()
    add(at, "Lunch", 12.5)
    add(at, "Train", 40.0, "Travel")
    assert not at.exception
    assert at.metric[0].value == "52.50 EUR"
    assert at.metric[1].value == "2"
    assert at.session_state.expenses[1] == {"item": "Train", "amount": 40.0, "category": "Travel"}
    assert at.dataframe[0].value["item"].tolist() == ["Lunch", "Train"]
    assert at.toast[0].value == "Added Train"


def test_the_form_refuses_an_unnamed_expense():
    at = AppTest.from_file(APP, default_timeout=10).run()
    at.number_input(key="amount").increment()
    at.button[0].click().run()
    assert at.error[0].value == "Give the expense a name."
    assert at.session_state.expenses == []


def test_values_typed_in_the_form_wait_for_submit():
    at = AppTest.from_file(APP, default_timeout=10).run()
    at.text_input(key="item").input("Coffee").run()
    assert at.session_state.expenses == []
    assert at.metric[1].value == "0"


def test_limit_warning_and_currency():
    at = AppTest.from_file(APP, default_timeout=10).run()
    add(at, "Hotel", 180.0, "Travel")
    assert at.warning[0].value == "Over the limit by 80.00 EUR"
    at.slider(key="limit").set_value(200).run()
    assert len(at.warning) == 0
    at.sidebar.selectbox[0].select("USD").run()
    assert at.metric[0].value == "180.00 USD"


def test_the_table_can_be_hidden():
    at = AppTest.from_file(APP, default_timeout=10).run()
    add(at, "Book", 15.0, "Other")
    assert len(at.dataframe) == 1
    at.checkbox(key="show_table").uncheck().run()
    assert len(at.dataframe) == 0


def test_clear_all_reruns_with_no_expenses():
    at = AppTest.from_file(APP, default_timeout=10)
    at.session_state.expenses = [{"item": "Old", "amount": 5.0, "category": "Other"}]
    at.run()
    assert at.metric[1].value == "1"
    at.button(key="clear").click().run()
    assert at.metric[1].value == "0"
    assert not at.exception


def test_walking_the_page():
    at = AppTest.from_file(APP, default_timeout=10).run()
    kinds = [node.type for node in at.main]
    assert kinds[:3] == ["main", "title", "form"]
    assert "flex_container" in kinds and kinds.count("column") == 2
    assert [c.type for c in at.columns[0].children.values()] == ["metric"]
    assert len(at.form_submit_button) == 1
