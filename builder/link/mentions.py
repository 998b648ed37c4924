"""Mentions: where each article names each actor, with `resolve:` applied per article."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable
from dataclasses import dataclass

from builder.diagnostics import Diagnostic, Location, error, warning, with_suggestion
from builder.link.matcher import Candidate, Name, NameIndex, leftmost_longest, make_name
from builder.link.normalise import Folded, fold, fold_name, lower
from builder.memo import Memo, digest
from builder.model import Mention
from builder.validate.corpus import ValidActor, ValidArticle
from builder.validate.schema import closest


def actor_names(actors: Iterable[ValidActor]) -> list[Name]:
    """Every name, alias and demonym of every actor (each spelling once per actor, a vocalised
    spelling before a bare one), and the longer names each actor excludes."""
    names: list[Name] = []
    for actor in actors:
        record = actor.record
        common = {lower(fold_name(w)) for w in record.common_words}
        attached = {lower(fold_name(w)) for w in record.attached}
        spellings = [("name", record.name)]
        spellings += [("alias", a) for a in record.aliases]
        spellings += [("demonym", d) for d in record.demonyms]
        chosen: dict[str, Name] = {}
        for kind, written in spellings:
            key = lower(fold_name(written))
            name = make_name(
                actor.id, kind, written, common=key in common, attached=key in attached
            )
            if name is not None and (key not in chosen or _looser(name, chosen[key])):
                chosen[key] = name
        names += chosen.values()
        names += [n for w in record.excludes if (n := make_name(None, "exclude", w)) is not None]
    return names


def unknown_names(actor: ValidActor) -> list[Diagnostic]:
    """`common_words:` and `attached:` must repeat one of the actor's own names."""
    record, source = actor.record, actor.source
    own = [record.name, *record.aliases, *record.demonyms]
    known = {lower(fold_name(n)): n for n in own}
    problems = []
    for field in ("common_words", "attached"):
        for index, value in enumerate(getattr(record, field)):
            if lower(fold_name(value)) in known:
                continue
            hint = closest(value, own)
            message = with_suggestion(f"'{value}' in '{field}' is not a name of this actor", hint)
            problems.append(error(source.at(field, index), "unknown-name", message, hint))
    return problems


def _looser(new: Name, old: Name) -> bool:
    """Of two spellings of one name, the one to match with: a vocalised one (it can tell
    عُمان from عمّان), else the one with fewer capitals ("iranien" also matches "Iranien")."""
    if (new.marks is None) != (old.marks is None):
        return new.marks is not None
    capitals = sum(c.isupper() for c in new.cased), sum(c.isupper() for c in old.cased)
    return capitals[0] < capitals[1]


def _without_excluded(candidates: list[Candidate]) -> list[Candidate]:
    """Drop every name that overlaps a longer name some actor `excludes:` ("Times of Israel"
    hides "Times" and "Israel"), unless the name covers the whole excluded one."""
    excluded = [(c.start, c.end) for c in candidates if c.actors == {None}]
    if not excluded:
        return candidates
    return [
        c for c in candidates
        if c.actors != {None}
        and not any(c.start < end and start < c.end and not (c.start <= start and end <= c.end)
                    for start, end in excluded)
    ]  # fmt: skip


def _overlaps(candidate: Candidate, spans: list[tuple[int, int]]) -> bool:
    return any(candidate.start < end and start < candidate.end for start, end in spans)


@dataclass(frozen=True)
class ArticleMentions:
    mentions: tuple[Mention, ...]
    diagnostics: tuple[Diagnostic, ...]


_FOUND: Memo[ArticleMentions] = Memo("mentions")


class MentionFinder:
    """Finds mentions in articles with one shared automaton over every actor's names."""

    def __init__(self, actors: Iterable[ValidActor]) -> None:
        names = actor_names(actors)
        self.index = NameIndex(names)
        self.names_digest = digest(repr(names))

    def find(self, article: ValidArticle) -> ArticleMentions:
        """The article's mentions; reused while the article and every actor name are unchanged."""
        if not article.digest:
            return self._find(article)
        key = digest(self.names_digest, article.digest)
        return _FOUND.get(key, lambda: self._find(article))

    def find_all(self, articles: Iterable[ValidArticle]) -> None:
        """Find the mentions of many articles on every core first (`Memo.fill`)."""
        work = [
            (digest(self.names_digest, a.digest), functools.partial(self._find, a))
            for a in articles
            if a.digest
        ]
        _FOUND.fill(work)

    def _find(self, article: ValidArticle) -> ArticleMentions:
        text = article.text
        folded = fold(text.text)
        lowered = lower(folded.text)
        resolve_index = NameIndex(
            n for key, target in article.record.resolve.items()
            if (n := make_name(target, "alias", key)) is not None
        )  # fmt: skip
        resolved = leftmost_longest(resolve_index.candidates(folded, lowered))
        spans = [(c.start, c.end) for c in resolved]
        general = [c for c in self.index.candidates(folded, lowered) if not _overlaps(c, spans)]
        general = _without_excluded(general)
        chosen = leftmost_longest([*resolved, *general])
        problems = self._unmatched_keys(article, resolved)
        mentions: list[Mention] = []
        ambiguous: dict[str, Candidate] = {}
        searchable = {p.number for p in text.searchable}
        starts = [p.start for p in text.paragraphs]
        for candidate in chosen:
            start, end = folded.span(candidate.start, candidate.end)
            paragraph = text.paragraphs[bisect.bisect_right(starts, start) - 1]
            if paragraph.number not in searchable:
                continue
            actors = candidate.actors
            if len(actors) > 1:
                ambiguous.setdefault(lower(candidate.names[0].cased), candidate)
                continue
            (actor,) = actors
            if actor is not None:
                kind = candidate.names[0].kind
                mentions.append(
                    Mention(actor, start, end, text.text[start:end], paragraph.number, kind)
                )
        problems += self._ambiguity_warnings(article, folded, ambiguous)
        return ArticleMentions(tuple(mentions), tuple(problems))

    @staticmethod
    def _unmatched_keys(article: ValidArticle, resolved: list[Candidate]) -> list[Diagnostic]:
        matched = {lower(n.cased) for c in resolved for n in c.names}
        return [
            warning(
                article.source.key_at("resolve", key), "resolve-unmatched",
                f"resolve key '{key}' does not occur in {article.text_path}",
            )
            for key in article.record.resolve
            if lower(fold_name(key)) not in matched
        ]  # fmt: skip

    @staticmethod
    def _ambiguity_warnings(
        article: ValidArticle, folded: Folded, ambiguous: dict[str, Candidate]
    ) -> list[Diagnostic]:
        problems = []
        for candidate in ambiguous.values():
            start, end = folded.span(candidate.start, candidate.end)
            line, col = _line_col(article.text.text, start)
            actors = " or ".join(f"'{a}'" for a in sorted(a or "" for a in candidate.actors))
            written = article.text.text[start:end]
            message = (
                f"'{written}' could name {actors}; choose one under 'resolve:' in "
                f"{article.source.path} (or null if it is neither)"
            )
            problems.append(
                warning(Location(article.text_path, line, col), "ambiguous-alias", message)
            )
        return problems


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1
