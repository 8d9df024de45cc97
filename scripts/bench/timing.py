"""Client-observed latency (p50/p95 of sequential requests) and throughput (wrk)."""

import http.client
import math
import re
import statistics
import subprocess
import time


def nearest_rank(sorted_values, fraction):
    return sorted_values[max(0, math.ceil(fraction * len(sorted_values)) - 1)]


def time_requests(port, path, cookie, count, budget=15.0, least=30, warmup=10):
    """p50 and p95 in ms of `count` sequential GETs over one keep-alive connection, as the
    client on loopback sees them (request written to body read), after `warmup` requests.
    A slow URL stops after `budget` seconds with at least `least` requests (n says how many).
    `first` is the first request's time: the URL's cold caches in the worker that got it."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Cookie": cookie}
    timings = []
    status = size = first = None
    deadline = None
    for number in range(warmup + count):
        for attempt in range(2):
            try:
                started = time.perf_counter()
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                body = response.read()
                elapsed = (time.perf_counter() - started) * 1000
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed an idle keep-alive connection: open a new one.
                connection.close()
                if attempt:
                    raise
        status, size = response.status, len(body)
        if number == 0:
            first = elapsed
        if number == warmup:
            deadline = time.monotonic() + budget
        if number >= warmup:
            timings.append(elapsed)
            if len(timings) >= least and time.monotonic() > deadline:
                break
    connection.close()
    timings.sort()
    return {
        "status": status,
        "size": size,
        "p50": statistics.median(timings),
        "p95": nearest_rank(timings, 0.95),
        "first": first,
        "n": len(timings),
    }


def time_each(port, paths, cookie, opening="/healthz"):
    """p50 and p95 in ms of one GET of each path, in order, over one keep-alive connection
    (opened with a request for `opening`): each path asked once, so nothing the server
    keeps per URL has been made before (as for a first search). `first`: the first path's."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Cookie": cookie}
    connection.request("GET", opening, headers=headers)
    connection.getresponse().read()
    timings = []
    statuses = set()
    size = 0
    for path in paths:
        started = time.perf_counter()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        timings.append((time.perf_counter() - started) * 1000)
        statuses.add(response.status)
        size = max(size, len(body))
    connection.close()
    first = timings[0]
    timings.sort()
    return {
        "status": statuses.pop() if len(statuses) == 1 else max(statuses),
        "size": size,
        "p50": statistics.median(timings),
        "p95": nearest_rank(timings, 0.95),
        "first": first,
        "n": len(timings),
    }


def run_wrk(wrk, port, path, cookie, seconds, threads, connections):
    """requests/s from wrk, and how many answers were not 2xx/3xx or failed."""
    output = subprocess.run(
        [
            wrk,
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-H",
            f"Cookie: {cookie}",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    failed = (int(bad.group(1)) if bad else 0) + (sum(map(int, errors.groups())) if errors else 0)
    return rate, failed
