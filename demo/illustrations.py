"""Abstract illustrations for the demo cases, drawn with Pillow in the section's colours.

No text and no people: calm shapes in the palette of the UI guide (§2), so the demo
cards and pages have pictures without pretending to show real projects. Each motif is
drawn at twice the size and scaled down, which smooths the edges. The same name and
variant always give the same picture.
"""

import io
import math
import random

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1600, 900
SCALE = 2

# UI guide §2
SEA = "#005a8c"
NIGHT = "#0b3550"
GOLD = "#f5b728"
TINT = "#e8f1f7"
SUBTLE = "#f3f6f8"
SKY = "#e3eefb"
TEAL = "#0b5c56"
TEAL_LIGHT = "#dff3f1"
GREEN = "#2a6424"
GREEN_LIGHT = "#e4f3e2"
GREEN_MID = "#1d6b3a"
VIOLET = "#6a2c8c"
VIOLET_LIGHT = "#f1e6f8"
RUST = "#8a3c0a"
PEACH = "#fdeadb"
BUTTER = "#fbf1cc"
BLUE_LIGHT = "#e3ecfb"
BLUE_DEEP = "#1f3f8a"


def _rgb(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, t):
    a, b = _rgb(a), _rgb(b)
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _canvas(top, bottom):
    """A vertical gradient from `top` to `bottom`."""
    width, height = WIDTH * SCALE, HEIGHT * SCALE
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=_mix(top, bottom, y / (height - 1)))
    return image


def _wave(draw, base, amplitude, length, phase, colour, bottom=None):
    """A filled band under a sine wave at height `base` (in unscaled pixels)."""
    width = WIDTH * SCALE
    bottom = (bottom if bottom is not None else HEIGHT) * SCALE
    points = [
        (x, (base + amplitude * math.sin(2 * math.pi * x / (length * SCALE) + phase)) * SCALE)
        for x in range(0, width + 8, 8)
    ]
    draw.polygon(points + [(width, bottom), (0, bottom)], fill=_rgb(colour))


def _ellipse(draw, cx, cy, rx, ry, colour):
    s = SCALE
    draw.ellipse([(cx - rx) * s, (cy - ry) * s, (cx + rx) * s, (cy + ry) * s], fill=colour)


def _rounded(draw, x0, y0, x1, y1, radius, colour):
    s = SCALE
    draw.rounded_rectangle([x0 * s, y0 * s, x1 * s, y1 * s], radius=radius * s, fill=_rgb(colour))


def _blend_circle(image, cx, cy, r, colour, alpha):
    """A translucent disc, so overlapping circles mix their colours."""
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    ImageDraw.Draw(layer).ellipse(
        [(cx - r) * SCALE, (cy - r) * SCALE, (cx + r) * SCALE, (cy + r) * SCALE],
        fill=(*_rgb(colour), alpha),
    )
    image.paste(Image.alpha_composite(image.convert("RGBA"), layer).convert("RGB"))


# --- Motifs ----------------------------------------------------------------------------


def islands(rng):
    image = _canvas(TINT, SKY)
    draw = ImageDraw.Draw(image)
    _ellipse(draw, rng.randint(1080, 1300), rng.randint(190, 260), 120, 120, _rgb(GOLD))
    _wave(draw, 560, 14, 700, rng.random() * 6, "#b9d3e6")
    for cx, rx, ry, colour in (
        (360, 300, 110, GREEN_MID),
        (900, 220, 80, TEAL),
        (1330, 170, 60, GREEN),
    ):
        _ellipse(draw, cx + rng.randint(-40, 40), 590, rx, ry, _rgb(colour))
    _wave(draw, 640, 12, 520, rng.random() * 6, SEA)
    _wave(draw, 740, 16, 640, rng.random() * 6, NIGHT)
    return image


def circles(rng):
    image = _canvas(SUBTLE, TINT)
    anchors = ((480, 400), (1120, 380), (800, 560), (760, 250), (1000, 640))
    colours = ((SEA, 170), (TEAL, 150), (BLUE_DEEP, 120), (GOLD, 220), (GREEN_MID, 140))
    for (x, y), (colour, alpha) in zip(anchors, colours, strict=True):
        _blend_circle(
            image,
            x + rng.randint(-60, 60),
            y + rng.randint(-40, 40),
            rng.randint(150, 240),
            colour,
            alpha,
        )
    return image


def hills(rng):
    image = _canvas(BUTTER, PEACH)
    draw = ImageDraw.Draw(image)
    _ellipse(draw, rng.randint(300, 1300), 300, 130, 130, _rgb(GOLD))
    for base, colour in ((430, "#9cc1da"), (530, "#4f8fb8"), (640, SEA), (760, NIGHT)):
        _wave(draw, base, rng.randint(30, 60), rng.randint(900, 1500), rng.random() * 6, colour)
    return image


