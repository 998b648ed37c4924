"""`make eval`: linking and dates measured on real news excerpts (a benchmark, not a test).

The excerpts (eval/texts/, never committed) are linked against eval/actors/ through the real
pipeline (load, validate, link), as if each were an article of a corpus, and compared with the
gold annotations in eval/gold/. Prints precision, recall, F1 and exact-span accuracy per language,
false links on hard negatives, and date accuracy (with the future-tense and non-English subsets);
writes the figures to build/eval/eval.json.

    python tools/eval.py [--eval DIR] [--json FILE] [--show-errors]
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import json
import shutil
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from builder.analyze.dates import resolve_when  # noqa: E402
from builder.link import link  # noqa: E402
from builder.load.corpus import load_corpus  # noqa: E402
from builder.validate import validate  # noqa: E402
from builder.validate.models import ActorRecord  # noqa: E402

PLACEHOLDER_OUTLET = "eval-placeholder-outlet"
ACTOR_MODELINE = "# yaml-language-server: $schema=../../schemas/actor.schema.json\n"
ARTICLE_MODELINE = "# yaml-language-server: $schema=../schemas/article.schema.json\n"
FUTURE_WORDS = ("will", "next", "coming", "prochain", "المقبل", "القادم", "آینده", "अगले", "سـ")


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    hits: int = 0
    exact: int = 0

    def scores(self) -> dict[str, float]:
        precision = self.hits / self.predicted if self.predicted else 1.0
        recall = self.hits / self.gold if self.gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        exact = self.exact / self.hits if self.hits else 1.0
        return {"precision": precision, "recall": recall, "f1": f1, "exact_span": exact}


@dataclass
class Report:
    mentions: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    negatives: int = 0
    false_links: list[str] = field(default_factory=list)
    dates: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    future: list[bool] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    excerpts: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")


def nth(text: str, needle: str, n: int) -> tuple[int, int] | None:
    """The span of the n-th (1-based) plain occurrence of `needle` in `text`."""
    start = -1
    for _ in range(n):
        start = text.find(needle, start + 1)
        if start < 0:
            return None
    return start, start + len(needle)


def actor_file(path: Path) -> str:
    """An eval actor file, without fields this builder does not know (to measure older code)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    known = set(ActorRecord.model_fields)
    data = {k: v for k, v in data.items() if k in known}
    return ACTOR_MODELINE + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def sidecar(entry: dict[str, Any], gold: dict[str, Any]) -> str:
    record = {
        "title": f"Evaluation excerpt {entry['id']}",
        "published": str(entry["published"]),
        "outlet": PLACEHOLDER_OUTLET,
        "language": entry["language"],
        "rights": "excerpts",
    }
    if gold.get("resolve"):
        record["resolve"] = gold["resolve"]
    return ARTICLE_MODELINE + yaml.safe_dump(record, allow_unicode=True, sort_keys=False)


def build_corpus(folder: Path, root: Path, entries: list[dict[str, Any]]) -> list[str]:
    """A project root holding every excerpt that has a text, as an article."""
    actors, seeds = root / "briefs" / "actors", root / "seeds"
    actors.mkdir(parents=True)
    seeds.mkdir()
    for path in sorted((folder / "actors").glob("*.yml")):
        (actors / path.name).write_text(actor_file(path), encoding="utf-8")
    (actors / f"{PLACEHOLDER_OUTLET}.yml").write_text(
        ACTOR_MODELINE + "name: zzqx placeholder outlet\ntype: media-outlet\n", encoding="utf-8"
    )
    present = []
    for entry in entries:
        text = folder / "texts" / f"{entry['id']}.txt"
        gold_path = folder / "gold" / f"{entry['id']}.yml"
        if not text.is_file() or not gold_path.is_file():
            continue
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
        shutil.copyfile(text, seeds / f"{entry['id']}.txt")
        (seeds / f"{entry['id']}.yml").write_text(sidecar(entry, gold), encoding="utf-8")
        present.append(entry["id"])
    return present


