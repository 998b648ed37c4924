"""Date phrases of other languages rewritten as the English phrases the rules know.

Each language has a small table of its own for what decides the interval (next, last, this,
since, early/mid/late, ago, in N, number words, yesterday/today/tomorrow and the month and
weekday names it writes in several ways); anything left that is not English is handed, word by
word, to dateparser's translation, which knows the month, weekday and unit names of some two
hundred locales. The interval rules themselves are the English ones (see `phrases.py`).
"""

from __future__ import annotations

import functools
import re
import unicodedata

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "a": 1, "an": 1,
}  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
]  # fmt: skip
_OTHER_ENGLISH = """
today tonight yesterday tomorrow morning afternoon evening night day days week weeks weekend
month months year years ago in on the this last next past coming earlier later since early mid
late end beginning of from now within recently recent few before after start middle
"""
ENGLISH = frozenset([*WEEKDAYS, *MONTHS, *NUMBER_WORDS, *_OTHER_ENGLISH.split()])

# (pattern, English) pairs, applied in order to the lower-cased phrase.
_TABLES: dict[str, list[tuple[str, str]]] = {
    "fr": [
        (r"\bavant[- ]hier\b", "the day before yesterday"),
        (r"\baprès[- ]demain\b", "the day after tomorrow"),
        (r"\baujourd'hui\b", "today"),
        (r"\bhier\b", "yesterday"),
        (r"\bdemain\b", "tomorrow"),
        (r"\bce matin\b", "this morning"),
        (r"\bce soir\b", "tonight"),
        (r"\bsoir(?:ée)?\b", "evening"),
        (r"\bmatin(?:ée)?\b", "morning"),
        (r"\baprès-midi\b", "afternoon"),
        (r"\bil y a\b", "ago"),
        (r"\bdans\b", "in"),
        (r"\bdepuis\b", "since"),
        (r"\bweek-?end\b", "weekend"),
        (r"\bsemaine\b", "week"),
        (r"\bmois\b", "month"),
        (r"\bann[ée]e\b|\ban\b", "year"),
        (r"\bjours?\b", "days"),
        (r"\bsemaines\b", "weeks"),
        (r"\bprochaine?s?\b|\bqui vient\b", "next"),
        (r"\bderni[eè]re?s?\b|\bpass[ée]e?s?\b", "last"),
        (r"\bcette\b|\bce\b|\bcet\b", "this"),
        (r"\bdébut\b|\bdebut\b|\bdébut de\b", "early"),
        (r"\bmi-?\s*", "mid "),
        (r"\bfin\b|\bfin de\b", "late"),
        (r"\bplus t[ôo]t\b", "earlier"),
        (r"\bun\b|\bune\b", "one"),
        (r"\bdeux\b", "two"),
        (r"\btrois\b", "three"),
        (r"\bquatre\b", "four"),
        (r"\bcinq\b", "five"),
        (r"\bsix\b", "six"),
        (r"\bsept\b", "seven"),
        (r"\bhuit\b", "eight"),
        (r"\bneuf\b", "nine"),
        (r"\bdix\b", "ten"),
        (r"\ble\b|\bla\b|\bles\b|\bl'|\bd'|\bde\b|\bdu\b|\ben\b", " "),
    ],
    "ar": [
        (
            r"(?<!ال)يوم(?= ?(?:السبت|الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|"
            r"الخميس|الجمعة))",
            " ",
        ),
        (r"المقبل|المقبلة|القادم|القادمة|الآتي|المقبلين", "next"),
        (r"الماضي|الماضية|المنصرم|المنصرمة|الفائت|الفائتة|السابق", "last"),
        (r"السبت", "saturday"),
        (r"الأحد|الاحد", "sunday"),
        (r"الاثنين|الإثنين", "monday"),
        (r"الثلاثاء", "tuesday"),
        (r"الأربعاء|الاربعاء", "wednesday"),
        (r"الخميس", "thursday"),
        (r"الجمعة|الجمعه", "friday"),
        (r"يناير", "january"),
        (r"فبراير", "february"),
        (r"مارس", "march"),
        (r"أبريل|ابريل|إبريل", "april"),
        (r"مايو", "may"),
        (r"يونيو|يونيه", "june"),
        (r"يوليو|يوليه", "july"),
        (r"أغسطس|اغسطس", "august"),
        (r"سبتمبر", "september"),
        (r"أكتوبر|اكتوبر", "october"),
        (r"نوفمبر", "november"),
        (r"ديسمبر", "december"),
        (r"أول أمس|اول امس|أول من أمس", "the day before yesterday"),
        (r"بعد غد", "the day after tomorrow"),
        (r"أمس|امس|البارحة", "yesterday"),
        (r"غدا|غدًا|غداً", "tomorrow"),
        (r"اليوم|هذا اليوم", "today"),
        (r"الليلة", "tonight"),
        (r"صباح|مساء|ظهر", " "),  # morning, evening, noon of a day: the day
        (
            r"منذ(?= *(?:(?:early|mid|late) )?(?:"
            + "|".join(
                [
                    "january",
                    "february",
                    "march",
                    "april",
                    "may",
                    "june",
                    "july",
                    "august",
                    "september",
                    "october",
                    "november",
                    "december",
                    "كانون",
                    "شباط",
                    "آذار",
                    "نيسان",
                    "أيار",
                    "حزيران",
                    "تموز",
                    "آب",
                    "أيلول",
                    "تشرين",
                ]
            )
            + "))",
            "since",
        ),
        (r"\bمنذ\b|\bقبل\b", "ago"),
        (r"\bبعد\b|\bخلال\b", "in"),
        (r"مطلع|أوائل|اوائل|بداية|أول", "early"),
        (r"منتصف|أواسط|اواسط", "mid"),
        (r"أواخر|اواخر|نهاية|آخر", "late"),
        (r"الأسبوعين|أسبوعين|اسبوعين", "two weeks"),
        (r"يومين", "two days"),
        (r"شهرين", "two months"),
        (r"عامين|سنتين", "two years"),
        (r"نهاية الأسبوع|عطلة نهاية الأسبوع", "weekend"),
        (r"الأسبوع|أسبوع|اسبوع|أسابيع", "week"),
        (r"الشهر|شهر|أشهر|شهور", "month"),
        (r"العام|عام|السنة|سنة|أعوام|سنوات", "year"),
        (r"أيام|يوم", "day"),
        (r"الجاري|الحالي|الحالية|هذا|هذه", "this"),
        (r"\b(?:ثلاثة|ثلاث)\b", "three"),
        (r"\b(?:أربعة|أربع)\b", "four"),
        (r"\b(?:خمسة|خمس)\b", "five"),
        (r"\b(?:ستة|ست)\b", "six"),
        (r"\b(?:سبعة|سبع)\b", "seven"),
        (r"\b(?:ثمانية|ثماني)\b", "eight"),
        (r"\b(?:تسعة|تسع)\b", "nine"),
        (r"\b(?:عشرة|عشر)\b", "ten"),
        (r"\b(?:واحد|واحدة)\b", "one"),
        (r"كانون الثاني", "january"),
        (r"شباط", "february"),
        (r"آذار|اذار", "march"),
        (r"نيسان", "april"),
        (r"أيار|ايار", "may"),
        (r"حزيران", "june"),
        (r"تموز", "july"),
        (r"آب", "august"),
        (r"أيلول|ايلول", "september"),
        (r"تشرين الأول|تشرين الاول", "october"),
        (r"تشرين الثاني", "november"),
        (r"كانون الأول|كانون الاول", "december"),
        (r"\bفي\b|\bيوم\b|(?<!\S)ال(?=\S)|\bمن\b", " "),
    ],
    "fa": [
        (r"شب گذشته|دیشب", "last night"),
        (
            r"(?:\bاز |\bدر |\bبامداد |\bصبح |\bعصر |\bظهر )?"
            r"روز(?= ?(?:یک|دو|سه|چهار|پنج)? ?\u200c?(?:شنبه|جمعه))",
            " ",
        ),
        (r"یک ?\u200c?شنبه", "sunday"),
        (r"دو ?\u200c?شنبه", "monday"),
        (r"سه ?\u200c?شنبه", "tuesday"),
        (r"چهار ?\u200c?شنبه", "wednesday"),
        (r"پنج ?\u200c?شنبه", "thursday"),
        (r"شنبه", "saturday"),
        (r"جمعه", "friday"),
        (r"ژانویه", "january"),
        (r"فوریه", "february"),
        (r"مارس", "march"),
        (r"آوریل|آپریل", "april"),
        (r"\bمه\b|\bمی\b", "may"),
        (r"ژوئن", "june"),
        (r"ژوئیه|جولای", "july"),
        (r"اوت|آگوست", "august"),
        (r"سپتامبر", "september"),
        (r"اکتبر", "october"),
        (r"نوامبر", "november"),
        (r"دسامبر", "december"),
        (r"پریروز", "the day before yesterday"),
        (r"پس ?فردا", "the day after tomorrow"),
        (r"دیروز", "yesterday"),
        (r"امروز", "today"),
        (r"فردا", "tomorrow"),
        (r"امشب", "tonight"),
        (r"دیشب", "last night"),
        (r"پارسال", "last year"),
        (r"امسال", "this year"),
        (r"صبح", "morning"),
        (r"آخر هفته|تعطیلات آخر هفته", "weekend"),
        (r"هفته", "week"),
        (r"\bماه\b", "month"),
        (r"\bسال\b", "year"),
        (r"\bروز\b", "day"),
        (r"آینده|اینده|بعد|دیگر", "next"),
        (r"گذشته|پیش|قبل", "last"),
        (r"\bاین\b", "this"),
        (r"\bاز\b", "since"),
        (r"اوایل|ابتدای|اول", "early"),
        (r"اواسط|نیمه|میانه", "mid"),
        (r"اواخر|پایان", "late"),
        (r"\bیک\b", "one"),
        (r"\bدو\b", "two"),
        (r"\bسه\b", "three"),
        (r"\bچهار\b", "four"),
        (r"\bپنج\b", "five"),
        (r"\bشش\b", "six"),
        (r"\bهفت\b", "seven"),
        (r"\bهشت\b", "eight"),
        (r"\bنه\b", "nine"),
        (r"\bده\b", "ten"),
        (r"\bدر\b|\bروز\b", " "),
    ],
    "hi": [
        (r"परसों", "the day before yesterday"),
        (r"आज", "today"),
        (r"कल", "yesterday-or-tomorrow"),
        (r"पिछले|पिछली|पिछला|बीते|गत", "last"),
        (r"अगले|अगली|अगला|आने वाले|आने वाली", "next"),
        (r"इस", "this"),
        (r"पहले", "ago"),
        (r"बाद", "later"),
        (r"सप्ताहांत|वीकेंड", "weekend"),
        (r"सप्ताह|हफ्ते|हफ़्ते|हफ्ता", "week"),
        (r"महीने|महीना|माह", "month"),
        (r"साल|वर्ष", "year"),
        (r"दिन", "days"),
        (r"शुरुआत में|शुरू में|आरंभ में", "early"),
        (r"मध्य", "mid"),
        (r"अंत में|आखिर में", "late"),
        (r"एक", "one"),
        (r"दो", "two"),
        (r"तीन", "three"),
        (r"चार", "four"),
        (r"पांच|पाँच", "five"),
        (r"से", "since"),
        (r"\bको\b|\bमें\b|\bके\b|\bकी\b", " "),
    ],
    "es": [
        (r"\banteayer\b", "the day before yesterday"),
        (r"\bayer\b", "yesterday"),
        (r"\bhoy\b", "today"),
        (r"\bmañana\b", "tomorrow"),
        (r"\bhace\b", "ago"),
        (r"\bdesde\b", "since"),
        (r"\bfin de semana\b", "weekend"),
        (r"\bpróxim[oa]s?\b|\bque viene\b", "next"),
        (r"\bpasad[oa]s?\b", "last"),
        (r"\best[ea]\b", "this"),
        (r"\bsemana\b", "week"),
        (r"\bmes\b", "month"),
        (r"\baño\b", "year"),
        (r"\bdías?\b", "days"),
        (r"\bprincipios de\b", "early"),
        (r"\bmediados de\b", "mid"),
        (r"\bfinales de\b", "late"),
        (r"\buno?\b|\buna\b", "one"),
        (r"\bdos\b", "two"),
        (r"\btres\b", "three"),
        (r"\bcuatro\b", "four"),
        (r"\bcinco\b", "five"),
        (r"\bseis\b", "six"),
        (r"\bsiete\b", "seven"),
        (r"\bocho\b", "eight"),
        (r"\bnueve\b", "nine"),
        (r"\bdiez\b", "ten"),
        (r"\bel\b|\bla\b|\blos\b|\blas\b|\bde\b|\bdel\b|\ben\b", " "),
    ],
    "ru": [
        (r"\bсегодня\b", "today"),
        (r"\bвчера\b", "yesterday"),
        (r"\bзавтра\b", "tomorrow"),
        (r"\bследующ\w*\b|\bближайш\w*\b", "next"),
        (r"\bпрошл\w*\b", "last"),
        (r"\bэт\w*\b", "this"),
        (r"\bнедел\w*\b", "week"),
        (r"\bмесяц\w*\b", "month"),
        (r"\bпонедельник\w*", "monday"),
        (r"\bвторник\w*", "tuesday"),
        (r"\bсред\w*", "wednesday"),
        (r"\bчетверг\w*", "thursday"),
        (r"\bпятниц\w*", "friday"),
        (r"\bсуббот\w*", "saturday"),
        (r"\bвоскресень\w*", "sunday"),
        (r"\bв\b|\bво\b|\bна\b", " "),
    ],
    "de": [
        (r"\bvorgestern\b", "the day before yesterday"),
        (r"\bgestern\b", "yesterday"),
        (r"\bheute\b", "today"),
        (r"\bmorgen\b", "tomorrow"),
        (r"\bvor\b", "ago"),
        (r"\bseit\b", "since"),
        (r"\bwochenende\b", "weekend"),
        (r"\bnächste[nmrs]?\b|\bkommende[nmrs]?\b", "next"),
        (r"\bletzte[nmrs]?\b|\bvergangene[nmrs]?\b", "last"),
        (r"\bdiese[nmrs]?\b", "this"),
        (r"\bwochen?\b", "week"),
        (r"\bmonate?n?\b", "month"),
        (r"\bjahre?n?\b", "year"),
        (r"\btagen?\b", "days"),
        (r"\banfang\b", "early"),
        (r"\bmitte\b", "mid"),
        (r"\bende\b", "late"),
        (r"\beine[mnr]?\b", "one"),
        (r"\bzwei\b", "two"),
        (r"\ban\b|\bfür\b|\bab\b|\bvon\b", " "),
        (r"\bdrei\b", "three"),
        (r"\bvier\b", "four"),
        (r"\bfünf\b", "five"),
        (r"\bam\b|\bim\b|\bder\b|\bdie\b|\bdas\b|\bdem\b", " "),
    ],
}
_COMPILED = {
    lang: [(re.compile(p, re.IGNORECASE), r) for p, r in table] for lang, table in _TABLES.items()
}
# Where the language puts "next"/"last"/"this" after the noun, they move before it.
_POSTPOSED = re.compile(
    rf"\b((?:{'|'.join([*WEEKDAYS, 'week', 'weekend', 'month', 'year'])}))\s+(next|last|this)\b"
)
_SAME_MONTH_TWICE = re.compile(rf"\b({'|'.join(MONTHS)}) \1\b")
_AGO_FIRST = re.compile(r"^ago\s+(.+)$")  # il y a 3 jours, قبل ثلاثة أيام: "ago" leads
_IN_LAST = re.compile(r"^(.+?)\s+later$")  # Hindi "N दिन बाद": N days later


