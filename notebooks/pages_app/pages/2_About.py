import nbstream as st

st.title("About")
st.write("Pages share Session State; a widget on one page is not on the others.")
if st.button("To the chart"):
    st.switch_page("pages/1_📈_Chart.py")
