"""The baseline of bench/pages_bench.py: a bare Flask "hello", served by gunicorn like the application."""

from flask import Flask

app = Flask(__name__)


@app.get("/hello")
def hello():
    return "Hello, World!"
