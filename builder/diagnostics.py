"""Diagnostics: problems as values, collected across all files and reported together."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file: path relative to the root with '/', 1-based line and column."""

    path: str
    line: int = 1
    col: int = 1


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int
    col: int
    severity: Severity
    code: str
    message: str
    suggestion: str | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.col, self.code, self.message)

    def render(self) -> str:
        """One line of text: line breaks in a message (contributor text) are shown as \\n."""
        message = self.message.replace("\r", "\\r").replace("\n", "\\n")
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {message} [{self.code}]"


def error(at: Location, code: str, message: str, suggestion: str | None = None) -> Diagnostic:
    """An error at a location."""
    return Diagnostic(at.path, at.line, at.col, Severity.ERROR, code, message, suggestion)


def warning(at: Location, code: str, message: str, suggestion: str | None = None) -> Diagnostic:
    """A warning at a location."""
    return Diagnostic(at.path, at.line, at.col, Severity.WARNING, code, message, suggestion)


def with_suggestion(message: str, suggestion: str | None) -> str:
    """Append a did-you-mean hint to a message when there is one."""
    return f"{message} (did you mean '{suggestion}'?)" if suggestion else message


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sorted by (path, line, col, code, message), duplicates removed."""
    return sorted(set(diagnostics), key=lambda d: d.sort_key)


def count(diagnostics: Iterable[Diagnostic], severity: Severity) -> int:
    return sum(1 for d in diagnostics if d.severity is severity)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(diagnostics: list[Diagnostic]) -> str:
    errors = count(diagnostics, Severity.ERROR)
    warnings = count(diagnostics, Severity.WARNING)
    return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"


def format_text(diagnostics: list[Diagnostic]) -> str:
    """One line per diagnostic, then the summary line."""
    lines = [d.render() for d in sort_diagnostics(diagnostics)]
    lines.append(summary_line(diagnostics))
    return "\n".join(lines) + "\n"


def format_json(diagnostics: list[Diagnostic]) -> str:
    """The `--format json` report (version 1)."""
    ordered = sort_diagnostics(diagnostics)
    report = {
        "version": 1,
        "diagnostics": [asdict(d) for d in ordered],
        "errors": count(ordered, Severity.ERROR),
        "warnings": count(ordered, Severity.WARNING),
    }
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostics: list[Diagnostic]) -> str:
    """GitHub Actions workflow commands: each diagnostic becomes an annotation on its line."""
    lines = []
    for d in sort_diagnostics(diagnostics):
        properties = ",".join(
            f"{key}={_escape_property(str(value))}"
            for key, value in (
                ("file", d.path),
                ("line", d.line),
                ("col", d.col),
                ("title", d.code),
            )
        )
        lines.append(f"::{d.severity} {properties}::{_escape_data(d.message)}")
    lines.append(summary_line(diagnostics))
    return "\n".join(lines) + "\n"


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)
