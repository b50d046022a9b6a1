"""Spec 3.3 "Caching overview": every example, through AppTest.

Network examples use local stand-ins: a generated CSV file for the URLs, SQLite for the
databases, a server on 127.0.0.1 for the API, small classes for the ML models.
"""

from __future__ import annotations

import http.server
import json
import threading
import warnings

import pytest
from apphelpers import app, run, values

import nbstream as st
from nbstream import config
from nbstream.caching import cached_func


@pytest.fixture(autouse=True)
def _fresh_caches(tmp_path):
    config.set_option("cache.dir", str(tmp_path / "cache"))
    st.cache_data.clear()
    st.cache_resource.clear()
    cached_func._apps.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def uber_csv(project):
    """A local stand-in for the Uber rides CSV of the examples."""
    path = project / "uber-rides-data1.csv"
    rows = ["Date/Time,Lat,Lon,Base"] + [
        f"9/1/2014 0:{i:02d}:00,40.{i:04d},-73.{i:04d},B02512" for i in range(50)
    ]
    path.write_text("\n".join(rows) + "\n")
    return str(path)


COUNT = """
import nbstream as st
st.session_state.setdefault("calls", [])
"""


def texts(at) -> list[str]:
    return values(at.text)


def shown_json(at) -> list:
    return [json.loads(e.value) for e in at.json]


# ---- Minimal example ---------------------------------------------------------------------


def test_minimal_example_runs_once_per_parameter_values():
    at = run(
        COUNT
        + """
@st.cache_data
def long_running_function(param1, param2):
    st.session_state.calls.append((param1, param2))
    return param1 * param2
st.text(long_running_function(2, 3))
st.text(long_running_function(2, 3))
st.text(long_running_function(param1=2, param2=4))
"""
    )
    at.run()
    assert texts(at) == ["6", "6", "8"]
    assert at.session_state.calls == [(2, 3), (2, 4)]


def test_changing_the_code_of_the_function_invalidates_its_cache():
    source = (
        COUNT
        + """
@st.cache_data
def long_running_function(param1, param2):
    st.session_state.calls.append("ran")
    return param1 + param2
st.text(long_running_function(1, 2))
"""
    )
    first = run(source)
    assert texts(first) == ["3"]
    edited = run(source.replace("return param1 + param2", "return param1 - param2"))
    assert texts(edited) == ["-1"] and edited.session_state.calls == ["ran"]
    again = run(source)  # the original code again: its entry is still there
    assert texts(again) == ["3"] and again.session_state.calls == []


# ---- st.cache_data: usage and examples --------------------------------------------------


def test_load_data_downloads_only_on_the_first_run(uber_csv):
    at = run(
        COUNT
        + f"""
import pandas as pd
@st.cache_data  # 👈 Add the caching decorator
def load_data(url):
    st.session_state.calls.append(url)
    df = pd.read_csv(url)
    return df
df = load_data({uber_csv!r})
st.dataframe(df)
st.button("Rerun")
"""
    )
    at.button[0].click().run()
    at.button[0].click().run()
    assert at.session_state.calls == [uber_csv]
    assert not at.exception
    assert len(at.dataframe) == 1


def test_without_the_decorator_every_run_downloads(uber_csv):
    at = run(
        COUNT
        + f"""
import pandas as pd
def load_data(url):
    st.session_state.calls.append(url)
    df = pd.read_csv(url)  # 👈 Download the data
    return df
df = load_data({uber_csv!r})
st.dataframe(df)
st.button("Rerun")
"""
    )
    at.button[0].click().run()
    assert at.session_state.calls == [uber_csv, uber_csv]


def test_dataframe_transformations():
    at = run(
        COUNT
        + """
import numpy as np, pandas as pd
@st.cache_data
def transform(df):
    st.session_state.calls.append("transform")
    df = df.filter(items=['one', 'three'])
    df = df.apply(np.sum, axis=0)
    return df
frame = pd.DataFrame({"one": [1, 2], "two": [3, 4], "three": [5, 6]})
st.text(transform(frame).to_dict())
"""
    )
    at.run()
    assert texts(at) == ["{'one': 3, 'three': 11}"]
    assert at.session_state.calls == ["transform"]


