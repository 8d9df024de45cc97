"""The methods toolkit: phases of an innovation process, method pages and their listing."""

from .index import MethodIndexPage
from .method import (
    Difficulty,
    Duration,
    MethodPage,
    MethodPageRelatedMethod,
    MethodPageResource,
    MethodPageTag,
)
from .phase import CROSS_CUTTING, PHASE_NUMBER_CHOICES, Phase

__all__ = [
    "CROSS_CUTTING",
    "PHASE_NUMBER_CHOICES",
    "Difficulty",
    "Duration",
    "MethodIndexPage",
    "MethodPage",
    "MethodPageRelatedMethod",
    "MethodPageResource",
    "MethodPageTag",
    "Phase",
]
