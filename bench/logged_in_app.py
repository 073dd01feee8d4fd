"""The application as deployed, with one more route the pages bench loads: a logged-in page that
does nothing but answer, the most any logged-in page can serve here (the session read, the account
checked against the database, the security headers, the request logged)."""

from flask_login import current_user, login_required

from catalogue import create_app

app = create_app()


@app.get("/bench/logged-in")
@login_required
def logged_in():
    return current_user.username