def test_array_computations():
    at = run(
        COUNT
        + """
import numpy as np
@st.cache_data
def add(arr1, arr2):
    st.session_state.calls.append("add")
    return arr1 + arr2
st.text(add(np.arange(3), np.ones(3)).tolist())
"""
    )
    at.run()
    assert texts(at) == ["[1.0, 2.0, 3.0]"]
    assert at.session_state.calls == ["add"]


DATABASE = """
import sqlite3
import pandas as pd
import nbstream as st

st.session_state.setdefault("queries", 0)
connection = sqlite3.connect(":memory:")  # stand-in for database.connect()
connection.execute("CREATE TABLE readings (city TEXT, temp REAL)")
connection.executemany("INSERT INTO readings VALUES (?, ?)", [("Oslo", 3.5), ("Rome", 18.0)])
"""


@pytest.mark.parametrize("decorator", ["@st.cache_data", "@st.cache_data(ttl=3600)"])
def test_database_queries(decorator):
    at = run(
        DATABASE
        + f"""
{decorator}
def query():
    st.session_state.queries += 1
    return pd.read_sql_query("SELECT * from readings", connection)
st.text(query()["city"].tolist())
"""
    )
    at.run()
    assert texts(at) == ["['Oslo', 'Rome']"]
    assert at.session_state.queries == 1


@pytest.fixture
def api_server():
    """A stand-in for jsonplaceholder.typicode.com on 127.0.0.1, counting its requests."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            body = json.dumps({"userId": 1, "id": 1, "title": "stand-in post"}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()
    server.server_close()


def test_api_calls_are_made_once(api_server):
    base, hits = api_server
    at = run(
        f"""
import json, urllib.request
import nbstream as st
@st.cache_data
def api_call():
    response = urllib.request.urlopen({base!r} + '/posts/1', timeout=5)  # stand-in for requests.get
    return json.load(response)
st.text(api_call()["title"])
"""
    )
    at.run()
    assert texts(at) == ["stand-in post"]
    assert hits == ["/posts/1"]


def test_running_ml_models_inference():
    at = run(
        COUNT
        + """
def model(inputs):  # a stand-in model
    st.session_state.calls.append(inputs)
    return [x * 2 for x in inputs]
@st.cache_data
def run_model(inputs):
    return model(inputs)
st.text(run_model([1, 2]))
st.text(run_model([1, 2]))
"""
    )
    at.run()
    assert texts(at) == ["[2, 4]", "[2, 4]"]
    assert at.session_state.calls == [[1, 2]]


# ---- st.cache_resource: usage and examples -----------------------------------------------

PIPELINE = """
import nbstream as st

class pipeline:  # a stand-in for transformers.pipeline
    loads = 0

    def __init__(self, task):
        type(self).loads += 1
        self.task = task

    def __call__(self, text):
        label = "POSITIVE" if "love" in text else "NEGATIVE"
        return [{"label": label, "score": 0.99}]
"""


def test_load_model_once_for_every_rerun_and_session():
    source = (
        PIPELINE
        + """
@st.cache_resource  # 👈 Add the caching decorator
def load_model():
    return pipeline("sentiment-analysis")

model = load_model()

query = st.text_input("Your query", value="I love Streamlit! 🎈")
if query:
    result = model(query)[0]  # 👈 Classify the query text
    st.write(result)
st.session_state.model_id = id(model)
"""
    )
    first = run(source)
    assert shown_json(first) == [{"label": "POSITIVE", "score": 0.99}]
    first.text_input[0].input("I hate bugs").run()
    assert shown_json(first) == [{"label": "NEGATIVE", "score": 0.99}]
    second = run(source)
    assert first.session_state.model_id == second.session_state.model_id  # one model for all


def test_database_connections_are_created_once():
    at = run(
        """
import sqlite3
import nbstream as st
@st.cache_resource
def init_connection():
    return sqlite3.connect(":memory:", check_same_thread=False)  # stand-in for psycopg2.connect
