"""Caching: ``st.cache_data`` and ``st.cache_resource``.

* ``api`` -- the decorators, ``st.cache`` (deprecated), the clear functions;
* ``cached_func`` -- one cached function: keys, lookups, computation, replay;
* ``hashing`` / ``hash_data`` / ``digest`` -- deterministic hashing of arguments;
* ``values`` -- what ``cache_data`` keeps of a value, and the copy each call gets;
* ``stores`` / ``diskformat`` -- each kernel's memory, and the disk store kernels share;
* ``shared`` -- the interface of the store ``cache_data`` entries are shared through,
  chosen by ``[cache] store``; ``redis_store`` -- one on a Redis server, for replicas;
* ``replay`` -- elements drawn inside cached functions, replayed on hits.

The app menu's "Clear cache" reaches ``clear_all`` through ``nbstream.runtime.caches``.
"""

from nbstream.caching.api import cache, cache_data, cache_resource, clear_all

__all__ = ["cache", "cache_data", "cache_resource", "clear_all"]
