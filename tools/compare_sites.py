"""Compare two built sites page by page for what a reader gets, ignoring markup.

For every HTML page of the first site: the page title, the visible text of the article body, the
table of contents, the links and the ids in the body must be the same in the second site. Prints
each difference and a count; exits 1 if there is any. For a change to the templates or the
pipeline that should change markup only (`make golden` then shows the markup).

    python tools/compare_sites.py BEFORE_SITE AFTER_SITE
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from lxml import html


def _text(elements: list[html.HtmlElement]) -> str:
    return " ".join(elements[0].text_content().split()) if elements else ""


def reader_view(page: Path) -> dict[str, object]:
    tree = html.fromstring(page.read_bytes())
    return {
        "title": tree.xpath("//title/text()"),
        "text": _text(tree.xpath("//article")),
        "toc": _text(tree.xpath('//nav[contains(@class, "md-nav--secondary")]')),
        "links": sorted(tree.xpath("//article//a/@href")),
        "ids": sorted(tree.xpath("//article//@id")),
    }


def _show(before: object, after: object) -> None:
    if isinstance(before, str) and isinstance(after, str):
        matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
        for op, a1, a2, b1, b2 in matcher.get_opcodes():
            if op != "equal":
                print(f"    {op}: {before[max(0, a1 - 30) : a2 + 30]!r}")
                print(f"      -> {after[max(0, b1 - 30) : b2 + 30]!r}")
    else:
        gone = sorted(set(before) - set(after))  # type: ignore[call-overload]
        new = sorted(set(after) - set(before))  # type: ignore[call-overload]
        print(f"    only before: {gone[:5]}; only after: {new[:5]}")


def main() -> int:
    before_site, after_site = (Path(a) for a in sys.argv[1:3])
    differences = 0
    pages = sorted(before_site.rglob("*.html"))
    for page in pages:
        other = after_site / page.relative_to(before_site)
        if not other.exists():
            print(f"{page.relative_to(before_site)}: missing")
            differences += 1
            continue
        before, after = reader_view(page), reader_view(other)
        for field in before:
            if before[field] != after[field]:
                print(f"{page.relative_to(before_site)}: {field}")
                _show(before[field], after[field])
                differences += 1
    new = [
        p
        for p in after_site.rglob("*.html")
        if not (before_site / p.relative_to(after_site)).exists()
    ]
    print(f"{len(pages)} pages compared, {differences} differences, {len(new)} new pages")
    return 1 if differences or new else 0


if __name__ == "__main__":
    sys.exit(main())