conn = init_connection()
st.session_state.setdefault("ids", []).append(id(conn))
st.text(conn.execute("select 1 + 1").fetchone()[0])
"""
    )
    at.run()
    assert texts(at) == ["2"]
    assert len(set(at.session_state.ids)) == 1


def test_loading_ml_models():
    at = run(
        """
import nbstream as st
class ResNet:  # a stand-in for torchvision.models.resnet50
    def __init__(self):
        self.training = True
    def eval(self):
        self.training = False
        return self
@st.cache_resource
def load_model():
    model = ResNet()
    model.eval()
    return model
model = load_model()
st.session_state.setdefault("ids", []).append(id(model))
st.text(model.training)
"""
    )
    at.run()
    assert texts(at) == ["False"] and len(set(at.session_state.ids)) == 1


# ---- Controlling cache size and duration --------------------------------------------------


def test_ttl_in_seconds_and_as_timedelta():
    at = run(
        COUNT
        + """
import datetime, uuid
@st.cache_data(ttl=3600)  # 👈 Cache data for 1 hour (=3600 seconds)
def get_api_data():
    st.session_state.calls.append("seconds")
    return uuid.uuid4().hex
@st.cache_data(ttl=datetime.timedelta(hours=1))
def get_api_data_td():
    st.session_state.calls.append("timedelta")
    return uuid.uuid4().hex
st.text(get_api_data())
st.text(get_api_data_td())
"""
    )
    first = texts(at)
    at.run()
    assert texts(at) == first
    assert at.session_state.calls == ["seconds", "timedelta"]


def test_max_entries():
    at = run(
        COUNT
        + """
import numpy as np
@st.cache_data(max_entries=2)  # the spec's 1000, made small enough to fill
def get_large_array(seed):
    st.session_state.calls.append(seed)
    np.random.seed(seed)
    arr = np.random.rand(100000)
    return arr
for seed in (1, 2, 1, 3, 1, 2):
    get_large_array(seed)
st.text(bool((get_large_array(3) == get_large_array(3)).all()))
"""
    )
    assert at.session_state.calls == [1, 2, 3, 2, 3]
    assert texts(at) == ["True"]


# ---- Customizing the spinner --------------------------------------------------------------

SPINNERS = """
import nbstream as st
from nbstream.runtime import context

def spinners():
    return [n.props["text"] for n in context.get().root.walk() if n.kind == "spinner"]
"""


def test_spinner_shows_while_a_miss_computes():
    at = run(
        SPINNERS
        + """
@st.cache_data
def default():
    return spinners()
@st.cache_data(show_spinner=False)  # 👈 Disable the spinner
def get_api_data():
    return spinners()
@st.cache_data(show_spinner="Fetching data from API...")  # 👈 Use custom text for spinner
def get_api_data_text():
    return spinners()
st.session_state.seen = [default(), get_api_data(), get_api_data_text()]
"""
    )
    assert at.session_state.seen == [["Running `default(...)`."], [], ["Fetching data from API..."]]
    assert len(at.spinner) == 0  # gone once the function returned


# ---- Excluding input parameters ------------------------------------------------------------


def test_underscore_parameters_are_not_hashed():
    at = run(
        COUNT
        + """
import sqlite3
@st.cache_resource
def init_connection():
    return sqlite3.connect(":memory:", check_same_thread=False)
@st.cache_data
def fetch_data(_db_connection, num_rows):  # 👈 Don't hash _db_connection
    st.session_state.calls.append(num_rows)
    data = _db_connection.execute(f"select {num_rows}").fetchall()
    return data
connection = init_connection()
st.text(fetch_data(connection, 10))
st.text(fetch_data(sqlite3.connect(":memory:"), 10))  # another connection: still a hit
"""
    )
    assert texts(at) == ["[(10,)]", "[(10,)]"]
    assert at.session_state.calls == [10]


# ---- The hash_funcs parameter ---------------------------------------------------------------

CUSTOM_CLASS = """
import nbstream as st
st.session_state.setdefault("calls", 0)

