"""Dev server for the data elements page: real kernel answers, no Jupyter.

    /work/venv/bin/python js/dev/data/serve.py PORT

Runs app.py in an AppTest session; GET /tree gives its elements (props with bytes as
base64), POST /request answers an element's request with REQUEST_HANDLERS, POST /set
sets a widget value and reruns.  Files of js/dev/data are served as they are.
"""

import base64
import http.server
import json
import sys
from pathlib import Path

from nbstream.elements._base import REQUEST_HANDLERS
from nbstream.testing import AppTest

HERE = Path(__file__).parent
at = AppTest.from_file(str(HERE / "app.py"), default_timeout=120).run()


def jsonable(value):
    if isinstance(value, bytes):
        return {"$b64": base64.b64encode(value).decode()}
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value


def elements():
    return [n for n in at._session.tree.walk() if n.children is None]


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(HERE), **kwargs)

    def log_message(self, *args):
        pass

    def _json(self, body):
        data = json.dumps(body, default=str).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/tree":
            return self._json(
                [
                    {"kind": n.kind, "key": f"{n.kind}-{i}", "props": jsonable(n.props)}
                    for i, n in enumerate(elements())
                ]
            )
        return super().do_GET()

    def do_POST(self):
        msg = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.path == "/request":
            node = elements()[msg["index"]]
            try:
                content, buffers = REQUEST_HANDLERS[node.kind](node, msg["payload"])
            except ValueError as exc:
                return self._json({"error": str(exc)})
            return self._json(
                {"content": content, "buffers": [base64.b64encode(b).decode() for b in buffers]}
            )
        if self.path == "/set":
            at._pending_wire[msg["id"]] = msg["value"]
            at.run()
            return self._json({"ok": True})
        self.send_error(404)


http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
