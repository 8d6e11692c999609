"""The organisation model: what a department, a post and the settings may say."""

from orgspec.model.department import Department
from orgspec.model.organisation import ClauseLibrary, Grade, Limits, Settings
from orgspec.model.post import Post, Qualifications

__all__ = ["ClauseLibrary", "Department", "Grade", "Limits", "Post", "Qualifications", "Settings"]