class MyCustomClass:
    def __init__(self, initial_score: int):
        self.my_score = initial_score
"""


def test_hashing_a_custom_class_fails_with_unhashable_param_error():
    at = run(
        CUSTOM_CLASS
        + """
@st.cache_data
def multiply_score(obj: MyCustomClass, multiplier: int) -> int:
    return obj.my_score * multiplier

initial_score = st.number_input("Enter initial score", value=15)
score = MyCustomClass(initial_score)
multiplier = 2
st.write(multiply_score(score, multiplier))
"""
    )
    [error] = at.exception
    assert error.proto["type"] == "UnhashableParamError"
    assert error.message.splitlines()[0] == (
        "Cannot hash argument 'obj' (of type __main__.MyCustomClass) in 'multiply_score'."
    )


def test_hash_funcs_by_type_fixes_it():
    at = run(
        CUSTOM_CLASS
        + """
def hash_func(obj: MyCustomClass) -> int:
    return obj.my_score  # or any other value that uniquely identifies the object

@st.cache_data(hash_funcs={MyCustomClass: hash_func})
def multiply_score(obj: MyCustomClass, multiplier: int) -> int:
    st.session_state.calls += 1
    return obj.my_score * multiplier

initial_score = st.number_input("Enter initial score", value=15)
score = MyCustomClass(initial_score)
multiplier = 2
st.write(multiply_score(score, multiplier))
"""
    )
    assert not at.exception and values(at.markdown) == ["`30`"]
    at.run()  # MyCustomClass is a new class every run: its hash func is still found
    assert values(at.markdown) == ["`30`"] and at.session_state.calls == 1
    at.number_input[0].increment().run()
    assert values(at.markdown) == ["`32`"] and at.session_state.calls == 2


METHOD = (
    CUSTOM_CLASS
    + """
    {decorator}
    def multiply_score(self, multiplier: int) -> int:
        st.session_state.calls += 1
        return self.my_score * multiplier

initial_score = st.number_input("Enter initial score", value=15)
score = MyCustomClass(initial_score)
multiplier = 2
st.write(score.multiply_score(multiplier))
"""
)


def test_a_method_cannot_hash_self():
    at = run(METHOD.format(decorator="@st.cache_data"))
    [error] = at.exception
    assert error.message.splitlines()[0] == (
        "Cannot hash argument 'self' (of type __main__.MyCustomClass) in 'multiply_score'."
    )


def test_hash_funcs_by_qualified_name_hashes_self():
    decorator = '@st.cache_data(hash_funcs={"__main__.MyCustomClass": lambda x: hash(x.my_score)})'
    at = run(METHOD.format(decorator=decorator))
    at.run()
    assert values(at.markdown) == ["`30`"] and at.session_state.calls == 1


def test_id_as_hash_func_recomputes_for_every_new_instance():
    at = run(METHOD.format(decorator='@st.cache_data(hash_funcs={"__main__.MyCustomClass": id})'))
    at.run()
    at.run()
    assert values(at.markdown) == ["`30`"]
    assert at.session_state.calls == 3  # a new instance, so a new id, every run


PYDANTIC = """
import nbstream as st
from pydantic import BaseModel

class Person(BaseModel):
    name: str
"""


def test_pydantic_model_is_unhashable_until_hash_funcs_says_how():
    failing = run(
        PYDANTIC
        + """
@st.cache_data
def identity(person: Person):
    return person

person = identity(Person(name="Lee"))
st.write(f"The person is {person.name}")
"""
    )
    [error] = failing.exception
    assert error.message.startswith("Cannot hash argument 'person' (of type __main__.Person) in 'identity'.")
    fixed = run(
        PYDANTIC
        + """
@st.cache_data(hash_funcs={Person: lambda p: p.name})
def identity(person: Person):
    return person

person = identity(Person(name="Lee"))
st.write(f"The person is {person.name}")
"""
    )
    fixed.run()
    assert not fixed.exception and values(fixed.markdown) == ["The person is Lee"]


MODELS = """
import nbstream as st

