#!/usr/bin/env bash
# Build the Binder environment from scratch in a fresh venv and check what a Binder
# launch relies on: postBuild installs, %%stapp apps run in a kernel, and one Jupyter
# server serves JupyterLab, the gallery through Voila (/voila/render/notebooks/...) and
# nbstream's front end.
#
#   bash binder/check.sh            (about 3 minutes: the package build runs npm)
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true  # it shuts its kernels down before the folder goes
    fi
    rm -rf "$work"
}
trap cleanup EXIT

python3 -m venv "$work/venv"
# shellcheck disable=SC1091
source "$work/venv/bin/activate"
export JUPYTER_CONFIG_DIR="$work/config" JUPYTER_DATA_DIR="$work/data" JUPYTER_RUNTIME_DIR="$work/runtime"
cd "$repo"
bash binder/postBuild > "$work/postBuild.log" 2>&1 || { tail -30 "$work/postBuild.log"; exit 1; }
echo "postBuild: installed nbstream $(python -c 'import nbstream; print(nbstream.__version__)')"

jupyter server extension list 2>&1 | grep -E "voila.server_extension.*enabled" > /dev/null
jupyter server extension list 2>&1 | grep -E "nbstream.server.*enabled" > /dev/null
echo "server extensions: voila and nbstream.server enabled"

python -m pip install --quiet nbclient ipykernel > /dev/null
python - "$repo/notebooks/hello.ipynb" "$repo/notebooks/apps/streamlit_script.ipynb" <<'PY'
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

for name in sys.argv[1:]:
    path = Path(name)
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, f"{path.name}: {errors[0]['ename']}: {errors[0]['evalue']}"
    print(f"kernel: {path.name} ran its %%stapp app")
PY

port="$(python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
jupyter lab --no-browser --allow-root --ServerApp.token= --ServerApp.password= --ip=127.0.0.1 \
    --port="$port" --ServerApp.root_dir="$repo" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 90); do
    curl -sf "http://127.0.0.1:$port/api/status" > /dev/null && break
    sleep 1
done
check() {  # URL path, text the page must hold
    if ! curl -sf --max-time 120 -o "$work/page" "http://127.0.0.1:$port/$1" || ! grep -q "$2" "$work/page"; then
        echo "FAILED: /$1"
        tail -20 "$work/server.log"
        exit 1
    fi
    echo "served: /$1"
}
check "lab/tree/notebooks" "JupyterLab"
check "voila/render/notebooks/hello.ipynb" "voila"
check "voila/tree/notebooks" "voila-tree-main"  # the listing is drawn by treepage.js
check "lab/extensions/nbstream/static/app.js" "nbstream"
echo "binder environment: OK"
