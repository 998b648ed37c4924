"""Right-to-left articles (clearly fictional Arabic fixture): dir and lang on the text, LTR chrome."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.cli import main
from tests.conftest import ACTOR_MODELINE, ARTICLE_MODELINE, copy_project_skeleton, write_files

# Fictional: "The Zemblan Front said it will open a new canal in Zembla next week."
TEXT = (
    "قالت الجبهة الزمبلية إنها ستفتح قناة جديدة في زمبلا الأسبوع المقبل.\n"
    "وأضاف المتحدث أن المشروع سيكتمل في العام المقبل.\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("rtl")
    content = base / "content"
    write_files(content, {
        "seeds/ar1.txt": TEXT,
        "seeds/ar1.yml": ARTICLE_MODELINE + (
            "title: Zemblan Front announces a canal (fictional)\npublished: 2030-03-01\noutlet: courier\nlanguage: ar\n"
            "claims:\n  - id: canal\n    text: The Zemblan Front will open a canal.\n    quote: ستفتح قناة جديدة\n"
            "    translation: will open a new canal\n    credibility: 3\n    actors: [front]\n"
        ),
        "briefs/actors/front.yml": ACTOR_MODELINE + "name: الجبهة الزمبلية\ntype: armed-group\naliases: [Zemblan Front]\n",
        "briefs/actors/zembla.yml": ACTOR_MODELINE + "name: زمبلا\ntype: state\naliases: [Zembla]\n",
        "briefs/actors/courier.yml": ACTOR_MODELINE + "name: Fictional Courier\ntype: media-outlet\n",
    })  # fmt: skip
    root = copy_project_skeleton(base / "root", content)
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"


def test_arabic_text_is_right_to_left_and_chrome_is_not(site: Path) -> None:
    html = (site / "articles" / "ar1" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en" class="no-js">' in html
    assert (
        html.count('<div dir="rtl" lang="ar">') == 2
    )  # the quote, and the paragraph it names actors in
    assert 'id="p1"' in html
    assert '<a href="../../actors/front/">الجبهة الزمبلية</a>' in html
    assert '<a href="../../actors/zembla/">زمبلا</a>' in html


def test_quote_shows_its_translation(site: Path) -> None:
    html = (site / "articles" / "ar1" / "index.html").read_text(encoding="utf-8")
    assert "ستفتح قناة جديدة" in html
    assert "<strong>Translation:</strong> will open a new canal" in html
