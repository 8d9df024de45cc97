"""Slow-header clients against a server while /healthz keeps being asked.

20 connections that each send one header line every 4 s, never finishing the
request (what took `/healthz` down when browsers reached gunicorn directly), and
meanwhile a `/healthz` every 0.2 s. `make cluster-check` runs it against nginx and,
for comparison, against one gunicorn node; `make serve-check` against `make serve`:

    python -m scripts.slow_clients PORT [SECONDS]

prints max and p50 latency and exits 1 when a /healthz failed or took 1 s or more.
"""

import http.client
import socket
import statistics
import sys
import time


class SlowClient:
    """A connection that sends one header line every `interval` seconds, never finishing."""

    def __init__(self, port, number):
        self.port, self.number, self.lines, self.reconnects = port, number, 0, 0
        self.sock = None
        self.connect()

    def connect(self):
        if self.sock is not None:
            self.sock.close()
            self.reconnects += 1
        self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=5)
        self.sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")

    def trickle(self):
        try:
            self.lines += 1
            self.sock.sendall(f"X-Slow-{self.number}-{self.lines}: 1\r\n".encode())
        except OSError:
            # The server gave up on this client (nginx's client_header_timeout): come back.
            self.connect()

    def close(self):
        self.sock.close()


def slow_clients(port, seconds=20.0, clients=20, interval=4.0, timeout=5.0):
    """/healthz latencies (s) while `clients` slow-header connections are open."""
    slow = [SlowClient(port, number) for number in range(clients)]
    latencies, failures = [], 0
    started = next_trickle = time.monotonic()
    try:
        while time.monotonic() - started < seconds:
            if time.monotonic() >= next_trickle:
                for client in slow:
                    client.trickle()
                next_trickle += interval
            began = time.monotonic()
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
                connection.request("GET", "/healthz")
                ok = connection.getresponse().status == 200
                connection.close()
            except OSError:
                ok = False
            latencies.append(time.monotonic() - began)
            failures += not ok
            time.sleep(0.2)
    finally:
        for client in slow:
            client.close()
    return {
        "requests": len(latencies),
        "failed": failures,
        "max": max(latencies),
        "p50": statistics.median(latencies),
        "reconnects": sum(client.reconnects for client in slow),
    }


def report(numbers):
    return (
        f"/healthz max {numbers['max'] * 1000:.0f} ms, p50 {numbers['p50'] * 1000:.0f} ms,"
        f" {numbers['failed']} failed of {numbers['requests']}"
    )


def main(argv):
    port = int(argv[1])
    seconds = float(argv[2]) if len(argv) > 2 else 20.0
    numbers = slow_clients(port, seconds=seconds)
    print(f"20 slow-header clients against 127.0.0.1:{port} for {seconds:.0f} s: {report(numbers)}")
    return 0 if numbers["failed"] == 0 and numbers["max"] < 1.0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
