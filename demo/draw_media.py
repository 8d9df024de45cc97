"""Draws the demo's media once into demo/media/, where the loaders read them from disk.

The case illustrations (Pillow, demo/illustrations.py) and the method worksheets (PDF,
demo/worksheets.py) are committed files: drawing fifteen 1600 × 900 pictures took a third
of every demo load. Run this after changing a motif, a worksheet or the content that
names them, and commit what it writes:

    .venv/bin/python -m demo.draw_media
"""

from pathlib import Path

from demo import content, illustrations, worksheets

MEDIA = Path(__file__).resolve().parent / "media"
ILLUSTRATIONS = MEDIA / "illustrations"
WORKSHEETS = MEDIA / "worksheets"


def illustration_name(seed):
    return f"demo-{seed}.png"


def wanted_illustrations():
    """(motif, seed) of every picture the demo cases show: each hero and gallery image."""
    for spec in content.read("cases")["cases"]:
        yield spec["motif"], spec["slug"]
        for position, motif in enumerate(spec.get("gallery", []), start=1):
            yield motif, f"{spec['slug']}-{position}"


def wanted_worksheets():
    """(file name, builder) of every worksheet the methods link to."""
    for sheet in content.read("methods")["worksheets"].values():
        yield sheet["file"], getattr(worksheets, sheet["builder"])


def draw(folder=MEDIA):
    """Writes every illustration and worksheet into `folder`; returns the paths written."""
    written = []
    (folder / "illustrations").mkdir(parents=True, exist_ok=True)
    (folder / "worksheets").mkdir(parents=True, exist_ok=True)
    for motif, seed in wanted_illustrations():
        path = folder / "illustrations" / illustration_name(seed)
        path.write_bytes(illustrations.draw_png(motif, seed))
        written.append(path)
    for filename, builder in wanted_worksheets():
        path = folder / "worksheets" / filename
        path.write_bytes(builder())
        written.append(path)
    return written


if __name__ == "__main__":
    for path in draw():
        print(path.relative_to(MEDIA.parent.parent))
