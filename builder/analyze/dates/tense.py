"""Whether the clause a date phrase is written in speaks of the future or the past.

Weekdays, bare months and days without a year name a different day depending on tense: "the
talks will continue on Saturday" is the next Saturday, "they met on Saturday" the last one. The
cues are words and verb endings per language, looked for in the phrase itself first, then in the
clause of the context that holds it, then in its whole sentence. A future cue wins over a past
one (reported speech: "he said they would meet on Saturday"). No cue: no tense, and the caller
warns instead of guessing.
"""

from __future__ import annotations

import re
from typing import Literal

Tense = Literal["future", "past"]

_FUTURE = {
    "en": r"\b(?:will|'ll|shall|won't|would|(?:is|are|was|were|been) (?:due|set|scheduled|"
    r"expected|slated|planned|to)|plans? to|planning to|going to|upcoming|coming|next|later|"
    r"tomorrow|from now|ahead)\b",
    "fr": r"\b(?:\w+(?:ra|ront|rons|rez|rai)|prochaine?s?|doi(?:t|vent) \w+|prévue?s?|"
    r"attendue?s?|aura lieu|auront lieu|va|vont|à venir|demain)\b",
    "ar": r"(?:(?<![\w])س[يتنأ]\w+|سوف|المقبل|المقبلة|القادم|القادمة|المرتقب|المرتقبة|من المقرر|"
    r"المقرر|المزمع|المتوقع|غدا|غدًا|غداً)",
    "fa": r"(?:خواه(?:د|ند|یم|م|ی|ید)|آینده|اینده|قرار است|قرار بود|فردا|بعد|برگزار می|"
    r"آغاز می|ادامه می)",
    "hi": r"(?:\S+(?:गा|गी|गे)(?=[\s।,.]|$)|अगले|अगली|अगला|आने वाले|आने वाली)",
    "es": r"\b(?:\w+(?:rá|rán|remos)|próxim[oa]s?|que viene|va a|van a|mañana)\b",
    "de": r"\b(?:wird|werden|will|wollen|nächste[nmrs]?|kommende[nmrs]?|morgen|soll|sollen|"
    r"geplant|angesetzt|vorgesehen|bereit)\b",
    "ru": r"(?:\bбуд(?:ет|ут)\b|\bсосто[ия]тся\b|\bпройд(?:ет|ут)\b|\bпланиру\w*|\bследующ\w*)",
}
_PAST = {
    "en": r"\b(?:was|were|had|did|earlier|last|ago|said|told|met|held|arrived|took|went|came|"
    r"began|saw|gave|made|left|(?-i:[a-z]+ed))\b",
    "fr": r"\b(?:a|ont|avait|avaient|était|étaient|fut|furent|dernier|dernière|passée?|hier|"
    r"\w+(?:ait|aient))\b",
    "ar": r"(?:الماضي|الماضية|المنصرم|المنصرمة|الفائت|الفائتة|أمس|امس|البارحة|(?<![\w])قد |كان|"
    r"كانت|عقد|عقدت|جرت|جرى|وصل|وصلت|أعلن|أعلنت|قال|قالت|التقى)",
    "fa": r"(?:گذشته|پیش|قبل|دیروز|(?:\S*)(?:شد|کرد|بود|گفت|رفت|آمد|داشت|نوشت|دید|رسید)(?:ند)?\b)",
    "hi": r"(?:था|थी|थे|पिछले|पिछली|पिछला|गया|गई|गए|हुआ|हुई|हुए|\S+ा था)",
    "es": r"\b(?:pasad[oa]s?|ayer|fue|fueron|\w+(?:ó|aron|ieron))\b",
    "de": r"\b(?:war|waren|hat|haben|hatte|letzte[nmrs]?|vergangene[nmrs]?|gestern)\b",
    "ru": r"(?:\bвчера\b|\bпрошл\w*|\bсостоял\w*|\bзаявил\w*|\bбыл[аио]?\b)",
}
_COMPILED = {
    lang: (re.compile(_FUTURE[lang], re.IGNORECASE), re.compile(_PAST[lang], re.IGNORECASE))
    for lang in _FUTURE
}
_CLAUSE_BREAK = re.compile(r"[;,:،؛\u2014\u2013]| and | but | et | mais | و(?=\S)| اما ")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?؟।])\s+")


def _cues(text: str, language: str) -> Tense | None:
    future, past = _COMPILED.get(language.split("-")[0].lower(), _COMPILED["en"])
    if future.search(text):
        return "future"
    if past.search(text):
        return "past"
    return None


def _around(context: str, phrase: str) -> tuple[str, str]:
    """The clause and the sentence of `context` that hold `phrase` (the whole context if the
    phrase is not found in it)."""
    at = context.lower().find(phrase.lower()) if phrase else -1
    if at < 0:
        return context, context
    sentence_start = max((m.end() for m in _SENTENCE_BREAK.finditer(context, 0, at)), default=0)
    end_match = _SENTENCE_BREAK.search(context, at)
    sentence = context[sentence_start : end_match.start() if end_match else len(context)]
    local = at - sentence_start
    breaks = [m for m in _CLAUSE_BREAK.finditer(sentence)]
    start = max((m.end() for m in breaks if m.end() <= local), default=0)
    end = min(
        (m.start() for m in breaks if m.start() >= local + len(phrase)), default=len(sentence)
    )
    return sentence[start:end], sentence


def tense_of(phrase: str, context: str, language: str) -> Tense | None:
    """The tense the phrase is written in, from cues in it, its clause, then its sentence."""
    for text in (phrase, *_around(context, phrase)):
        found = _cues(text, language)
        if found is not None:
            return found
    return None
