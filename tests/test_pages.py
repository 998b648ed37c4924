"""What the generated pages say, checked on the frozen seed corpus and small fictional roots."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builder.pipeline import build_pages
from tests.conftest import FIXTURE_CORPUS, PROJECT, SEED_ID

ACTOR_LINK = re.compile(r'href="\.\./\.\./actors/([a-z0-9_-]+)/"')
PERMALINK = '<a class="headerlink" href="#{0}" title="Permanent link">&para;</a>'


def heading(level: int, text: str, ident: str) -> str:
    """A heading as the pages write it: its id and the permalink beside it."""
    return f'<h{level} id="{ident}">{text}{PERMALINK.format(ident)}</h{level}>'


def pages(root: Path = FIXTURE_CORPUS) -> dict[str, str]:
    result = build_pages(root)
    assert result.analysis is not None
    return {page.path: page.markdown for page in result.pages}


def test_seed_article_links_at_least_twelve_actors_from_its_text() -> None:
    article = pages()[f"articles/{SEED_ID}.md"]
    passages = article[article.index('<h2 id="passages">') : article.index('<h2 id="actors">')]
    assert len(set(ACTOR_LINK.findall(passages))) >= 12


def test_oman_profile_shows_the_omani_interlocuter_snippet_linked_to_its_paragraph() -> None:
    # The seed's quotes and dek use its whole site-wide excerpt budget: the profile shows the
    # quoted words around the mention, no more.
    oman = pages()["actors/oman.md"]
    assert (
        f'<li><a href="../../articles/{SEED_ID}/#p9">¶ 9</a>: … through an <strong>Omani</strong> '
        "interlocuter.</li>"
    ) in oman


def test_relations_show_on_both_profiles_with_inverse_labels() -> None:
    site = pages()
    assert (
        heading(3, "Is part of", "is-part-of")
        + '\n<ul>\n<li><a href="../irgc/">Islamic Revolutionary Guard Corps</a>'
        in site["actors/irgc-aerospace-force.md"]
    )
    assert (
        heading(3, "Has as part", "has-as-part")
        + '\n<ul>\n<li><a href="../irgc-aerospace-force/">Islamic Revolutionary Guard Corps '
        "Aerospace Force</a>" in site["actors/irgc.md"]
    )
    assert (
        heading(3, "Is backed by", "is-backed-by") + '\n<ul>\n<li><a href="../iran/">Iran</a>'
    ) in site["actors/iraqi-militias.md"]


def test_excerpt_pages_stay_within_the_budget() -> None:
    words = 339
    snippets = re.compile(r'<li><a href="[^"]*#p[0-9]+">¶ [0-9]+</a>: (.*)</li>')
    checked = 0
    for path, page in pages().items():
        if path.startswith("actors/"):
            shown = [re.sub(r"<[^>]+>", "", s).split() for s in snippets.findall(page)]
            # Each cut is marked by an ellipsis, which is not a word of the article.
            words_shown = sum(len([w for w in s if w != "…"]) for s in shown)
            assert words_shown <= words * 0.3, path
            checked += len(shown)
    assert checked >= 10  # the profiles do show snippets


def test_full_rights_show_every_paragraph_with_links(tmp_path: Path) -> None:
    root = tmp_path / "full"
    shutil.copytree(FIXTURE_CORPUS, root)
    sidecar = root / "seeds" / f"{SEED_ID}.yml"
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").replace("rights: excerpts", "rights: full"),
        encoding="utf-8",
    )
    article = pages(root)[f"articles/{SEED_ID}.md"]
    for number in range(2, 14):
        assert f'<p id="p{number}"><strong>¶ {number}</strong>' in article
    assert 'id="p14"' not in article  # the stripped photo credit
    assert 'calling into question <a href="../../actors/iran/">Tehran</a>’s intentions' in article


def test_retracted_claim_stays_visible_struck_through_and_flags_its_judgment(
    tmp_path: Path,
) -> None:
    root = tmp_path / "corrected"
    shutil.copytree(Path(__file__).parent / "cases" / "valid" / "minimal", root)
    sidecar = root / "seeds" / "a1.yml"
    text = sidecar.read_text(encoding="utf-8").replace(
        "    credibility: 2\n",
        "    credibility: 2\n    status: retracted\n    note: The Courier withdrew the report the next day.\n",
    )
    sidecar.write_text(text, encoding="utf-8")
    site = pages(root)
    article = site["articles/a1.md"]
    assert (
        heading(3, "<del>Zembla announced a new canal.</del>", "claim-canal-announced") in article
    )
    assert (
        "<li><strong>Retracted:</strong> The Courier withdrew the report the next day.</li>"
        in article
    )
    assert (
        "<li><strong>Caution:</strong> rests on a retracted claim (a1#canal-announced)</li>"
        in site["topics/canal.md"]
    )


def test_edit_links_come_from_the_builder_settings(tmp_path: Path) -> None:
    root = tmp_path / "with-repository"
    shutil.copytree(FIXTURE_CORPUS, root)
    (root / "pyproject.toml").write_text(
        '[tool.briefs]\nrepository = "https://github.com/example-org/briefs"\n', encoding="utf-8"
    )
    site = pages(root)
    assert (
        '<a href="https://github.com/example-org/briefs/edit/main/briefs/actors/oman.yml">'
        "Edit this record</a>" in site["actors/oman.md"]
    )
    assert (
        f'<a href="https://github.com/example-org/briefs/edit/main/seeds/{SEED_ID}.yml">'
        "Edit this record</a>" in site[f"articles/{SEED_ID}.md"]
    )
    assert "Edit this record" not in pages()["actors/oman.md"]  # no repository configured


def test_former_ids_get_redirect_pages_and_pages_offer_a_citation(tmp_path: Path) -> None:
    root = tmp_path / "renamed"
    shutil.copytree(FIXTURE_CORPUS, root)
    actor = root / "briefs" / "actors" / "oman.yml"
    actor.write_text(
        actor.read_text(encoding="utf-8").replace(
            "type: state\n", "type: state\nformerly: [sultanate]\n"
        ),
        encoding="utf-8",
    )
    site = pages(root)
    redirect = site["actors/sultanate/index.html"]
    assert '<meta http-equiv="refresh" content="0; url=../oman/">' in redirect
    assert '<link rel="canonical" href="../oman/">' in redirect
    assert (
        '<p class="admonition-title">Cite this</p>\n<p>Research briefs, “Oman”, as of 2025-04-10. '
        "/actors/oman/" in site["actors/oman.md"]
    )
    assert (
        "Research briefs, “US–Iran nuclear talks and the one-month deadline”, as of 2025-04-10. /topics/us-iran-nuclear-talks/"
        in site["topics/us-iran-nuclear-talks.md"]
    )


def test_actor_graph_and_topic_timeline_are_accessible_inline_svg() -> None:
    site = pages()
    iran = site["actors/iran.md"]
    # Drawn twice (wide and narrow, the stylesheet shows one); each holds links, so it is a
    # group (an img would hide them: axe nested-interactive), with ids of its own.
    for variant in ("wide", "narrow"):
        assert (
            f'<svg class="brief-graph brief-{variant}" role="group" '
            f'aria-labelledby="graph-{variant}-title graph-{variant}-desc"' in iran
        )
        assert f'<title id="graph-{variant}-title">Relations of Iran</title>' in iran
        assert f'marker-end="url(#graph-{variant}-arrow)"' in iran
    # The description and the branches say the relations as a reader does, never an identifier.
    assert "Iran backs Iranian-backed militias in Iraq" in iran
    assert "Iran attacked Israel in April 2024" in iran
    assert "Islamic Revolutionary Guard Corps is part of Iran" in iran
    assert ">has as mediator</text>" in iran
    assert ">attacks (2024" not in iran and ">has-part<" not in iran
    assert '<a href="../iraqi-militias/">' in iran  # a final URL: raw HTML is not rewritten
    topic = site["topics/us-iran-nuclear-talks.md"]
    assert '<svg class="brief-timeline brief-wide" role="img"' in topic
    # The description gives the resolved dates, not the phrase the article used.
    assert (
        "One-month deadline Trump gave Iran to make a nuclear deal: 7 April – 7 May 2025" in topic
    )
    assert "<script" not in iran + topic


def test_backlinks_are_capped_with_a_complete_paginated_list(tmp_path: Path) -> None:
    from tests.conftest import ACTOR_MODELINE, ARTICLE_MODELINE, write_files

    files: dict[str, str | bytes] = {
        "briefs/actors/zembla.yml": ACTOR_MODELINE + "name: Zembla\ntype: state\n",
        "briefs/actors/courier.yml": ACTOR_MODELINE
        + "name: Fictional Courier\ntype: media-outlet\n",
    }
    for day in range(1, 26):
        files[f"seeds/f{day:02d}.txt"] = (
            f"Fictional report {day}: the council of Zembla met again today to discuss the canal and the harbour.\n"
        )
        files[f"seeds/f{day:02d}.yml"] = (
            ARTICLE_MODELINE
            + f"title: Fictional report {day}\npublished: 2030-01-{day:02d}\noutlet: courier\n"
        )
    write_files(tmp_path / "many", files)
    site = pages(tmp_path / "many")
    zembla = site["actors/zembla.md"]
    assert (
        "The newest 20 of 25 articles naming Zembla; "
        '<a href="../../index/mentions/zembla/">see all 25</a>.' in zembla
    )
    assert (
        '<a href="../../articles/f25/">Fictional report 25</a>' in zembla
        and '<a href="../../articles/f05/">Fictional report 5</a>' not in zembla
    )
    full = site["index/mentions/zembla.md"]
    assert full.count('<li><a href="../../../articles/f') == 25
    # Each fictional article is 16 words: a 12-word snippet would pass 30% of it, so only ¶ links.
    assert (
        '<li><a href="../../../articles/f01/">Fictional report 1</a> (2030-01-01); '
        'also <a href="../../../articles/f01/#p1">¶ 1</a></li>' in full
    )


def test_sources_index_lists_outlets_with_reliability_and_claims() -> None:
    sources = pages()["index/sources.md"]
    row = "<tr>\n<td>{}</td>\n<td>{}</td>\n<td>{}</td>\n<td>{}</td>\n<td>{}</td>\n</tr>"
    the_times = '<a href="../../actors/the-times/">The Times</a>'
    newsrael = '<a href="../../actors/newsrael/">Newsrael</a>'
    assert row.format(the_times, "B (usually reliable)", 0, 6, 0) in sources
    assert row.format(newsrael, "F (reliability cannot be judged)", 1, 5, 9) in sources
    assert '<a href="sources/">Sources by outlet</a>' in pages()["index/index.md"]


@pytest.fixture(scope="module")
def generated_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark's fictional corpus: a few actors there appear in most articles."""
    root = tmp_path_factory.mktemp("generated") / "corpus"
    command = [sys.executable, str(PROJECT / "tools" / "corpus.py"), "200", str(root)]
    subprocess.run(command, check=True, capture_output=True)
    return root