class Functional:  # a stand-in for keras.engine.functional.Functional
    def __init__(self, name, layers):
        self.name, self.layers = name, [type("Layer", (), {"name": n})() for n in layers]

class tf:  # a stand-in for tensorflow's two applications
    class keras:
        class applications:
            ResNet50 = staticmethod(lambda **kw: Functional("resnet50", ["conv1", "res2a"]))
            MobileNetV2 = staticmethod(lambda **kw: Functional("mobilenetv2", ["Conv1", "block_1"]))

@st.cache_resource
def load_base_model(option):
    if option == 1:
        return tf.keras.applications.ResNet50(include_top=False, weights="imagenet")
    else:
        return tf.keras.applications.MobileNetV2(include_top=False, weights="imagenet")
"""


def test_hashing_an_ml_model_fails():
    at = run(
        MODELS
        + """
@st.cache_resource
def load_layers(base_model):
    return [layer.name for layer in base_model.layers]

option = st.radio("Model 1 or 2", [1, 2])
base_model = load_base_model(option)
layers = load_layers(base_model)
st.write(layers)
"""
    )
    [error] = at.exception
    assert error.message.startswith(
        "Cannot hash argument 'base_model' (of type __main__.Functional) in 'load_layers'."
    )


def test_an_unhashed_model_argument_gives_stale_layers():
    at = run(
        MODELS
        + """
@st.cache_resource
def load_layers(_base_model):
    return [layer.name for layer in _base_model.layers]

option = st.radio("Model 1 or 2", [1, 2])
st.write(load_layers(load_base_model(option)))
"""
    )
    at.radio[0].set_value(2).run()
    assert shown_json(at) == [["conv1", "res2a"]]  # the subtle bug the spec describes


@pytest.mark.parametrize("hash_func", ["lambda x: x.name", "id"])
def test_hash_funcs_for_an_ml_model(hash_func):
    at = run(
        MODELS
        + f"""
@st.cache_resource(hash_funcs={{Functional: {hash_func}}})
def load_layers(base_model):
    return [layer.name for layer in base_model.layers]

option = st.radio("Model 1 or 2", [1, 2])
base_model = load_base_model(option)
layers = load_layers(base_model)
st.write(layers)
"""
    )
    assert shown_json(at) == [["conv1", "res2a"]]
    at.radio[0].set_value(2).run()
    assert shown_json(at) == [["Conv1", "block_1"]]


def test_timezone_aware_datetimes_are_hashed():
    # Streamlit raises UnhashableParamError here (the spec's Example 4); nbstream hashes
    # pytz and zoneinfo datetimes by their instant and zone, so the app just works.
    at = run(
        """
from datetime import datetime
import pytz
import nbstream as st

tz = pytz.timezone("Europe/Berlin")

@st.cache_data
def load_data(dt):
    return dt

now = datetime.now()
st.text(load_data(dt=now))
now_tz = tz.localize(datetime.now())
st.text(load_data(dt=now_tz))
"""
    )
    assert not at.exception and len(at.text) == 2


def test_overriding_the_hashing_of_datetimes():
    at = run(
        """
from datetime import datetime
import pytz
import nbstream as st
st.session_state.setdefault("calls", 0)

tz = pytz.timezone("Europe/Berlin")

@st.cache_data(hash_funcs={datetime: lambda x: x.strftime("%a %d %b %Y, %I:%M%p")})
def load_data(dt):
    st.session_state.calls += 1
    return dt

now = datetime(2024, 3, 1, 9, 30, 5)
st.text(load_data(dt=now))
now_tz = tz.localize(datetime(2024, 3, 1, 9, 30, 45))
st.text(load_data(dt=now_tz))
"""
    )
    assert not at.exception
    assert texts(at) == ["2024-03-01 09:30:05", "2024-03-01 09:30:05"]  # one minute, one entry
    assert at.session_state.calls == 1


@pytest.mark.parametrize("decorator", ["@st.cache_data", "@st.cache_data(hash_funcs={np.ndarray: str})"])
def test_numpy_arrays_are_hashed_by_content(decorator):
    # The spec's show_data re-runs on every rerun in Streamlit without hash_funcs;
    # nbstream hashes arrays by content, so both versions hit.
    at = run(
        f"""
