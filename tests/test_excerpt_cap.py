"""The 30% excerpt cap of `rights: excerpts` holds for the whole published site, not per page."""

from __future__ import annotations

import html
import random
import re
from pathlib import Path

from builder.cli import main
from tests.conftest import (
    ACTOR_MODELINE,
    ARTICLE_MODELINE,
    FIXTURE_CORPUS,
    TOPIC_MODELINE,
    copy_project_skeleton,
    write_files,
)

SHINGLE = 4  # a run of four words of the article found on the site counts as published
WORDS = re.compile(r"\w+")

# A fictional article: every paragraph names both actors among invented words, so that no
# run of words repeats and a run found on the site comes from one place in the text.
SYLLABLES = ["ka", "lo", "mi", "ren", "tus", "vel", "zor", "pa", "qui", "dan", "sef", "bor"]


def invented_words(seed: int, count: int) -> str:
    rng = random.Random(seed)
    return " ".join(
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) for _ in range(count)
    )


PARAGRAPHS = [
    f"{invented_words(n, 12)} the Zembla Assembly {invented_words(100 + n, 14)} "
    f"Ostrava Guild {invented_words(200 + n, 10)}."
    for n in range(1, 31)
]
QUOTE = " ".join(PARAGRAPHS[6].split()[10:20])


def corpus_files() -> dict[str, str | bytes]:
    sidecar = ARTICLE_MODELINE + (
        "title: Fictional Velmar chronicle\npublished: 2030-01-01\noutlet: reuters\n"
        "rights: excerpts\nclaims:\n"
        "  - id: tariff\n    text: The assembly debated a quarry tariff.\n"
        f"    quote: {QUOTE}\n"
        "    actors: [zembla-assembly]\n    credibility: 3\n"
    )
    topic = TOPIC_MODELINE + (
        "title: Fictional Velmar tariffs\nstatus: active\nupdated: 2030-01-02\n"
        "summary: A fictional topic.\nkey_judgments:\n"
        "  - id: debate\n    text: The assembly is debating tariffs.\n"
        "    likelihood: likely\n    confidence: low\n    claims: ['velmar#tariff']\n"
        "actors: [zembla-assembly]\n"
    )
    return {
        "seeds/velmar.txt": "\n".join(PARAGRAPHS) + "\n",
        "seeds/velmar.yml": sidecar,
        "briefs/actors/zembla-assembly.yml": ACTOR_MODELINE
        + "name: Zembla Assembly\ntype: government-body\nsummary: A fictional assembly.\n",
        "briefs/actors/ostrava-guild.yml": ACTOR_MODELINE
        + "name: Ostrava Guild\ntype: organization\nsummary: A fictional guild.\n",
        "briefs/topics/velmar-tariffs.yml": topic,
    }


def site_text(site: Path) -> str:
    """Every word the published site holds: pages without markup, search index, feed, API."""
    parts = []
    for path in site.rglob("*"):
        if path.suffix in {".html", ".json", ".xml", ".txt", ".md"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            parts.append(html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("\\n", " "))
    return " ".join(" ".join(WORDS.findall(part)) for part in parts)


def published_share(site: Path, text: str) -> float:
    words = WORDS.findall(text)
    published = f" {site_text(site)} "
    shown = set()
    for index in range(len(words) - SHINGLE + 1):
        run = " ".join(words[index : index + SHINGLE])
        if f" {run} " in published:
            shown.update(range(index, index + SHINGLE))
    return len(shown) / len(words)


def test_an_article_named_in_every_paragraph_stays_within_the_cap_site_wide(
    tmp_path: Path,
) -> None:
    root = copy_project_skeleton(tmp_path / "project", FIXTURE_CORPUS)
    write_files(root, corpus_files())
    assert main(["--root", str(root), "--no-cache", "build"]) == 0
    site = root / "site"
    share = published_share(site, "\n".join(PARAGRAPHS))
    assert 0.05 < share <= 0.30, share  # something is shown, never more than the cap
    search = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert QUOTE in search  # quotes come first
    profile = (site / "actors" / "ostrava-guild" / "index.html").read_text(encoding="utf-8")
    assert "Ostrava Guild" in profile and "#p30" in profile  # past the budget: paragraph only


def test_with_full_rights_the_whole_text_may_be_published(tmp_path: Path) -> None:
    root = copy_project_skeleton(tmp_path / "project", FIXTURE_CORPUS)
    files = corpus_files()
    files["seeds/velmar.yml"] = str(files["seeds/velmar.yml"]).replace(
        "rights: excerpts", "rights: full"
    )
    write_files(root, files)
    assert main(["--root", str(root), "--no-cache", "build"]) == 0
    assert published_share(root / "site", "\n".join(PARAGRAPHS)) > 0.95
