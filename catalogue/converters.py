"""URL converters: path values the database can hold, or no match (404)."""

from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1  # PostgreSQL's integer


class IdConverter(IntegerConverter):
    """``<int:…>`` for row ids: a number too large for an id column matches nothing, so it is a 404."""

    def __init__(self, url_map, fixed_digits=0, min=None, max=MAX_ID, signed=False):
        super().__init__(url_map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)