def ascii_digits(text: str) -> str:
    """Arabic-Indic, Persian and Devanagari digits as ASCII ones."""
    return "".join(
        str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in text
    )


@functools.lru_cache(maxsize=64)
def _locale(language: str) -> object | None:
    from dateparser.languages.loader import default_loader  # ~0.1 s: only for other languages

    try:
        locale: object = default_loader.get_locale(language)
        return locale
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def _translated_word(word: str, language: str) -> str:
    """One word through dateparser's translation, kept only if it became English we know."""
    from dateparser.conf import settings

    locale = _locale(language)
    if locale is None:
        return word
    english = " ".join(locale.translate(word, keep_formatting=False, settings=settings).split())  # type: ignore[attr-defined]
    parts = english.split()
    if parts and all(p in ENGLISH or p.isdigit() for p in parts):
        return english.replace("1 day ago", "yesterday").replace("in 1 day", "tomorrow")
    return word


def english_phrase(when: str, language: str) -> str:
    """The phrase lower-cased, digits made ASCII and, for another language, made English."""
    text = " ".join(ascii_digits(unicodedata.normalize("NFKC", when)).lower().split())
    text = re.sub(r"[\"'«»“”‘’()،,.؛;/]", " ", text) if language != "en" else text
    base = language.split("-")[0].lower()
    text = re.sub(r"\b(mid|early|late)-", r"\1 ", text)  # mid-April
    if base == "en":
        return _weekday_before_date(text)
    for pattern, english in _COMPILED.get(base, []):
        text = pattern.sub(f" {english} ", text)
    words = [w if w in ENGLISH or w.isdigit() else _translated_word(w, base) for w in text.split()]
    text = " ".join(" ".join(words).split())
    text = _POSTPOSED.sub(r"\2 \1", text)
    text = _SAME_MONTH_TWICE.sub(r"\1", text)  # آب/أغسطس: August in both month calendars
    text = _AGO_FIRST.sub(r"\1 ago", text)
    return _weekday_before_date(_IN_LAST.sub(r"in \1", text))


_WEEKDAY_BEFORE_DATE = re.compile(
    rf"^(?:on )?(?:{'|'.join(WEEKDAYS)}),? (?=(?:the )?\d|(?:{'|'.join(MONTHS)}) \d)"
)


def _weekday_before_date(text: str) -> str:
    """ "Saturday, April 12" and "sábado 12 de abril" name the day by its date."""
    return _WEEKDAY_BEFORE_DATE.sub("", text)
