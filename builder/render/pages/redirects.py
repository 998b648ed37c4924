"""Redirect pages for actor ids listed in `formerly:`, so old links and citations keep working."""

from __future__ import annotations

import html

from builder.analyze import Analysis
from builder.render.page import Page


def redirect_pages(analysis: Analysis) -> list[Page]:
    """A static HTML page at each former address, pointing at the current one."""
    pages = []
    for actor in analysis.model.actors.values():
        name = html.escape(actor.record.name)
        target = f"../{actor.id}/"
        for old in actor.record.formerly:
            body = (
                '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
                f"<title>Moved: {name}</title>\n"
                f'<link rel="canonical" href="{target}">\n'
                f'<meta http-equiv="refresh" content="0; url={target}">\n'
                '<meta name="robots" content="noindex">\n</head>\n<body>\n'
                f'<p>This profile has moved to <a href="{target}">{name}</a>.</p>\n'
                "</body>\n</html>\n"
            )
            pages.append(Page(f"actors/{old}/index.html", body))
    return pages
