"""The application's response class."""

from flask import Response as FlaskResponse


class Response(FlaskResponse):
    """Flask's response. Performance: made without headers or a content type (a page's HTML, a
    view's text), werkzeug looks for a Content-Type among its empty headers, and finds none by
    raising and catching an HTTP error made with its description; such a response is given the
    default mimetype at once, which is what werkzeug then gives it (a page that does nothing:
    bench/instructions_bench.py)."""

    def __init__(
        self, response=None, status=None, headers=None, mimetype=None, content_type=None, direct_passthrough=False
    ):
        if headers is None and mimetype is None and content_type is None:
            mimetype = self.default_mimetype
        super().__init__(response, status, headers, mimetype, content_type, direct_passthrough)
