"""Post numbers (岗位编号): the one reading of a ``code_pattern`` such as ``EX-{department}-{seq:3}``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_ANY_PLACEHOLDER = re.compile(r"\{([^}]*)\}")
_PLACEHOLDER = re.compile(r"\{(department|seq)(?::(\d+))?\}")


@dataclass(frozen=True)
class CodePattern:
    """A post-number pattern: ``{department}`` is the department's code, ``{seq}`` digits, ``{seq:3}`` three."""

    text: str

    @staticmethod
    def unknown_placeholders(text: str) -> list[str]:
        """The placeholders in ``text`` that are not ``{department}``, ``{seq}`` or ``{seq:N}``."""
        return [
            "{" + name + "}" for name in _ANY_PLACEHOLDER.findall(text) if not _PLACEHOLDER.fullmatch(f"{{{name}}}")
        ]

    def regex(self, department_code: str, *, exact_width: bool = True) -> re.Pattern[str]:
        """The numbers of one department; the sequence is group 1 (any width unless ``exact_width``)."""
        parts, position = [], 0
        for match in _PLACEHOLDER.finditer(self.text):
            parts.append(re.escape(self.text[position : match.start()]))
            if match.group(1) == "department":
                parts.append(re.escape(department_code))
            else:
                width = match.group(2)
                parts.append(rf"(\d{{{width}}})" if width and exact_width else r"(\d+)")
            position = match.end()
        parts.append(re.escape(self.text[position:]))
        return re.compile("".join(parts))

    def number(self, department_code: str, sequence: int) -> str:
        """The post number with ``sequence`` in it, padded to the pattern's width."""

        def fill(match: re.Match[str]) -> str:
            if match.group(1) == "department":
                return department_code
            return str(sequence).zfill(int(match.group(2) or 1))

        return _PLACEHOLDER.sub(fill, self.text)

    def example(self, department_code: str) -> str:
        """A number that follows the pattern, for messages: ``EX-XSN-001``."""
        return self.number(department_code, 1)

    def next_number(self, department_code: str | None, existing: Iterable[str]) -> str | None:
        """The next free number of a department, or None when the pattern cannot make one."""
        if "{seq" not in self.text or ("{department}" in self.text and not department_code):
            return None
        regex = self.regex(department_code or "", exact_width=False)
        taken = [int(found.group(1)) for code in existing if (found := regex.fullmatch(code))]
        return self.number(department_code or "", max(taken, default=0) + 1)


__all__ = ["CodePattern"]
