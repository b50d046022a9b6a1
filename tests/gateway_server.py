"""A real Jupyter Enterprise Gateway for ``nbstream serve --gateway-url``'s tests.

Enterprise Gateway 3.3 needs jupyter_server<2 and jupyter_client<7, so it lives in a venv
of its own (``.ci/run`` makes ``.venv-gateway``; ``NBSTREAM_GATEWAY_VENV`` names another).
Its kernels run nbstream's own Python: the gateway is given a kernelspec (in a temporary
``JUPYTER_PATH``) whose argv is ``<this python> -m ipykernel_launcher -f
{connection_file}``, which its local process launcher starts.  The gateway listens on
127.0.0.1 on a free port, with an auth token, and is stopped afterwards.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from tests.databases import _free_port

ROOT = Path(__file__).resolve().parent.parent
VENV_ENV = "NBSTREAM_GATEWAY_VENV"
TOKEN = "gateway-test-token"  # a throwaway server's
# Enterprise Gateway refuses kernels to the user "root" (its unauthorized_users) unless told
# who asks: nbstream serve passes KERNEL_* variables to the gateway, as Jupyter Server does.
KERNEL_USERNAME = "nbstream-test"


def gateway_binary() -> Path | None:
    """The ``jupyter-enterprisegateway`` of the gateway's venv, or None when it is absent."""
    venv = Path(os.environ.get(VENV_ENV) or ".venv-gateway")
    if not venv.is_absolute():  # as .ci/run names it, from the repository's root
        venv = ROOT / venv
    found = venv / "bin" / "jupyter-enterprisegateway"
    return found if found.exists() else None


class Gateway:
    """One Enterprise Gateway process, its kernels started with ``python``."""

    def __init__(self, binary: Path, python: str = sys.executable, env: dict[str, str] | None = None) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.folder = Path(tempfile.mkdtemp(prefix="nbstream-gateway-"))
        spec = self.folder / "jupyter" / "kernels" / "python3"
        spec.mkdir(parents=True)
        (spec / "kernel.json").write_text(
            json.dumps(
                {
                    "argv": [python, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                    "display_name": "nbstream (gateway test)",
                    "language": "python",
                }
            )
        )
        self.log = self.folder / "gateway.log"
        self._log_file = self.log.open("wb")
        full_env = {
            **os.environ,
            **(env or {}),
            "JUPYTER_PATH": str(self.folder / "jupyter"),
            "JUPYTER_RUNTIME_DIR": str(self.folder / "runtime"),
            "PYTHONUNBUFFERED": "1",
        }
        argv = [str(binary), "--ip=127.0.0.1", f"--port={self.port}",
                f"--EnterpriseGatewayApp.auth_token={TOKEN}", "--EnterpriseGatewayApp.port_retries=0",
                "--EnterpriseGatewayApp.list_kernels=True"]  # fmt: skip
        self.proc = subprocess.Popen(
            argv, env=full_env, stdout=self._log_file, stderr=subprocess.STDOUT, start_new_session=True
        )
        self._wait()

    def _wait(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the gateway exited:\n{self.log.read_text(errors='replace')[-3000:]}")
            with contextlib.suppress(OSError):
                self.api("api/kernelspecs")
                return
            time.sleep(0.25)
        raise RuntimeError(f"the gateway did not start:\n{self.log.read_text(errors='replace')[-3000:]}")

    def api(self, path: str, method: str = "GET") -> Any:
        """A call of the gateway's REST API (with its token); the JSON answer, or None."""
        request = urllib.request.Request(
            f"{self.url}/{path}", method=method, headers={"Authorization": f"token {TOKEN}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def kernel_ids(self) -> list[str]:
        return [k["id"] for k in self.api("api/kernels")]

    def kernel_pids(self) -> list[int]:
        """The PIDs of the kernel processes the gateway runs."""
        import psutil

        found = []
        for child in psutil.Process(self.proc.pid).children(recursive=True):
            with contextlib.suppress(psutil.NoSuchProcess):
                if "ipykernel" in " ".join(child.cmdline()):
                    found.append(child.pid)
        return found

    def client_env(self) -> dict[str, str]:
        """What a Jupyter server needs in its environment to use this gateway."""
        return {"JUPYTER_GATEWAY_AUTH_TOKEN": TOKEN, "KERNEL_USERNAME": KERNEL_USERNAME}

    def stop(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
        self._log_file.close()
