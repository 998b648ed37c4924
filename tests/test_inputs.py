"""A preview renders again only the pages an edit changed, and never shows a stale page.

The proof is the randomized test: random edits of every kind to a fictional corpus, and after
each one the pages kept and re-rendered from the ledger (builder/render/inputs.py) must equal a
full render of the same corpus, byte for byte.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import hashlib
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from builder.pipeline import build_pages
from builder.render import inputs, parallel
from builder.render.inputs import WHOLE, Inputs, Ledger, Watched, changes, derived

PROJECT = Path(__file__).resolve().parent.parent
ARTICLES = 40


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("inputs") / "corpus"
    command = [sys.executable, str(PROJECT / "tools" / "corpus.py"), str(ARTICLES), str(root)]
    subprocess.run(command, check=True, capture_output=True)
    return root


@pytest.fixture
def ledger() -> Iterator[Ledger]:
    inputs.keep(False)
    inputs.keep(True)
    assert inputs.LEDGER is not None
    try:
        yield inputs.LEDGER
    finally:
        inputs.keep(False)


# --- the parts ---------------------------------------------------------------------------------


def test_watched_notes_each_key_read_and_whole_reads() -> None:
    watched = Watched("things", {"a": 1, "b": 2})
    seen: list[object] = []

    def reads() -> None:
        seen.extend(
            [watched["a"], watched.get("zz"), "b" in watched, len(watched), sorted(watched)]
        )

    other = Watched("others", {"x": 1})

    def copies() -> None:
        seen.append(copy.deepcopy(other))
        seen.append(f"{printed}")

    printed = Watched("printed", {"y": 2})

    inputs.keep(False)
    inputs.keep(True)
    try:
        derived(_call, reads)
        entry = next(iter(inputs.LEDGER.entries.values()))  # type: ignore[union-attr]
        derived(_call, copies)
        copied = list(inputs.LEDGER.entries.values())[1]  # type: ignore[union-attr]
    finally:
        inputs.keep(False)
    assert seen == [1, None, True, 2, ["a", "b"], {"x": 1}, "{'y': 2}"]
    assert type(seen[-2]) is dict
    assert entry.reads == {("things", "a"), ("things", "zz"), ("things", "b"), ("things", WHOLE)}
    assert copied.reads == {("others", WHOLE), ("printed", WHOLE)}


def _call(function: Callable[[], object]) -> object:
    return function()


def _twice(analysis: object, value: int) -> int:
    return value * 2


def test_a_derived_value_is_kept_until_a_key_it_read_changes() -> None:
    calls: list[str] = []
    first = Watched("things", {"a": 1, "b": 2})

    def read_a() -> int:
        calls.append("a")
        return int(first["a"])

    ledger = Ledger()
    inputs.LEDGER = ledger
    try:
        ledger.begin(Inputs({"things": first}, {}))
        assert derived(_call, read_a) == 1
        ledger.begin(Inputs({"things": Watched("things", {"a": 1, "b": 3})}, {}))
        assert derived(_call, read_a) == 1  # only "b" changed: kept
        assert calls == ["a"]
        ledger.begin(Inputs({"things": Watched("things", {"a": 5, "b": 3})}, {}))
        first["a"] = 5  # what read_a sees now
        assert derived(_call, read_a) == 5
        assert calls == ["a", "a"]
        ledger.begin(Inputs({"things": Watched("things", {"a": 5, "b": 3})}, {"as_of": 1}))
        assert ledger.entries == {}  # anything else changed: nothing is kept
    finally:
        inputs.keep(False)


def test_changes_see_order_and_removed_keys_and_equal_values() -> None:
    before = Inputs({"t": Watched("t", {"a": {"x": 1, "y": 2}, "b": (1, 2), "c": 3})}, {"p": 1})
    same = Inputs({"t": Watched("t", {"a": {"x": 1, "y": 2}, "b": (1, 2), "c": 3})}, {"p": 1})
    assert changes(before, same) == set()
    reordered = Inputs({"t": Watched("t", {"a": {"y": 2, "x": 1}, "b": (1, 2)})}, {"p": 1})
    assert changes(before, reordered) == {("t", "a"), ("t", "c"), ("t", WHOLE)}
    moved = Inputs({"t": Watched("t", {"b": (1, 2), "a": {"x": 1, "y": 2}, "c": 3})}, {"p": 1})
    assert changes(before, moved) == {("t", WHOLE)}
    assert changes(before, Inputs(same.keyed, {"p": 2})) is None


def test_derived_values_need_module_level_functions_and_hashable_arguments() -> None:
    inputs.keep(True)
    try:
        with pytest.raises(ValueError, match=r"module-level function, not .*<lambda>"):
            derived(lambda: 1)
        with pytest.raises(TypeError, match="unhashable"):
            derived(_twice, None, [1])
        with pytest.raises(ValueError, match=r"module-level function, not Ledger.valid"):
            derived(Ledger().valid, None)  # a method: its object would not be in the key
        assert derived(_twice, None, 4) == 8
    finally:
        inputs.keep(False)


# --- the whole render --------------------------------------------------------------------------


def _sub(path: Path, pattern: str, replacement: str, count: int = 1) -> bool:
    text = path.read_text(encoding="utf-8")
    new, made = re.subn(pattern, replacement, text, count=count, flags=re.MULTILINE)
    if made:
        path.write_text(new, encoding="utf-8")
    return bool(made)


def _article(root: Path, rng: random.Random) -> Path:
    return rng.choice(sorted((root / "seeds").glob("art-*.yml")))


def _actor(root: Path, rng: random.Random) -> Path:
    return rng.choice(sorted((root / "briefs" / "actors").glob("*.yml")))


def edit_title(root: Path, rng: random.Random) -> None:
    _sub(_article(root, rng), r"^title: .*$", f"title: Fictional retitled {rng.randrange(999)}")


def edit_published(root: Path, rng: random.Random) -> None:
    day = dt.date(2030, 1, 1) + dt.timedelta(days=rng.randrange(900))
    _sub(_article(root, rng), r"^published: .*$", f"published: {day.isoformat()}")


def edit_claim(root: Path, rng: random.Random) -> None:
    path = _article(root, rng)
    if rng.random() < 0.5:
        _sub(path, r"^    text: Fictional claim .*$", "    text: Fictional claim, reworded.")
    else:
        _sub(path, r"^    credibility: \d$", f"    credibility: {rng.randint(1, 6)}")


def edit_event(root: Path, rng: random.Random) -> None:
    when = rng.choice(["last week", "on Monday", "yesterday", "2031-02-03", "in March"])
    _sub(_article(root, rng), r'^    when: ".*"$', f'    when: "{when}"')


def edit_text(root: Path, rng: random.Random) -> None:
    """Names an actor in a paragraph (or drops words): the article's mentions change."""
    text = _article(root, rng).with_suffix(".txt")
    names = [
        m.group(1)
        for p in (root / "briefs" / "actors").glob("*.yml")
        if (m := re.search(r'^name: "(.*)"$', p.read_text(encoding="utf-8"), re.MULTILINE))
    ]
    words = text.read_text(encoding="utf-8").split("\n")
    line = rng.randrange(1, len(words))
    words[line] = f"{words[line]} {rng.choice(names)} said." if rng.random() < 0.7 else "Quiet."
    text.write_text("\n".join(words), encoding="utf-8")


