"""A per-process cache bounded by size, shared by the web's page cache and the services' kept figures."""

from collections import OrderedDict
from threading import Lock


class BoundedCache:
    """A least-recently-used mapping bounded by the total size of its values."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self._data = OrderedDict()
        self._size = 0
        self._lock = Lock()

    def get(self, key):
        with self._lock:
            value = self._data.get(key)
            if value is not None:
                self._data.move_to_end(key)
            return value

    def put(self, key, value, size):
        if size > self.max_bytes // 4:
            return
        with self._lock:
            if key in self._data:
                return
            self._data[key] = (value, size)
            self._size += size
            while self._size > self.max_bytes:
                _key, (_value, dropped) = self._data.popitem(last=False)
                self._size -= dropped

    def __len__(self):
        return len(self._data)

    def clear(self):
        with self._lock:
            self._data.clear()
            self._size = 0
