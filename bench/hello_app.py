"""The baselines of bench/pages_bench.py, served by gunicorn like the application: a bare Flask
"hello", and bare bytes as many as the clerk's catalogue page has (BENCH_PAGE_BYTES), the most a
page of that weight could serve with no work at all."""

import os

from flask import Flask

app = Flask(__name__)
PAGE = b"x" * int(os.environ.get("BENCH_PAGE_BYTES", "0"))


@app.get("/hello")
def hello():
    return "Hello, World!"


@app.get("/page-bytes")
def page_bytes():
    return PAGE, 200, {"Content-Type": "text/html; charset=utf-8"}