def columns(rng):
    image = _canvas(TINT, SUBTLE)
    draw = ImageDraw.Draw(image)
    count = 7
    gap = 40
    width = (WIDTH - 2 * 160 - (count - 1) * gap) / count
    gold = rng.randrange(count)
    for number in range(count):
        x0 = 160 + number * (width + gap)
        top = rng.randint(200, 560)
        colour = GOLD if number == gold else (SEA, TEAL, BLUE_DEEP)[number % 3]
        _rounded(draw, x0, top, x0 + width, 780, 28, colour)
    _rounded(draw, 120, 780, WIDTH - 120, 796, 8, NIGHT)
    return image


def path(rng):
    image = _canvas(BLUE_LIGHT, TINT)
    draw = ImageDraw.Draw(image)
    for cx, cy, r, colour in (
        (300, 260, 240, "#d3e4f5"),
        (1250, 640, 300, "#cfe6e3"),
        (820, 420, 200, SKY),
    ):
        _ellipse(draw, cx, cy, r, r * 0.8, _rgb(colour))
    phase = rng.random() * math.pi
    points = []
    for step in range(0, 161):
        t = step / 160
        x = 120 + t * (WIDTH - 240)
        y = 450 + 210 * math.sin(t * math.pi * 2.2 + phase) * (1 - 0.35 * t)
        points.append((x * SCALE, y * SCALE))
    draw.line(points, fill=_rgb(GOLD), width=22 * SCALE, joint="curve")
    for index in (0, 40, 80, 120, 160):
        x, y = points[index]
        r = 30 * SCALE
        draw.ellipse([x - r, y - r, x + r, y + r], fill=_rgb(NIGHT))
    return image


def waves(rng):
    image = _canvas(SKY, TINT)
    draw = ImageDraw.Draw(image)
    _ellipse(draw, rng.randint(200, 500), 220, 90, 90, _rgb(GOLD))
    for number, colour in enumerate(("#bcd6ea", "#8db8d6", "#4f8fb8", SEA, NIGHT)):
        _wave(draw, 380 + number * 100, 26, 500 + number * 90, rng.random() * 6, colour)
    return image


def _leaf(draw, x, y, length, breadth, angle, colour, vein):
    """A pointed leaf from (x, y) along `angle`, with a lighter vein."""
    cos, sin = math.cos(angle), math.sin(angle)
    outline = []
    for side in (1, -1):
        for step in range(0, 41) if side == 1 else range(40, -1, -1):
            t = step / 40
            along, across = t * length, side * breadth * math.sin(math.pi * t) ** 0.8
            outline.append(
                ((x + along * cos - across * sin) * SCALE, (y + along * sin + across * cos) * SCALE)
            )
    draw.polygon(outline, fill=_rgb(colour))
    tip = ((x + length * 0.9 * cos) * SCALE, (y + length * 0.9 * sin) * SCALE)
    draw.line([(x * SCALE, y * SCALE), tip], fill=_rgb(vein), width=5 * SCALE)


def leaves(rng):
    image = _canvas(GREEN_LIGHT, SUBTLE)
    draw = ImageDraw.Draw(image)
    _ellipse(draw, rng.randint(220, 380), 200, 100, 100, _rgb(GOLD))
    stem = [(260 + t * 11, 800 - 440 * math.sin(t / 100 * math.pi / 2)) for t in range(0, 101)]
    draw.line(
        [(x * SCALE, y * SCALE) for x, y in stem], fill=_rgb(GREEN), width=14 * SCALE, joint="curve"
    )
    colours = (GREEN_MID, TEAL, GREEN, "#3f8a55")
    for number, position in enumerate(range(12, 101, 11)):
        x, y = stem[position]
        side = 1 if number % 2 else -1
        angle = -math.pi / 2 + side * (0.7 + rng.random() * 0.3) + position / 200
        size = 1 - position / 260
        _leaf(draw, x, y, 260 * size, 70 * size, angle, colours[number % 4], GREEN_LIGHT)
    return image


def dots(rng):
    image = _canvas(SUBTLE, TINT)
    draw = ImageDraw.Draw(image)
    columns_, rows = 16, 8
    for row in range(rows):
        for column in range(columns_):
            x = 140 + column * (WIDTH - 280) / (columns_ - 1)
            y = 150 + row * (HEIGHT - 300) / (rows - 1)
            gold = rng.random() < 0.12
            r = 26 if gold else 18
            _ellipse(
                draw, x, y, r, r, _rgb(GOLD if gold else (SEA if (row + column) % 3 else TEAL))
            )
    return image


MOTIFS = {
    "islands": islands,
    "circles": circles,
    "hills": hills,
    "columns": columns,
    "path": path,
    "waves": waves,
    "leaves": leaves,
    "dots": dots,
}


def draw_png(motif, seed):
    """The motif as PNG bytes, 1600 × 900; the same seed gives the same picture."""
    rng = random.Random(f"{motif}:{seed}")
    image = MOTIFS[motif](rng).resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
