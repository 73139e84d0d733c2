"""A real loopback HTTP proxy that misbehaves on demand, between the sync client and the reference server.

Not a mock of ``requests``: the client opens real sockets to it and reads real bytes. Each request is
handled according to ``proxy.fault`` (a fault name, or a callable ``(method, path) -> fault name``):

- ``pass``: forward to the upstream server and relay its answer
- ``reset``: close the connection without answering (the request never reaches the server)
- ``hang``: accept and never answer (the client's read timeout fires)
- ``500`` / ``503``: an HTML error page with that status, as a broken gateway sends
- ``html``: ``200`` with an HTML page (a captive portal, a login wall)
- ``garbage``: ``200`` ``application/json`` that is not JSON
- ``wrong_shape``: ``200`` well-formed JSON of the wrong shape
- ``truncate``: forward, then send only half of the server's answer under its full Content-Length
- ``lose_answer``: forward (the server applies it), then close without relaying the answer
- ``redirect``: ``302`` to a plain-http address elsewhere (a hijacked or misconfigured gateway)
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit

FAULTS = (
    "pass",
    "reset",
    "hang",
    "500",
    "503",
    "html",
    "garbage",
    "wrong_shape",
    "truncate",
    "lose_answer",
    "redirect",
)

_HTML = b"<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"


class FaultyProxy:
    def __init__(self, upstream: str) -> None:
        parts = urlsplit(upstream)
        self.upstream_host = parts.hostname or "127.0.0.1"
        self.upstream_port = parts.port or 80
        self.fault: str | Callable[[str, str], str] = "pass"
        self.seen: list[tuple[str, str, str]] = []  # (method, path, fault)
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._closed = threading.Event()
        self._threads: list[threading.Thread] = []
        self._conns: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._accept = threading.Thread(target=self._serve, name="faulty-proxy", daemon=True)
        self._accept.start()

    def _serve(self) -> None:
        while not self._closed.is_set():
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            t = threading.Thread(target=self._handle, args=(conn,), name="faulty-proxy-conn", daemon=True)
            with self._lock:
                self._conns.add(conn)
                self._threads = [x for x in self._threads if x.is_alive()]
                self._threads.append(t)
            t.start()

    def _choose(self, method: str, path: str) -> str:
        fault = self.fault
        return fault(method, path) if callable(fault) else fault

    def _handle(self, conn: socket.socket) -> None:
        conn.settimeout(10)
        try:
            with conn:
                while not self._closed.is_set():
                    request = _read_request(conn)
                    if request is None:
                        return
                    method, target, headers, body = request
                    fault = self._choose(method, target)
                    with self._lock:
                        self.seen.append((method, target, fault))
                    if not self._answer(conn, fault, method, target, headers, body):
                        return
        except (OSError, ValueError):
            return
        finally:
            with self._lock:
                self._conns.discard(conn)

    def _answer(
        self, conn: socket.socket, fault: str, method: str, target: str, headers: dict[str, str], body: bytes
    ) -> bool:
        """Handle one request; False when the connection must close."""
        if fault == "reset":
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            return False
        if fault == "hang":
            self._closed.wait(60)
            return False
        if fault in ("500", "503"):
            conn.sendall(_response(int(fault), "text/html", _HTML))
            return True
        if fault == "redirect":
            conn.sendall(_head(302, "Found", [("Location", "http://desk.example.com" + target)], 0))
            return True
        if fault == "html":
            conn.sendall(_response(200, "text/html; charset=utf-8", _HTML))
            return True
        if fault == "garbage":
            conn.sendall(_response(200, "application/json", b'{"changes": [{"cursor": "1", "ent'))
            return True
        if fault == "wrong_shape":
            conn.sendall(_response(200, "application/json", b'{"items": [], "next": 7, "results": "ok"}'))
            return True
        status, reason, out_headers, out_body = self._forward(method, target, headers, body)
        if fault == "lose_answer":
            return False
        if fault == "truncate":
            head = _head(status, reason, out_headers, len(out_body))
            conn.sendall(head + out_body[: max(1, len(out_body) // 2)])
            return False
        conn.sendall(_head(status, reason, out_headers, len(out_body)) + out_body)
        return True

    def _forward(
        self, method: str, target: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, str, list[tuple[str, str]], bytes]:
        upstream = http.client.HTTPConnection(self.upstream_host, self.upstream_port, timeout=60)
        try:
            keep = {k: v for k, v in headers.items() if k.lower() not in ("host", "connection", "keep-alive")}
            upstream.request(method, target, body=body or None, headers=keep)
            answer = upstream.getresponse()
            data = answer.read()
            out = [
                (k, v)
                for k, v in answer.getheaders()
                if k.lower() not in ("content-length", "transfer-encoding", "connection")
            ]
            return answer.status, answer.reason, out, data
        finally:
            upstream.close()

    def close(self) -> None:
        self._closed.set()
        for sock in [self._listener, *self._conns]:
            try:
                sock.shutdown(socket.SHUT_RDWR)  # wakes a thread blocked in accept() or recv()
            except OSError:
                pass
        self._listener.close()
        with self._lock:
            threads = list(self._threads)
        for t in threads:
            t.join(5)
        self._accept.join(5)


def _read_request(conn: socket.socket) -> tuple[str, str, dict[str, str], bytes] | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, target, _version = lines[0].split(" ", 2)
    headers: dict[str, str] = {}
    for line in lines[1:]:
        key, _, value = line.partition(":")
        headers[key.strip()] = value.strip()
    length = int(next((v for k, v in headers.items() if k.lower() == "content-length"), "0"))
    while len(rest) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        rest += chunk
    return method, target, headers, rest[:length]


def _head(status: int, reason: str, headers: list[tuple[str, str]], length: int) -> bytes:
    lines = [f"HTTP/1.1 {status} {reason}"]
    lines += [f"{k}: {v}" for k, v in headers]
    lines.append(f"Content-Length: {length}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _response(status: int, content_type: str, body: bytes) -> bytes:
    reason = http.client.responses.get(status, "Status")
    return _head(status, reason, [("Content-Type", content_type)], len(body)) + body


def free_port() -> int:
    """A loopback port nobody listens on (connection refused)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()
