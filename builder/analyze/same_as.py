"""`same_as` joins (claims, events): symmetric and transitive, so they fall into groups."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def group_roots(links: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Each key -> the smallest key of its group; links to keys not in `links` are ignored."""
    parent = {key: key for key in links}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for key, others in links.items():
        for other in others:
            if other in parent:
                a, b = find(key), find(other)
                parent[max(a, b)] = min(a, b)
    return {key: find(key) for key in links}
