"""The W3C Nu HTML Checker (vnu.jar) over a batch of pages, in one start of Java.

The jar comes from npm (`vnu-jar`, pinned in package.json; `npm ci` installs
it) and runs on Debian's `default-jre-headless`. Java takes seconds to start
on two shared cores, so pages are collected first, written to a temporary
folder, and the folder is checked in one call. Errors fail; warnings and
informational messages are left out (`--errors-only`).
"""

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The checker's own limit is generous; this one only stops a hung JVM from hanging CI.
TIMEOUT_SECONDS = 600


class HtmlBatch:
    """HTML documents as the server sent them, checked together by `errors()`."""

    def __init__(self):
        self.documents = []  # (where, html)

    def add(self, where, html):
        assert html.lstrip().lower().startswith("<!doctype html>"), (
            f"{where}: not an HTML document: {html[:200]!r}"
        )
        self.documents.append((where, html))

    def add_response(self, where, response, status=200):
        """A Playwright APIResponse or Response: its status and its body, as served."""
        assert response.status == status, f"{where}: HTTP {response.status}, expected {status}"
        self.add(where, response.text())

    def errors(self):
        """Every error the checker finds, as «where (file), line n: message» lines."""
        if not self.documents:
            return []
        folder = Path(tempfile.mkdtemp(prefix="vnu-"))
        try:
            names = {}
            for number, (where, html) in enumerate(self.documents, start=1):
                slug = re.sub(r"[^a-z0-9]+", "-", where.lower()).strip("-")[:60]
                path = folder / f"{number:03d}-{slug}.html"
                path.write_text(html, encoding="utf-8")
                names[path.name] = where
            messages = run_checker(folder)
            lines = []
            for message in messages:
                if message.get("type") == "info":
                    continue
                name = message.get("url", "").rsplit("/", 1)[-1]
                where = names.get(name, name)
                line = message.get("lastLine") or message.get("firstLine") or "?"
                extract = " ".join(message.get("extract", "").split())[:120]
                lines.append(
                    f"{where} ({name}), line {line}: {message.get('message')}"
                    + (f"\n    {extract}" if extract else "")
                )
            return lines
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def assert_valid(self):
        errors = self.errors()
        assert not errors, (
            f"The Nu HTML Checker found {len(errors)} errors in {len(self.documents)} documents:\n"
            + "\n".join(errors)
        )


def run_checker(folder):
    """vnu.jar's JSON messages for every .html file in `folder`."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        pytest.fail(
            "The HTML checker needs Java and vnu.jar: `apt-get install default-jre-headless` "
            f"and `npm ci` in {ROOT} (missing: {'java' if java is None else VNU_JAR})."
        )
    result = subprocess.run(
        [
            java,
            "-Xss8m",  # the checker recurses deeply on long documents
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--stdout",
            "--errors-only",
            "--skip-non-html",
            str(folder),
        ],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    # Exit status 1 only says that there were errors; the JSON says which.
    try:
        return json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu.jar gave no JSON (exit {result.returncode}): {result.stderr[-2000:]}")
