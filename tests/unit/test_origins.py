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
