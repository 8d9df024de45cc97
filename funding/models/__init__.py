from .applications import FundingApplication
from .calls import FundingCallPage, FundingFormField
from .index import FundingIndexPage
from .pipeline import (
    Application,
    Assessment,
    Attachment,
    CallCriterion,
    CoApplicant,
    CriterionAnswer,
    Decision,
    FinalReport,
    ReferenceCounter,
    StatusChange,
)
from .reminders import ReportReminder

__all__ = [
    "Application",
    "Assessment",
    "Attachment",
    "CallCriterion",
    "CoApplicant",
    "CriterionAnswer",
    "Decision",
    "FinalReport",
    "FundingApplication",
    "FundingCallPage",
    "FundingFormField",
    "FundingIndexPage",
    "ReferenceCounter",
    "ReportReminder",
    "StatusChange",
]
