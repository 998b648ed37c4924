"""Clusters, reports and independent origins (SPEC §5 "Origins").

A report is one claim in one article; claims joined by `same_as` (symmetric, transitive) form a
cluster. A report's origin is its `source`, else its article's outlet; when its article `cites`
corpus articles holding reports of the same cluster, its origins are the union of theirs,
followed recursively. `via` is shown in the chain but never adds or removes origins.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from builder.diagnostics import Diagnostic, error
from builder.model import Model


@dataclass(frozen=True)
class Cluster:
    """Reports of one claim across articles, and how many independent origins they have."""

    id: str
    reports: tuple[str, ...]  # '<article>#<claim>', sorted
    origins: tuple[str, ...]  # actor ids, sorted
    outlets: tuple[str, ...]  # outlets of the articles carrying the reports

    @property
    def circular(self) -> bool:
        """Several reports from several outlets that all go back to one origin."""
        return len(self.reports) >= 2 and len(self.outlets) >= 2 and len(self.origins) == 1


def _clusters(model: Model) -> dict[str, str]:
    """Each claim key -> its cluster id (the smallest key in the cluster)."""
    parent = {key: key for key in model.claims}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for key, entry in model.claims.items():
        for other in entry.claim.same_as:
            if other in parent:
                a, b = find(key), find(other)
                parent[max(a, b)] = min(a, b)
    return {key: find(key) for key in model.claims}


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
    clusters = {
        cluster: Cluster(
            cluster,
            tuple(sorted(keys)),
            tuple(sorted({o for k in keys for o in report_origins[k]})),
            tuple(sorted({model.claims[k].article.record.outlet for k in keys})),
        )
        for cluster, keys in sorted(members.items())
    }
    return Origins(cluster_of, clusters, report_origins)


def support(origins: Origins, claims: list[str]) -> tuple[int, int]:
    """Reports and independent origins behind a set of claims (a key judgment's, say)."""
    clusters = {origins.cluster_of[c] for c in claims if c in origins.cluster_of}
    reports = {r for c in clusters for r in origins.clusters[c].reports}
    sources = {o for c in clusters for o in origins.clusters[c].origins}
    return len(reports), len(sources)
