"""Lighthouse's scores and metrics of one URL, signed in, in headless Chromium."""

import json
import os
import re
import subprocess

from . import log
from .tools import CHROME_FLAGS, CHROMIUM, LIGHTHOUSE


def run_lighthouse(port, path, cookie, preset, out_dir):
    """Lighthouse's performance and accessibility scores (0–100) and the main metrics."""
    name = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
    report = out_dir / f"{name}-{preset}.json"
    command = [
        str(LIGHTHOUSE),
        f"http://127.0.0.1:{port}{path}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--extra-headers",
        json.dumps({"Cookie": cookie}),
        "--only-categories=performance,accessibility",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    for _attempt in range(2):
        report.unlink(missing_ok=True)
        result = subprocess.run(
            command,
            env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if not result.returncode and report.exists():
            break
        # A loaded machine now and then loses the trace (NO_NAVSTART): one more try.
        log(f"lighthouse failed on {path} ({preset}): {result.stderr.strip()[-300:]}")
    else:
        return None
    data = json.loads(report.read_text())
    if data.get("runtimeError"):
        log(f"lighthouse on {path} ({preset}): {data['runtimeError'].get('message')}")
    audits = data["audits"]

    def metric(key):
        return audits.get(key, {}).get("numericValue")

    def score(category):
        value = data["categories"][category]["score"]
        return None if value is None else round(value * 100)

    return {
        "performance": score("performance"),
        "accessibility": score("accessibility"),
        "fcp": metric("first-contentful-paint"),
        "lcp": metric("largest-contentful-paint"),
        "tbt": metric("total-blocking-time"),
        "cls": metric("cumulative-layout-shift"),
        "bytes": metric("total-byte-weight"),
        "url": data.get("finalDisplayedUrl", ""),
    }
