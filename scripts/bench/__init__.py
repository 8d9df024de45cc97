"""`make bench`, split by concern; `python -m scripts.bench` runs it (see __main__.py).

tools (wrk, lighthouse, chromium), database (the benchmark's own, built or reused),
urls (what is requested), queries (counted in-process), server (gunicorn, signing in),
timing (p50/p95, wrk), lighthouse, report (the Markdown tables). What they share is here:
where the checkout and .bench/ are, and the progress log on stderr.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / ".bench"


def log(message):
    print(f"· {message}", file=sys.stderr, flush=True)
