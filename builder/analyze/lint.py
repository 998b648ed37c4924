"""Sourcing lint: judgments without support or resting only on anonymous claims; translations."""

from __future__ import annotations

from builder.diagnostics import Diagnostic, warning
from builder.model import Model


def judgment_support(model: Model) -> list[Diagnostic]:
    problems = []
    for topic in model.topics.values():
        for index, judgment in enumerate(topic.record.key_judgments):
            claims = [model.claims[c].claim for c in judgment.claims if c in model.claims]
            if any(c not in model.claims for c in judgment.claims):
                continue  # an unknown or broken claim is reported already, at its reference
            if not claims:
                message = (
                    f"key judgment '{judgment.id}' rests on no claim; cite the claims behind it"
                )
                at = topic.source.at("key_judgments", index, "id")
                problems.append(warning(at, "judgment-unsupported", message))
            elif all(c.anonymous for c in claims):
                message = (
                    f"key judgment '{judgment.id}' rests only on anonymous claims; "
                    "the topic page flags it until a named source supports it"
                )
                at = topic.source.at("key_judgments", index, "id")
                problems.append(warning(at, "judgment-anonymous-only", message))
    return problems


def translations(model: Model) -> list[Diagnostic]:
    problems = []
    for article in model.articles.values():
        if article.record.language.lower().split("-")[0] == "en":
            continue
        for index, claim in enumerate(article.record.claims):
            if claim.translation is None:
                message = (
                    f"claim '{claim.id}' quotes a text in '{article.record.language}'; "
                    "add an English 'translation'"
                )
                problems.append(
                    warning(
                        article.source.at("claims", index, "id"), "missing-translation", message
                    )
                )
    return problems
