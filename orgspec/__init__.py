"""orgspec: organisation design as code.

Departments, posts, reporting lines, duties, authorities and KPIs written as
YAML; validated, cross-checked and rendered into a handbook.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
