"""A very small PDF writer for the demo worksheets: text in Helvetica, lines and boxes.

There is no PDF library in the project, and a worksheet needs little: a title, a few
paragraphs and boxes to write in. This writes PDF 1.4 by hand. Text is encoded in
WinAnsiEncoding (cp1252), which holds the Norwegian letters æ, ø and å.
"""

import textwrap

A4_PORTRAIT = (595, 842)
A4_LANDSCAPE = (842, 595)

# Helvetica is about half as wide as it is high on average; good enough to wrap lines.
_AVERAGE_WIDTH = 0.5


def _escape(text):
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


class Canvas:
    """One page: drawing calls append PDF operators; y grows upwards from the bottom."""

    def __init__(self, size=A4_PORTRAIT):
        self.width, self.height = size
        self.ops = []

    def text(self, x, y, text, size=11, bold=False, upwards=False):
        """One line of text from (x, y); `upwards` turns it 90° to run bottom to top."""
        font = b"/F2" if bold else b"/F1"
        matrix = b"0 1 -1 0" if upwards else b"1 0 0 1"
        self.ops.append(
            b"BT "
            + font
            + b" %.1f Tf " % size
            + matrix
            + b" %.1f %.1f Tm (" % (x, y)
            + _escape(text)
            + b") Tj ET"
        )

    def paragraph(self, x, y, text, width, size=11, bold=False, leading=1.35):
        """Wraps `text` to `width` points; returns the y below the last line."""
        chars = max(10, int(width / (size * _AVERAGE_WIDTH)))
        for line in textwrap.wrap(text, chars) or [""]:
            self.text(x, y, line, size=size, bold=bold)
            y -= size * leading
        return y

    def rect(self, x, y, width, height, fill_grey=None, line_width=1):
        if fill_grey is not None:
            self.ops.append(
                b"%.2f g %.1f %.1f %.1f %.1f re f 0 g" % (fill_grey, x, y, width, height)
            )
        self.ops.append(b"%.1f w %.1f %.1f %.1f %.1f re S" % (line_width, x, y, width, height))

    def line(self, x1, y1, x2, y2, line_width=1):
        self.ops.append(b"%.1f w %.1f %.1f m %.1f %.1f l S" % (line_width, x1, y1, x2, y2))

    def content(self):
        return b"\n".join(self.ops)


def build(pages, title=""):
    """The bytes of a PDF file with the given canvases as pages."""
    objects = []  # bodies; object number = index + 1

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_ref = add(b"")
    regular = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    bold = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    kids = []
    for canvas in pages:
        stream = canvas.content()
        contents = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] "
                % (pages_ref, canvas.width, canvas.height)
                + b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> /Contents %d 0 R >>"
                % (regular, bold, contents)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_ref
    objects[pages_ref - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    info = add(b"<< /Title (" + _escape(title) + b") /Producer (Innovasjon demo) >>")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        info,
        xref,
    )
    return bytes(out)