def edit_actor(root: Path, rng: random.Random) -> None:
    path = _actor(root, rng)
    choice = rng.random()
    if choice < 0.4:
        _sub(path, r'^name: "(.*)"$', r'name: "\1 Renamed"')
    elif choice < 0.7:
        _sub(path, r"^relations:\n(  - .*\n)", "relations:\n")
    else:
        _sub(path, r"^type: .*$", f"type: {rng.choice(['armed-group', 'person', 'state'])}")


def edit_topic(root: Path, rng: random.Random) -> None:
    path = rng.choice(sorted((root / "briefs" / "topics").glob("*.yml")))
    if rng.random() < 0.5:
        _sub(path, r"^title: .*$", f"title: Fictional topic renamed {rng.randrange(99)}")
    else:
        day = dt.date(2031, 1, 1) + dt.timedelta(days=rng.randrange(300))
        _sub(path, r"^updated: .*$", f"updated: {day.isoformat()}")


def add_article(root: Path, rng: random.Random) -> None:
    source = _article(root, rng)
    number = rng.randrange(90000, 99999)
    target = source.with_name(f"art-{number}.yml")
    shutil.copyfile(source.with_suffix(".txt"), target.with_suffix(".txt"))
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", f"title: Fictional copy {number}", text, flags=re.MULTILINE)
    target.write_text(text.replace("same_as: [", "same_as: [] #"), encoding="utf-8")


def edit_template(root: Path, rng: random.Random) -> None:
    path = root / "templates" / "pages" / "bucket.html.j2"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")


