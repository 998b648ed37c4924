"""Independent origins: clusters by same_as, origins through cites, circular reporting."""

from __future__ import annotations

from pathlib import Path

from builder.analyze import analyze
from builder.link import link
from builder.load.corpus import load_corpus
from builder.validate import validate
from tests.conftest import ACTOR_MODELINE, ARTICLE_MODELINE, write_files

OUTLETS = {
    f"briefs/actors/{o}.yml": ACTOR_MODELINE + f"name: Fictional {o.title()}\ntype: media-outlet\n"
    for o in ["wire", "daily", "weekly", "radio"]
}
TEXT = "Fictional: the harbour of the city was closed on Monday by order of the council.\n"


def article(outlet: str, claim: str, extra: str = "", source: str = "") -> str:
    body = (
        ARTICLE_MODELINE
        + f"title: Fictional report\npublished: 2030-01-01\noutlet: {outlet}\n{extra}"
    )
    body += f"claims:\n  - {{id: closed, text: The harbour was closed., quote: harbour of the city was closed, credibility: 3{claim}{source}}}\n"
    return body


def analysed(root: Path, files: dict[str, str | bytes]):  # type: ignore[no-untyped-def]
    write_files(root, {**OUTLETS, **files})
    result = analyze(link(validate(load_corpus(root))).model)
    assert result.analysis is not None, [d.render() for d in result.diagnostics]
    return result.analysis


def test_cited_copy_adds_a_report_but_no_origin_and_is_circular(tmp_root: Path) -> None:
    analysis = analysed(tmp_root, {
        "seeds/a.txt": TEXT, "seeds/a.yml": article("wire", ""),
        "seeds/b.txt": TEXT, "seeds/b.yml": article("daily", ', same_as: ["a#closed"]', "cites: [a]\n"),
    })  # fmt: skip
    cluster = analysis.origins.cluster("b#closed")
    assert cluster.reports == ("a#closed", "b#closed")
    assert cluster.origins == ("wire",)
    assert cluster.circular
    assert analysis.support(["a#closed"]) == (2, 1)


def test_independent_outlets_count_separately_and_via_adds_nothing(tmp_root: Path) -> None:
    analysis = analysed(tmp_root, {
        "seeds/a.txt": TEXT, "seeds/a.yml": article("wire", ""),
        "seeds/b.txt": TEXT, "seeds/b.yml": article("daily", ', same_as: ["a#closed"], via: [radio]'),
        "seeds/c.txt": TEXT, "seeds/c.yml": article("weekly", ', same_as: ["b#closed"]', source=", source: radio"),
    })  # fmt: skip
    cluster = analysis.origins.cluster("c#closed")
    assert cluster.reports == ("a#closed", "b#closed", "c#closed")
    assert cluster.origins == ("daily", "radio", "wire")
    assert not cluster.circular


def test_origins_follow_citations_recursively(tmp_root: Path) -> None:
    analysis = analysed(tmp_root, {
        "seeds/a.txt": TEXT, "seeds/a.yml": article("wire", "", source=", source: radio"),
        "seeds/b.txt": TEXT, "seeds/b.yml": article("daily", ', same_as: ["a#closed"]', "cites: [a]\n"),
        "seeds/c.txt": TEXT, "seeds/c.yml": article("weekly", ', same_as: ["b#closed"]', "cites: [b]\n"),
    })  # fmt: skip
    assert analysis.origins.report_origins["c#closed"] == ("radio",)
    assert analysis.origins.cluster("a#closed").origins == ("radio",)


CONTROLLED = {
    # Fictional: two channels of one state broadcaster, run by the government of Velmar.
    "briefs/actors/velmar.yml": ACTOR_MODELINE + "name: Velmar\ntype: state\n",
    "briefs/actors/vba.yml": ACTOR_MODELINE
    + "name: Velmar Broadcasting Authority\ntype: government-body\n"
    + "relations: [{type: controlled-by, target: velmar}]\n",
    "briefs/actors/state-radio.yml": ACTOR_MODELINE
    + "name: Velmar State Radio\ntype: media-outlet\n"
    + "relations: [{type: controlled-by, target: vba}]\n",
    "briefs/actors/world-service.yml": ACTOR_MODELINE
    + "name: Velmar World Service\ntype: media-outlet\n"
    + "relations: [{type: controlled-by, target: vba}]\n",
}


def test_outlets_under_one_controller_are_one_independent_origin(tmp_root: Path) -> None:
    analysis = analysed(tmp_root, {
        **CONTROLLED,
        "seeds/a.txt": TEXT, "seeds/a.yml": article("state-radio", ""),
        "seeds/b.txt": TEXT, "seeds/b.yml": article("world-service", ', same_as: ["a#closed"]'),
        "seeds/c.txt": TEXT, "seeds/c.yml": article("wire", ', same_as: ["a#closed"]'),
    })  # fmt: skip
    cluster = analysis.origins.cluster("a#closed")
    assert cluster.origins == ("state-radio", "wire", "world-service")
    assert cluster.independent == 2
    assert cluster.merged == (("velmar", ("state-radio", "world-service")),)
    assert not cluster.circular
    assert analysis.support(["a#closed"]) == (3, 2)


