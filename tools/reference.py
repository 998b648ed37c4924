"""The plain-MkDocs reference of `make bench`: what MkDocs alone needs for the words of a site.

`python tools/reference.py SITE OUT` writes a MkDocs project in OUT with one ordinary Markdown
page for every HTML page in SITE (the built site), at the same path, whose body is that page's
visible article text as plain paragraphs under its title, and a configuration with the same
pinned MkDocs and Material, search, toc and a small nav. Building OUT (`mkdocs build`) costs
what MkDocs needs for the words; a build of ours that takes longer than that spends the rest on
our markup and our stages.
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

from lxml import html

BLOCKS = {"p", "li", "h2", "h3", "h4", "h5", "h6", "tr", "dt", "dd", "pre", "figcaption", "text"}
SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
CONFIG = """site_name: Reference
docs_dir: docs
use_directory_urls: true
theme:
  name: material
  font: false
  language: en
plugins:
  - search
markdown_extensions:
  - toc:
      permalink: true
nav:
  - Home: index.md
{nav}"""


def escape(text: str) -> str:
    """Plain text as Markdown that reads as the same words."""
    return SPECIAL.sub(r"\\\1", text)


def visible_paragraphs(page: str) -> tuple[str, list[str]]:
    """The title and the text blocks of a built page's article, in reading order."""
    tree = html.fromstring(page)
    article = tree.find(".//article")
    if article is None:
        return "", []
    heading = next(article.iter("h1"), None)
    title = "" if heading is None else " ".join(heading.text_content().replace("¶", "").split())
    paragraphs = []
    for element in article.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1]  # SVG elements carry their namespace
        if tag not in BLOCKS:
            continue
        if any(
            isinstance(a.tag, str) and a.tag.rsplit("}", 1)[-1] in BLOCKS - {"text"}
            for a in element.iterancestors()
        ):
            continue  # its text is part of the enclosing block
        words = " ".join(element.text_content().replace("¶", "").split())
        if words:
            paragraphs.append(words)
    return title, paragraphs


def source_path(page: Path, site: Path) -> Path:
    """`actors/iran/index.html` → `actors/iran.md`; `actors/index.html` → `actors/index.md`."""
    relative = page.relative_to(site)
    if relative.name != "index.html":
        return relative.with_suffix(".md")
    if relative.parent == Path("."):
        return Path("index.md")
    folder = site / relative.parent
    # A folder whose page has sub-pages is a section: its page stays index.md inside it.
    nested = any(p.is_dir() and (p / "index.html").exists() for p in folder.iterdir())
    return relative.parent / "index.md" if nested else relative.parent.with_suffix(".md")


def write_reference(site: Path, out: Path) -> int:
    site = site.resolve()  # `briefs build` leaves site/ as a link to the build it switched to
    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    count = 0
    sections = set()
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html" or page.relative_to(site).parts[0] in {"search", "assets"}:
            continue
        title, paragraphs = visible_paragraphs(page.read_text("utf-8"))
        target = docs / source_path(page, site)
        target.parent.mkdir(parents=True, exist_ok=True)
        body = [f"# {escape(title) or 'Untitled'}", ""] + [escape(p) + "\n" for p in paragraphs]
        target.write_text("\n".join(body), encoding="utf-8")
        count += 1
        if len(target.relative_to(docs).parts) > 1:
            sections.add(target.relative_to(docs).parts[0])
    nav = "".join(
        f"  - {name.capitalize()}: {name}/index.md\n"
        for name in sorted(sections)
        if (docs / name / "index.md").exists()
    )
    (out / "mkdocs.yml").write_text(CONFIG.format(nav=nav), encoding="utf-8")
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    print(f"{write_reference(args.site, args.out)} pages written to {args.out}")


if __name__ == "__main__":
    main()
