"""The demo's media are committed files (demo/media/), and they are what the drawing
script makes: a loader reads them instead of drawing fifteen pictures at every load."""

import io

from PIL import Image

from demo import draw_media, illustrations


def test_every_picture_and_worksheet_the_content_names_is_committed():
    pictures = {
        draw_media.illustration_name(seed) for _motif, seed in draw_media.wanted_illustrations()
    }
    sheets = {filename for filename, _builder in draw_media.wanted_worksheets()}

    assert {path.name for path in draw_media.ILLUSTRATIONS.iterdir()} == pictures
    assert {path.name for path in draw_media.WORKSHEETS.iterdir()} == sheets
    total = sum(path.stat().st_size for path in draw_media.MEDIA.rglob("*") if path.is_file())
    assert total < 1_500_000  # the repository stays small


def test_the_committed_worksheets_are_what_the_builders_write():
    for filename, builder in draw_media.wanted_worksheets():
        assert (draw_media.WORKSHEETS / filename).read_bytes() == builder(), filename


def test_the_committed_pictures_are_what_the_motifs_draw():
    """One picture per motif, compared pixel by pixel (PNG compression may differ between
    Pillow versions; the picture may not)."""
    first_of_each = {}
    for motif, seed in draw_media.wanted_illustrations():
        first_of_each.setdefault(motif, seed)
    assert set(first_of_each) == set(illustrations.MOTIFS)

    for motif, seed in first_of_each.items():
        committed = Image.open(draw_media.ILLUSTRATIONS / draw_media.illustration_name(seed))
        drawn = Image.open(io.BytesIO(illustrations.draw_png(motif, seed)))
        assert committed.size == (illustrations.WIDTH, illustrations.HEIGHT)
        assert committed.tobytes() == drawn.tobytes(), seed


def test_the_script_writes_every_file(tmp_path, monkeypatch):
    monkeypatch.setattr(illustrations, "draw_png", lambda motif, seed: b"png")
    written = draw_media.draw(tmp_path)

    assert {path.name for path in written} == {
        path.name for path in draw_media.MEDIA.rglob("*") if path.is_file()
    }
