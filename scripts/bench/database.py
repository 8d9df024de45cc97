"""The benchmark's own database: built with the demo content and seed_bulk, or reused."""

import json
import os
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path

from . import BENCH, ROOT, log


class Database:
    """The benchmark's own database: a SQLite file under .bench/sqlite/<N>-pages/, or the
    PostgreSQL database DATABASE_URL names (a throwaway one from with-postgres.sh).

    A built database is kept (SQLite: the file; PostgreSQL: a pg_dump) with a stamp of
    its page count, one folder per number of bulk pages, and reused by the next run that
    asks for the same number.
    """

    def __init__(self, pages):
        self.pages = pages
        url = os.environ.get("DATABASE_URL", "")
        self.postgres = url.startswith(("postgres://", "postgresql://"))
        self.name = "postgresql" if self.postgres else "sqlite"
        self.dir = BENCH / self.name / f"{pages}-pages"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.file = self.dir / "bench.sqlite3"
        self.dump = self.dir / "bench.pgdump"
        self.url = url if self.postgres else f"sqlite:///{self.file}"
        self.stamp_file = self.dir / "stamp.json"
        self.password_file = self.dir / "password"
        self.media = self.dir / "media"
        self.build_log = self.dir / "build.log"

    def env(self):
        return {"DATABASE_URL": self.url, "MEDIA_ROOT": str(self.media)}

    @property
    def password(self):
        return self.password_file.read_text().strip()

    def manage(self, *args, env=None, settings="intranet.settings.dev"):
        """Runs manage.py with the development settings (as `make setup` does), output to build.log."""
        full_env = {
            **os.environ,
            **self.env(),
            "DJANGO_SETTINGS_MODULE": settings,
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            **(env or {}),
        }
        with self.build_log.open("a") as out:
            out.write(f"\n$ manage.py {' '.join(args)}\n")
            out.flush()
            result = subprocess.run(
                [sys.executable, "manage.py", *args],
                cwd=ROOT,
                env=full_env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        if result.returncode:
            sys.exit(f"manage.py {' '.join(args)} failed; see {self.build_log}")

    def stamp(self):
        try:
            return json.loads(self.stamp_file.read_text())
        except (OSError, ValueError):
            return None

    def page_count(self):
        output = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "shell",
                "-v",
                "0",
                "-c",
                "from wagtail.models import Page; print(Page.objects.count())",
            ],
            cwd=ROOT,
            env={**os.environ, **self.env(), "DJANGO_SETTINGS_MODULE": "intranet.settings.dev"},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return int(output.split()[-1])

    def prepare(self):
        """A database with the demo content and `pages` bulk pages; reused when it has them."""
        wanted = {"pages": self.pages}
        stamp = self.stamp()
        same = stamp and {key: stamp.get(key) for key in wanted} == wanted
        if same and self.password_file.exists() and self.reuse(stamp):
            return
        self.build(wanted)

    def reuse(self, stamp):
        if self.postgres:
            if not self.dump.exists():
                return False
            log(f"restoring the benchmark database from {self.dump.relative_to(ROOT)}")
            started = time.monotonic()
            subprocess.run(
                [pg_tool("pg_restore"), "--no-owner", "--dbname", self.url, str(self.dump)],
                check=True,
            )
            log(f"restored in {time.monotonic() - started:.0f} s")
            self.analyze()
        elif not self.file.exists():
            return False
        self.manage("migrate", "--noinput")  # migrations that arrived since
        count = self.page_count()
        if count != stamp.get("page_count"):
            log(f"the kept database has {count} pages, not {stamp.get('page_count')}: rebuilding")
            return False
        log(f"reusing the benchmark database ({count} pages)")
        return True

    def build(self, wanted):
        started = time.monotonic()
        self.build_log.write_text("")
        if self.postgres:
            self.reset_postgres()
        else:
            self.file.unlink(missing_ok=True)
        shutil.rmtree(self.media, ignore_errors=True)
        self.stamp_file.unlink(missing_ok=True)
        self.password_file.write_text(secrets.token_urlsafe(18) + "\n")
        self.password_file.chmod(0o600)
        log(
            f"building the benchmark database ({self.name}); log: {self.build_log.relative_to(ROOT)}"
        )
        self.manage("migrate", "--noinput")
        self.manage("setup_section")
        self.manage("load_demo_content", env={"DEMO_PASSWORD": self.password})
        if self.pages:
            if not (ROOT / "demo" / "management" / "commands" / "seed_bulk.py").exists():
                sys.exit("manage.py seed_bulk is not in this tree yet: run with --no-seed")
            log(f"seed_bulk --pages {self.pages} (the first time takes a while)")
            self.manage("seed_bulk", "--pages", str(self.pages))
            summary = [
                line
                for line in self.build_log.read_text().splitlines()
                if line.startswith("seed_bulk:")
            ]
            if summary:
                log(summary[-1])
        count = self.page_count()
        if self.postgres:
            self.analyze()
            subprocess.run(
                [
                    pg_tool("pg_dump"),
                    "--format=custom",
                    "--no-owner",
                    "--file",
                    str(self.dump),
                    self.url,
                ],
                check=True,
            )
        self.stamp_file.write_text(json.dumps({**wanted, "page_count": count}) + "\n")
        log(f"built in {time.monotonic() - started:.0f} s: {count} pages")

    def analyze(self):
        """Planner statistics, as a database in service has them (a restore brings none)."""
        subprocess.run(
            ["psql", "--quiet", "--dbname", self.url, "-c", "ANALYZE"],
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def reset_postgres(self):
        """An empty public schema, whatever an earlier attempt left in it."""
        subprocess.run(
            [
                "psql",
                "--quiet",
                "--dbname",
                self.url,
                "-c",
                "DROP SCHEMA public CASCADE; CREATE SCHEMA public;",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )


def pg_tool(name):
    """pg_dump/pg_restore of the newest installed server, as with-postgres.sh starts it."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: int(p.parts[-3])
    )
    return str(candidates[-1]) if candidates else name
