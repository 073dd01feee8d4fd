"""A real SMTP server for the tests (aiosmtpd), collecting what it is sent."""

import socket
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller


class Collector:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.original_content, policy=policy.default))
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SMTPServer:
    """``start()``, ``stop()``, and ``messages``: each an ``email.message.EmailMessage``."""

    def __init__(self, port=None):
        self.port = port or free_port()
        self.collector = Collector()
        self.controller = Controller(self.collector, hostname="127.0.0.1", port=self.port)

    @property
    def messages(self):
        return self.collector.messages

    def start(self):
        self.controller.start()
        return self

    def stop(self):
        self.controller.stop()
