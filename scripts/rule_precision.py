"""Measure how often each rule's facts are right on the labelled corpora, and how much each doubt
lowers the odds: the table the confidence stage reads (``pipeline/data/rule_precision.json``).

    python -m scripts.rule_precision            # rewrite the table from ../shared/corpus/{dev,realish,prose}
    python -m scripts.rule_precision --check    # exit 1 when the stored table is not what a rerun gives
    python -m scripts.rule_precision --report   # precision and recall by confidence, fitted and cross-validated

A measurement tool, not the pipeline: it reads the gold labels (``NAME.gold.json``), runs the
pipeline's stages up to extraction on each labelled input, raises each output fact's doubts
(``pipeline.stages.confidence.doubts``) and judges the fact against the labels as the scorer would
(``scripts.gold_match``). Facts the labels do not cover (no role, or a kind the article's labels
leave out) are not counted.

The fit (``docs/confidence.md``): a fact's log-odds of being right are its rule's base plus the
weights of the doubts it raises. Bases and weights are fitted together so that, for every rule and
every doubt, the expected number of right facts equals the counted one, each count starting with
pseudo-facts: a rule's at its kind's precision (a rule seen a few times is not trusted more than its
kind), a doubt's at the weight its entry presumes (a doubt seen a few times still counts), and a
doubt's weight on one kind of fact starting from its weight over all kinds. A weight is never above
zero: a doubt only lowers confidence. Where most of a rule's facts are wrong, its base is at most their
share right (with the same pseudo-facts): doubts may account for some of a rule's facts being wrong, not
for most of them. Last, the caps: the articles are split into eight folds, each
rated by a table fitted without it, and where the facts rated c or above on held-out articles were
right less often than c, a fact rated c or above is capped at what they reached.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pipeline.process import extracted
from pipeline.rules.loader import DATA
from pipeline.rules.precision import (
    FIELDS,
    TABLE,
    Base,
    Cap,
    FieldWeight,
    Prior,
    Table,
    Weight,
    confidence,
    doubts_declared,
    read_table,
    sigmoid,
)
from pipeline.stages.assemble import assemble
from pipeline.stages.confidence import doubts, field_of
from schemas.article import Article, Fact
from scripts.gold_match import SCORED, Gold, Tally, field_facts

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpus"
NAMES = ("dev", "realish", "prose")
PRIOR = Prior(rule_facts=8.0, doubt_facts=4.0, field_doubt_facts=4.0, doubt_weight=round(math.log(0.5), 4))
MAX_ROUNDS, TOLERANCE = 200, 1e-7
# The caps come from ratings by tables fitted without a fold of the articles; those ratings are floored
# to two decimals, so their fits stop sooner.
FOLDS, HELD_OUT_TOLERANCE = 8, 1e-5
ABOUT = ("Measured by scripts/rule_precision.py (python -m scripts.rule_precision); see docs/confidence.md. "
         "fields/rules: facts counted, right, and base (the smoothed precision a fact starts from); "
         "doubts: facts counted, right, and weight (log-odds added when the doubt is raised).")


@dataclass(frozen=True)
class Judged:
    """One output fact of a labelled article: its kind, rule, doubts and whether it is right (None:
    the labels do not say)."""

    field: str
    rule: str
    doubts: tuple[str, ...]
    right: bool | None


@dataclass
class Labelled:
    corpus: str
    name: str
    gold: Gold
    article: Article
    judged: dict[str, list[Judged]]  # by field, in the order of ``field_facts``

    def all_judged(self) -> list[Judged]:
        return [j for field in self.judged.values() for j in field]


def _input(gold_path: Path) -> Path:
    stem = gold_path.name.removesuffix(".gold.json")
    found = [p for p in gold_path.parent.iterdir() if p.stem == stem and not p.name.endswith(".json")]
    if len(found) != 1:
        raise SystemExit(f"{gold_path}: expected one input beside it, found {len(found)}")
    return found[0]


def label(corpus: str, gold_path: Path) -> Labelled:
    """Run the stages on a labelled input and judge each output fact against its labels."""
    source = _input(gold_path)
    doc, seg, roles, sentences, facts, relevance = extracted(source.read_bytes(), source.name)
    article = assemble(doc, seg, roles, facts, relevance)
    gold = Gold(json.loads(gold_path.read_text(encoding="utf-8")), article)
    by_span = {(s.start, s.end): s for s in sentences}

    def raised(fact: Fact) -> tuple[str, ...]:
        s = by_span[(fact.evidence.start, fact.evidence.end)]
        return doubts(fact, s, seg.sections[s.section], roles)

    judged: dict[str, list[Judged]] = {}
    for name in FIELDS:
        facts_of = _facts_of(article, name)
        right = gold.match(name, facts_of).right if name in SCORED else [None] * len(facts_of)
        judged[name] = [Judged(field_of(f), f.rule, raised(f), ok) for f, ok in zip(facts_of, right, strict=True)]
    return Labelled(corpus, gold_path.name.removesuffix(".gold.json"), gold, article, judged)


def _facts_of(article: Article, name: str) -> list[Fact]:
    if name == "requirements":
        return [q for q in article.requirements if field_of(q) == "requirements"]
    return field_facts(article, name)


def labelled(corpora: Path = CORPORA, names: Iterable[str] = NAMES) -> list[Labelled]:
    return [label(name, path) for name in names for path in sorted((corpora / name).glob("*.gold.json"))]


# The fit.


def _solve(target: float, offsets: list[float], prior_offset: float, prior_facts: float) -> float:
    """x such that sum(sigmoid(o + x)) + prior_facts * sigmoid(prior_offset + x) == target (Newton, bounded)."""
    x = 0.0
    for _ in range(50):
        ps = [sigmoid(o + x) for o in offsets] + [sigmoid(prior_offset + x)]
        weights = [1.0] * len(offsets) + [prior_facts]
        value = sum(w * p for w, p in zip(weights, ps, strict=True)) - target
        slope = sum(w * p * (1 - p) for w, p in zip(weights, ps, strict=True))
        step = max(-2.0, min(2.0, value / max(slope, 1e-9)))
        x = max(-12.0, min(12.0, x - step))
        if abs(step) < 1e-9:
            break
    return x


class _Fit:
    """Bases and weights fitted together (see the module's docstring), round after round."""

    def __init__(self, judged: list[Judged], prior: Prior, start: _Fit | None = None) -> None:
        self.prior = prior
        self.by_field: dict[str, list[Judged]] = defaultdict(list)
        self.by_rule: dict[tuple[str, str], list[Judged]] = defaultdict(list)
        self.by_doubt: dict[str, list[Judged]] = defaultdict(list)
        self.by_field_doubt: dict[tuple[str, str], list[Judged]] = defaultdict(list)
        for j in judged:
            if j.right is None:
                continue
            self.by_field[j.field].append(j)
            self.by_rule[(j.field, j.rule)].append(j)
            for d in j.doubts:
                self.by_doubt[d].append(j)
                self.by_field_doubt[(d, j.field)].append(j)
        self.field_offset = {f: 0.0 for f in self.by_field}
        self.rule_offset = {key: 0.0 for key in self.by_rule}
        self.presumed = {d.id: math.log(d.prior) for d in doubts_declared()}
        self.weight = dict(self.presumed)
        self.field_weight = {key: prior.doubt_weight for key in self.by_field_doubt}
        if start is not None:  # a fit on nearly the same facts converges from where that one ended
            _carry(self.field_offset, start.field_offset)
            _carry(self.rule_offset, start.rule_offset)
            _carry(self.weight, start.weight)
            _carry(self.field_weight, start.field_weight)

    def doubts_of(self, j: Judged, leave: str = "") -> float:
        return sum(self.field_weight.get((d, j.field), self.weight[d]) for d in j.doubts if d != leave)

    def rest(self, items: list[Judged], leave: str) -> list[float]:
        return [self.rule_offset[(j.field, j.rule)] + self.doubts_of(j, leave) for j in items]

    def round(self) -> float:
        """One pass over every base and weight; how far the farthest moved."""
        before = self.parameters()
        prior = self.prior
        for f, items in self.by_field.items():
            self.field_offset[f] = _solve(_right(items) + 0.5, [self.doubts_of(j) for j in items], 0.0, 1.0)
        for key, items in self.by_rule.items():
            target = _right(items) + prior.rule_facts * sigmoid(self.field_offset[key[0]])
            self.rule_offset[key] = _solve(target, [self.doubts_of(j) for j in items], 0.0, prior.rule_facts)
            if 2 * _right(items) < len(items):  # most of its facts wrong: no doubts excuse the rule
                share = target / (len(items) + prior.rule_facts)
                self.rule_offset[key] = min(self.rule_offset[key], math.log(share / (1 - share)))
        for d, items in self.by_doubt.items():
            rest = self.rest(items, d)
            mean = sum(rest) / len(rest)
            target = _right(items) + prior.doubt_facts * sigmoid(mean + self.presumed[d])
            self.weight[d] = min(0.0, _solve(target, rest, mean, prior.doubt_facts))
        for (d, f), items in self.by_field_doubt.items():
            rest = self.rest(items, d)
            mean = sum(rest) / len(rest)
            target = _right(items) + prior.field_doubt_facts * sigmoid(mean + self.weight[d])
            self.field_weight[(d, f)] = min(0.0, _solve(target, rest, mean, prior.field_doubt_facts))
        return max((abs(a - b) for a, b in zip(before, self.parameters(), strict=True)), default=0.0)

    def parameters(self) -> list[float]:
        return [*self.field_offset.values(), *self.rule_offset.values(), *self.weight.values(),
                *self.field_weight.values()]

    def run(self, tolerance: float = TOLERANCE) -> _Fit:
        for _ in range(MAX_ROUNDS):
            if self.round() < tolerance:
                break
        return self

    @staticmethod
    def base(items: list[Judged], offset: float) -> Base:
        return Base(facts=len(items), right=_right(items), base=_probability(offset))

    def table(self, corpora: list[str]) -> Table:
        fields = {f: self.base(self.by_field[f], self.field_offset[f]) for f in sorted(self.by_field)}
        rules: dict[str, dict[str, Base]] = defaultdict(dict)
        for key in sorted(self.by_rule):
            rules[key[0]][key[1]] = self.base(self.by_rule[key], self.rule_offset[key])
        doubts: dict[str, Weight] = {}
        for d, w in self.weight.items():
            items = self.by_doubt[d]
            per_field = {f: FieldWeight(facts=len(self.by_field_doubt[(d, f)]),
                                        right=_right(self.by_field_doubt[(d, f)]),
                                        weight=round(self.field_weight[(d, f)], 4))
                         for f in FIELDS if (d, f) in self.field_weight}
            doubts[d] = Weight(facts=len(items), right=_right(items), weight=round(w, 4), fields=per_field)
        # A kind of fact no label measures is trusted no more than the least precise measured kind.
        default = min((b.base for b in fields.values()), default=0.5)
        return Table(about=ABOUT, corpora=corpora, prior=self.prior, default=default, fields=fields,
                     rules=dict(rules), doubts=doubts)


K = TypeVar("K")


def _carry(mine: dict[K, float], theirs: dict[K, float]) -> None:
    mine.update((key, value) for key, value in theirs.items() if key in mine)


def _right(items: list[Judged]) -> int:
    return sum(1 for j in items if j.right)


def fit(judged: list[Judged], corpora: list[str], prior: Prior = PRIOR) -> Table:
    """The table of these facts, without caps (``capped`` adds them)."""
    return _Fit(judged, prior).run().table(corpora)


Held = list[tuple[float, bool]]


def held_out(articles: list[Labelled], start: _Fit, folds: int = FOLDS) -> dict[int, Held]:
    """Each article's judged facts, rated by a table fitted without its fold (article n is in fold
    n % folds): (confidence, right), by article."""
    out: dict[int, Held] = {}
    for fold in range(min(folds, len(articles))):
        train = [j for n, a in enumerate(articles) if n % folds != fold for j in a.all_judged()]
        table = _Fit(train, start.prior, start).run(HELD_OUT_TOLERANCE).table([])
        for n, article in enumerate(articles):
            if n % folds == fold:
                out[n] = [(confidence(table, j.field, j.rule, j.doubts), bool(j.right))
                          for j in article.all_judged() if j.right is not None]
    return out


def caps(held: Held) -> list[Cap]:
    """Where facts rated on articles the table was not fitted on fall short of their confidence: for a
    confidence c, the lowest share right among the facts at any confidence of c or above; a cap where that
    is below c (so that a fact at c or above is at most that)."""
    ranked = sorted(held, reverse=True)
    shares: list[tuple[float, float]] = []
    right = 0
    for n, (c, ok) in enumerate(ranked, 1):
        right += ok
        if n == len(ranked) or ranked[n][0] != c:
            shares.append((c, right / n))
    out: list[Cap] = []
    lowest = 1.0
    for c, share in shares:
        lowest = min(lowest, share)
        cap = math.floor(lowest * 100 + 1e-9) / 100
        if cap < c:
            out.append(Cap(raw=c, cap=cap))
    return sorted(out, key=lambda k: k.raw)


def capped(table: Table, held: Held) -> Table:
    return table.model_copy(update={"caps": caps(held)})


def _probability(offset: float) -> float:
    return min(0.9999, max(0.0001, round(sigmoid(offset), 4)))


def render(table: Table) -> str:
    return json.dumps(table.model_dump(), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def measure(corpora: Path = CORPORA) -> tuple[Table, list[Labelled]]:
    """The table of the labelled corpora: fitted on all their articles, capped by leaving each out in turn."""
    articles = labelled(corpora)
    state = _Fit([j for a in articles for j in a.all_judged()], PRIOR).run()
    held = held_out(articles, state)
    return capped(state.table(list(NAMES)), [pair for pairs in held.values() for pair in pairs]), articles


# The report: precision and recall at a confidence, fitted and cross-validated.


Rater = Callable[[Labelled, Judged], float]


def rater(table: Table) -> Rater:
    return lambda article, j: confidence(table, j.field, j.rule, j.doubts)


def tallies(articles: list[Labelled], rate: Rater, threshold: float, above: bool = True) -> dict[str, Tally]:
    """Item counts per scored field over the facts rated at or above ``threshold`` (below it, when not ``above``)."""
    out = {name: Tally() for name in SCORED}
    for article in articles:
        for name in SCORED:
            kept = [(rate(article, j) >= threshold) == above for j in article.judged[name]]
            match = article.gold.match(name, field_facts(article.article, name), kept.__getitem__)
            out[name].add(match.tally)
    return out


def _by_corpus(articles: list[Labelled]) -> Rater:
    """Each corpus rated by a table fitted (and capped) on the other corpora alone."""
    tables: dict[str, Table] = {}
    for corpus in sorted({a.corpus for a in articles}):
        train = [a for a in articles if a.corpus != corpus]
        state = _Fit([j for a in train for j in a.all_judged()], PRIOR).run()
        held = held_out(train, state)
        tables[corpus] = capped(state.table(sorted({a.corpus for a in train})),
                                [pair for pairs in held.values() for pair in pairs])
    return lambda article, j: confidence(tables[article.corpus], j.field, j.rule, j.doubts)


def _by_article(articles: list[Labelled]) -> Rater:
    """Each article rated by a table fitted on the others, capped by the others' held-out ratings (which
    came from tables that saw the article: a small leak, where a nested round would take minutes)."""
    state = _Fit([j for a in articles for j in a.all_judged()], PRIOR).run()
    held = held_out(articles, state)
    tables: dict[int, Table] = {}
    for n in range(len(articles)):
        others = [j for m, a in enumerate(articles) if m != n for j in a.all_judged()]
        tables[id(articles[n])] = capped(_Fit(others, PRIOR, state).run(HELD_OUT_TOLERANCE).table([]),
                                         [pair for m, pairs in held.items() if m != n for pair in pairs])
    return lambda article, j: confidence(tables[id(article)], j.field, j.rule, j.doubts)


def calibration(articles: list[Labelled], rate: Rater) -> list[tuple[float, int, float]]:
    """For each confidence c a fact has: the facts at c or above and the share of them right."""
    pairs = sorted(((rate(a, j), bool(j.right)) for a in articles for j in a.all_judged() if j.right is not None),
                   reverse=True)
    out: list[tuple[float, int, float]] = []
    right = 0
    for n, (c, ok) in enumerate(pairs, 1):
        right += ok
        if n == len(pairs) or pairs[n][0] != c:
            out.append((c, n, right / n))
    return out


def report(articles: list[Labelled], table: Table, threshold: float = 0.9) -> str:
    lines = []
    views = [("fitted on all", rater(table)), ("corpus held out", _by_corpus(articles)),
             ("article held out", _by_article(articles))]
    for title, rate in views:
        lines.append(f"== {title}: facts at confidence >= {threshold} / below it (items, as the scorer counts)")
        high, low = tallies(articles, rate, threshold), tallies(articles, rate, threshold, above=False)
        every = tallies(articles, rate, 0.0)
        for name in SCORED:
            h, lo, a = high[name], low[name], every[name]
            lines.append(f"{name:<10} >=: P {h.precision:.3f} R {h.recall:.3f} ({h.tp}/{h.fp})   "
                         f"<: P {lo.precision:.3f} ({lo.tp}/{lo.fp})   all: P {a.precision:.3f} R {a.recall:.3f}")
        broken = [(c, n, p) for c, n, p in calibration(articles, rate) if p < c]
        lines.append("calibration (share right of facts at c or above >= c): "
                     + ("holds at every c" if not broken else
                        "fails at " + ", ".join(f"c={c:.2f} ({n} facts, {p:.3f})" for c, n, p in broken[:6])))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="folder of the labelled corpora")
    parser.add_argument("--check", action="store_true", help="exit 1 when the stored table is stale")
    parser.add_argument("--report", action="store_true", help="print precision and recall by confidence")
    args = parser.parse_args(argv)
    if not all((args.corpora / name).is_dir() for name in NAMES):
        print(f"error: {args.corpora} lacks one of {', '.join(NAMES)}", file=sys.stderr)
        return 2
    table, articles = measure(args.corpora)
    path = DATA / TABLE
    if args.check:
        stale = not path.is_file() or read_table(path.read_text(encoding="utf-8")) != table
        print(f"{path.name} is {'stale: run python -m scripts.rule_precision' if stale else 'up to date'}")
        return 1 if stale else 0
    if args.report:
        print(report(articles, table))
        return 0
    path.write_text(render(table), encoding="utf-8")
    facts = sum(b.facts for b in table.fields.values())
    print(f"wrote {path} ({facts} judged facts of {len(articles)} articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
