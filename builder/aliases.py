"""`briefs suggest --add NAME --to ACTOR`: write a name into an actor file as an alias.

The file is edited as text, so its comments and layout stay: the name joins a flow list
(`aliases: [a, b]`), a block list (`aliases:` then `- a` lines), or a new `aliases:` line after
`type:`. A name the actor (or another actor) already has is refused, as is a file in a shape this
does not recognise; nothing is ever overwritten otherwise.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from builder.link.normalise import fold_name, lower
from builder.load.corpus import FOLDERS, Kind
from builder.suggest import name_places
from builder.validate.corpus import ValidatedCorpus

_FLOW = re.compile(r"^aliases:[ \t]*\[(?P<items>[^\]\n]*)\][ \t]*(?P<rest>#.*)?$", re.M)
_BLOCK = re.compile(r"^aliases:[ \t]*(?:#.*)?\n(?P<items>(?:[ \t]+-[^\n]*\n)+)", re.M)
_TYPE = re.compile(r"^type:[^\n]*\n", re.M)


def add_alias(root: Path, corpus: ValidatedCorpus, name: str, actor_id: str) -> str | None:
    """Add `name` to the actor's aliases; None on success, else why not."""
    if actor_id not in corpus.actors:
        return f"no actor '{actor_id}'"
    places = name_places(corpus).get(lower(fold_name(name)))
    if places:
        return f"'{name}' is already a name of actor '{places[0][0]}'"
    path = root / FOLDERS[Kind.ACTOR] / f"{actor_id}.yml"
    text = path.read_text(encoding="utf-8")
    quoted = json.dumps(name, ensure_ascii=False)
    if flow := _FLOW.search(text):
        items = flow["items"].strip()
        joined = f"{items}, {quoted}" if items else quoted
        rest = f" {flow['rest']}" if flow["rest"] else ""
        text = text[: flow.start()] + f"aliases: [{joined}]{rest}" + text[flow.end() :]
    elif block := _BLOCK.search(text):
        last = block["items"].rstrip("\n").split("\n")[-1]
        indent = last[: len(last) - len(last.lstrip())]
        text = text[: block.end()] + f"{indent}- {quoted}\n" + text[block.end() :]
    elif "\naliases:" in f"\n{text}":
        where = path.relative_to(root).as_posix()
        return f"{where}: its aliases are in a form this cannot edit; add '{name}' by hand"
    elif kind := _TYPE.search(text):
        text = text[: kind.end()] + f"aliases: [{quoted}]\n" + text[kind.end() :]
    else:
        return f"{path.relative_to(root).as_posix()} has no 'type:' line to add aliases after"
    path.write_text(text, encoding="utf-8")
    return None
