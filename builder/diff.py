"""`briefs diff BASE [HEAD]`: what changed in the content between two git revisions, by item id,
as Markdown for a pull request's job summary.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from builder.link.relations import forward
from builder.load.corpus import load_corpus
from builder.validate import validate
from builder.validate.corpus import ValidatedCorpus


class RevisionError(Exception):
    """A revision that git cannot produce."""


def export_revision(root: Path, revision: str, target: Path) -> None:
    """The content folders of one revision, extracted safely into `target`."""
    command = ["git", "-C", str(root), "archive", "--format=tar", revision, "--", "seeds", "briefs"]
    result = subprocess.run(command, capture_output=True, check=False)
    if result.returncode != 0:
        raise RevisionError(result.stderr.decode("utf-8", "replace").strip() or revision)
    with tarfile.open(fileobj=io.BytesIO(result.stdout)) as archive:
        archive.extractall(target, filter="data")


def _fields(record: BaseModel, skip: Iterable[str] = ()) -> dict[str, object]:
    return {k: v for k, v in record.model_dump().items() if k not in set(skip)}


def _changes(old: Mapping[str, object], new: Mapping[str, object]) -> list[str]:
    return [
        _change(key, old.get(key), new.get(key))
        for key in sorted(set(old) | set(new))
        if old.get(key) != new.get(key)
    ]


def _change(key: str, before: object, after: object) -> str:
    """One field's change; a list shows every item it gained and lost, never cut short."""
    if isinstance(before, list | type(None)) and isinstance(after, list | type(None)):
        gained = [v for v in after or [] if v not in (before or [])]
        lost = [v for v in before or [] if v not in (after or [])]
        parts = [f"+ {_item(v)}" for v in gained] + [f"− {_item(v)}" for v in lost]
        return f"{key}: " + (", ".join(parts) if parts else "reordered")
    return f"{key}: {_short(before)} → {_short(after)}"


def _item(value: object) -> str:
    return f"`{value}`" if isinstance(value, str) else _short(value)


def _short(value: object) -> str:
    text = "none" if value in (None, [], {}) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


@dataclass(frozen=True)
class Section:
    title: str
    added: list[str]
    changed: list[str]
    removed: list[str]


def _compare(title: str, old: dict[str, dict[str, object]], new: dict[str, dict[str, object]],
             label: dict[str, str]) -> Section:  # fmt: skip
    added = [f"`{k}`: {label.get(k, '')}" for k in sorted(set(new) - set(old))]
    removed = [f"`{k}`" for k in sorted(set(old) - set(new))]
    changed = [
        f"`{k}`: " + "; ".join(_changes(old[k], new[k]))
        for k in sorted(set(old) & set(new))
        if old[k] != new[k]
    ]
    return Section(title, added, changed, removed)


def _claims(corpus: ValidatedCorpus) -> dict[str, dict[str, object]]:
    return {f"{a.id}#{c.id}": _fields(c) for a in corpus.articles.values() for c in a.record.claims}


def _judgments(corpus: ValidatedCorpus) -> dict[str, dict[str, object]]:
    return {
        f"{t.id}#{j.id}": _fields(j) for t in corpus.topics.values() for j in t.record.key_judgments
    }


def _relations(corpus: ValidatedCorpus) -> set[str]:
    found = set()
    for actor in corpus.actors.values():
        for record in actor.record.relations:
            r = forward(actor.id, record)
            bounds = f" ({r.since or '…'} – {r.until or '…'})" if r.since or r.until else ""
            found.add(f"{r.subject} {r.type} {r.object}{bounds}")
    return found


def _records(items: Mapping[str, Any], skip: set[str]) -> dict[str, dict[str, object]]:
    return {key: _fields(item.record, skip) for key, item in items.items()}


def sections(old: ValidatedCorpus, new: ValidatedCorpus) -> list[Section]:
    """Every kind of item compared by id."""
    claim_labels = {
        f"{a.id}#{c.id}": c.text for a in new.articles.values() for c in a.record.claims
    }
    judgment_labels = {
        f"{t.id}#{j.id}": f"{j.text} ({j.likelihood}, {j.confidence} confidence)"
        for t in new.topics.values()
        for j in t.record.key_judgments
    }
    added = _relations(new) - _relations(old)
    removed = _relations(old) - _relations(new)
    article_skip, actor_skip, topic_skip = {"claims", "events"}, {"relations"}, {"key_judgments"}
    return [
        _compare(
            "Articles", _records(old.articles, article_skip), _records(new.articles, article_skip),
            {k: a.record.title for k, a in new.articles.items()},
        ),
        _compare("Claims", _claims(old), _claims(new), claim_labels),
        _compare("Key judgments", _judgments(old), _judgments(new), judgment_labels),
        Section("Relations", sorted(added), [], sorted(removed)),
        _compare(
            "Actors", _records(old.actors, actor_skip), _records(new.actors, actor_skip),
            {k: a.record.name for k, a in new.actors.items()},
        ),
        _compare(
            "Topics", _records(old.topics, topic_skip), _records(new.topics, topic_skip),
            {k: t.record.title for k, t in new.topics.items()},
        ),
    ]  # fmt: skip


def format_diff(base: str, head: str, found: list[Section]) -> str:
    lines = [f"# Content changes: {base} → {head}", ""]
    for section in found:
        if not (section.added or section.changed or section.removed):
            continue
        lines += [f"## {section.title}", ""]
        lines += [f"- Added {item}" for item in section.added]
        lines += [f"- Changed {item}" for item in section.changed]
        lines += [f"- Removed {item}" for item in section.removed]
        lines.append("")
    if len(lines) == 2:
        lines += ["No changes to articles, claims, judgments, relations, actors or topics.", ""]
    return "\n".join(lines)


def diff(root: Path, base: str, head: str | None) -> str:
    """Markdown describing the content changes from `base` to `head` (default: the work tree)."""
    with tempfile.TemporaryDirectory() as scratch:
        old_root = Path(scratch) / "base"
        export_revision(root, base, old_root)
        if head is None:
            new_root = root
        else:
            new_root = Path(scratch) / "head"
            export_revision(root, head, new_root)
        old, new = validate(load_corpus(old_root)), validate(load_corpus(new_root))
    return format_diff(base, head or "working tree", sections(old, new))