def score_mentions(
    report: Report, language: str, excerpt: str, text: str, gold: dict[str, Any], found: list[Any]
) -> None:
    tally = report.mentions[language]
    wanted = []
    for item in gold.get("mentions") or []:
        span = nth(text, item["text"], int(item.get("n", 1)))
        if span is None:
            report.errors.append(f"{excerpt}: gold mention {item['text']!r} #{item.get('n', 1)}")
            continue
        wanted.append((item["actor"], *span))
    tally.gold += len(wanted)
    tally.predicted += len(found)
    unmatched = list(wanted)
    for mention in sorted(found, key=lambda m: m.start):
        match = next(
            (
                g
                for g in unmatched
                if g[0] == mention.actor and g[1] < mention.end and mention.start < g[2]
            ),
            None,
        )
        if match is None:
            report.errors.append(f"{excerpt}: false link {mention.text!r} -> {mention.actor}")
            continue
        unmatched.remove(match)
        tally.hits += 1
        tally.exact += (match[1], match[2]) == (mention.start, mention.end)
        if (match[1], match[2]) != (mention.start, mention.end):
            report.errors.append(
                f"{excerpt}: span {mention.text!r} where gold has {text[match[1] : match[2]]!r}"
            )
    for actor, start, end in unmatched:
        report.errors.append(f"{excerpt}: missed {text[start:end]!r} ({actor})")
    for item in gold.get("negatives") or []:
        span = nth(text, item["text"], int(item.get("n", 1)))
        if span is None:
            report.errors.append(f"{excerpt}: gold negative {item['text']!r}")
            continue
        report.negatives += 1
        bad = [
            m for m in found
            if m.start < span[1] and span[0] < m.end and item.get("not") in (None, "any", m.actor)
        ]  # fmt: skip
        if bad:
            report.false_links.append(f"{excerpt}: {item['text']!r} -> {bad[0].actor}")


def _resolver_takes_context() -> bool:
    return "context" in inspect.signature(resolve_when).parameters


def resolve(phrase: str, published: dt.date, language: str, context: str) -> Any:
    if _resolver_takes_context():
        return resolve_when(phrase, published, language=language, context=context)  # type: ignore[call-arg]
    return resolve_when(phrase, published)


def expected_interval(value: object) -> tuple[dt.date, dt.date]:
    text = str(value)
    start, _, end = text.partition("/")
    return dt.date.fromisoformat(start), dt.date.fromisoformat(end or start)


def score_dates(
    report: Report, language: str, excerpt: str, text: str, gold: dict[str, Any]
) -> None:
    lines = text.split("\n")
    for item in gold.get("dates") or []:
        phrase = str(item["phrase"])
        number = int(item.get("paragraph", 0))
        context = lines[number - 1] if 0 < number <= len(lines) else ""
        if phrase not in context:
            context = next((line for line in lines if phrase in line), "")
        published = dt.date.fromisoformat(str(item["published"]))
        want = expected_interval(item["expect"])
        try:
            interval = resolve(phrase, published, language, context).interval
            got = (interval.start, interval.end)
        except Exception as exc:  # a benchmark reports a crash as a miss and goes on
            got = (None, None)
            report.errors.append(f"{excerpt}: date {phrase!r} raised {type(exc).__name__}")
        right = got == want
        report.dates[language].append(right)
        future = any(w in phrase.lower() or w in context.lower() for w in FUTURE_WORDS)
        if future:
            report.future.append(right)
        if not right:
            shown = "/".join(str(d) for d in got)
            report.errors.append(
                f"{excerpt}: date {phrase!r} (published {published}) gave {shown}, "
                f"expected {item['expect']}"
            )


