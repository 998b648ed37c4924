"""Clusters, reports and independent origins (SPEC §5 "Origins").

A report is one claim in one article; claims joined by `same_as` (symmetric, transitive) form a
cluster. A report's origin is its `source`, else its article's outlet; when its article `cites`
corpus articles holding reports of the same cluster, its origins are the union of theirs,
followed recursively. `via` is shown in the chain but never adds or removes origins.

Origins under one control count once: an outlet `controlled-by` another actor (an owner, a state
broadcaster, a government), followed to the top of the chain, belongs to that controller, and
two origins with the same controller are one independent origin. Only `controlled-by` merges
origins: `part-of` says where an actor sits, not who decides what it publishes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from builder.analyze.same_as import group_roots
from builder.diagnostics import Diagnostic, error
from builder.model import Model

Merged = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Cluster:
    """Reports of one claim across articles, and how many independent origins they have."""

    id: str
    reports: tuple[str, ...]  # '<article>#<claim>', sorted
    origins: tuple[str, ...]  # actor ids, sorted
    outlets: tuple[str, ...]  # outlets of the articles carrying the reports
    # Origins that count as one, by the controller they share: ((controller, (origin, ...)), ...)
    merged: Merged = ()

    @property
    def independent(self) -> int:
        """Independent origins: the origins, with those under one controller counted once."""
        return len(self.origins) - sum(len(members) - 1 for _, members in self.merged)

    @property
    def circular(self) -> bool:
        """Several reports from several outlets that all go back to one origin."""
        return len(self.reports) >= 2 and len(self.outlets) >= 2 and self.independent == 1


def controllers(model: Model) -> dict[str, str]:
    """Each actor with a `controlled-by` relation -> the top of its chain of controllers (a
    loop, reported as a relation-cycle error, stops where it closes)."""
    above: dict[str, str] = {}
    for relation in sorted(model.relations, key=lambda r: (r.subject, r.object)):
        if relation.type == "controlled-by":
            above.setdefault(relation.subject, relation.object)
    top: dict[str, str] = {}
    for actor in above:
        seen = [actor]
        while seen[-1] in above and above[seen[-1]] not in seen:
            seen.append(above[seen[-1]])
        top[actor] = seen[-1]
    return top


def _merged(origins: tuple[str, ...], top: dict[str, str]) -> Merged:
    groups: dict[str, list[str]] = defaultdict(list)
    for origin in origins:
        groups[top.get(origin, origin)].append(origin)
    return tuple((c, tuple(m)) for c, m in sorted(groups.items()) if len(m) > 1)


def _clusters(model: Model) -> dict[str, str]:
    """Each claim key -> its cluster id (the smallest key in the cluster)."""
    return group_roots({key: entry.claim.same_as for key, entry in model.claims.items()})


def same_and_contradicting(model: Model, cluster_of: dict[str, str]) -> list[Diagnostic]:
    """A claim that contradicts a claim its `same_as` makes the same claim: an error at the
    `contradicts` entry, since a claim cannot both repeat and contradict another."""
    problems = []
    for key, entry in model.claims.items():
        for index, ref in enumerate(entry.claim.contradicts):
            other = ref if "#" in ref else f"{entry.article.id}#{ref}"
            if other in cluster_of and cluster_of[other] == cluster_of[key] and other != key:
                where = entry.article.source.at(
                    "claims", entry.article.record.claims.index(entry.claim), "contradicts", index
                )
                message = (
                    f"claim '{key}' contradicts '{other}', which same_as makes the same claim; "
                    "remove one of the two"
                )
                problems.append(error(where, "same-and-contradicts", message))
    return problems


def citation_cycles(model: Model) -> list[Diagnostic]:
    """Each cycle among articles' `cites`, reported once at the article where it is closed."""
    problems: list[Diagnostic] = []
    state: dict[str, int] = {}  # 1 visiting, 2 done
    reported: set[frozenset[str]] = set()

    def visit(article: str, path: list[str]) -> None:
        state[article] = 1
        path.append(article)
        for cited in model.articles[article].record.cites:
            if cited not in model.articles:
                continue
            if state.get(cited) == 1:
                cycle = [*path[path.index(cited) :], cited]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    where = model.articles[article].source.at("cites")
                    problems.append(
                        error(where, "citation-cycle", f"citation cycle: {' -> '.join(cycle)}")
                    )
            elif cited not in state:
                visit(cited, path)
        path.pop()
        state[article] = 2

    for article in sorted(model.articles):
        if article not in state:
            visit(article, [])
    return problems


@dataclass(frozen=True)
class Origins:
    cluster_of: dict[str, str]
    clusters: dict[str, Cluster]
    report_origins: dict[str, tuple[str, ...]]
    controller: dict[str, str]  # actor -> the top of its controlled-by chain

    def cluster(self, claim: str) -> Cluster:
        return self.clusters[self.cluster_of[claim]]


def trace_origins(model: Model) -> Origins:
    """Origins of every report and the clusters they form (assumes `cites` has no cycle)."""
    cluster_of = _clusters(model)
    by_article_cluster: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, entry in model.claims.items():
        by_article_cluster[(entry.article.id, cluster_of[key])].append(key)
    memo: dict[str, frozenset[str]] = {}

    def origins_of(key: str, seen: frozenset[str]) -> frozenset[str]:
        if key in memo:
            return memo[key]
        entry = model.claims[key]
        upstream = [
            other
            for cited in entry.article.record.cites
            for other in by_article_cluster.get((cited, cluster_of[key]), [])
            if cited not in seen
        ]
        if upstream:
            result = frozenset().union(
                *(origins_of(o, seen | {entry.article.id}) for o in upstream)
            )
        else:
            result = frozenset({entry.claim.source or entry.article.record.outlet})
        memo[key] = result
        return result

    report_origins = {key: tuple(sorted(origins_of(key, frozenset()))) for key in model.claims}
    members: dict[str, list[str]] = defaultdict(list)
    for key, cluster in cluster_of.items():
        members[cluster].append(key)
    top = controllers(model)
    clusters = {}
    for cluster, keys in sorted(members.items()):
        origins = tuple(sorted({o for k in keys for o in report_origins[k]}))
        clusters[cluster] = Cluster(
            cluster,
            tuple(sorted(keys)),
            origins,
            tuple(sorted({model.claims[k].article.record.outlet for k in keys})),
            _merged(origins, top),
        )
    return Origins(cluster_of, clusters, report_origins, top)


def support(origins: Origins, claims: list[str]) -> tuple[int, int]:
    """Distinct articles and distinct independent origins behind a set of claims (a key
    judgment's, say): two claims of one article count one article, and origins under one
    controller count once, however many reports repeat them."""
    clusters = {origins.cluster_of[c] for c in claims if c in origins.cluster_of}
    articles = {r.split("#", 1)[0] for c in clusters for r in origins.clusters[c].reports}
    sources = {origins.controller.get(o, o) for c in clusters for o in origins.clusters[c].origins}
    return len(articles), len(sources)
