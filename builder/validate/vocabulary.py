"""Closed vocabularies of the content model, each in one place."""

from __future__ import annotations

from typing import Literal

ActorType = Literal[
    "state",
    "person",
    "armed-group",
    "military-unit",
    "government-body",
    "organization",
    "media-outlet",
    "coalition",
]
# ICD 203's expressions of likelihood, lowest to highest.
LIKELIHOODS = (
    "almost no chance",
    "very unlikely",
    "unlikely",
    "roughly even chance",
    "likely",
    "very likely",
    "almost certain",
)
Confidence = Literal["low", "moderate", "high"]
Reliability = Literal["A", "B", "C", "D", "E", "F"]
Rights = Literal["excerpts", "full"]
ClaimStatus = Literal["active", "retracted", "superseded"]
TopicStatus = Literal["active", "dormant", "closed"]

# Forward relation label -> inverse label; symmetric types are their own inverse.
RELATION_INVERSES: dict[str, str] = {
    "part-of": "has-part",
    "leads": "led-by",
    "member-of": "has-member",
    "backs": "backed-by",
    "supplies": "supplied-by",
    "mediates": "mediated-by",
    "attacks": "attacked-by",
    "threatens": "threatened-by",
    "splinter-of": "has-splinter",
    # Ownership or government control of an outlet: outlets with one controller are one origin.
    "controlled-by": "controls",
    "allied-with": "allied-with",
    "rival-of": "rival-of",
    "negotiates-with": "negotiates-with",
}
SYMMETRIC_RELATIONS = frozenset(k for k, v in RELATION_INVERSES.items() if k == v)
FORWARD_OF: dict[str, str] = {
    **{forward: forward for forward in RELATION_INVERSES},
    **{inverse: forward for forward, inverse in RELATION_INVERSES.items()},
}
RelationType = Literal[
    "part-of",
    "has-part",
    "leads",
    "led-by",
    "member-of",
    "has-member",
    "backs",
    "backed-by",
    "supplies",
    "supplied-by",
    "mediates",
    "mediated-by",
    "attacks",
    "attacked-by",
    "threatens",
    "threatened-by",
    "splinter-of",
    "has-splinter",
    "controlled-by",
    "controls",
    "allied-with",
    "rival-of",
    "negotiates-with",
]
CREDIBILITY_WORDS = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
RELIABILITY_WORDS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur"})
