"""The baselines for bench/publish_bench.py: a bare Flask app serving the same bytes from memory, and hello."""

import os

from flask import Flask, Response
from sqlalchemy import create_engine, text

from catalogue.config import database_url

app = Flask(__name__)
with create_engine(database_url(os.environ["DATABASE_URL"])).connect() as connection:
    CONTENT = connection.execute(
        text(
            "SELECT content FROM publication_file"
            " WHERE publication_id = :id AND format = 'xlsx' AND department_code = ''"
        ),
        {"id": int(os.environ["BENCH_PUBLICATION"])},
    ).scalar_one()


@app.get("/bytes")
def raw_bytes():
    return Response(CONTENT, mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@app.get("/hello")
def hello():
    return "Hello, World!"
