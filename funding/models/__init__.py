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
    "StatusChange",
]
