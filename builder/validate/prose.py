"""Markdown fields (summaries): what the site would drop or MkDocs would refuse is found here.

A summary may format text and link to web pages (http or https). Raw HTML, comments and
character references are shown as the literal text they are (see `render.markdown.prose`), so
nothing written disappears; a link with another scheme (javascript:, data:, mailto:) is shown as
its text by the sanitiser. A link without a scheme (a relative path or anchor, which would point
elsewhere on each page that shows the summary, or a scheme spelled with character references)
is an error at the field: the strict build would refuse it, so `check` says so first.
"""

from __future__ import annotations

import re

from builder.diagnostics import Diagnostic, error
from builder.validate.corpus import Source, ValidatedCorpus

# [text](target) and [text](target "title"), and <scheme:...> autolinks.
_INLINE_LINK = re.compile(r"\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+[\"'(][^)]*\)?)?\)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def link_targets(text: str) -> list[str]:
    """Targets of the Markdown links and autolinks written in a field."""
    return [*_INLINE_LINK.findall(text), *_AUTOLINK.findall(text)]


def bad_links(text: str) -> list[str]:
    """Link targets without a scheme: they would resolve differently on every page."""
    return [t for t in link_targets(text) if not _SCHEME.match(t)]


def _field_problems(source: Source, value: str | None, *loc: str | int) -> list[Diagnostic]:
    problems = []
    for target in bad_links(value or ""):
        message = (
            f"link to '{target}' in a summary: link to full web addresses (https://...); a "
            "summary is shown on several pages, so a relative link cannot work on all of them"
        )
        problems.append(error(source.at(*loc), "summary-link", message))
    return problems


def check_prose(corpus: ValidatedCorpus) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    for actor in corpus.actors.values():
        problems += _field_problems(actor.source, actor.record.summary, "summary")
    for topic in corpus.topics.values():
        problems += _field_problems(topic.source, topic.record.summary, "summary")
    return problems