@pytest.fixture(scope="module")
def generated(generated_root: Path) -> dict[str, str]:
    return pages(generated_root)


def test_workers_render_exactly_what_one_process_renders(
    generated_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from builder import forks
    from builder import render as render_stage
    from builder.pipeline import check, templates_dir
    from builder.render import parallel

    monkeypatch.setattr(parallel, "MIN_PAGES", 10)
    monkeypatch.setattr(parallel, "CHUNK", 7)
    analysis = check(generated_root).analysis
    assert analysis is not None
    templates = templates_dir(generated_root)
    alone = render_stage.render(analysis, templates, workers=1)
    shared = render_stage.render(analysis, templates, workers=3)
    assert len(alone) > 200
    assert shared == alone
    assert forks._SHARED is None


def test_per_file_steps_on_every_core_give_what_one_process_gives(
    generated_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Validating articles, finding mentions and sampling texts run in forked workers first
    (`Memo.fill`); the diagnostics and every page must be those of a run without them."""
    from builder import forks, memo
    from builder import render as render_stage
    from builder.pipeline import check, templates_dir

    filled: list[str] = []
    real_fork_map = forks.fork_map

    def counting_fork_map(function, tasks, state, workers):  # type: ignore[no-untyped-def]
        filled.append(function.__name__)
        return real_fork_map(function, tasks, state, workers)

    monkeypatch.setattr(forks, "fork_map", counting_fork_map)
    monkeypatch.setattr(memo, "MIN_FILL", 10)
    monkeypatch.setattr(memo, "FILL_CHUNK", 7)
    runs = []
    for jobs in ("1", "3"):
        for step in memo._REGISTRY.values():
            step.clear()  # nothing reused from the run before
        monkeypatch.setenv("BRIEFS_JOBS", jobs)
        result = check(generated_root)
        assert result.analysis is not None
        pages = render_stage.render(result.analysis, templates_dir(generated_root), workers=1)
        runs.append(([d.render() for d in result.diagnostics], pages))
    assert filled == ["_fill_share"] * 3  # articles, mentions, samples; only with 3 jobs
    assert runs[0] == runs[1]
    assert len(runs[0][1]) > 200


def test_jobs_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from builder import forks

    monkeypatch.setenv(forks.JOBS_VARIABLE, "3")
    assert forks.jobs() == 3
    monkeypatch.setenv(forks.JOBS_VARIABLE, "none")
    assert forks.jobs() >= 1


def section(page: str, ident: str) -> str:
    """A page from the heading with this id to the next heading."""
    start = page.index(f' id="{ident}">')
    end = page.find("\n<h", start)
    return page[start : end if end >= 0 else len(page)]


FIRST_LINK = re.compile(r'<a href="([^"#]*)')


@pytest.mark.parametrize(
    ("ident", "kind"),
    [
        ("claims-about-this-actor", "claims"),
        ("timeline", "events"),
        ("articles-published", "published"),
        ("claims-originated", "originated"),
    ],
)
def test_long_profile_lists_show_twenty_and_link_the_complete_list(
    generated: dict[str, str], ident: str, kind: str
) -> None:
    cut = 0
    for path, page in generated.items():
        if not path.startswith("actors/actor-") or f' id="{ident}">' not in page:
            continue
        actor = path.removeprefix("actors/").removesuffix(".md")
        shown = section(page, ident)
        entries = [line for line in shown.splitlines() if line.startswith("<li>")]
        complete = [
            line
            for list_path, list_page in generated.items()
            if list_path == f"index/actor/{actor}/{kind}.md"
            or list_path.startswith(f"index/actor/{actor}/{kind}/")
            for line in list_page.splitlines()
            if line.startswith("<li>")
        ]
        if not complete:
            assert len(entries) <= 20
            continue
        cut += 1
        assert len(entries) == 20
        total = len(complete)
        assert f"of {total} " in shown
        assert f'<a href="../../index/actor/{actor}/{kind}/">see all {total}</a>' in shown
        # The complete list holds every entry the profile shows.
        targets = {FIRST_LINK.search(e).group(1).strip("/").split("/")[-1] for e in entries}  # type: ignore[union-attr]
        listed = {FIRST_LINK.search(e).group(1).strip("/").split("/")[-1] for e in complete}  # type: ignore[union-attr]
        assert targets <= listed
    assert cut, "the generated corpus should have an actor with a long list"


def test_sources_are_a_numbered_reference_list_with_the_original_and_its_archive(
    tmp_path: Path,
) -> None:
    from tests.conftest import ACTOR_MODELINE, ARTICLE_MODELINE, TOPIC_MODELINE, write_files

    write_files(tmp_path / "refs", {
        "briefs/actors/zembla.yml": ACTOR_MODELINE + "name: Zembla\ntype: state\n",
        "briefs/actors/courier.yml": ACTOR_MODELINE + "name: Fictional Courier\ntype: media-outlet\n",
        "seeds/f1.txt": "Fictional report: the council of Zembla closed the canal on Monday.\n",
        "seeds/f1.yml": ARTICLE_MODELINE + (
            "title: Zembla closes the canal\npublished: 2030-01-07\noutlet: courier\nrights: full\n"
            "url: https://courier.example/canal\narchive_url: https://archive.example/canal\n"
            "claims:\n  - id: closed\n    text: Zembla closed the canal.\n"
            "    quote: the council of Zembla closed the canal\n    credibility: 2\n"
        ),
        "briefs/topics/canal.yml": TOPIC_MODELINE + (
            "title: The canal\nstatus: active\nupdated: 2030-01-08\nsummary: The canal is shut.\n"
            "key_judgments:\n  - id: shut\n    text: The canal stays shut.\n"
            "    likelihood: likely\n    confidence: low\n    claims: ['f1#closed']\n"
        ),
    })  # fmt: skip
    site = pages(tmp_path / "refs")
    topic = site["topics/canal.md"]
    assert (
        '<p id="source-1"><strong>[1]</strong> <a href="../../actors/courier/">Fictional Courier</a>, '
        '7 January 2030: “<a href="../../articles/f1/">Zembla closes the canal</a>”. '
        '<a href="https://courier.example/canal">original</a> · '
        '<a href="https://archive.example/canal">archived copy</a>.</p>'
    ) in topic
    # The judgment cites the claim by a short phrase and the reference by its number.
    assert (
        'Zembla closed the canal (<a href="../../articles/f1/#claim-closed">Fictional Courier ¶ 1</a>) '
        '<a href="#source-1">[1]</a>' in topic
    )
    assert (
        '<p><em>2030-01-07, <a href="../courier/">Fictional Courier</a>; named 1 time</em> · '
        '<a href="https://courier.example/canal">original</a> · '
        '<a href="https://archive.example/canal">archived copy</a></p>\n<ul>\n<li><a href="../../articles/f1/#p1">¶ 1</a>'
    ) in site["actors/zembla.md"]
