"""orgspec: organisation design as code.

Departments, posts, reporting lines, duties, authorities and KPIs written as
YAML; validated, cross-checked and rendered into a handbook.
"""

from __future__ import annotations

__version__ = "0.1.0"

REPOSITORY = "https://github.com/orgspec/orgspec"
"""Where orgspec's source lives (also the project URLs in pyproject.toml); each release is tagged v<version>."""


def requirement(extras: str) -> str:
    """What pip installs this very version of orgspec with ``extras`` from (e.g. ``mkdocs``): its release tag."""
    return f"orgspec[{extras}] @ git+{REPOSITORY}@v{__version__}"


__all__ = ["REPOSITORY", "__version__", "requirement"]
