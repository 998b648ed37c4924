"""The one module that knows where every page lives and how pages link to each other.

Pages are Markdown source paths (`actors/iran.md`); links between them are written as the
relative addresses the pages are served at (`../../articles/a/`), which survive publishing under
a sub-path and which the hook checks against the site (see render/html.py).
"""

from __future__ import annotations

import functools

HOME = "index.md"
TOPICS = "topics/index.md"
ACTORS = "actors/index.md"
ARTICLES = "articles/index.md"
GLOSSARY = "glossary.md"


def topic(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def actor(actor_id: str) -> str:
    return f"actors/{actor_id}.md"


def article(article_id: str) -> str:
    return f"articles/{article_id}.md"


def index_page(*parts: str, page: int = 1) -> str:
    """An index or bucket page under /index/; page 2 onwards in a numbered sub-folder."""
    base = "/".join(("index", *parts))
    return f"{base}.md" if page == 1 else f"{base}/{page}.md"


def claim_anchor(claim_id: str) -> str:
    return f"claim-{claim_id}"


def event_anchor(event_id: str) -> str:
    return f"event-{event_id}"


def judgment_anchor(judgment_id: str) -> str:
    return f"judgment-{judgment_id}"


def deadline_anchor(deadline_id: str) -> str:
    return f"deadline-{deadline_id}"


def claim_ref(ref: str) -> tuple[str, str]:
    """The page and anchor of a '<article>#<claim>' reference."""
    article_id, claim_id = ref.split("#", 1)
    return article(article_id), claim_anchor(claim_id)


def event_ref(ref: str) -> tuple[str, str]:
    article_id, event_id = ref.split("#", 1)
    return article(article_id), event_anchor(event_id)


def _folder(page: str) -> str:
    """The folder a page is served from: `actors/iran.md` → `actors/iran/`, `index.md` → ``."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


@functools.lru_cache(maxsize=1 << 17)
def final(from_page: str, to_page: str) -> str:
    """The relative URL of a page as served (directory URLs), as every generated link is
    written: `actors/iran.md` → `articles/a.md` is `../../articles/a/`."""
    source = _folder(from_page).split("/")[:-1]
    target = _folder(to_page).split("/")[:-1]
    common = 0
    while common < min(len(source), len(target)) and source[common] == target[common]:
        common += 1
    steps = [".."] * (len(source) - common) + target[common:]
    return "/".join(steps) + "/" if steps else "./"
