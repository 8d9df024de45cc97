"""A funding call: what employees can apply for, until when, and the form to apply with."""

from functools import cached_property
from http import HTTPMethod

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.contrib.forms.views import SubmissionsListView
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, BodyBlock, DocumentsBlock
from core.formats import format_datetime, format_nok, format_number, transliterate
from core.models import BasePage
from core.submissions import TOKEN_FIELD, earlier_submission, find_earlier, store_once
from funding import applicant_views, attachments, co_applicants, emails, final_report
from funding.forms import FundingFormBuilder
from funding.status import CallStatus, call_state

from .applications import FundingApplication

# The amounts are positive integers in the database too; this says so in Norwegian.
NOT_NEGATIVE = MinValueValidator(0, message=_("Write an amount of 0 kroner or more."))


class FundingFormField(AbstractFormField):
    """One question on a call's application form, written by the editors."""

    page = ParentalKey(
        "funding.FundingCallPage", on_delete=models.CASCADE, related_name="form_fields"
    )

    def get_field_clean_name(self):
        """«Beløp det søkes om» → «belop_det_sokes_om»: the answer's key and the input's name.

        Wagtail's clean names spell «ø» as «xf8»; transliterated, Norwegian reads better.
        """
        return get_field_clean_name(transliterate(self.label))

    class Meta(AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")


class ApplicationsListView(SubmissionsListView):
    """Wagtail's submissions list and CSV export, titled «Søknader»."""

    page_title = _("Applications")


class FundingCallPage(RoutablePageMixin, BasePage, AbstractEmailForm):
    """A call for applications, such as «Innovasjonsmidler 2026», with its own form.

    The status (kommende, åpen, stengt) follows from `opens_at` and `deadline`
    (see funding/status.py) and is never stored. While the call is open,
    signed-in employees apply; the application is stored with the applicant,
    they get a receipt and an e-mail, and `to_address` gets a notice.
    """

    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_(
            "Two or three sentences on cards and in search: who the money is for and what for."
        ),
    )
    # The moments the page changes by itself (core/schedule.py renews cached parts then).
    scheduled_fields = ("opens_at", "deadline")

    opens_at = models.DateTimeField(
        _("opens at"),
        help_text=_("When employees can start to apply (Norwegian time)."),
    )
    deadline = models.DateTimeField(
        _("deadline"),
        null=True,
        blank=True,
        help_text=_(
            "The form closes at this moment (Norwegian time), for example 01.04.2026 12:00. "
            "Leave empty for a rolling deadline."
        ),
    )
    total_budget = models.PositiveIntegerField(
        _("total budget (NOK)"),
        null=True,
        blank=True,
        validators=[NOT_NEGATIVE],
        help_text=_("Optional. The whole amount the call gives out, in kroner."),
    )
    min_per_application = models.PositiveIntegerField(
        _("least per application (NOK)"),
        null=True,
        blank=True,
        validators=[NOT_NEGATIVE],
        help_text=_(
            "Optional. The least one application can ask for, in kroner. The form says "
            "«Du kan søke om …» and refuses amounts outside the range."
        ),
    )
    max_per_application = models.PositiveIntegerField(
        _("most per application (NOK)"),
        null=True,
        blank=True,
        validators=[NOT_NEGATIVE],
        help_text=_(
            "Optional. The most one application can ask for, in kroner. The form refuses "
            "larger amounts."
        ),
    )
    eligibility = RichTextField(
        _("who can apply"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Who may apply, and what the application must include."),
    )
    criteria = RichTextField(
        _("assessment criteria"),
        features=RICH_TEXT_FEATURES,
        help_text=_("What the applications are assessed against; a numbered list reads best."),
    )
    process = RichTextField(
        _("what happens next"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Who assesses and decides, when applicants get an answer, what they report."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("more about the call"),
        blank=True,
        help_text=_("Optional: questions and answers, examples, key figures."),
    )
    documents = StreamField(
        [("documents", DocumentsBlock())],
        verbose_name=_("documents"),
        blank=True,
        max_num=1,
        help_text=_("Templates and rules applicants need, such as a benefit map template."),
    )
    # The contact card beside the content, loaded with the page (caching.routing).
    route_select_related = (
        *BasePage.route_select_related,
        "contact_person",
        "contact_person__photo",
    )

    contact_person = models.ForeignKey(
        "core.Person",
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who employees can ask about the call."),
    )
    thank_you_text = RichTextField(
        _("text on the receipt"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown under «Søknaden er sendt» and in the confirmation e-mail."),
    )
    reference_prefix = models.CharField(
        _("reference prefix"),
        max_length=8,
        default="IM",
        help_text=_("Starts every application's reference number, such as «IM» in «IM-2026-014»."),
    )
    answer_expected_by = models.DateField(
        _("answer expected by"),
        null=True,
        blank=True,
        help_text=_("Told to applicants on their receipt: when they can expect a decision."),
    )
    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        help_text=_("Marks the call «Demo-innhold». Only for invented example content."),
    )

    form_builder = FundingFormBuilder
    submissions_list_view_class = ApplicationsListView
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS, HTTPMethod.POST]
    landing_page_template = "funding/application_receipt.html"

    content_panels = Page.content_panels + [
        "summary",
        FieldRowPanel(["opens_at", "deadline"], heading=_("Dates")),
        FieldRowPanel(
            ["total_budget", "min_per_application", "max_per_application"],
            heading=_("Amounts"),
        ),
        "eligibility",
        "criteria",
        InlinePanel(
            "criteria_items",
            heading=_("Criteria, one by one"),
            label=_("Criterion"),
            help_text=_("Applicants answer each criterion, and assessors score each from 1 to 5."),
        ),
        FieldRowPanel(["reference_prefix", "answer_expected_by"], heading=_("Case handling")),
        "process",
        "documents",
        "body",
        FieldPanel("contact_person"),
    ]
    form_panels = [
        FormSubmissionsPanel(),
        InlinePanel("form_fields", label=_("Form field")),
        "thank_you_text",
        MultiFieldPanel(
            [
                FieldPanel("to_address", help_text=_("Who gets a notice of each application.")),
                "from_address",
                "subject",
            ],
            heading=_("E-mail"),
        ),
    ]
    settings_panels = BasePage.settings_panels + ["is_demo"]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(form_panels, heading=_("Application form")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("criteria"),
        index.SearchField("eligibility"),
        index.SearchField("process"),
        index.SearchField("body"),
        # The status is derived from these two; filter on them to search by status.
        index.FilterField("opens_at"),
        index.FilterField("deadline"),
    ]

    # Search (the SEARCH CONTRACT): a «Støtte» with its status and deadline as badges.
    search_type = ("stotte", pgettext_lazy("search result type", "Funding call"))

    parent_page_types = ["funding.FundingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")

    # --- What the call says about itself --------------------------------------

    @cached_property
    def state(self):
        """The call's status now: computed once per page object, never stored."""
        return call_state(self.opens_at, self.deadline)

    def search_badges(self):
        """«Åpen», «Søknadsfrist om 5 dager», «Demo-innhold»: from the dates, no queries."""
        state = self.state
        badges = [(state.label, state.badge_modifier)]
        if state.deadline_warning:
            badges.append((state.deadline_warning, "warning"))
        if self.is_demo:
            badges.append((gettext("Demo content"), "warning"))
        return badges

    def state_at(self, now):
        return call_state(self.opens_at, self.deadline, now)

    def search_is_current(self):
        """Open or opening: search lists it before closed calls (the search contract)."""
        return self.state.status is not CallStatus.CLOSED

    @property
    def amount_range(self):
        """«kr 100 000–800 000», «Inntil kr 30 000» or "": the amount per application."""
        low, high = self.min_per_application, self.max_per_application
        if low and high:
            return f"{format_nok(low)}–{format_number(high)}"
        if high:
            return gettext("Up to %(amount)s") % {"amount": format_nok(high)}
        if low:
            return gettext("From %(amount)s") % {"amount": format_nok(low)}
        return ""

    @property
    def amount_text(self):
        """«kr 100 000–800 000 per søknad», «Inntil kr 30 000 per søknad» or "" (cards)."""
        amount = self.amount_range
        return gettext("%(range)s per application") % {"range": amount} if amount else ""

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.deadline and self.deadline <= self.opens_at:
            errors["deadline"] = _("The deadline must come after the opening.")
        if (
            self.min_per_application
            and self.max_per_application
            and self.min_per_application > self.max_per_application
        ):
            errors["min_per_application"] = _("The least amount can't be above the most.")
        if (
            self.max_per_application
            and self.total_budget
            and self.max_per_application > self.total_budget
        ):
            errors["max_per_application"] = _("The most per application can't be above the budget.")
        if errors:
            raise ValidationError(errors)

    # --- Submissions ----------------------------------------------------------

    def get_submission_class(self):
        return FundingApplication

    def get_submissions(self):
        return FundingApplication.objects.filter(page=self).select_related("applicant")

    def get_data_fields(self):
        """The moderators' columns: when, who, then the answers."""
        submit_time, *answers = super().get_data_fields()
        return [
            submit_time,
            ("applicant", _("Applicant")),
            ("applicant_username", _("Username")),
            ("applicant_email", _("Applicant's e-mail")),
            *answers,
        ]

    @cached_property
    def uses_pipeline(self):
        """A call whose editors published criteria one by one takes structured applications
        (funding/applicant_views.py) and no longer shows the form-builder form."""
        return self.criteria_items.exists()

    def accepts_applications(self, state=None):
        """Whether the form-builder form takes applications (calls without criteria)."""
        state = state or self.state
        return state.is_open and not self.uses_pipeline and bool(self.get_form_fields())

    def save_application(self, form):
        """Store the answers with the signed-in applicant (never a name typed in the form)."""
        user = form.user
        return FundingApplication.objects.create(
            page=self,
            form_data=form.answers,
            applicant=user,
            applicant_name=user.get_full_name() or user.get_username(),
            applicant_email=user.email or "",
            token=form.cleaned_data[TOKEN_FIELD],
        )

    def process_form_submission(self, form, request=None):
        """Wagtail's hook: store the application and queue the two e-mails, in one transaction."""
        with transaction.atomic():
            application = self.save_application(form)
            emails.send_application_emails(self, application)
        return application

    def find_application(self, user, token):
        """The application this user sent with this one-time token, or None."""
        return find_earlier(FundingApplication.objects.filter(page=self, applicant=user), token)

    # --- Serving --------------------------------------------------------------

    def serve(self, request, view=None, args=None, kwargs=None):
        """The routes below; the call itself (with the form-builder form) at its own URL."""
        if view is None:
            return self.serve_call(request)
        return view(request, *(args or ()), **(kwargs or {}))

    def serve_preview(self, request, mode_name):
        # The form page's preview modes (the call, the receipt), not the index route's.
        return AbstractEmailForm.serve_preview(self, request, mode_name)

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.serve_call(request)

    # The structured application (funding/applicant_views.py).
    @path("soknad/ny/", name="application_start")
    def application_start(self, request):
        return applicant_views.start(self, request)

    @path("soknad/<uuid:application_uuid>/", name="application")
    def application(self, request, application_uuid):
        return applicant_views.draft(self, request, application_uuid)

    @path("soknad/<uuid:application_uuid>/sjekk/", name="application_check")
    def application_check(self, request, application_uuid):
        return applicant_views.check(self, request, application_uuid)

    @path("soknad/<uuid:application_uuid>/sendt/", name="application_receipt")
    def application_sent(self, request, application_uuid):
        return applicant_views.receipt(self, request, application_uuid)

    @path("soknad/<uuid:application_uuid>/trekk/", name="application_withdraw")
    def application_withdraw(self, request, application_uuid):
        return applicant_views.withdraw(self, request, application_uuid)

    # Attachments and co-applicants (funding/attachments.py, funding/co_applicants.py).
    @path("soknad/<uuid:application_uuid>/vedlegg/", name="application_attachments")
    def application_attachments(self, request, application_uuid):
        return attachments.upload(self, request, application_uuid)

    @path(
        "soknad/<uuid:application_uuid>/vedlegg/<int:attachment_id>/",
        name="application_attachment",
    )
    def application_attachment(self, request, application_uuid, attachment_id):
        return attachments.download(self, request, application_uuid, attachment_id)

    @path(
        "soknad/<uuid:application_uuid>/vedlegg/<int:attachment_id>/slett/",
        name="application_attachment_delete",
    )
    def application_attachment_delete(self, request, application_uuid, attachment_id):
        return attachments.delete(self, request, application_uuid, attachment_id)

    @path("soknad/<uuid:application_uuid>/medsokere/", name="application_co_applicants")
    def application_co_applicants(self, request, application_uuid):
        return co_applicants.manage(self, request, application_uuid)

    @path(
        "soknad/<uuid:application_uuid>/medsokere/<int:co_applicant_id>/fjern/",
        name="application_co_applicant_remove",
    )
    def application_co_applicant_remove(self, request, application_uuid, co_applicant_id):
        return co_applicants.remove(self, request, application_uuid, co_applicant_id)

    # The final report of a granted application (funding/final_report.py).
    @path("soknad/<uuid:application_uuid>/sluttrapport/", name="application_report")
    def application_report(self, request, application_uuid):
        return final_report.report(self, request, application_uuid)

    @path("soknad/<uuid:application_uuid>/sluttrapport/sendt/", name="application_report_sent")
    def application_report_sent(self, request, application_uuid):
        return final_report.report_sent(self, request, application_uuid)

    def serve_call(self, request):
        state = self.state
        if request.method == "POST":
            return self.serve_post(request, state)
        form = (
            self.get_form(page=self, user=request.user)
            if self.accepts_applications(state)
            else None
        )
        return self.render_call(request, form=form)

    def serve_post(self, request, state):
        earlier = earlier_submission(
            request, lambda token: self.find_application(request.user, token)
        )
        if earlier is not None:
            # A double-click or a resent form: show the receipt of the first one.
            return HttpResponseRedirect(self.receipt_url(earlier))
        if not self.accepts_applications(state):
            return self.render_call(request, refused=True, posted=request.POST, status=409)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if not form.is_valid():
            return self.render_call(request, form=form)
        # The token makes the same form count once: a resent form finds the first
        # application above, and two requests racing each other meet the unique
        # constraint here. Either way nothing new is stored or sent. The e-mails are
        # queued in the application's transaction: both are kept, or neither (core/mail/).
        with transaction.atomic():
            application, stored = store_once(
                lambda: self.save_application(form),
                lambda token: self.find_application(request.user, token),
                form.cleaned_data[TOKEN_FIELD],
            )
            if stored:
                emails.send_application_emails(self, application)
        return HttpResponseRedirect(self.receipt_url(application))

    def render_call(self, request, form=None, refused=False, posted=None, status=200):
        context = self.get_context(request)
        context.update(self.application_context(request, form, refused=refused, posted=posted))
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        # The page holds a personal form (and a CSRF token): never cached.
        add_never_cache_headers(response)
        return response

    def application_context(self, request, form, refused=False, posted=None, preview=False):
        state = self.state
        user = request.user
        earlier = []
        if user.is_authenticated and not preview:
            earlier = list(
                FundingApplication.objects.filter(page=self, applicant=user).order_by(
                    "-submit_time"
                )[:1]
            )
        context = {
            "state": state,
            "form": form,
            "refused": refused,
            "refusal_message": self.refusal_message(state) if refused else "",
            "posted_answers": self.posted_answers(posted) if posted is not None else [],
            "earlier_application": earlier[0] if earlier else None,
            "my_applications_url": self.my_applications_url(),
            "preview": preview,
            "structured": None if preview else self.structured_context(user, state),
        }
        if form is not None:
            required = form.visible_fields_required
            context["all_required"] = all(required)
        return context

    def structured_context(self, user, state):
        """«Start en søknad» and the user's own applications to this call (drafts to
        continue, sent ones to read), for a call whose editors published criteria: the
        structured application (funding/applicant_views.py). None for other calls."""
        if not user.is_authenticated or not self.uses_pipeline:
            return None
        from .pipeline import Application

        # The user's own only (as applicant), even for a case handler: this is their page.
        own = (
            Application.objects.filter(call=self)
            .filter(Q(created_by=user) | Q(co_applicants__user=user))
            .distinct()
            .order_by("-updated_at")
        )
        applications = list(own)
        for application in applications:
            application.call = self  # this page: not loaded again for each one's status and links
        return {
            "start_url": self.url + self.reverse_subpage("application_start")
            if state.is_open
            else "",
            "applications": [
                (
                    application,
                    self.url + self.reverse_subpage("application", args=(application.uuid,)),
                )
                for application in applications
            ],
            "state": state,
        }

    def refusal_message(self, state):
        if state.is_upcoming:
            return gettext(
                "The call is not open yet. You can apply from %(when)s. Your application was not sent."
            ) % {"when": format_datetime(self.opens_at)}
        if state.is_closed:
            return gettext("The deadline was %(when)s. Your application was not sent.") % {
                "when": format_datetime(self.deadline)
            }
        return gettext("The call does not take applications. Your application was not sent.")

    def posted_answers(self, posted):
        """What a refused applicant wrote, so they can keep it for later."""
        answers = []
        for field in self.get_form_fields():
            values = [value for value in posted.getlist(field.clean_name) if value.strip()]
            if field.field_type == "date":
                parts = [posted.get(f"{field.clean_name}_{n}", "").strip() for n in range(3)]
                values = [".".join(parts)] if any(parts) else []
            if values:
                answers.append((field.label, ", ".join(values)))
        return answers

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        form = context.get("form") if self.get_form_fields() else None
        context.update(self.application_context(request, form, preview=True))
        return context

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        """The receipt, as the editors' «Landing page» preview shows it."""
        context = self.get_context(request)
        context.update(
            {
                "call": self,
                "application": form_submission,
                "answers": form_submission.answers(self.get_form_fields())
                if form_submission
                else [],
                "is_receipt": True,
                "my_applications_url": self.my_applications_url(),
            }
        )
        return TemplateResponse(request, self.get_landing_page_template(request), context)

    # --- Where the applicant's pages are -------------------------------------

    @cached_property
    def funding_index(self):
        from .index import FundingIndexPage

        # The parent, as its own type in one query (get_parent().specific takes two).
        parent = None
        if self.path:
            parent = FundingIndexPage.objects.filter(path=self.path[: -self.steplen]).first()
        return parent or FundingIndexPage.objects.first()

    def my_applications_url(self):
        index_page = self.funding_index
        return index_page.url + index_page.reverse_subpage("my_applications")

    def receipt_url(self, application):
        index_page = self.funding_index
        return index_page.url + index_page.reverse_subpage(
            "application_receipt", args=(application.pk,)
        )
