"""An application's attachments: upload while it may change, download by anyone who may read it.

docs/funding-pipeline.md, decision 4: attachments never get a public address. The files
live in STORAGES["private"] (core/storage: a folder outside MEDIA_ROOT, or a private
container of its own), under `applications/<uuid>/<random>`, and leave it only through
`download`, which takes the application from `Application.objects.visible_to(user)` (so
its applicants and the case handlers) and always sends an attachment that no one caches.

A file is accepted when both its extension and its first bytes say it is a PDF or an
office document: a program renamed to «.pdf» is refused.
"""

import os

from django import forms
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models.pipeline import Application, Attachment

MAX_SIZE = 10 * 1024 * 1024
MAX_PER_APPLICATION = 10

PDF = b"%PDF"
ZIP = b"PK\x03\x04"  # OOXML (docx, xlsx, pptx) and ODF (odt, ods, odp) are zip files
OLE = bytes.fromhex("D0CF11E0A1B11AE1")  # the old Office formats (doc, xls)

# extension → (the first bytes it must start with, the content type it is sent with)
ALLOWED = {
    "pdf": (PDF, "application/pdf"),
    "docx": (ZIP, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": (ZIP, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": (ZIP, "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    "odt": (ZIP, "application/vnd.oasis.opendocument.text"),
    "ods": (ZIP, "application/vnd.oasis.opendocument.spreadsheet"),
    "odp": (ZIP, "application/vnd.oasis.opendocument.presentation"),
    "doc": (OLE, "application/msword"),
    "xls": (OLE, "application/vnd.ms-excel"),
}
# For the file picker and the hint: «PDF, DOCX, …».
ACCEPT = ",".join(f".{extension}" for extension in ALLOWED)


def allowed_types_text():
    return ", ".join(extension.upper() for extension in ALLOWED)


def attachment_url(application, attachment):
    """Where `attachment` is downloaded (the case view links here too): a route on the call."""
    call = application.call
    return call.url + call.reverse_subpage(
        "application_attachment", args=(application.uuid, attachment.pk)
    )


def listed(call, application):
    """[(attachment, download url, delete url)] for the templates, one query."""
    base = call.url
    return [
        (
            attachment,
            base
            + call.reverse_subpage(
                "application_attachment", args=(application.uuid, attachment.pk)
            ),
            base
            + call.reverse_subpage(
                "application_attachment_delete", args=(application.uuid, attachment.pk)
            ),
        )
        for attachment in application.attachments.all()
    ]


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Add an attachment"),
        # The input belongs to the draft form (funding/application/form.html).
        widget=forms.FileInput(attrs={"form": "soknad"}),
        error_messages={
            "required": _("Choose a file to upload."),
            "empty": _("The file is empty. Choose another file."),
        },
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application
        field = self.fields["file"]
        field.help_text = gettext("%(types)s, at most %(size)s each and %(count)s in all.") % {
            "types": allowed_types_text(),
            "size": filesizeformat(MAX_SIZE),
            "count": MAX_PER_APPLICATION,
        }
        field.widget.attrs["accept"] = ACCEPT

    def clean_file(self):
        upload = self.cleaned_data["file"]
        extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
        if extension not in ALLOWED:
            raise forms.ValidationError(
                gettext("«%(name)s» is not a file type you can attach. Choose %(types)s.")
                % {"name": upload.name, "types": allowed_types_text()},
                code="type",
            )
        if upload.size > MAX_SIZE:
            raise forms.ValidationError(
                gettext("«%(name)s» is %(size)s. A file can be at most %(most)s.")
                % {
                    "name": upload.name,
                    "size": filesizeformat(upload.size),
                    "most": filesizeformat(MAX_SIZE),
                },
                code="size",
            )
        magic, content_type = ALLOWED[extension]
        upload.seek(0)
        start = upload.read(len(magic))
        upload.seek(0)
        if start != magic:
            raise forms.ValidationError(
                gettext(
                    "«%(name)s» is not a real %(type)s file. Save it again as %(type)s, or choose another file."
                )
                % {"name": upload.name, "type": extension.upper()},
                code="content",
            )
        upload.content_type = content_type
        return upload

    def save(self, user):
        """Store the file, unless the application already has its ten (checked under a lock,
        so two uploads at once cannot make eleven). Returns the attachment, or None."""
        upload = self.cleaned_data["file"]
        with transaction.atomic():
            Application.objects.select_for_update().filter(pk=self.application.pk).first()
            if self.application.attachments.count() >= MAX_PER_APPLICATION:
                self.add_error("file", too_many_message())
                return None
            return Attachment.objects.create(
                application=self.application,
                file=upload,
                original_name=os.path.basename(upload.name)[:200],
                size=upload.size,
                content_type=upload.content_type,
                uploaded_by=user,
            )


def too_many_message():
    return gettext(
        "The application already has %(count)s attachments, the most it can have. Delete one to add another."
    ) % {"count": MAX_PER_APPLICATION}


def delete_attachment(attachment):
    """The file first, then the row: a failure leaves a row without a file, never a file
    without a row to find it by."""
    attachment.file.delete(save=False)
    attachment.delete()


# --- Views (routes on FundingCallPage) -------------------------------------------------


def download(call, request, application_uuid, attachment_id):
    """The file, to anyone who may read the application (applicants, case handlers); 404
    for anyone else. Always a download, never shown in the browser, never cached."""
    application = get_object_or_404(
        Application.objects.visible_to(request.user), call=call, uuid=application_uuid
    )
    attachment = get_object_or_404(Attachment, application=application, pk=attachment_id)
    try:
        file = attachment.file.storage.open(attachment.file.name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        file,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    add_never_cache_headers(response)  # private, no-store: never in a cache, shared or not
    return response


def upload(call, request, application_uuid):
    """POST a file from the form page's «Vedlegg»: back to it, or the form page again with
    the error (and everything else on it) when the file is refused."""
    from . import applicant_views

    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    application = applicant_views.get_application(call, request, application_uuid)
    if not applicant_views.is_changeable(call, application, request.user):
        return HttpResponseRedirect(applicant_views.url_for(call, "application", application))
    form = AttachmentForm(request.POST, request.FILES, application=application)
    if form.is_valid() and form.save(request.user):
        return HttpResponseRedirect(
            applicant_views.url_for(call, "application", application) + "#vedlegg"
        )
    return applicant_views.render_form(call, request, application, attachment_form=form)


def delete(call, request, application_uuid, attachment_id):
    """POST «Slett vedlegg»: the file and its row, while the application may change."""
    from . import applicant_views

    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    application = applicant_views.get_application(call, request, application_uuid)
    if applicant_views.is_changeable(call, application, request.user):
        attachment = get_object_or_404(Attachment, application=application, pk=attachment_id)
        delete_attachment(attachment)
    return HttpResponseRedirect(
        applicant_views.url_for(call, "application", application) + "#vedlegg"
    )