import time
import numpy as np
import pandas as pd
import nbstream as st
st.session_state.setdefault("calls", 0)

@st.cache_data
def get_data():
    df = pd.DataFrame({{"num": [112, 112, 2, 3], "str": ["be", "a", "be", "c"]}})
    return df

{decorator}
def show_data(data):
    st.session_state.calls += 1
    time.sleep(0.01)  # the spec's 2 seconds
    return data

df = get_data()
data = df["str"].unique()
st.dataframe(show_data(data))
st.button("Re-run")
"""
    )
    at.button[0].click().run()
    at.button[0].click().run()
    assert at.session_state.calls == 1
    assert not at.exception and len(at.dataframe) == 1


# ---- Static elements ----------------------------------------------------------------------


def test_static_elements_are_replayed_on_hits():
    at = run(
        COUNT
        + """
@st.cache_data
def get_api_data():
    st.session_state.calls.append("api")
    data = [1, 2, 3]  # stand-in for api.get(...)
    st.success("Fetched data from API!")  # 👈 Show a success message
    return data
st.text(get_api_data())
"""
    )
    at.run()
    assert values(at.success) == ["Fetched data from API!"]
    assert texts(at) == ["[1, 2, 3]"]
    assert at.session_state.calls == ["api"]


def test_a_cached_part_of_the_ui_is_replayed_in_order():
    at = run(
        COUNT
        + """
import pandas as pd
@st.cache_data
def show_data():
    st.session_state.calls.append("show")
    st.header("Data analysis")
    data = pd.DataFrame({"x": [1, 2, 3], "y": [3, 1, 2]})  # stand-in for api.get(...)
    st.success("Fetched data from API!")
    st.write("Here is a plot of the data:")
    st.line_chart(data)
    st.write("And here is the raw data:")
    st.dataframe(data)
show_data()
"""
    )
    # the miss run also holds the emptied slot of the spinner shown while it computed
    first = [e.type for e in at.main if e.type != "empty"]
    at.run()
    assert [e.type for e in at.main] == first
    assert first[1:3] == ["header", "success"] and "dataframe" in first
    assert values(at.markdown) == ["Here is a plot of the data:", "And here is the raw data:"]
    assert at.session_state.calls == ["show"]


def test_replay_lands_where_the_function_is_called_and_keeps_its_layout():
    at = run(
        """
import nbstream as st
@st.cache_data
def panel(n):
    st.sidebar.write(f"side {n}")
    left, right = st.columns(2)
    right.write(f"right {n}")
    with left:
        st.write(f"left {n}")
    slot = st.empty()
    slot.write("draft")
    slot.write(f"final {n}")
    return n
tab1, tab2 = st.tabs(["one", "two"])
with tab2:
    panel(1)
st.write("end")
"""
    )
    before = [(e.type, e.value) for e in at.main.markdown], values(at.sidebar.markdown)
    at.run()
    assert ([(e.type, e.value) for e in at.main.markdown], values(at.sidebar.markdown)) == before
    assert values(at.tabs[1].markdown) == ["left 1", "right 1", "final 1"]
    assert values(at.tabs[0].markdown) == []
    assert values(at.sidebar.markdown) == ["side 1"]


def test_writing_into_a_container_made_outside_cannot_be_replayed():
    at = run(
        """
import nbstream as st
box = st.container()
@st.cache_data
def fill():
    box.write("inside")
    return 1
fill()
"""
    )
    assert not at.exception
    at.run()
    [error] = at.exception
    assert error.proto["type"] == "CacheReplayClosureError"
    assert "a streamlit element is called on some layout block created outside the function" in error.message


def test_nested_cached_functions_replay_inner_elements():
    at = run(
        COUNT
        + """