def evaluate(folder: Path, part: str = "all") -> Report:
    """Score one part of the set: "dev" (rules were tuned on it), "heldout" (not looked at
    while building the rules) or "all"."""
    entries = yaml.safe_load((folder / "manifest.yml").read_text(encoding="utf-8")) or []
    if part != "all":
        entries = [e for e in entries if bool(e.get("heldout")) == (part == "heldout")]
    language_of = {e["id"]: e["language"] for e in entries}
    report = Report()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        present = build_corpus(folder, root, entries)
        corpus = validate(load_corpus(root))
        for problem in corpus.diagnostics:
            if problem.severity == "error":
                report.errors.append(f"corpus: {problem.render()}")
        model = link(corpus).model
        for excerpt in present:
            language = language_of[excerpt]
            report.excerpts[language] += 1
            text = read_text(root / "seeds" / f"{excerpt}.txt")
            gold = yaml.safe_load((folder / "gold" / f"{excerpt}.yml").read_text("utf-8")) or {}
            found = list(model.mentions_in(excerpt)) if excerpt in model.articles else []
            score_mentions(report, language, excerpt, text, gold, found)
            score_dates(report, language, excerpt, text, gold)
    return report


def rate(values: list[bool]) -> str:
    return f"{sum(values) / len(values):.3f} ({sum(values)}/{len(values)})" if values else "-"


def figures(report: Report) -> dict[str, Any]:
    total = Tally()
    languages = {}
    for language, tally in sorted(report.mentions.items()):
        for name in ("gold", "predicted", "hits", "exact"):
            setattr(total, name, getattr(total, name) + getattr(tally, name))
        languages[language] = {
            "excerpts": report.excerpts[language], "gold": tally.gold,
            "predicted": tally.predicted, **tally.scores(),
            "dates": rate(report.dates.get(language, [])),
        }  # fmt: skip
    every_date = [v for values in report.dates.values() for v in values]
    foreign = [v for lang, values in report.dates.items() if lang != "en" for v in values]
    return {
        "languages": languages,
        "all": {"gold": total.gold, "predicted": total.predicted, **total.scores()},
        "negatives": report.negatives,
        "false_links_on_negatives": len(report.false_links),
        "dates": rate(every_date),
        "dates_future": rate(report.future),
        "dates_non_english": rate(foreign),
    }


def print_table(result: dict[str, Any]) -> None:
    print("| language | excerpts | gold | found | precision | recall | F1 | exact span | dates |")
    print("|---|---|---|---|---|---|---|---|---|")
    for language, row in result["languages"].items():
        print(
            f"| {language} | {row['excerpts']} | {row['gold']} | {row['predicted']} | "
            f"{row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f} | "
            f"{row['exact_span']:.3f} | {row['dates']} |"
        )
    every = result["all"]
    print(
        f"| all | | {every['gold']} | {every['predicted']} | {every['precision']:.3f} | "
        f"{every['recall']:.3f} | {every['f1']:.3f} | {every['exact_span']:.3f} | "
        f"{result['dates']} |"
    )
    print(
        f"\nhard negatives: {result['negatives']}, false links on them: "
        f"{result['false_links_on_negatives']}"
    )
    print(f"dates: all {result['dates']}, future tense {result['dates_future']}, "
          f"non-English {result['dates_non_english']}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=ROOT / "eval")
    parser.add_argument("--json", type=Path, default=ROOT / "build" / "eval" / "eval.json")
    parser.add_argument("--show-errors", action="store_true", help="list every miss")
    parser.add_argument(
        "--part", choices=["dev", "heldout", "all"], default="all",
        help="dev: the excerpts the rules were tuned on; heldout: the ones kept apart",
    )  # fmt: skip
    args = parser.parse_args(argv)
    report = evaluate(args.eval, args.part)
    result = figures(report)
    print(f"part: {args.part}\n")
    print_table(result)
    for line in report.false_links:
        print("false link on a hard negative:", line)
    if args.show_errors:
        print("\n".join(["", *report.errors]))
    else:
        print(f"{len(report.errors)} misses and notes (--show-errors lists them)")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
