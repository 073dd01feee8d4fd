"""Messages of the pure packages are translated when read: in the user's language in a request."""

import pickle

from flask_babel import force_locale
from markupsafe import escape

from core.text import _l
from imports.limits import too_many_rows


def test_a_message_is_translated_when_read(app):
    message = too_many_rows()
    with app.test_request_context(), force_locale("zh_Hans_CN"):
        assert str(message) == "工作表超过 20,000 行，请拆分为多个文件。"
    with app.test_request_context(), force_locale("en"):
        assert str(message) == "The sheet has more than 20,000 rows; split it into several files."


def test_values_are_escaped_in_pages_and_survive_the_child_process():
    message = _l(
        "Level-1 category “%(value)s” is not in this campaign's scheme (%(names)s).", value="<script>", names="A"
    )
    assert "&lt;script&gt;" in str(escape(message))
    assert pickle.loads(pickle.dumps(message)) == message
