"""The demo texts as data files, one TOML file per section, read with `tomllib`."""

import tomllib
from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def read(name):
    """The parsed demo/content/<name>.toml."""
    with (FOLDER / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)
