"""Image uploads in the admin: the pixel limit, counted the way an image costs memory.

Wagtail checks `WAGTAILIMAGES_MAX_IMAGE_PIXELS` against width × height × frames, but
with Pillow (Willow's only image library here) it counts every image as one frame, so
an animated GIF, WebP or PNG of many frames passes. And it asks Pillow for the size
only after Pillow has refused a header that claims more than about 178 million pixels
(`DecompressionBombError`), which then became a server error. `ImageForm` (set as
`WAGTAILIMAGES_IMAGE_FORM_BASE`) gives every upload form of Wagtail's (add, add
several, the chooser's upload and replacing the file) a file field that reads the
header once with Pillow, counts the frames, and answers either case with a form error.
"""

import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import numberformat
from django.utils.translation import gettext
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


def grouped(number):
    """«40 000 000»: thousands grouped with a no-break space (UI guide §6)."""
    return numberformat.format(number, ",", grouping=3, thousand_sep="\u00a0", force_grouping=True)


def header_pixels(file):
    """width × height × frames as the file's header says, read without decoding the image.

    Pillow refuses to open a header claiming more than twice its own limit
    (`DecompressionBombError`); that is passed on for the caller to answer.
    """
    position = file.tell()
    try:
        file.seek(0)
        with warnings.catch_warnings():
            # Between Pillow's limit and twice it Pillow only warns; ours is lower anyway.
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(file) as image:
                width, height = image.size
                frames = getattr(image, "n_frames", 1)
    finally:
        file.seek(position)
    return width * height * max(frames, 1)


class ImageUploadField(WagtailImageField):
    """Wagtail's image field with the pixel limit counted frame by frame, never a 500."""

    def check_image_pixel_size(self, f):
        # Read at each upload, as Wagtail's own field does when it is made.
        limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", self.max_image_pixels)
        if limit is None:
            return
        try:
            pixels = header_pixels(f.image.f)
        except PILImage.DecompressionBombError as error:
            raise ValidationError(
                gettext(
                    "The image is far too large: it has more than %(pixels)s pixels. "
                    "The most is %(limit)s. Make it smaller and upload it again."
                )
                % {"pixels": grouped(2 * PILImage.MAX_IMAGE_PIXELS), "limit": grouped(limit)},
                code="file_too_many_pixels",
            ) from error
        except Exception as error:  # noqa: BLE001 — Pillow can't read it: not an image we can use
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error
        if pixels > limit:
            raise ValidationError(
                gettext(
                    "The image has too many pixels: %(pixels)s (width × height × the frames "
                    "of an animation). The most is %(limit)s. Make it smaller, or use fewer "
                    "frames, and upload it again."
                )
                % {"pixels": grouped(pixels), "limit": grouped(limit)},
                code="file_too_many_pixels",
            )


class ImageForm(BaseImageForm):
    """Wagtail's image form with `ImageUploadField` for the file."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, ImageUploadField):
            # Made per form, as Wagtail makes its own per form class: the upload limits
            # are read from the settings when the form is made.
            self.fields["file"] = ImageUploadField(
                label=field.label, required=field.required, widget=field.widget
            )