def test_two_channels_of_one_government_alone_are_circular(tmp_root: Path) -> None:
    analysis = analysed(tmp_root, {
        **CONTROLLED,
        "seeds/a.txt": TEXT, "seeds/a.yml": article("state-radio", ""),
        "seeds/b.txt": TEXT, "seeds/b.yml": article("world-service", ', same_as: ["a#closed"]'),
    })  # fmt: skip
    cluster = analysis.origins.cluster("a#closed")
    assert (cluster.independent, cluster.circular) == (1, True)


def test_judgment_support_counts_articles_not_reports(tmp_root: Path) -> None:
    two_claims = article("wire", "").replace(
        "claims:\n",
        "claims:\n  - {id: second, text: The council met., quote: by order of the council, credibility: 3}\n",
    )
    analysis = analysed(tmp_root, {
        "seeds/a.txt": TEXT, "seeds/a.yml": two_claims,
        "seeds/b.txt": TEXT, "seeds/b.yml": article("daily", ', same_as: ["a#closed"]'),
    })  # fmt: skip
    # Three reports (a#closed, a#second, b#closed) in two articles, from two outlets.
    assert analysis.support(["a#closed", "a#second"]) == (2, 2)


EVENT_TEXT = "Fictional: the harbour of the city was closed on Monday by order of the council.\n"


def event_article(outlet: str, when: str, same_as: str = "") -> str:
    return (
        ARTICLE_MODELINE
        + f"title: Fictional report\npublished: 2030-01-09\noutlet: {outlet}\n"
        + f"events:\n  - {{id: closure, when: '{when}', what: The harbour closes, quote: was closed on Monday{same_as}}}\n"
    )


def test_one_event_reported_by_several_articles_is_one_timeline_row(tmp_root: Path) -> None:
    analysis = analysed(tmp_root, {
        "seeds/a.txt": EVENT_TEXT, "seeds/a.yml": event_article("wire", "2030-01-07"),
        "seeds/b.txt": EVENT_TEXT, "seeds/b.yml": event_article("daily", "2030-01", ', same_as: ["a#closure"]'),
    })  # fmt: skip
    rows = [e for e in analysis.timeline() if e.kind == "event"]
    assert len(rows) == 1
    (row,) = rows
    assert row.reports == ("a#closure", "b#closure")
    assert row.interval.describe() == "2030-01-07"  # the day both reports hold
    assert analysis.events["b#closure"].interval.describe() == "2030-01-01/2030-01-31"


def test_reports_of_one_event_whose_dates_share_no_day_warn(tmp_root: Path) -> None:
    write_files(tmp_root, {
        **OUTLETS,
        "seeds/a.txt": EVENT_TEXT, "seeds/a.yml": event_article("wire", "2030-01-07"),
        "seeds/b.txt": EVENT_TEXT, "seeds/b.yml": event_article("daily", "2030-01-02/2030-01-03", ', same_as: ["a#closure"]'),
    })  # fmt: skip
    result = analyze(link(validate(load_corpus(tmp_root))).model)
    assert [d.render() for d in result.diagnostics if d.code != "text-overlap"] == [
        "seeds/b.yml:6:114: warning: events a#closure, b#closure are one event (same_as) but "
        "their dates share no day; the timeline shows the narrowest, 2030-01-07: check each "
        "'when' [event-dates-disagree]"
    ]


def test_the_claim_says_which_origins_count_as_one_and_why(tmp_root: Path) -> None:
    from builder.pipeline import build_pages

    write_files(tmp_root, {
        **OUTLETS, **CONTROLLED,
        "seeds/a.txt": TEXT, "seeds/a.yml": article("state-radio", "", "rights: full\n"),
        "seeds/b.txt": TEXT,
        "seeds/b.yml": article("world-service", ', same_as: ["a#closed"]', "rights: full\n"),
    })  # fmt: skip
    pages = {p.path: p.markdown for p in build_pages(tmp_root).pages}
    assert (
        '<li><strong>Support:</strong> 2 reports, 1 <a href="../../glossary/#independent-origin" '
        'title="A first source that depends on no other; outlets under one controller count as '
        'one.">independent origin</a> (<a href="../../actors/state-radio/">Velmar State Radio</a>, '
        '<a href="../../actors/world-service/">Velmar World Service</a>); '
        '<a href="../../actors/state-radio/">Velmar State Radio</a> and '
        '<a href="../../actors/world-service/">Velmar World Service</a> count as one: all '
        'controlled by <a href="../../actors/velmar/">Velmar</a>; <strong>circular '
        "reporting:</strong> 2 outlets carry it, all from one origin</li>"
    ) in pages["articles/a.md"]
