"""Translatable text for code that must not import the application.

``_l("The sheet “%(sheet)s” is empty.", sheet=name)`` keeps the message id and its values, and is
translated each time it is turned into a string: in the user's language inside a request, in the
default language elsewhere. The application installs its translator with ``set_translator`` when it
starts; without one the English text is used. ``pybabel extract -k _l`` finds the messages.

Values are escaped by Jinja like any other string: a message is not markup, and the values in it
may come from an uploaded file.
"""

from collections.abc import Callable

Translator = Callable[..., str]


def _english(msgid: str, **params) -> str:
    return msgid % params if params else msgid


_translator: Translator = _english


def set_translator(translator: Translator | None) -> None:
    """Use ``translator(msgid, **params)`` for every LazyText from now on (None: English)."""
    global _translator
    _translator = translator or _english


class LazyText:
    """A message id with its values, translated when it is read."""

    __slots__ = ("msgid", "params")

    def __init__(self, msgid: str, **params):
        self.msgid = msgid
        self.params = params

    def __str__(self) -> str:
        return _translator(self.msgid, **{name: _plain(value) for name, value in self.params.items()})

    def __repr__(self) -> str:
        return f"LazyText({self.msgid!r})"

    def __eq__(self, other):
        if isinstance(other, LazyText):
            return (self.msgid, self.params) == (other.msgid, other.params)
        if isinstance(other, str):
            return str(self) == other
        return NotImplemented

    def __hash__(self):
        return hash((self.msgid, tuple(sorted((k, repr(v)) for k, v in self.params.items()))))

    def __len__(self):
        return len(str(self))

    def __contains__(self, part):
        return part in str(self)

    def __mod__(self, values):
        return str(self) % values

    def __add__(self, other):
        return str(self) + str(other)

    def __radd__(self, other):
        return str(other) + str(self)


def _plain(value):
    """Nested messages are translated too (a field label inside a message)."""
    return str(value) if isinstance(value, LazyText) else value


def _l(msgid: str, **params) -> LazyText:
    return LazyText(msgid, **params)
