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
        """``(value, size)``, or None. Performance: without the lock, which only keeps the writers'
        total right (under gevent a lock is a Python object: 2% of a catalogue check). Each step is
        one operation of the C OrderedDict, whole under the GIL; an entry a writer drops between the
        two steps is simply not moved."""
        value = self._data.get(key)
        if value is not None:
            try:
                self._data.move_to_end(key)
            except KeyError:
                pass  # dropped meanwhile: the value found is still the right one
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