EDITS = [
    edit_title, edit_published, edit_claim, edit_event, edit_text, edit_actor, edit_topic,
    add_article, edit_template,
]  # fmt: skip


def _rendered(root: Path) -> list[tuple[str, str, bool]]:
    result = build_pages(root)
    return [(p.path, p.markdown, p.markup) for p in result.pages]


def _digest(pages: list[tuple[str, str, bool]]) -> str:
    return hashlib.sha256(repr(pages).encode("utf-8")).hexdigest()


FRESH = """
import hashlib, sys
from pathlib import Path
from builder.pipeline import build_pages
pages = [(p.path, p.markdown, p.markup) for p in build_pages(Path(sys.argv[1])).pages]
print(hashlib.sha256(repr(pages).encode("utf-8")).hexdigest())
"""


def _fresh_digest(root: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", FRESH, str(root)], check=True, capture_output=True, text=True
    )
    return done.stdout.strip()


def _first_difference(kept: list[tuple[str, str, bool]], full: list[tuple[str, str, bool]]) -> str:
    paths = dict((p, (m, k)) for p, m, k in kept), dict((p, (m, k)) for p, m, k in full)
    if paths[0].keys() != paths[1].keys():
        return f"pages differ: {sorted(paths[0].keys() ^ paths[1].keys())[:5]}"
    return next(p for p in paths[1] if paths[0][p] != paths[1][p])


@settings(
    max_examples=6,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # a shrink would take minutes
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    edits=st.lists(st.sampled_from(EDITS), min_size=3, max_size=7),
    seed=st.integers(0, 2**32 - 1),
)
def test_pages_kept_and_rendered_again_equal_a_full_render_after_random_edits(
    corpus: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    edits: list[Callable[[Path, random.Random], None]],
    seed: int,
) -> None:
    root = tmp_path_factory.mktemp("edited") / "corpus"
    shutil.copytree(corpus, root)
    rng = random.Random(seed)
    monkeypatch.setattr(parallel, "MIN_PAGES", 10)  # the first build forks workers
    inputs.keep(False)
    inputs.keep(True)
    ledger = inputs.LEDGER
    assert ledger is not None
    try:
        first = _rendered(root)
        assert first and ledger.computed > len(first) / 2
        for edit in edits:
            edit(root, rng)
            kept = _rendered(root)
            inputs.LEDGER = None
            full = _rendered(root)
            inputs.LEDGER = ledger
            assert kept == full, f"after {edit.__name__}: {_first_difference(kept, full)}"
        # And equal to a render by a process of its own: nothing this one keeps (the reuse
        # memo, caches of excerpts and conversions) may hide a stale page from the test.
        assert _digest(kept) == _fresh_digest(root)
    finally:
        inputs.keep(False)


def test_one_edited_title_renders_few_pages_again(corpus: Path, ledger: Ledger) -> None:
    first = build_pages(corpus)
    sidecar = corpus / "seeds" / "art-00003.yml"
    original = sidecar.read_text(encoding="utf-8")
    try:
        _sub(sidecar, r"^title: .*$", "title: Fictional title for the ledger test")
        again = build_pages(corpus)
    finally:
        sidecar.write_text(original, encoding="utf-8")
    rendered_again = {key[2] for key in ledger.fresh if key[1] == "render_article"}
    assert "art-00003" in rendered_again
    assert ledger.computed < len(first.pages) / 4
    page = next(p for p in again.pages if p.path == "articles/art-00003.md")
    assert "Fictional title for the ledger test" in page.markdown


def test_articles_from_the_same_files_compare_equal_at_once_and_others_field_by_field(
    corpus: Path,
) -> None:
    """A preview compares every article on every rebuild: by digest when both were checked
    from the same files, field by field otherwise."""
    from builder.pipeline import check

    first, second = check(corpus).analysis, check(corpus).analysis
    assert first is not None and second is not None
    a, b = first.model.articles["art-00001"], second.model.articles["art-00001"]
    assert a is not b and a.digest and a == b
    retitled = a.record.model_copy(update={"title": "Fictional other title"})
    other_files = dataclasses.replace(a, record=retitled, digest=b"other files")
    assert other_files != b  # another digest: field by field
    assert dataclasses.replace(a, digest=b"") == dataclasses.replace(b, digest=b"")
    changed = dataclasses.replace(a, record=retitled, digest=b"")
    assert changed != dataclasses.replace(b, digest=b"")
