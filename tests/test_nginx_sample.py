"""The guide's nginx sample, as written in docs/deploy.md, in front of the shipped gunicorn settings.

Only the certificate (a self-signed one), the address nginx listens on (a port other than 443) and the
application's port are put in; everything else is the guide's text. Through it: a log-in works (the
Host keeps its port, so the form's origin checks pass), and connections that send half a request
are held by nginx while the application keeps answering.
"""

import http.client
import re
import socket
import ssl
import subprocess
import time
from pathlib import Path

import pytest

from tests.test_server import ROOT, free_port, serve
from tests.tools import require

GUIDE = ROOT / "docs" / "deploy.md"
PASSWORD = "nginx-sample-Kv7#pq2"


def sample_server_block() -> str:
    """The HTTPS server block of the guide's nginx sample."""
    (sample,) = re.findall(r"```nginx\n(.*?)```", GUIDE.read_text(), re.S)
    blocks = re.split(r"\n(?=server \{)", sample.strip())
    (https,) = [block for block in blocks if "listen 443" in block]
    return https


def nginx_configuration(folder: Path, listen: int, upstream: int) -> Path:
    subprocess.run(
        [require("openssl"), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    server = sample_server_block()
    server = re.sub(r"listen 443 ssl[^;]*;", f"listen 127.0.0.1:{listen} ssl;", server)
    server = re.sub(r"ssl_certificate\s+\S+;", f"ssl_certificate {folder / 'cert.pem'};", server)
    server = re.sub(r"ssl_certificate_key\s+\S+;", f"ssl_certificate_key {folder / 'key.pem'};", server)
    assert server.count("127.0.0.1:8000") == 2, "the sample proxies to the address gunicorn listens on"
    server = server.replace("127.0.0.1:8000", f"127.0.0.1:{upstream}")
    temp = folder / "temp"
    temp.mkdir()
    config = folder / "nginx.conf"
    config.write_text(
        f"daemon off;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'};\nevents {{}}\n"
        f"http {{\naccess_log off;\nclient_body_temp_path {temp}/body;\nproxy_temp_path {temp}/proxy;\n"
        f"fastcgi_temp_path {temp}/fastcgi;\nuwsgi_temp_path {temp}/uwsgi;\nscgi_temp_path {temp}/scgi;\n"
        f"{server}\n}}\n"
    )
    return config


@pytest.fixture
def behind_nginx(tmp_path):
    """gunicorn (shipped settings, PROXY_FIX_X_FOR=1 as the guide says) behind the guide's nginx on a free port."""
    process, _url, upstream = serve(tmp_path / "app", settings={"PROXY_FIX_X_FOR": "1", "SESSION_COOKIE_SECURE": "1"})
    flask = Path(process.args[0]).parent / "flask"
    command = [str(flask), "--app", "catalogue", "create-admin", "admin"]
    run = {"cwd": tmp_path / "app", "env": process.environment, "check": True, "capture_output": True}
    subprocess.run(command, input=PASSWORD + "\n", text=True, **run)
    listen = free_port()
    nginx = subprocess.Popen(
        [require("nginx"), "-c", str(nginx_configuration(tmp_path, listen, upstream))],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", listen), timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    yield listen
    nginx.terminate()
    nginx.wait(timeout=30)
    process.terminate()
    process.wait(timeout=30)


TLS = ssl.create_default_context()
TLS.check_hostname = False
TLS.verify_mode = ssl.CERT_NONE


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPSConnection("127.0.0.1", port, context=TLS, timeout=5)
    started = time.monotonic()
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    return response, response.read(), time.monotonic() - started


def test_logging_in_through_the_sample_on_another_port(behind_nginx):
    port = behind_nginx
    page, body, _took = request(port, "GET", "/login")
    assert page.status == 200 and page.getheader("Strict-Transport-Security")
    token = re.search(rb'name="csrf_token" type="hidden" value="([^"]+)"', body).group(1).decode()
    cookie = page.getheader("Set-Cookie").split(";")[0]
    assert cookie.startswith("__Host-session=")
    form = f"csrf_token={token}&username=admin&password={PASSWORD}"
    headers = {
        "Cookie": cookie,
        "Content-Type": "application/x-www-form-urlencoded",
        "Referer": f"https://127.0.0.1:{port}/login",  # as a browser sends it: with the port
    }
    answer, _body, _took = request(port, "POST", "/login", form, headers)
    assert answer.status == 302, _body[:300]


def test_half_sent_requests_wait_at_nginx_not_in_the_application(behind_nginx):
    port = behind_nginx
    stalled = []
    for _ in range(32):
        connection = TLS.wrap_socket(socket.create_connection(("127.0.0.1", port)))
        connection.sendall(b"POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\nusername=a")
        stalled.append(connection)
    try:
        time.sleep(1)
        for _ in range(5):
            response, _body, took = request(port, "GET", "/login")
            assert response.status == 200 and took < 2
    finally:
        for connection in stalled:
            connection.close()
