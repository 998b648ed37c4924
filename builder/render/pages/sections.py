"""Section pages (topics, actors, articles) and the paginated bucket indexes under /index/."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from builder.analyze import Analysis
from builder.render import urls
from builder.render.env import Links
from builder.render.inputs import derived
from builder.render.page import Page, page_count, paginate

SECTIONS = {
    "topics": ("Topics", urls.TOPICS),
    "actors": ("Actors", urls.ACTORS),
    "articles": ("Articles", urls.ARTICLES),
}
HOME_TOPICS = 20
SECTION_LIST = 200
HOME_ARTICLES = 10


@dataclass(frozen=True)
class Bucket:
    """One bucket of a section (a type, a status, a month) and the ids in it."""

    title: str
    parts: tuple[str, ...]
    ids: tuple[str, ...]


def _buckets(
    groups: dict[tuple[str, ...], list[str]], title: Callable[[tuple[str, ...]], str]
) -> list[Bucket]:
    return [Bucket(title(key), key, tuple(sorted(groups[key]))) for key in sorted(groups)]


def topic_buckets(analysis: Analysis) -> list[Bucket]:
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for topic in analysis.model.topics.values():
        groups[("topics", topic.record.status)].append(topic.id)
    return _buckets(groups, lambda key: topic_status_title(key[1]))


ACTOR_TYPES = {
    "state": "States",
    "person": "People",
    "armed-group": "Armed groups",
    "military-unit": "Military units",
    "government-body": "Government bodies",
    "organization": "Organizations",
    "media-outlet": "Media outlets",
    "coalition": "Coalitions",
}


def actor_type_title(kind: str) -> str:
    return ACTOR_TYPES.get(kind, kind.replace("-", " ").capitalize())


def topic_status_title(status: str) -> str:
    return f"{status.capitalize()} topics"


def month_title(year: int, month: int) -> str:
    return f"Articles published {year:04d}-{month:02d}"


def actor_buckets(analysis: Analysis) -> list[Bucket]:
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for actor in analysis.model.actors.values():
        groups[("actors", actor.record.type)].append(actor.id)
    buckets = _buckets(groups, lambda key: actor_type_title(key[1]))
    # Within a type, A–Z by name (the bucket pages and the Actors page list them so).
    name = analysis.model.actor_name
    return [
        Bucket(b.title, b.parts, tuple(sorted(b.ids, key=lambda i: (name(i).casefold(), i))))
        for b in buckets
    ]


def article_buckets(analysis: Analysis) -> list[Bucket]:
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for article in analysis.model.articles.values():
        day = article.record.published
        groups[("articles", f"{day.year:04d}", f"{day.month:02d}")].append(article.id)
    buckets = _buckets(groups, lambda key: month_title(int(key[1]), int(key[2])))
    return list(reversed(buckets))


Entry = Callable[[Links, str], Markup]
# Makes a bucket's entry writer from the analysis (and its own arguments): a module-level
# function, so that a bucket page can be kept in a preview (see builder/render/inputs.py).
EntryMaker = Callable[..., Entry]


def bucket_pages(
    env: jinja2.Environment,
    analysis: Analysis,
    bucket: Bucket,
    entry: EntryMaker,
    *arguments: Hashable,
) -> list[Page]:
    """A bucket's entries in pages of at most 100, each with links to its neighbours; each
    entry is written by `entry(analysis, *arguments)`."""
    return [
        derived(bucket_page, env, analysis, bucket, number, entry, arguments)
        for number in range(1, page_count(len(bucket.ids)) + 1)
    ]


def bucket_page(
    env: jinja2.Environment,
    analysis: Analysis,
    bucket: Bucket,
    number: int,
    entry: EntryMaker,
    arguments: tuple[Hashable, ...],
) -> Page:
    chunk = paginate(bucket.ids, lambda n: urls.index_page(*bucket.parts, page=n))[number - 1]
    links = Links(chunk.path, analysis)
    write = entry(analysis, *arguments)
    entries = [write(links, str(item)) for item in chunk.items]
    crumbs = links.crumbs(
        [SECTIONS.get(bucket.parts[0], ("Indexes", urls.index_page("index")))], bucket.title
    )
    markdown = env.get_template("bucket.html.j2").render(
        bucket=bucket, chunk=chunk, entries=entries, links=links, crumbs=crumbs
    )
    title = bucket.title
    if chunk.total > 1:
        title += f" ({chunk.number} of {chunk.total})"
    return Page.titled(chunk.path, title, markdown, searched=False)


def link_entry(analysis: Analysis, kind: str) -> Entry:
    """Entries that are links to records of a kind: `Links.actor`, `.article`, `.topic`."""
    return lambda links, item: getattr(links, kind)(item)


def _section_page(
    env: jinja2.Environment, analysis: Analysis, path: str, title: str, intro: str,
    buckets: tuple[Bucket, ...], link: str,
) -> Page:  # fmt: skip
    links = Links(path, analysis)
    listing = [(b, links.to(b.title, urls.index_page(*b.parts))) for b in buckets]
    # Actors are listed by name within each type on the section page itself, so any actor is
    # one click away; a type with more than SECTION_LIST links to its full bucket pages.
    members = (
        {b.title: [links.actor(i) for i in b.ids[:SECTION_LIST]] for b in buckets}
        if link == "actor"
        else {}
    )
    markdown = env.get_template("section.html.j2").render(
        title=title, intro=intro, buckets=listing, links=links, members=members
    )
    return Page.titled(path, title, markdown)


def _section(
    env: jinja2.Environment, analysis: Analysis, path: str, title: str, intro: str,
    buckets: list[Bucket], link: str,
) -> list[Page]:  # fmt: skip
    pages = [derived(_section_page, env, analysis, path, title, intro, tuple(buckets), link)]
    for bucket in buckets:
        pages += bucket_pages(env, analysis, bucket, link_entry, link)
    return pages


def render_sections(env: jinja2.Environment, analysis: Analysis) -> list[Page]:
    """The three section pages, each linking its buckets, and every bucket's pages."""
    return [
        *_section(env, analysis, urls.TOPICS, "Topics",
                  "Briefs on each question the project follows, bottom line first.",
                  topic_buckets(analysis), "topic"),
        *_section(env, analysis, urls.ACTORS, "Actors",
                  "Profiles of the states, groups, people and outlets the sources name.",
                  actor_buckets(analysis), "actor"),
        *_section(env, analysis, urls.ARTICLES, "Articles",
                  "The source articles, by month of publication.",
                  article_buckets(analysis), "article"),
    ]  # fmt: skip


def render_home(env: jinja2.Environment, analysis: Analysis) -> Page:
    return derived(_home, env, analysis)


def _home(env: jinja2.Environment, analysis: Analysis) -> Page:
    model = analysis.model
    links = Links(urls.HOME, analysis)
    active = [t for t in model.topics.values() if t.record.status == "active"]
    active.sort(key=lambda t: (t.record.updated, t.id), reverse=True)
    newest = sorted(model.articles.values(), key=lambda a: (a.record.published, a.id), reverse=True)
    markdown = env.get_template("home.html.j2").render(
        analysis=analysis,
        links=links,
        topics=active[:HOME_TOPICS],
        more_topics=len(active) > HOME_TOPICS,
        articles=newest[:HOME_ARTICLES],
        sections=Markup(
            f"{links.to('all topics', urls.TOPICS)}, {links.to('all actors', urls.ACTORS)}, "
            f"{links.to('all articles', urls.ARTICLES)}"
        ),
    )
    return Page.titled(urls.HOME, "Research briefs", markdown)
