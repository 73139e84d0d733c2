"""A loopback TCP proxy that injects faults per request, between the real sync client and the real server.

It relays bytes, not parsed HTTP: the client's sockets, the server's sockets and everything between
are real. HTTP/1.1 without pipelining takes turns, so a new request starts whenever the client sends
after the server spoke; each request gets a fault drawn from ``weights`` (seeded, replayable):

- ``pass``: relay both ways
- ``cut_request``: relay only part of the request's first chunk, then close both sides (the
  request is incomplete: the server never acts on it)
- ``drop_response``: relay the whole request, wait for the server's first answer bytes (it has
  committed: the server answers after its transaction), then close without relaying them
- ``cut_response``: relay half of the answer's first chunk, then close (a truncated answer)
- ``delay``: hold the request ``delay`` seconds before relaying it
- ``throttle``: relay the answer at ``rate`` bytes per second
- ``hold``: relay the request, then keep the answer back until :meth:`release` (or close): the
  server has committed, the client has no answer yet
- ``stall``: take the request and never relay it (``holding`` is set): the client has sent, the
  server has seen nothing

``rule``, when set, picks the fault from the first bytes of each request (``b"POST /api/v1/mutations"``...)
and returns None to fall back to ``weights``. ``counts`` tells how many requests got each fault.
"""

from __future__ import annotations

import random
import selectors
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable

FAULTS = ("pass", "cut_request", "drop_response", "cut_response", "delay", "throttle", "hold", "stall")


class FaultProxy:
    def __init__(
        self,
        upstream_port: int,
        weights: dict[str, float] | None = None,
        *,
        seed: int = 0,
        delay: float = 0.2,
        rate: int = 64_000,
        upstream_host: str = "127.0.0.1",
    ) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.weights = dict(weights or {"pass": 1.0})
        self.delay = delay
        self.rate = rate
        self.counts: Counter[str] = Counter()
        self.rule: Callable[[bytes], str | None] | None = None
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._released = threading.Event()
        self.holding = threading.Event()  # set while an answer is held back
        self._closed = threading.Event()
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(128)
        self.port = int(self._listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self._threads: list[threading.Thread] = []
        self._accept = threading.Thread(target=self._serve, name="fault-proxy", daemon=True)
        self._accept.start()

    def set_weights(self, weights: dict[str, float]) -> None:
        with self._lock:
            self.weights = dict(weights)

    def release(self) -> None:
        self._released.set()

    def _choose(self, head: bytes = b"") -> str:
        with self._lock:
            ruled = self.rule(head) if self.rule is not None else None
            if ruled is not None:
                self.counts[ruled] += 1
                return ruled
            names = list(self.weights)
            fault = self._rng.choices(names, [self.weights[n] for n in names])[0]
            self.counts[fault] += 1
            return fault

    def _serve(self) -> None:
        while not self._closed.is_set():
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            thread = threading.Thread(target=self._relay, args=(conn,), name="fault-proxy-conn", daemon=True)
            self._threads = [t for t in self._threads if t.is_alive()] + [thread]
            thread.start()

    def _relay(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(self.upstream, timeout=10)
        except OSError:
            client.close()
            return
        selector = selectors.DefaultSelector()
        selector.register(client, selectors.EVENT_READ)
        selector.register(upstream, selectors.EVENT_READ)
        fault = "pass"
        server_spoke = True
        try:
            while not self._closed.is_set():
                events = selector.select(timeout=0.5)
                for key, _ in events:
                    sock = key.fileobj
                    assert isinstance(sock, socket.socket)
                    try:
                        data = sock.recv(65536)
                    except OSError:
                        return
                    if not data:
                        return
                    if sock is client:
                        if server_spoke:
                            fault, server_spoke = self._choose(data), False
                            if fault == "cut_request":
                                upstream.sendall(data[: self._rng.randint(0, max(0, len(data) - 1))])
                                return
                            if fault == "delay":
                                time.sleep(self.delay)
                        if fault == "stall":
                            self.holding.set()
                            continue
                        upstream.sendall(data)
                        continue
                    server_spoke = True
                    if fault == "drop_response":
                        return
                    if fault == "cut_response":
                        client.sendall(data[: len(data) // 2])
                        return
                    if fault == "hold":
                        self.holding.set()
                        while not self._released.wait(0.1):
                            if self._closed.is_set():
                                return
                        self.holding.clear()
                    if fault == "throttle":
                        for start in range(0, len(data), 1024):
                            client.sendall(data[start : start + 1024])
                            time.sleep(1024 / self.rate)
                        continue
                    client.sendall(data)
        except OSError:
            return
        finally:
            selector.close()
            for sock in (client, upstream):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()

    def close(self) -> None:
        self._closed.set()
        self._released.set()
        self._listener.close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._accept.join(timeout=5)

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
