"""Analysis: symmetric contradictions, the as-of date, and deadline states in words."""

from __future__ import annotations

import datetime as dt

from builder.analyze import analyze, deadline_state
from builder.link import link
from builder.load.corpus import load_corpus
from builder.validate import validate
from builder.validate.models import Deadline
from tests.conftest import FIXTURE_CORPUS

SEED = "000_13b623c90cd3069e"


def deadline(due: str) -> Deadline:
    return Deadline.model_validate({"id": "d", "what": "w", "due": due})


def test_deadline_states_count_from_the_as_of_date() -> None:
    as_of = dt.date(2025, 4, 10)
    assert deadline_state(deadline("2025-05-07"), as_of) == "due in 27 days (as of 2025-04-10)"
    assert deadline_state(deadline("2025-04-11"), as_of) == "due in 1 day (as of 2025-04-10)"
    assert deadline_state(deadline("2025-04-10"), as_of) == "due today"
    assert deadline_state(deadline("2025-04-09"), as_of) == "passed 1 day ago"
    assert deadline_state(deadline("2025-03-01"), as_of) == "passed 40 days ago"


def test_seed_contradictions_show_on_both_sides() -> None:
    analysis = analyze(link(validate(load_corpus(FIXTURE_CORPUS))).model).analysis
    assert analysis is not None
    assert analysis.as_of == dt.date(2025, 4, 10)
    assert analysis.contradicted_by(f"{SEED}#talks-indirect") == (f"{SEED}#direct-talks",)
    assert analysis.contradicted_by(f"{SEED}#direct-talks") == (f"{SEED}#talks-indirect",)
    assert analysis.contradicted_by(f"{SEED}#militias-disarm") == (
        f"{SEED}#arsenals-boosted",
        f"{SEED}#missiles-shipped",
    )
    assert analysis.contradicted_by(f"{SEED}#new-models") == ()
