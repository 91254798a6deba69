#!/usr/bin/python3
"""A scriptable SMTP peer for the tests, on 127.0.0.1 only.

    aiosmtpd_peer.py PORT DIR [--starttls CERT KEY | --implicit CERT KEY]
                     [--tls-versions MIN MAX] [--user NAME PASSWORD] [--pipelining]

Recipients whose local part starts with "greylist" get 451, with "nouser"
550; everything else is accepted and written to DIR as one .eml file per
message. --tls-versions limits the TLS versions offered (1.0 .. 1.3);
below 1.2 the server offers only RSA key exchange with AES-SHA at OpenSSL
security level 0, like the old relays that still speak it, so that only
the client's own minimum can refuse them. With --user, AUTH (LOGIN or
PLAIN) is required. With --pipelining, EHLO offers PIPELINING (RFC 2920;
aiosmtpd reads the commands of a pipelined group in order). Prints "ready"
once listening; stops on SIGTERM or SIGINT.
"""
import os
import signal
import ssl
import sys
import threading
import time
import uuid
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, directory):
        self.directory = directory

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0]
        if local.startswith("greylist"):
            return "451 4.7.1 Greylisted, please try again later"
        if local.startswith("nouser"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(self.directory, "%s.eml" % uuid.uuid4().hex)
        with open(name, "wb") as out:
            out.write(envelope.original_content)
        return "250 2.0.0 Ok: queued as %s" % os.path.basename(name)[:12]


class PipeliningHandler(Handler):
    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        # The new-style hook: it names the client itself.
        session.host_name = hostname
        return responses[:-1] + ["250-PIPELINING"] + responses[-1:]


class Authenticator:
    def __init__(self, user, password):
        self.user = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword) and auth_data.login == self.user and auth_data.password == self.password:
            return AuthResult(success=True)
        # handled=False lets aiosmtpd answer 535 instead of leaving the client waiting.
        return AuthResult(success=False, handled=False)


VERSIONS = {
    "1.0": "TLSv1",
    "1.1": "TLSv1_1",
    "1.2": "TLSv1_2",
    "1.3": "TLSv1_3",
}


def limit_versions(context, low, high):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        context.minimum_version = getattr(ssl.TLSVersion, VERSIONS[low])
        context.maximum_version = getattr(ssl.TLSVersion, VERSIONS[high])
    if high in ("1.0", "1.1"):
        context.set_ciphers("AES128-SHA:AES256-SHA:@SECLEVEL=0")


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    args = sys.argv[3:]
    options = {"hostname": "127.0.0.1", "port": port}
    context = None
    handler = Handler(directory)
    while args:
        flag = args.pop(0)
        if flag in ("--starttls", "--implicit"):
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(args.pop(0), args.pop(0))
            if flag == "--starttls":
                options["tls_context"] = context
                options["require_starttls"] = True
            else:
                options["ssl_context"] = context
        elif flag == "--tls-versions":
            limit_versions(context, args.pop(0), args.pop(0))
        elif flag == "--user":
            options["authenticator"] = Authenticator(args.pop(0), args.pop(0))
            options["auth_required"] = True
            options["auth_require_tls"] = "tls_context" in options or "ssl_context" in options
        elif flag == "--pipelining":
            handler = PipeliningHandler(directory)
    controller = Controller(handler, **options)
    controller.start()
    print("ready", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    while not stop.wait(0.2):
        pass
    controller.stop()


if __name__ == "__main__":
    main()
