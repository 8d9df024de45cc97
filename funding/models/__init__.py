from .applications import FundingApplication
from .calls import FundingCallPage, FundingFormField
from .index import FundingIndexPage

__all__ = ["FundingApplication", "FundingCallPage", "FundingFormField", "FundingIndexPage"]
