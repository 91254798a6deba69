#!/usr/bin/python3
"""A POP3 server with TLS for the tests of the bounce mailbox, on 127.0.0.1.

    pop3_peer.py PORT DIR (--implicit | --stls) CERT KEY --user NAME PASSWORD

DIR is the maildrop: one file per message, named by its unique id (UIDL),
oldest first by name; files whose names start with "." are not messages.
RFC 1939 in the transaction state: STAT, LIST, UIDL, RETR, DELE, RSET,
NOOP, QUIT; CAPA; USER/PASS (only over TLS). DELE marks; QUIT deletes the
marked files, then answers. While the file DIR/.drop-at-quit exists, QUIT
instead removes it and closes the connection without deleting or
answering, as a connection dropped at the last moment. Each session is
written to DIR/.log ("+" for a login, "-" for a refused one). Prints
"ready" once listening; stops on SIGTERM or SIGINT.
"""
import os
import signal
import socketserver
import ssl
import sys


def main():
    port = int(sys.argv[1])
    directory = sys.argv[2]
    mode = sys.argv[3]
    cert, key = sys.argv[4], sys.argv[5]
    assert sys.argv[6] == "--user"
    user, password = sys.argv[7], sys.argv[8]
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(cert, key)

    def log(line):
        with open(os.path.join(directory, ".log"), "a") as out:
            out.write(line + "\n")

    class Session(socketserver.StreamRequestHandler):
        def setup(self):
            self.secure = False
            if mode == "--implicit":
                try:
                    self.request = context.wrap_socket(self.request, server_side=True)
                except (ssl.SSLError, OSError):
                    self.request.close()
                    self.failed = True
                    return
                self.secure = True
            self.failed = False
            super().setup()

        def finish(self):
            if not self.failed:
                try:
                    super().finish()
                except (ssl.SSLError, OSError):
                    pass

        def send(self, line):
            self.wfile.write(line.encode() + b"\r\n")
            self.wfile.flush()

        def handle(self):
            if self.failed:
                return
            try:
                self.dialog()
            except (ssl.SSLError, OSError, ConnectionError):
                pass

        def upgrade(self):
            self.send("+OK begin TLS")
            self.wfile.flush()
            raw = self.request
            try:
                self.request = context.wrap_socket(raw, server_side=True)
            except (ssl.SSLError, OSError):
                raw.close()
                return False
            self.secure = True
            self.rfile = self.request.makefile("rb")
            self.wfile = self.request.makefile("wb")
            return True

        def messages(self):
            names = sorted(n for n in os.listdir(directory) if not n.startswith("."))
            return [(n, os.path.getsize(os.path.join(directory, n))) for n in names]

        def dialog(self):
            self.send("+OK test POP3 server ready")
            name = None
            listed = None
            marked = set()
            while True:
                line = self.rfile.readline()
                if not line:
                    return  # dropped by the client: nothing deleted
                words = line.decode("utf-8", "replace").rstrip("\r\n").split(" ")
                command, args = words[0].upper(), words[1:]
                if command == "CAPA":
                    self.send("+OK")
                    for cap in (["STLS"] if mode == "--stls" and not self.secure else []) + ["USER", "UIDL"]:
                        self.send(cap)
                    self.send(".")
                elif command == "STLS" and mode == "--stls" and not self.secure and listed is None:
                    if not self.upgrade():
                        return
                elif command == "QUIT":
                    if listed is not None and os.path.exists(os.path.join(directory, ".drop-at-quit")):
                        os.remove(os.path.join(directory, ".drop-at-quit"))
                        log("dropped at QUIT")
                        return
                    for index in sorted(marked):
                        os.remove(os.path.join(directory, listed[index - 1][0]))
                    if marked:
                        log("deleted %d" % len(marked))
                    self.send("+OK bye")
                    return
                elif listed is None:
                    if command == "USER" and args:
                        if not self.secure:
                            self.send("-ERR use STLS first")
                        else:
                            name = " ".join(args)
                            self.send("+OK")
                    elif command == "PASS" and name is not None:
                        if name == user and " ".join(args) == password:
                            listed = self.messages()
                            log("+ " + name)
                            self.send("+OK %d messages" % len(listed))
                        else:
                            log("- " + name)
                            self.send("-ERR [AUTH] invalid user name or password")
                            name = None
                    else:
                        self.send("-ERR not logged in")
                elif command == "STAT":
                    live = [m for i, m in enumerate(listed, 1) if i not in marked]
                    self.send("+OK %d %d" % (len(live), sum(size for _, size in live)))
                elif command in ("LIST", "UIDL"):
                    def item(index):
                        return "%d %s" % (index, listed[index - 1][1] if command == "LIST" else listed[index - 1][0])
                    if args:
                        index = int(args[0]) if args[0].isdigit() else 0
                        if 1 <= index <= len(listed) and index not in marked:
                            self.send("+OK " + item(index))
                        else:
                            self.send("-ERR no such message")
                    else:
                        self.send("+OK")
                        for index in range(1, len(listed) + 1):
                            if index not in marked:
                                self.send(item(index))
                        self.send(".")
                elif command in ("RETR", "DELE"):
                    index = int(args[0]) if args and args[0].isdigit() else 0
                    if not 1 <= index <= len(listed) or index in marked:
                        self.send("-ERR no such message")
                    elif command == "DELE":
                        marked.add(index)
                        self.send("+OK marked")
                    else:
                        with open(os.path.join(directory, listed[index - 1][0]), "rb") as f:
                            content = f.read().replace(b"\r\n", b"\n").split(b"\n")
                        if content and content[-1] == b"":
                            content.pop()
                        self.send("+OK message follows")
                        for raw in content:
                            self.wfile.write((b"." if raw.startswith(b".") else b"") + raw + b"\r\n")
                        self.send(".")
                elif command == "RSET":
                    marked.clear()
                    self.send("+OK")
                elif command == "NOOP":
                    self.send("+OK")
                else:
                    self.send("-ERR unknown command")

    class Server(socketserver.ThreadingTCPServer):
        allow_reuse_address = True
        daemon_threads = True

    server = Server(("127.0.0.1", port), Session)

    def stop(*_):
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print("ready", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
