"""The per-process cache: least recently used first out, bounded by the sizes it was told, and safe
to read while other threads write."""

import threading

from core.caching import BoundedCache


def test_the_least_recently_used_goes_first_when_the_size_is_reached():
    cache = BoundedCache(100)
    for key in "abcde":
        cache.put(key, key, 20)
    assert cache.get("a") == ("a", 20)  # read: now the most recent
    cache.put("f", "f", 20)
    assert cache.get("b") is None and all(cache.get(key) == (key, 20) for key in "acdef")


def test_a_value_larger_than_a_quarter_is_not_kept_and_a_kept_one_not_replaced():
    cache = BoundedCache(100)
    cache.put("big", 1, 26)
    cache.put("a", 1, 10)
    cache.put("a", 2, 10)
    assert cache.get("big") is None and cache.get("a") == (1, 10) and len(cache) == 1


def test_readers_and_writers_at_once_keep_the_bound_and_never_fail():
    cache, failures = BoundedCache(1000), []

    def work(offset):
        try:
            for n in range(20_000):
                key = (n + offset) % 300
                cache.put(key, key, 10)
                found = cache.get((key * 7) % 300)
                assert found is None or found == ((key * 7) % 300, 10)
        except Exception as error:  # noqa: BLE001  # reported below, with the thread's own failure
            failures.append(error)

    threads = [threading.Thread(target=work, args=(each,)) for each in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == [] and len(cache) <= 100 and cache._size == 10 * len(cache)
