"""What the benchmark runs besides Python: wrk, and Lighthouse with Debian's Chromium."""

import os
import shutil
import subprocess
from pathlib import Path

from . import BENCH, log

LIGHTHOUSE_VERSION = "12.2.3"
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# The flags this machine's Chromium needs: no sandbox as root, and no calls home
# (the network is closed, and refused connections would only add noise).
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


class Tools:
    """Installs what is missing (wrk and chromium from Debian, lighthouse from npm)."""

    def __init__(self):
        self.updated = False
        self.is_root = os.geteuid() == 0

    def apt_install(self, package):
        if not self.is_root or not shutil.which("apt-get"):
            return False
        quiet = {
            "stdout": subprocess.DEVNULL,
            "env": {**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        }
        if not self.updated:
            subprocess.run(["apt-get", "update", "-qq"], check=True, **quiet)
            self.updated = True
        log(f"installing {package} (apt-get)")
        subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True, **quiet)
        return True

    def wrk(self):
        if not shutil.which("wrk") and not self.apt_install("wrk"):
            log("wrk is missing (apt-get install wrk): no requests/s")
            return None
        return shutil.which("wrk")

    def lighthouse(self):
        if not CHROMIUM.exists() and not self.apt_install("chromium"):
            log(f"no chromium at {CHROMIUM} (apt-get install chromium): no Lighthouse")
            return None
        if not LIGHTHOUSE.exists():
            if not shutil.which("npm") and not self.apt_install("npm"):
                log("npm is missing: no Lighthouse")
                return None
            log(f"installing lighthouse@{LIGHTHOUSE_VERSION} into {BENCH.name}/ (npm)")
            BENCH.mkdir(exist_ok=True)
            subprocess.run(
                [
                    "npm",
                    "install",
                    "--prefix",
                    str(BENCH),
                    "--no-audit",
                    "--no-fund",
                    "--silent",
                    f"lighthouse@{LIGHTHOUSE_VERSION}",
                ],
                check=True,
            )
        return LIGHTHOUSE
