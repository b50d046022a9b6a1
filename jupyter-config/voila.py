# Voila's configuration from nbstream (installed as etc/jupyter/voila.py; Voila reads
# every voila.py on its config path).  Standalone Voila loads no server extensions, so
# this turns on what nbstream.server does for Jupyter servers: TCP_NODELAY on kernel
# websockets, without which a click's reply can wait ~40 ms for a delayed ACK.
try:
    from jupyter_server.services.kernels.websocket import KernelWebsocketHandler

    from nbstream.server import enable_nodelay

    enable_nodelay(KernelWebsocketHandler)
except ImportError:  # nbstream or jupyter_server uninstalled: nothing to do
    pass
# Declared components' build folders (components.declare_component(path=...)).
try:
    from voila.app import Voila

    from nbstream.server import serve_components_in_voila, serve_logins_in_voila

    serve_components_in_voila(Voila)
    serve_logins_in_voila(Voila)
except ImportError:  # nbstream or jupyter_server uninstalled: nothing to do
    pass