@st.cache_data
def inner(n):
    st.session_state.calls.append("inner")
    st.write(f"inner {n}")
    return n
@st.cache_data
def outer():
    st.session_state.calls.append("outer")
    st.write("outer")
    return inner(1) + inner(1)
outer()
"""
    )
    at.run()
    assert values(at.markdown) == ["outer", "inner 1", "inner 1"]
    assert at.session_state.calls == ["outer", "inner"]


def test_cache_resource_replays_too():
    at = run(
        """
import nbstream as st
@st.cache_resource
def connect():
    st.info("Connected")
    return object()
connect()
"""
    )
    at.run()
    assert values(at.info) == ["Connected"]


# ---- Input widgets ------------------------------------------------------------------------


def test_widget_values_join_the_key_with_experimental_allow_widgets():
    at = run(
        COUNT
        + """
@st.cache_data(experimental_allow_widgets=True)  # 👈 Set the parameter
def get_data():
    num_rows = st.slider("Number of rows to get")  # 👈 Add a slider
    st.session_state.calls.append(num_rows)
    data = list(range(num_rows))  # stand-in for api.get(..., num_rows)
    return data
st.text(len(get_data()))
"""
    )
    assert texts(at) == ["0"] and len(at.slider) == 1
    at.slider[0].set_value(5).run()
    assert texts(at) == ["5"]
    at.slider[0].set_value(0).run()  # cached for 0 already
    assert texts(at) == ["0"] and at.slider[0].value == 0
    at.run()
    assert at.session_state.calls == [0, 5]
    assert not at.exception


def test_a_widget_in_a_cached_function_without_the_parameter_warns():
    at = run(
        """
import nbstream as st
@st.cache_data
def get_data():
    st.write("inside")
    return st.selectbox("selectbox", ["foo", "bar"], index=1)
st.text(get_data())
"""
    )
    [warning] = at.exception
    assert warning.proto["type"] == "CachedWidgetWarning"
    assert warning.message.startswith("Your script uses a widget command in a cached function")
    at.run()
    assert [e.proto["type"] for e in at.exception] == ["CachedWidgetWarning"]
    assert len(at.selectbox) == 1 and texts(at) == ["bar"]


# ---- Mutation and concurrency issues ---------------------------------------------------------


def test_mutating_a_cache_data_return_value_does_not_change_the_cache():
    at = run(
        """
import nbstream as st
@st.cache_data
def create_list():
    l = [1, 2, 3]
    return l
l = create_list()  # 👈 Call the function
l[0] = 2  # 👈 Mutate its return value
st.text(f"l[0] is: {l[0]}")
"""
    )
    at.run()
    assert texts(at) == ["l[0] is: 2"]


DROP_LAT = """
import pandas as pd
import nbstream as st
{decorator}
def load_data(url):
    df = pd.read_csv(url)
    return df
df = load_data({url!r})
st.dataframe(df)
df.drop(columns=['Lat'], inplace=True)  # 👈 Mutate the dataframe inplace
st.button("Rerun")
"""


def test_copying_behavior_cache_resource_returns_the_mutated_frame(uber_csv):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pandas deprecates inplace=True
        at = run(
            DROP_LAT.format(decorator="@st.cache_resource   # 👈 Turn off copying behavior", url=uber_csv)
        )
        assert not at.exception
        at.button[0].click().run()
    [error] = at.exception
    assert error.proto["type"] == "KeyError" and "['Lat'] not found in axis" in error.message


def test_copying_behavior_cache_data_gives_every_run_its_own_frame(uber_csv):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        at = run(DROP_LAT.format(decorator="@st.cache_data", url=uber_csv))
        at.button[0].click().run()
        at.button[0].click().run()
    assert not at.exception


CREATE_LIST = """
import nbstream as st
@st.cache_resource
def create_list():
    l = [1, 2, 3]
    return l
