"""The theme's primary navigation, rendered once per distinct result instead of once a page.

Material renders its whole navigation (`partials/nav.html`) for every page: about 40% of the
theme's time per page, while thousands of record pages show the same navigation. What that
partial prints depends on the page only through the addresses of the navigation's entries
relative to the page (the `url` filter), which entries are active, and whether the page itself
is one of the entries (then it also holds the page's table of contents). For a page that is not
an entry, the partial's output is therefore kept under exactly those values and reused for
every other page that has the same ones; a page that is an entry is rendered as usual. The site
is byte for byte the same (tests build sites with and without it).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Any

from jinja2 import Environment
from mkdocs.structure.nav import Navigation, Section
from mkdocs.utils.templates import url_filter

PARTIAL = "partials/nav.html"


def _entries(items: list[Any]) -> Iterator[Any]:
    for item in items:
        yield item
        if isinstance(item, Section):
            yield from _entries(item.children)


def _key(context: Any) -> Hashable | None:
    """What the partial's output depends on for this page, or None to render it as usual."""
    page, nav, config = context.get("page"), context.get("nav"), context.get("config")
    if page is None or not isinstance(nav, Navigation) or config is None or page in nav.pages:
        return None
    home = config.extra.get("homepage") or (nav.homepage.url if nav.homepage else None)
    addresses: list[object] = [None if home is None else url_filter(context, home)]
    if config.theme.get("logo"):
        addresses.append(url_filter(context, config.theme["logo"]))
    for entry in _entries(nav.items):
        url = getattr(entry, "url", None)
        active = getattr(entry, "active", False)
        addresses.append((active, None if url is None else url_filter(context, url)))
    return id(nav), tuple(addresses)


def share_primary_navigation(env: Environment) -> None:
    """Make the theme's navigation partial reuse its output where the key above is equal."""
    try:
        template = env.get_template(PARTIAL)
    except Exception:  # a theme without this partial: nothing to share
        return
    render = template.root_render_func
    rendered: dict[Hashable, str] = {}

    def root_render_func(context: Any) -> Iterator[str]:
        key = _key(context)
        if key is None:
            yield from render(context)
            return
        html = rendered.get(key)
        if html is None:
            html = rendered[key] = env.concat(render(context))
        yield html

    template.root_render_func = root_render_func
