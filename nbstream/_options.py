"""Every configuration option: its default and what it does (``nbstream config show``).

Names and defaults are Streamlit's; nbstream-only options are marked so.  Options of
the ``server`` and ``browser`` sections are read once, when ``nbstream run`` starts the
server; the others are read by the kernel (theme options again when the file changes).
"""

from __future__ import annotations

from typing import Any

OPTIONS: dict[str, tuple[Any, str]] = {
    "global.disableWidgetStateDuplicationWarning": (
        False,
        "Do not warn when a widget gets a default value and a Session State value at once.",
    ),
    "global.showWarningOnDirectExecution": (
        True,
        "Warn when a script is run with `python app.py` instead of `nbstream run app.py`.",
    ),
    "logger.level": ("info", 'Level of nbstream\'s log: "error", "warning", "info" or "debug".'),
    "logger.messageFormat": ("%(asctime)s %(message)s", "Format of the log's messages (Python logging)."),
    "client.showErrorDetails": (
        "full",
        'How much of an uncaught exception the app shows: "full", "stacktrace", "type" or "none" '
        "(true means full, false none).",
    ),
    "client.toolbarMode": (
        "auto",
        'Which menu options show: "developer", "viewer", "minimal", or "auto" (developer '
        "options in JupyterLab, not in a served app).",
    ),
    "client.showSidebarNavigation": (True, "Show the page navigation in the sidebar of multipage apps."),
    "runner.magicEnabled": (True, "Write bare expressions of the script to the app (magic)."),
    "runner.postScriptGC": (True, "Collect garbage after each run."),
    "runner.fastReruns": (True, "Stop a run as soon as a widget changes and start the next one."),
    "runner.enforceSerializableSessionState": (
        False,
        "Refuse Session State values that cannot be pickled.",
    ),
    "runner.enumCoercion": (
        "nameOnly",
        'How widget options that are Enum members compare across reruns: "off", "nameOnly" '
        'or "nameAndValue".',
    ),
    "runner.clickRunWindow": (
        1.0,
        "nbstream only: seconds a click's run is protected from newer input, so short click runs "
        "are never cut; past it, new input stops the run as it stops any run.",
    ),
    "runner.maxRunSeconds": (
        0,
        "nbstream only: seconds after which a run is stopped, with a message in the app; 0 for no limit.",
    ),
    "runner.cacheBackgroundRefreshTTLMultiplier": (
        2.0,
        'With refresh_mode="background", how long (in ttls from its creation) an expired cached '
        "value may still be returned while a new one is computed; later calls wait for it.",
    ),
    "runner.aliasStreamlit": (
        True,
        "Inside app runs, `import streamlit` (and `streamlit.*`) gives nbstream; false leaves a "
        "real installed Streamlit to be imported.",
    ),
    "server.folderWatchBlacklist": ([], "Folders not to watch for changes."),
    "server.fileWatcherType": (
        "auto",
        'How to watch files: "auto", "watchdog", "poll" or "none".  "none" turns off run-on-save and '
        "live theme changes; the others all poll the files' modification times (nbstream has no "
        "watchdog watcher: it polls, which also works on network file systems).",
    ),
    "server.headless": (False, "Do not open a browser when `nbstream run` starts the server."),
    "server.runOnSave": (False, "Rerun the app when its script is saved."),
    "server.address": (None, "The address the server listens on (unset: all of the machine's)."),
    "server.port": (8501, "The port the server listens on."),
    "server.scriptHealthCheckEnabled": (True, "Check that the script runs before serving it."),
    "server.baseUrlPath": ("", 'The URL path the app is served under, such as "my/app".'),
    "server.enableCORS": (
        True,
        "Refuse cross-origin requests (but from server.corsAllowedOrigins); false allows every origin "
        "(the Jupyter server's allow_origin = '*').",
    ),
    "server.corsAllowedOrigins": (
        [],
        "With server.enableCORS, the origins allowed besides the app's own (the Jupyter server's "
        "allow_origin_pat), e.g. ['http://example.com'].",
    ),
    "server.enableXsrfProtection": (
        True,
        "Check XSRF tokens on the server's POST requests; false sets the Jupyter server's "
        "disable_check_xsrf.",
    ),
    "server.maxUploadSize": (200, "The largest file a user may upload, in megabytes."),
    "server.maxMessageSize": (200, "The largest message to the browser, in megabytes."),
    "server.enableWebsocketCompression": (False, "Compress websocket messages."),
    "server.enableStaticServing": (
        False,
        "Serve the files of the ./static folder beside the app at app/static/<file>.",
    ),
    "server.kernels": (
        1,
        "`nbstream serve`: kernels started with the server; tab sessions spread over them.",
    ),
    "server.maxSessions": (0, "`nbstream serve`: the most tab sessions one kernel serves (0: no limit)."),
    "server.kernelIdleSeconds": (
        0.0,
        "(nbstream) `nbstream serve`: shut down a kernel that has had no tab session for this many "
        "seconds, keeping one warm; a fresh one starts when the kernels left are busy (0: never).",
    ),
    "server.gatewayUrl": (
        None,
        "(nbstream) `nbstream serve`: run the kernels through the Jupyter (Enterprise) Gateway at this "
        "URL (Jupyter Server's GatewayClient.url; unset: JUPYTER_GATEWAY_URL, else local kernels).",
    ),
    "server.gatewayAuthToken": (
        None,
        "(nbstream) The gateway's auth token (GatewayClient.auth_token; passed to the server in "
        "JUPYTER_GATEWAY_AUTH_TOKEN, never on its command line).",
    ),
    "server.gatewayHeaders": (
        None,
        '(nbstream) Extra headers for the gateway, a JSON object such as \'{"X-Team": "data"}\' '
        "(GatewayClient.headers).",
    ),
    "server.gatewayRequestTimeout": (
        None,
        "(nbstream) Seconds a gateway request (a kernel start) may take (GatewayClient.request_timeout).",
    ),
    "server.gatewayConnectTimeout": (
        None,
        "(nbstream) Seconds to connect to the gateway (GatewayClient.connect_timeout).",
    ),
    "server.gatewayValidateCert": (
        None,
        "(nbstream) Check the gateway's TLS certificate (GatewayClient.validate_cert; unset: yes).",
    ),
    "server.gatewayKernelName": (
        None,
        "(nbstream) The gateway's kernelspec to start (unset: python3).",
    ),
    "server.disconnectedSessionTTL": (
        120,
        "Seconds a disconnected tab's session is kept for it to reconnect (`nbstream serve`).",
    ),
    "server.cookieSecret": (
        None,
        "The secret that signs the server's cookies (a random one per start when unset). Give "
        "every replica of an app behind a proxy the same value, so a cookie one signed is good on "
        "the others (`nbstream serve`).",
    ),
    "server.sslCertFile": (None, "Certificate file: with server.sslKeyFile, serve the app over HTTPS."),
    "server.sslKeyFile": (None, "Private key file: with server.sslCertFile, serve the app over HTTPS."),
    "browser.serverAddress": ("localhost", "The address the browser opens."),
    "browser.gatherUsageStats": (True, "Accepted for Streamlit's sake: nbstream never collects anything."),
    "browser.serverPort": (8501, "The port the browser opens."),
    "mapbox.token": ("", "Mapbox token for map tiles."),
    "map.tileUrl": ("", "URL template of the tiles st.map draws."),
    "map.tileAttribution": ("", "The attribution shown with map.tileUrl's tiles."),
    "theme.base": (
        None,
        'The theme the other options change: "light", "dark", or a TOML theme file -- a path '
        '("themes/custom.toml") or a URL -- whose [theme] table the options here go over.',
    ),
    "theme.primaryColor": (None, "The accent color of widgets (a CSS color)."),
    "theme.backgroundColor": (None, "The background color of the app."),
    "theme.secondaryBackgroundColor": (None, "The background of the sidebar and of most widgets."),
    "theme.textColor": (None, "The color of text."),
    "theme.font": (None, 'The font: "sans serif", "serif", "monospace" or a CSS font family.'),
    "theme.headingFont": (None, "The font of headings (as theme.font); unset: theme.font."),
    "theme.codeFont": (None, "The font of code (as theme.font); unset: a monospace font."),
    "theme.linkColor": (None, "The color of links."),
    "theme.codeTextColor": (None, "The color of inline code."),
    "theme.borderColor": (None, "The color of borders around widgets and containers."),
    "theme.dataframeBorderColor": (None, "The color of data frames' grid lines."),
    "theme.baseRadius": (
        None,
        'How round corners are: "none", "small", "medium", "large", "full", or a CSS length.',
    ),
    **{
        f"theme.{name}{kind}Color": (None, f"The {name} of Streamlit's palette, {use}.")
        for name in ("red", "orange", "yellow", "blue", "green", "violet", "gray")
        for kind, use in (
            ("", "as a solid color"),
            ("Background", "as a background (colored backgrounds, badges)"),
            ("Text", "as text (colored text, badges)"),
        )
    },
    "theme.linkUnderline": (None, "Whether links are underlined (true or false)."),
    "theme.codeBackgroundColor": (None, "The background color of code blocks and inline code."),
    "theme.fontFaces": (
        None,
        "[[theme.fontFaces]] tables (family, url, weight, style, unicodeRange): fonts to load, "
        "from app/static/ (server.enableStaticServing) or a URL, named by font options.",
    ),
    "theme.baseFontSize": (None, "The root font size in pixels (a positive integer); unset: 16."),
    "theme.baseFontWeight": (None, "The root font weight: a multiple of 50 from 100 to 600; unset: 400."),
    "theme.metricValueFontSize": (
        None,
        'The font size of st.metric values ("48px", "3rem"); unset: 2.25rem.',
    ),
    "theme.metricValueFontWeight": (
        None,
        "The font weight of st.metric values: a multiple of 50, 100 to 900.",
    ),
    "theme.headingFontSizes": (
        None,
        'Font sizes of h1-h6: one for all ("2rem") or a list from h1 (["3rem", "2.5rem"]).',
    ),
    "theme.headingFontWeights": (
        None,
        "Font weights of h1-h6: one for all (600) or a list from h1 ([800, 700]); multiples of 50.",
    ),
    "theme.codeFontSize": (None, 'The font size of code blocks ("14px", "0.8rem"); unset: 0.875rem.'),
    "theme.codeFontWeight": (None, "The font weight of code: a multiple of 50 from 100 to 600; unset: 400."),
    "theme.buttonRadius": (None, "How round buttons are (as theme.baseRadius); unset: theme.baseRadius."),
    "theme.paddingTop": (None, 'The space above the first element ("1rem", "16px"); unset: the default.'),
    "theme.paddingBottom": (None, 'The space below the last element ("2rem", "32px"); unset: the default.'),
    "theme.dataframeHeaderBackgroundColor": (None, "The background of data frames' header cells."),
    "theme.dataframeHeaderTextColor": (None, "The text color of data frames' header cells."),
    "theme.showWidgetBorder": (
        None,
        "Draw a border (theme.borderColor) around input widgets: true or false.",
    ),
    "theme.showSidebarBorder": (None, "Draw a line between the sidebar and the main area: true or false."),
    "theme.chartCategoricalColors": (
        None,
        "Colors of categorical chart data, in order (built-in, Altair, Vega-Lite and Plotly charts).",
    ),
    "theme.chartSequentialColors": (None, "Ten colors: the gradient of sequential chart data."),
    "theme.chartDivergingColors": (None, "Ten colors: the scale of diverging chart data."),
    "theme.sidebar": (
        None,
        "The [theme.sidebar] table: the same color, font, radius and chart options, for the sidebar.",
    ),
    "theme.light": (
        None,
        "The [theme.light] table (and its [theme.light.sidebar]): options over [theme] when the app "
        "is light.",
    ),
    "theme.dark": (
        None,
        "The [theme.dark] table (and its [theme.dark.sidebar]): options over [theme] when the app is dark.",
    ),
    "cache.persist": (
        True,
        "(nbstream) Share st.cache_data entries between an app's kernels through the store cache.store "
        "selects.",
    ),
    "cache.dir": ("", "(nbstream) Where; empty for the user's cache folder (~/.cache/nbstream/cache)."),
    "cache.maxDiskSize": (2048, "(nbstream) Megabytes the cache files may take; least used go first."),
    "cache.store": (
        "disk",
        '(nbstream) Where st.cache_data entries are shared: "disk" (files in cache.dir: the kernels of '
        'this machine), "redis" (the server at cache.redisUrl: every replica that reaches it; pip '
        'install "nbstream[redis]"), or "module:Class" (your class with the methods of '
        "nbstream.caching.shared.CacheStore). cache_resource and session state are never shared.",
    ),
    "cache.redisUrl": (
        "redis://127.0.0.1:6379/0",
        '(nbstream) The Redis server of cache.store = "redis" (redis://[:password@]host:port/db). '
        "Its entries hold pickles: use a server only the app's replicas can write to.",
    ),
    "cache.redisMaxValueBytes": (
        64 * 1024 * 1024,
        "(nbstream) Bytes an entry may take in Redis; a bigger value stays in the kernel's memory.",
    ),
}