l = create_list()
first_list_value = l[0]
l[0] = first_list_value + 1
st.write("l[0] is:", l[0])
"""


def test_concurrent_users_share_and_mutate_a_cache_resource_object():
    user_a = run(CREATE_LIST)
    assert values(user_a.markdown) == ["l[0] is: `2`"]
    user_b = run(CREATE_LIST)
    assert values(user_b.markdown) == ["l[0] is: `3`"]
    user_a.run()
    assert values(user_a.markdown) == ["l[0] is: `4`"]


def test_with_cache_data_both_users_see_two():
    source = CREATE_LIST.replace("@st.cache_resource", "@st.cache_data")
    user_a, user_b = run(source), run(source)
    user_a.run()
    assert values(user_a.markdown) == values(user_b.markdown) == ["l[0] is: `2`"]


def test_cached_values_are_available_to_all_users():
    source = (
        COUNT
        + """
import uuid
@st.cache_data
def token():
    st.session_state.calls.append("token")
    return uuid.uuid4().hex
st.text(token())
"""
    )
    user_a, user_b = run(source), run(source)
    assert texts(user_a) == texts(user_b)
    assert user_a.session_state.calls == ["token"] and user_b.session_state.calls == []


# ---- Clearing ----------------------------------------------------------------------------


def test_clear_one_function_or_every_cache():
    at = app(
        COUNT
        + """
@st.cache_data
def data():
    st.session_state.calls.append("data")
@st.cache_resource
def resource():
    st.session_state.calls.append("resource")
data(); resource()
if st.button("clear data"):
    data.clear()
if st.button("clear all data"):
    st.cache_data.clear()
if st.button("clear resources"):
    st.cache_resource.clear()
"""
    ).run()
    at.button[0].click().run()
    at.run()
    assert at.session_state.calls == ["data", "resource", "data"]
    at.button[1].click().run()
    at.run()
    at.button[2].click().run()
    at.run()
    assert at.session_state.calls == ["data", "resource", "data", "data", "resource"]


# ---- Migrating from st.cache ----------------------------------------------------------------


def test_st_cache_shows_a_deprecation_warning_and_still_caches():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        at = run(
            COUNT
            + """
@st.cache(suppress_st_warning=True)
def data():
    st.session_state.calls.append("data")
    return [1]
@st.cache(allow_output_mutation=True)
def resource():
    return [1]
data()[0] = 5
st.text(data())
st.text(resource() is resource())
"""
        )
        at.run()
    assert texts(at) == ["[1]", "True"]
    assert at.session_state.calls == ["data"]
    assert all(w.startswith("`st.cache` is deprecated") for w in values(at.warning)) and len(at.warning) == 2


# ---- The cached singleton pattern (spec 3.x, custom classes) --------------------------------


def test_cache_resource_on_a_static_method():
    at = run(
        """
import nbstream as st

class MyResource:
    def __init__(self, api_url: str):
        self._url = api_url

    @st.cache_resource(ttl=300)
    @staticmethod
    def get_resource_manager(api_url: str):
        return MyResource(api_url)

# This is cached until Session State is cleared or 5 minutes has elapsed.
resource_manager = MyResource.get_resource_manager("http://example.com/api/")
st.session_state.setdefault("ids", []).append(id(resource_manager))
st.text(resource_manager._url)
"""
    )
    at.run()
    assert texts(at) == ["http://example.com/api/"]
    assert len(set(at.session_state.ids)) == 1


# ---- In notebooks too ------------------------------------------------------------------------


def test_a_loader_cached_in_a_notebook_cell_is_a_hit_in_an_app_cell():
    from nbstream.runtime.script import Script
    from nbstream.testing import AppTest

    calls = []

    @st.cache_data  # an ordinary notebook cell: no app, nothing to replay, no spinner
    def slow_loader(n):
        calls.append(n)
        st.success("loaded")  # outside an app this is no error
        return list(range(n))

    assert slow_loader(3) == [0, 1, 2]
    # The app cell's script sees the notebook's globals (the runtime seeds them).
    script = Script("import nbstream as st\nst.text(slow_loader(3))\n", seed={"slow_loader": slow_loader})
    at = AppTest(script)
    at.run()
    assert texts(at) == ["[0, 1, 2]"] and calls == [3]
