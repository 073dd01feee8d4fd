"""The application as deployed, with two more routes: a logged-in page that does nothing but answer,
the most any logged-in page can serve here (the session read, the account checked against the
database, the security headers, the request logged), which the pages bench loads; and an anonymous
one, what any request costs before its page's own work (bench/instructions_bench.py)."""

from flask_login import current_user, login_required

from catalogue import create_app

app = create_app()


@app.get("/bench/logged-in")
@login_required
def logged_in():
    return current_user.username


@app.get("/bench/nothing")
def nothing():
    return "nothing"
