"""The organisation model: what a department, a post and the settings may say."""

from orgspec.model.department import Department
from orgspec.model.post import Post, Qualifications
from orgspec.model.settings import ClauseLibrary, Grade, Limits, Settings

__all__ = ["ClauseLibrary", "Department", "Grade", "Limits", "Post", "Qualifications", "Settings"]
