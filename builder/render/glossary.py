"""The method's terms, explained once on /glossary/ and linked where a page first uses them.

The short line is the link's tooltip; the long one is the glossary entry. Both are ours.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.render import urls
from builder.render.html import heading, prose
from builder.render.page import Page


@dataclass(frozen=True)
class Term:
    name: str
    short: str  # the tooltip: one sentence, no double quotes
    long: str  # the glossary entry, Markdown


TERMS: dict[str, Term] = {
    "bottom-line": Term(
        "Bottom line",
        "The brief's main conclusion, stated first.",
        "The one or two sentences a reader with no time should read: the brief's main "
        "conclusion, stated before the evidence for it.",
    ),
    "key-judgment": Term(
        "Key judgment",
        "A conclusion drawn from the claims, with a likelihood and a separate confidence.",
        "A conclusion the curators draw from several claims. It is stated with a likelihood "
        "and a confidence, lists the claims it rests on, and is flagged when it rests only on "
        "anonymous claims.",
    ),
    "likelihood": Term(
        "Likelihood",
        "How probable a judgment is, in the seven fixed words of ICD "
        "203 (almost no chance to almost certain).",
        "How probable a key judgment is, in one of the seven fixed expressions of the US "
        "intelligence standard ICD 203: almost no chance, very unlikely, unlikely, roughly even "
        "chance, likely, very likely, almost certain. Each stands for a range of probability, "
        "so two briefs that use the same word mean the same thing.",
    ),
    "confidence": Term(
        "Confidence",
        "How well sources and reasoning support a judgment (low, "
        "moderate, high); not its likelihood.",
        "How well the sources and the reasoning support a key judgment: low, moderate or high. "
        "It is separate from likelihood: an event can be judged likely with low confidence when "
        "the sources are few or weak.",
    ),
    "claim": Term(
        "Claim",
        "One statement of fact an article makes, tied to a verbatim quote from it.",
        "One statement of fact an article makes, written in the curators' words and tied to a "
        "verbatim quote from the article, with who it is attributed to and a credibility grade.",
    ),
    "credibility": Term(
        "Credibility",
        "Admiralty grade 1–6: how far other sources confirm a "
        "claim (1 confirmed … 6 cannot be judged).",
        "The information grade of the Admiralty (NATO) system, 1 to 6: 1 confirmed by other "
        "sources, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 truth cannot be "
        "judged. It grades the claim, not the outlet.",
    ),
    "source-reliability": Term(
        "Source reliability",
        "Admiralty grade A–F for an outlet's track record (A "
        "completely reliable … F cannot be judged).",
        "The source grade of the Admiralty (NATO) system, A to F, given to media outlets: A "
        "completely reliable, B usually reliable, C fairly reliable, D not usually reliable, "
        "E unreliable, F reliability cannot be judged. It grades the outlet, not one claim.",
    ),
    "origin-chain": Term(
        "Origin chain",
        "The path a claim took: the first source, the outlets that passed it on, the article.",
        "The path a claim took to the article that carries it: the source that first made it, "
        "each outlet that passed it on, and the outlet that published the article.",
    ),
    "independent-origin": Term(
        "Independent origin",
        "A first source that depends on no other; outlets under one controller count as one.",
        "A first source that does not depend on another. Articles that repeat the same first "
        "source count once, and so do outlets controlled by the same actor. A claim carried by "
        "five articles from one origin has one independent origin: counting it as five would be "
        "circular reporting.",
    ),
    "anonymous": Term(
        "Anonymous",
        "Attributed to an unnamed person or body (officials said); "
        "judgments resting only on these are flagged.",
        "A claim attributed to an unnamed person or body, such as 'officials said'. It is "
        "marked where it appears, and a key judgment that rests only on anonymous claims is "
        "flagged on its topic page until a named source supports it.",
    ),
    "inferred": Term(
        "Inferred",
        "Filled in by a curator from context, not stated by the source.",
        "A value a curator filled in from context rather than one the source states, such as "
        "a publication day read from the text or a mediator implied by a quote. It is shown "
        "as (inferred) beside the value, and dates counted from it are inferred too.",
    ),
    "precision": Term(
        "Precision",
        "How exactly a date is known: a day, a week, a month, a year, a range or an open end.",
        "How exactly the sources date an event: a day, a week, a month, a year, a range "
        "between two days, or open when one end is unknown. A phrase such as 'last week' is "
        "resolved from the article's publication day to the days it can mean.",
    ),
    "excerpt": Term(
        "Excerpt",
        "A short passage of an article shown under its licence; "
        "at most 30% of its words site-wide.",
        "A short passage of a source article shown on this site. For an article the project "
        "may only quote from, all excerpts together never exceed 30% of its words, counted "
        "across every page.",
    ),
}


def render_glossary() -> Page:
    """The glossary page: every term, with an anchor the pages link to."""
    body = [
        heading(1, "Glossary", "glossary"),
        "<p>The terms of the method, as this site uses them.</p>",
    ]
    for ident, term in sorted(TERMS.items(), key=lambda item: item[1].name):
        body += [heading(2, term.name, ident), prose(term.long)]
    return Page.titled(urls.GLOSSARY, "Glossary", "\n".join(body) + "\n")
