"""A real SMTP server for the tests, on 127.0.0.1 and a free port: aiosmtpd in a
thread of the test process, started and stopped by the test that uses it."""

import email
import email.policy

from aiosmtpd.controller import Controller

from tests.servers import free_port


class Handler:
    """Keeps every message it accepts; refuses the recipients in ``refused`` with the
    reply given there (a 5xx for good, a 4xx for now)."""

    def __init__(self):
        self.messages = []
        self.refused = {}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.refused.get(address.lower())
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(message)
        return "250 Message accepted for delivery"


class SMTPServer:
    def __init__(self):
        self.handler = Handler()
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    @property
    def messages(self):
        return self.handler.messages

    def refuse(self, address, reply):
        self.handler.refused[address.lower()] = reply

    def start(self):
        self.controller.start()

    def stop(self):
        self.controller.stop()
